/// A right a role may hold: the permission vocabulary of SPEC.md ("Default permission
/// matrix"). The raw value is the identifier `hlmcs roles grant|revoke` takes.
public enum Permission: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    /// Manage users, and read the audit log.
    case manageUsers = "manage-users"
    case manageRoles = "manage-roles"
    /// Read parameters.
    case read
    /// Export data (CSV/Excel).
    case export
    /// Set the clock or the time zone.
    case setClock = "set-clock"
    case write
    /// Export/import `.set` files.
    case settingsFile = "settings-file"
    /// Clear data (including removing meters).
    case clear
    case firmware

    /// Parses a permission identifier exactly as SPEC.md spells it (case-insensitive).
    public init?(identifier: String) {
        self.init(rawValue: identifier.lowercased())
    }

    public static func < (a: Permission, b: Permission) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
