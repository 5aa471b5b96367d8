import Accounts

/// One user as the Users screen lists it (no password, only whether one is set).
public struct UserRow: Hashable, Sendable {
    public var name: String
    public var role: Role
    /// False for an account whose password was never set (the first administrator).
    public var hasPassword: Bool

    public init(name: String, role: Role, hasPassword: Bool) {
        self.name = name
        self.role = role
        self.hasPassword = hasPassword
    }
}
