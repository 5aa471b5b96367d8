import Accounts
import AccountStore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Helper for `scripts/kill-writer.sh`: hammers the account database with small
/// transactions until killed, and checks the database afterwards.
///
///     hlmcs-stress-writer write DB      # prints each committed key after its COMMIT
///     hlmcs-stress-writer check DB KEYS # integrity_check; every printed key present
///     hlmcs-stress-writer bench         # time of one production (600,000-round) hash
@main
enum StressWriter {
    static func main() throws {
        let arguments = CommandLine.arguments
        if arguments.dropFirst().first == "bench" { return try bench() }
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: hlmcs-stress-writer write DB | check DB KEYS\n".utf8))
            exit(2)
        }
        let store = try AccountStore(path: arguments[2], hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        switch arguments[1] {
        case "write": try write(store)
        case "check": try check(store, keysFile: arguments[3])
        default: exit(2)
        }
    }

    /// Each transaction writes an audit entry and a settings row with the same key; the
    /// key is printed (one `write(2)`) only after the transaction committed.
    static func write(_ store: AccountStore) throws {
        let pid = getpid()
        var i = 0
        while true {
            i += 1
            let key = "\(pid)-\(i)"
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO audit_log (time, user, action, target, outcome) VALUES (?, 'stress', 'stress', ?, 'success')",
                               arguments: [AuditEntry.timestamp(Date()), key])
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?)", arguments: ["stress-" + key, key])
            }
            let line = Array((key + "\n").utf8)
            _ = line.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
        }
    }

    static func bench() throws {
        let hasher = PasswordHasher()
        _ = try hasher.hash("warm-up-password")
        var times: [Double] = []
        for _ in 0 ..< 3 {
            let start = ContinuousClock.now
            _ = try hasher.hash("benchmark-password")
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        print(String(format: "PBKDF2-SHA256 %d rounds: min %.3f s, max %.3f s (3 runs)", hasher.rounds, times.min()!, times.max()!))
    }

    static func check(_ store: AccountStore, keysFile: String) throws {
        let committed = try String(contentsOfFile: keysFile, encoding: .utf8).split(separator: "\n").map(String.init)
        let (integrity, auditKeys, settingKeys) = try store.writer.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Set(String.fetchAll(db, sql: "SELECT target FROM audit_log WHERE action = 'stress'")),
             try Set(String.fetchAll(db, sql: "SELECT value FROM settings WHERE key LIKE 'stress-%'")))
        }
        let missing = committed.filter { !auditKeys.contains($0) || !settingKeys.contains($0) }
        let halves = auditKeys.symmetricDifference(settingKeys)
        print("integrity_check: \(integrity.joined(separator: "; "))")
        print("committed (printed after COMMIT): \(committed.count)")
        print("rows in audit_log: \(auditKeys.count), in settings: \(settingKeys.count)")
        print("committed but missing: \(missing.count)")
        print("half-written transactions: \(halves.count)")
        exit(integrity == ["ok"] && missing.isEmpty && halves.isEmpty ? 0 : 1)
    }
}
