/// Why an account rule refused something. Structured data only: the executable turns it
/// into text in the user's language. Never carries a password.
public enum AccountsError: Error, Sendable, Hashable {
    case passwordTooShort(minimum: Int)
    case passwordEqualsLogin
    case invalidUserName(String)
    case unknownRole(String)
    case unknownPermission(String)
    /// The administrator role always keeps `manage-users` and `manage-roles`.
    case protectedPermission(Permission, role: Role)
    /// The last user with the administrator role cannot be deleted or given another role.
    case lastAdministrator(name: String)
    /// A user may not delete themself (the next command or login would fail): another
    /// administrator does it.
    case cannotDeleteSelf(name: String)
    case malformedPasswordHash
    case malformedSecret
    /// The sealed secret could not be opened: wrong login password or altered data.
    case secretUnreadable
    case cryptoFailure
}
