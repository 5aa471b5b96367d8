/// A saved connection (SPEC.md F-24). `link` is the connection as stored data (the
/// program's link spec as versioned JSON; LINK-option text in profiles saved before);
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
