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

/// Issue 14: the decision a store takes in one write transaction per attempt.
@Suite struct LoginAdmissionTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func attemptsAtOnceAreHeardOnlyAsIfTypedInARow() {
        // Twenty attempts at the same moment, none answered yet: each reservation is seen
        // by the next, so the free attempts are heard and the rest wait.
        var state = LoginBackoff()
        var heard = 0
        for _ in 0 ..< 20 {
            if case .heard(let reserved) = state.admitting(at: t0) {
                heard += 1
                state = reserved
            }
        }
        #expect(heard == LoginBackoff.freeAttempts)
        #expect(state.admitting(at: t0) == .backedOff(wait: 30))
    }

    @Test func afterTheBackOffBeganOneAttemptIsHeardPerDelay() {
        let state = LoginBackoff(failures: 5, lastFailure: t0)
        #expect(state.admitting(at: t0.addingTimeInterval(10)) == .backedOff(wait: 20))
        guard case .heard(let reserved) = state.admitting(at: t0.addingTimeInterval(30)) else {
            Issue.record("not heard after the delay")
            return
        }
        #expect(reserved == LoginBackoff(failures: 6, lastFailure: t0.addingTimeInterval(30)))
        #expect(reserved.admitting(at: t0.addingTimeInterval(30)) == .backedOff(wait: 60))
    }
}
