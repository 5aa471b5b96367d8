/// The one place that decides whether a user may carry out an action: (role, action) →
/// allowed or denied, from the ``PermissionMatrix`` and ``Action/requirements``.
///
/// ```swift
/// let authorizer = Authorizer(matrix: .defaults)
/// authorizer.decide(.read, .set)   // .denied(missing: [.write])
/// ```
public struct Authorizer: Sendable {
    public var matrix: PermissionMatrix

    public init(matrix: PermissionMatrix) { self.matrix = matrix }

    public enum Decision: Sendable, Hashable {
        case allowed
        case denied(missing: Set<Permission>)

        public var isAllowed: Bool { self == .allowed }
    }

    public func decide(_ role: Role, _ action: Action) -> Decision {
        let missing = action.requiredPermissions.subtracting(matrix[role])
        return missing.isEmpty ? .allowed : .denied(missing: missing)
    }
}
