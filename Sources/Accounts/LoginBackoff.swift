import Foundation

/// The back-off after failed logins: after ``freeAttempts`` failures in a row, each
/// further attempt must wait, 30 s after the fifth failure, doubling with each one,
/// at most 15 minutes. A successful login resets the count.
///
/// Pure: time comes in as a value, so it is tested without a clock.
public struct LoginBackoff: Sendable, Hashable {
    public static let freeAttempts = 5
    public static let firstDelay: TimeInterval = 30
    public static let maximumDelay: TimeInterval = 15 * 60

    /// Failed logins in a row.
    public var failures: Int
    /// When the last of them happened.
    public var lastFailure: Date?

    public init(failures: Int = 0, lastFailure: Date? = nil) {
        self.failures = failures
        self.lastFailure = lastFailure
    }

    /// How long to wait after the last failure before the next attempt is heard.
    public var delay: TimeInterval {
        guard failures >= Self.freeAttempts else { return 0 }
        let doublings = min(failures - Self.freeAttempts, 10)
        return min(Self.firstDelay * pow(2, Double(doublings)), Self.maximumDelay)
    }

    /// Seconds to wait before an attempt at `now` is heard; 0 when it may go ahead.
    public func waitBeforeAttempt(at now: Date) -> TimeInterval {
        guard let lastFailure, delay > 0 else { return 0 }
        return max(0, lastFailure.addingTimeInterval(delay).timeIntervalSince(now))
    }

    /// What becomes of a login attempt at `now`: heard, or refused for a while.
    public enum Admission: Sendable, Hashable {
        /// The password is checked. `reserved` is what to store *before* checking it: the
        /// attempt counted as a failure until the password proves right, so that an
        /// attempt arriving meanwhile sees it (issue 14: twenty attempts at once after
        /// the back-off began got twenty checks, where the first one alone may be heard).
        case heard(reserved: LoginBackoff)
        /// Not heard: the seconds left before an attempt is.
        case backedOff(wait: TimeInterval)
    }

    /// Whether an attempt at `now` is heard and, if so, the state that reserves it. A
    /// store reads the state, decides and writes `reserved` in one write transaction, so
    /// attempts made at once are decided one after another, as if typed in a row; the
    /// right password then resets the count (``recordingSuccess()``).
    public func admitting(at now: Date) -> Admission {
        let wait = waitBeforeAttempt(at: now)
        return wait > 0 ? .backedOff(wait: wait) : .heard(reserved: recordingFailure(at: now))
    }

    public func recordingFailure(at now: Date) -> LoginBackoff {
        LoginBackoff(failures: failures + 1, lastFailure: now)
    }

    public func recordingSuccess() -> LoginBackoff { LoginBackoff() }
}
