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

    public func recordingFailure(at now: Date) -> LoginBackoff {
        LoginBackoff(failures: failures + 1, lastFailure: now)
    }

    public func recordingSuccess() -> LoginBackoff { LoginBackoff() }
}
