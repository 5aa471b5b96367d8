import AccountStore
import Foundation
import GRDB
import Testing

/// Database failures told apart by SQLite's result code (issue 14: "locked by another
/// program" must mean a real lock, not a message that happens to say so).
@Suite struct DatabaseConditionTests {
    @Test func aDatabaseHeldByAnotherConnectionIsLocked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-cond-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let holder = try DatabaseQueue(path: path)
        try holder.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        var quick = Configuration()
        quick.busyMode = .timeout(0.05)
        let other = try DatabaseQueue(path: path, configuration: quick)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            do {
                try other.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
                Issue.record("the write went through the lock")
            } catch {
                #expect(DatabaseCondition(error) == .locked, "\(error)")
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func otherFailuresKeepSQLitesWordsAndNonDatabaseErrorsAreNone() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x)")
            try db.execute(sql: "CREATE TRIGGER no BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'refused here'); END")
        }
        do {
            try queue.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
            Issue.record("no error")
        } catch {
            #expect(DatabaseCondition(error) == .other("refused here"), "\(error)")
        }
        #expect(DatabaseCondition(CocoaError(.fileNoSuchFile)) == nil)
    }
}
