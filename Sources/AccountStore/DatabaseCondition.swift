import GRDB

/// Why the database refused a read or write, in the few kinds a person acts on, taken
/// from SQLite's result code (never from the message's text): another program holds it,
/// it is read-only, the disk is full, or something else (with SQLite's own words).
public enum DatabaseCondition: Sendable, Equatable {
    case locked
    case readOnly
    case full
    case other(String)

    /// The condition of `error`; nil when it is no database error at all.
    public init?(_ error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked
        case .SQLITE_READONLY: self = .readOnly
        case .SQLITE_FULL: self = .full
        default: self = .other(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}
