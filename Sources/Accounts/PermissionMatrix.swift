/// Which permissions each role holds. It is data an administrator edits (`hlmcs roles
/// grant|revoke`); ``defaults`` is SPEC.md's default matrix.
///
/// The administrator role can never lose ``Permission/manageUsers`` or
/// ``Permission/manageRoles``: ``revoking(_:from:)`` refuses it, so no edit can lock every
/// administrator out of user and role management.
public struct PermissionMatrix: Sendable, Hashable {
    public private(set) var permissions: [Role: Set<Permission>]

    public init(_ permissions: [Role: Set<Permission>]) {
        self.permissions = permissions
    }

    /// SPEC.md's default matrix (the manual's user-rights table, В2.7, as we read it).
    public static let defaults = PermissionMatrix([
        .read: [.read, .export],
        .configurator: [.read, .export, .setClock, .write, .settingsFile],
        .administrator: Set(Permission.allCases),
    ])

    /// Permissions the administrator role always keeps.
    public static let protectedAdministratorPermissions: Set<Permission> = [.manageUsers, .manageRoles]

    public subscript(role: Role) -> Set<Permission> { permissions[role] ?? [] }

    public func allows(_ role: Role, _ permission: Permission) -> Bool {
        self[role].contains(permission)
    }

    /// The matrix with `permission` granted to `role` (granting twice is no change).
    public func granting(_ permission: Permission, to role: Role) -> PermissionMatrix {
        var copy = self
        copy.permissions[role, default: []].insert(permission)
        return copy
    }

    /// The matrix with `permission` taken from `role`.
    /// - Throws: ``AccountsError/protectedPermission(_:role:)`` for the administrator's
    ///   `manage-users` and `manage-roles`.
    public func revoking(_ permission: Permission, from role: Role) throws(AccountsError) -> PermissionMatrix {
        try Self.checkRevoke(permission, from: role)
        var copy = self
        copy.permissions[role, default: []].remove(permission)
        return copy
    }

    /// The guard behind ``revoking(_:from:)``, for stores that edit the matrix row by row.
    public static func checkRevoke(_ permission: Permission, from role: Role) throws(AccountsError) {
        if role == .administrator && protectedAdministratorPermissions.contains(permission) {
            throw .protectedPermission(permission, role: role)
        }
    }
}
