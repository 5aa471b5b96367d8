import Accounts

/// A logged-in user, as ``AccountStore/login(name:password:now:)`` returns it. The role
/// is what it was at login; every action re-reads the current role before it is allowed.
public struct Session: Sendable, Hashable {
    public let user: String
    public let role: Role

    package init(user: String, role: Role) {
        self.user = user
        self.role = role
    }
}
