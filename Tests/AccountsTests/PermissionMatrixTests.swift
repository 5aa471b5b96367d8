import Accounts
import Testing

@Suite struct PermissionMatrixTests {
    /// SPEC.md's default matrix, written out cell by cell: (permission, Read, Configurator, Administrator).
    static let expected: [(String, Bool, Bool, Bool)] = [
        ("manage-users", false, false, true),
        ("manage-roles", false, false, true),
        ("read", true, true, true),
        ("export", true, true, true),
        ("set-clock", false, true, true),
        ("write", false, true, true),
        ("settings-file", false, true, true),
        ("clear", false, false, true),
        ("firmware", false, false, true),
    ]

    @Test func permissionIdentifiersAreSpecsVocabulary() {
        #expect(Permission.allCases.map(\.rawValue) == Self.expected.map(\.0))
    }

    @Test(arguments: Self.expected.indices)
    func defaultMatrixHasEveryCellOfTheSpec(row: Int) throws {
        let (identifier, read, configurator, administrator) = Self.expected[row]
        let permission = try #require(Permission(identifier: identifier))
        #expect(PermissionMatrix.defaults.allows(.read, permission) == read)
        #expect(PermissionMatrix.defaults.allows(.configurator, permission) == configurator)
        #expect(PermissionMatrix.defaults.allows(.administrator, permission) == administrator)
    }

    @Test func rolesParseCaseInsensitivelyWithRussianLabels() {
        #expect(Role(parsing: "read") == .read)
        #expect(Role(parsing: "READ") == .read)
        #expect(Role(parsing: "Configurator") == .configurator)
        #expect(Role(parsing: "administrator") == .administrator)
        #expect(Role(parsing: "Чтение") == .read)
        #expect(Role(parsing: "конфигуратор") == .configurator)
        #expect(Role(parsing: "АДМИНИСТРАТОР") == .administrator)
        #expect(Role(parsing: "root") == nil)
        #expect(Role(parsing: "") == nil)
    }

    @Test func permissionsParseOnlyTheirIdentifiers() {
        #expect(Permission(identifier: "set-clock") == .setClock)
        #expect(Permission(identifier: "SETTINGS-FILE") == .settingsFile)
        #expect(Permission(identifier: "setClock") == nil)
        #expect(Permission(identifier: "admin") == nil)
    }

    @Test func grantAndRevokeEditTheMatrix() throws {
        let granted = PermissionMatrix.defaults.granting(.clear, to: .read)
        #expect(granted.allows(.read, .clear))
        let revoked = try granted.revoking(.export, from: .read)
        #expect(revoked[.read] == [.read, .clear])
        #expect(PermissionMatrix.defaults.granting(.read, to: .read) == PermissionMatrix.defaults)
    }

    @Test(arguments: [Permission.manageUsers, .manageRoles])
    func administratorRoleKeepsUserAndRoleManagement(permission: Permission) throws {
        #expect(throws: AccountsError.protectedPermission(permission, role: .administrator)) {
            try PermissionMatrix.defaults.revoking(permission, from: .administrator)
        }
        // Another role may lose them.
        let matrix = try PermissionMatrix.defaults.granting(permission, to: .configurator).revoking(permission, from: .configurator)
        #expect(!matrix.allows(.configurator, permission))
    }

    @Test func administratorMayLoseOtherPermissions() throws {
        let matrix = try PermissionMatrix.defaults.revoking(.firmware, from: .administrator)
        #expect(!matrix.allows(.administrator, .firmware))
    }
}
