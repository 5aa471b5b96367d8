import Foundation

/// One line of the audit log: when (UTC), who, what, on what, and how it ended. Never
/// holds a password.
public struct AuditEntry: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case success, failure, denied
        /// A device write recorded before it is sent; its entry becomes success or
        /// failure when it ends. One left `started` means the program was stopped (or the
        /// database became unwritable) mid-write: the device may or may not have it.
        case started
    }

    public var time: Date
    /// The acting login; for a failed login, the name that was tried.
    public var user: String
    /// `login`, `login-failed`, `users-add`, `roles-grant`, or an ``Action`` raw value.
    public var action: String
    public var target: String
    public var outcome: Outcome

    public init(time: Date, user: String, action: String, target: String = "", outcome: Outcome) {
        self.time = time
        self.user = user
        self.action = action
        self.target = target
        self.outcome = outcome
    }

    /// The timestamp form stored and shown: ISO 8601 in UTC with milliseconds, fixed
    /// width, so text order is time order (`2026-11-01T06:00:00.000Z`).
    public static func timestamp(_ date: Date) -> String {
        UTCTimestamp.text(date)
    }

    public static func date(fromTimestamp text: String) -> Date? {
        UTCTimestamp.date(text)
    }
}
