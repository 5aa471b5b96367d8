import Accounts
@testable import AccountStore
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
    @Test func migratesAnEmptyDatabase() throws {
        // Given an empty database, when the store opens it,
        let queue = try DatabaseQueue()
        _ = try AccountStore(writer: queue, hasher: fastHasher)
        // then every migration is applied and every table is there,
        let applied = try queue.read { try AccountStore.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AccountStore.migrationNames))
        let tables = try queue.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        }
        #expect(tables == ["users", "roles", "role_permissions", "audit_log", "connection_profiles", "settings", "object_lists"])
        // with the default matrix and the first-run administrator without a password.
        let matrix = try queue.read { try AccountStore.matrix($0) }
        #expect(matrix == .defaults)
        let admin = try queue.read { try AccountStore.userRow($0, UserName.firstAdministrator) }
        #expect(admin?.role == .administrator)
        #expect(admin?.passwordHash == nil)
    }

    @Test(arguments: AccountStore.migrationNames.indices)
    func migratesFromEachEarlierVersion(applied: Int) throws {
        // Given a database left at an earlier version, holding data,
        let queue = try DatabaseQueue()
        try AccountStore.migrator.migrate(queue, upTo: AccountStore.migrationNames[applied])
        let hash = try fastHasher.hash("bob-password").encoded
        try queue.write { db in
            try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES ('bob', 'Configurator', ?, 'x')", arguments: [hash])
            try db.execute(sql: "DELETE FROM role_permissions WHERE role = 'Read' AND permission = 'export'")
            try db.execute(sql: "INSERT INTO audit_log (time, user, action, target, outcome) VALUES ('2027-01-01T00:00:00.000Z', 'bob', 'login', '', 'success')")
            if applied >= 1 {
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('k', 'v')")
            }
        }
        // when the store opens it,
        let store = try AccountStore(writer: queue, hasher: fastHasher)
        // then it is at the newest version and nothing was lost.
        #expect(try queue.read { try AccountStore.migrator.hasCompletedMigrations($0) })
        let bob = try store.login(name: "bob", password: "bob-password", now: t0)
        #expect(bob.role == .configurator)
        #expect(try queue.read { try AccountStore.matrix($0) }[.read] == [.read])
        #expect(try store._allAuditEntries().first?.action == "login")
        if applied >= 1 { #expect(try store.setting("k") == "v") }
    }
}
