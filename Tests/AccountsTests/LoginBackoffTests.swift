import Accounts
import Foundation
import Testing

@Suite struct LoginBackoffTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func fourFailuresCostNothing() {
        var backoff = LoginBackoff()
        for i in 0 ..< 4 { backoff = backoff.recordingFailure(at: t0.addingTimeInterval(Double(i))) }
        #expect(backoff.waitBeforeAttempt(at: t0.addingTimeInterval(4)) == 0)
    }

    @Test func theFifthFailureInARowSlowsTheNextAttempt() {
        var backoff = LoginBackoff()
        for _ in 0 ..< 5 { backoff = backoff.recordingFailure(at: t0) }
        #expect(backoff.waitBeforeAttempt(at: t0) == 30)
        #expect(backoff.waitBeforeAttempt(at: t0.addingTimeInterval(10)) == 20)
        #expect(backoff.waitBeforeAttempt(at: t0.addingTimeInterval(30)) == 0)
    }

    @Test func delayDoublesAndIsCapped() {
        #expect(LoginBackoff(failures: 6, lastFailure: t0).delay == 60)
        #expect(LoginBackoff(failures: 7, lastFailure: t0).delay == 120)
        #expect(LoginBackoff(failures: 50, lastFailure: t0).delay == 900)
    }

    @Test func successResets() {
        let backoff = LoginBackoff(failures: 9, lastFailure: t0).recordingSuccess()
        #expect(backoff.waitBeforeAttempt(at: t0) == 0)
        #expect(backoff.failures == 0)
    }
}
