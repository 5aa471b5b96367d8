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

/// A user as listed: never the hash.
public struct UserSummary: Sendable, Hashable, Codable {
    public let name: String
    public let role: Role
    public let hasPassword: Bool

    public init(name: String, role: Role, hasPassword: Bool) {
        self.name = name
        self.role = role
        self.hasPassword = hasPassword
    }
}

/// A saved connection (SPEC.md F-24). `link` is the connection as text (LINK options);
/// the LLS password, when kept, is sealed in the database and opened on demand.
public struct ConnectionProfile: Sendable, Hashable {
    public let owner: String
    public let name: String
    public let link: String
    public let hasLLSPassword: Bool

    public init(owner: String, name: String, link: String, hasLLSPassword: Bool) {
        self.owner = owner
        self.name = name
        self.link = link
        self.hasLLSPassword = hasLLSPassword
    }
}
