import Accounts
import Testing

@Suite struct AuthorizerTests {
    /// SPEC.md's action → permission paragraph, one row per action.
    static let table: [(Action, Set<Permission>)] = [
        (.info, [.read]), (.get, [.read]), (.meters, [.read]), (.topology, [.read]),
        (.profile, [.read]), (.events, [.read]), (.objects, [.read]), (.clockRead, [.read]),
        (.csvExport, [.read, .export]),
        (.set, [.write]), (.gprs, [.write]), (.ip, [.write]),
        (.serialNumberWrite, [.write]), (.llsPasswordWrite, [.write]),
        (.clockWrite, [.setClock]), (.timeZoneWrite, [.setClock]),
        (.settingsExport, [.settingsFile]), (.settingsImport, [.settingsFile, .write]), (.settingsPreview, [.settingsFile]),
        (.clear, [.clear]), (.firmware, [.firmware]),
        (.users, [.manageUsers]), (.audit, [.manageUsers]), (.roles, [.manageRoles]),
        (.ports, []), (.ownPassword, []),
    ]

    @Test func everyActionIsInTheTable() {
        #expect(Set(Self.table.map(\.0)) == Set(Action.allCases))
        #expect(Action.allCases.count == 26)
    }

    @Test(arguments: Self.table.indices)
    func actionNeedsSpecsPermissions(row: Int) {
        let (action, permissions) = Self.table[row]
        #expect(action.requiredPermissions == permissions)
    }

    @Test(arguments: Action.allCases)
    func decisionFollowsTheMatrixForEveryRole(action: Action) {
        let authorizer = Authorizer(matrix: .defaults)
        for role in Role.allCases {
            let allowed = action.requiredPermissions.isSubset(of: PermissionMatrix.defaults[role])
            #expect(authorizer.decide(role, action).isAllowed == allowed, "\(role) \(action)")
        }
        #expect(authorizer.decide(.administrator, action) == .allowed)
    }

    @Test func denialNamesWhatIsMissing() {
        let authorizer = Authorizer(matrix: .defaults)
        #expect(authorizer.decide(.read, .set) == .denied(missing: [.write]))
        #expect(authorizer.decide(.read, .settingsImport) == .denied(missing: [.settingsFile, .write]))
        #expect(authorizer.decide(.configurator, .users) == .denied(missing: [.manageUsers]))
        #expect(authorizer.decide(.read, .ports) == .allowed)
        #expect(authorizer.decide(.read, .ownPassword) == .allowed)
        // Import needs both: a role with only settings-file is still refused.
        let matrix = PermissionMatrix([.read: [.settingsFile]])
        #expect(Authorizer(matrix: matrix).decide(.read, .settingsImport) == .denied(missing: [.write]))
    }

    @Test func anEditedMatrixChangesDecisions() {
        let authorizer = Authorizer(matrix: PermissionMatrix.defaults.granting(.write, to: .read))
        #expect(authorizer.decide(.read, .set) == .allowed)
    }
}
