import Accounts

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
