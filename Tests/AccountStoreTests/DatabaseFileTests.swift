import Accounts
@testable import AccountStore
import Foundation
import GRDB
import Testing

@Suite struct DatabaseFileTests {
    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue & 0o777
    }

    @Test func defaultPathFollowsXDG() {
        #expect(DatabaseLocation.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]) == "/x/data/hlmcs/hlmcs.sqlite")
        #expect(DatabaseLocation.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/hlmcs/hlmcs.sqlite")
        #expect(DatabaseLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/share/hlmcs/hlmcs.sqlite")
    }

    @Test func newFolderIs0700AndFile0600InWALMode() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = DatabaseLocation.defaultPath(environment: ["XDG_DATA_HOME": root.path])
        let store = try AccountStore(path: path, hasher: fastHasher)
        #expect(try mode(root.path + "/hlmcs") == 0o700)
        #expect(try mode(path) == 0o600)
        let journal = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        try store.setSetting("k", "v")
        #expect(try mode(path + "-wal") == 0o600)
    }

    @Test func anExistingFolderKeepsItsMode() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.path + "/hlmcs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        _ = try AccountStore(path: folder + "/hlmcs.sqlite", hasher: fastHasher)
        #expect(try mode(folder) == 0o755)
        #expect(try mode(folder + "/hlmcs.sqlite") == 0o600)
    }

    @Test func twoPoolsWriteAtOnce() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/shared.sqlite"
        let first = try AccountStore(path: path, hasher: fastHasher)
        let second = try AccountStore(path: path, hasher: fastHasher)
        let perWriter = 200
        let errors = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2 * perWriter) { i in
            let store = i % 2 == 0 ? first : second
            do {
                try store.record(AuditEntry(time: t0, user: "w\(i % 2)", action: "test", target: "\(i)", outcome: .success))
            } catch { errors.add() }
        }
        #expect(errors.value == 0)
        let targets = try first.writer.read { try String.fetchSet($0, sql: "SELECT target FROM audit_log WHERE action = 'test'") }
        #expect(targets.count == 2 * perWriter)
        let integrity = try second.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func noPasswordStandsInTheDatabaseFiles() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/secrets.sqlite"
        let (store, admin) = try initializedStore(try AccountStore(path: path, hasher: fastHasher, secretBox: fastBox))
        let secrets = ["Zebra-Password-1", "Kangaroo-Password-2", "LLS-Secret-Pass-3", adminPassword]
        try store.addUser(name: "alice", role: .read, password: secrets[0], by: admin, now: t0)
        let alice = try store.login(name: "alice", password: secrets[0], now: t0)
        #expect(throws: (any Error).self) { try store.login(name: "alice", password: secrets[1], now: t0) }
        #expect(throws: (any Error).self) { try store.login(name: secrets[1], password: secrets[1], now: t0) }
        try store.saveProfile(name: "p", link: "--tcp h:1", llsPassword: secrets[2], loginPassword: secrets[0], by: alice, now: t0)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in \(file)")
            }
        }
        #expect(try store.llsPassword(profile: "p", loginPassword: secrets[0], by: alice) == secrets[2])
    }

    @Test func productionHashesStoreTheirRounds() throws {
        let store = try AccountStore(writer: DatabaseQueue())   // the default hasher: 600,000 rounds
        try store.initialize(administratorPassword: adminPassword, now: t0)
        let stored = try store.writer.read { try String.fetchOne($0, sql: "SELECT password_hash FROM users") }
        #expect(stored?.hasPrefix("pbkdf2-sha256$600000$") == true)
        #expect(try PasswordHash(encoded: stored!).salt.count == 16)
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
