import Accounts

/// Why the account store refused something. Rule violations (password too short, last
/// administrator, …) are thrown as ``AccountsError``, ``PasswordTextError`` (a password
/// that is not clean text) or ``UserNameError`` (a name that looks like one in use); a
/// database path refused before SQLite opens it as ``DatabaseFileError``; database
/// failures as GRDB's `DatabaseError`. Never carries a password.
public enum StorageError: Error, Sendable, Hashable {
    case userExists(name: String)
    case userNotFound(name: String)
    /// `users init` ran before: the administrator already has a password.
    case alreadyInitialized
    /// The account has no password yet (the first administrator before `users init`).
    case passwordNotSet(name: String)
    /// Wrong name or password. `retryAfter` is set once failures in a row reached the
    /// back-off threshold: the seconds before the next attempt is heard.
    case loginFailed(retryAfter: Int?)
    /// The attempt was not heard: too many failed logins in a row.
    case loginBackedOff(retryAfter: Int)
    case permissionDenied(Action, missing: Set<Permission>)
    case wrongCurrentPassword
    case profileNotFound(name: String)
}
