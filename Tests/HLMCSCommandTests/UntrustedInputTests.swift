import TestWaiting
import Accounts
import AccountStore
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What comes from outside besides the device (issue 14): secrets in traces, empty
/// values, a database that cannot record the audit, signals, files and options that are
/// wrong. Each gets a worded message and its exit status; nothing is lost or leaked.
@Suite struct UntrustedInputTests {
    static let admin = DeviceCommandTests.admin
    static let lls = DeviceCommandTests.lls

    // MARK: 5. Secrets

    @Test func aNewLLSPasswordNeverReachesTheTraceAndTheTraceIsPrivate() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let trace = hlmcs.folder.appendingPathComponent("trace.txt").path
        let secret = "Sup3r-Secret-77"
        let r = try await hlmcs.run(["set", "--tcp", sim.address, "--lls", "--trace", trace, "15/0.0.40.0.2.255/7"], as: Self.admin,
                              environment: Self.lls.merging(["HLMCS_NEW_SECRET": secret]) { $1 })
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        let hex = Array(secret.utf8).map { String(format: "%02x", $0) }.joined(separator: " ")
        #expect(!text.contains(hex), "the new secret is in the trace")
        let old = Array("admin@emis".utf8).map { String(format: "%02x", $0) }.joined(separator: " ")
        #expect(!text.contains(old), "the LLS password is in the trace")
        #expect(text.contains("2a 2a 2a 2a"))
        var status = stat()
        #expect(stat(trace, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(!r.stderr.contains(secret) && !r.stdout.contains(secret))
    }

    @Test func aSecretOnTheCommandLineIsRefusedNamingTheVariable() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let r = try await hlmcs.run(["set", "--tcp", "127.0.0.1:9", "--lls", "15/0.0.40.0.2.255/7", "plain-text", "--lang", "en"], as: Self.admin)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("HLMCS_NEW_SECRET"), "\(r.stderr)")
    }

    // MARK: 6. Empty or blank values are never written

    @Test(arguments: [
        ["clock", "--time-zone", ""], ["clock", "--time-zone", " "],
        ["set", "1/0.0.96.1.0.255/2", ""], ["set", "1/0.0.96.1.0.255/2", "12a"], ["set", "45/0.0.25.4.0.255/2", "  "],
    ])
    func aBlankOrMalformedValueIsRefusedBeforeTheDevice(arguments: [String]) async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run([arguments[0], "--tcp", sim.address, "--lls", "--lang", "en"] + arguments.dropFirst(), as: Self.admin,
                              environment: Self.lls)
        #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
        let serial = try await hlmcs.run(["get", "--tcp", sim.address, "1/0.0.96.1.0.255/2"], as: Self.admin)
        #expect(serial.lines.first == "1/0.0.96.1.0.255/2 = 95100001")
    }

    // MARK: 7. The audit entry is written before the device write, or nothing is sent

    @Test func aDatabaseThatCannotRecordStopsTheWriteBeforeTheDevice() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        // The database takes the login's entries but refuses the write's (as a database
        // locked or full at that moment would; AccountStoreTests' DatabaseConditionTests
        // show a real lock is worded as one): the write must not be sent.
        let queue = try DatabaseQueue(path: hlmcs.database)
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_started BEFORE INSERT ON audit_log WHEN NEW.outcome = 'started'
                BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END
                """)
        }
        try queue.close()
        let r = try await hlmcs.run(["set", "--tcp", sim.address, "--lls", "--lang", "en", "1/0.0.25.4.128.255/2", "300"], as: Self.admin,
                              environment: Self.lls)
        #expect(r.status == 2, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("The audit log cannot be written (audit refused by the test): nothing was sent"), "\(r.stderr)")
        let after = try await hlmcs.run(["get", "--tcp", sim.address, "1/0.0.25.4.128.255/2"], as: Self.admin)
        #expect(after.lines.first == "1/0.0.25.4.128.255/2 = 180", "the write was sent: \(after.stdout)")
    }

    @Test func aWriteIsAuditedNamingTheConcentrator() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--serial-number", "95100042"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["set", "--tcp", sim.address, "--lls", "--lang", "en", "1/0.0.25.4.128.255/2", "240"], as: Self.admin,
                              environment: Self.lls)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("writing to concentrator 95100042 (EMSES95195100042)"), "\(r.stderr)")
        let audit = try await hlmcs.run(["audit"], as: Self.admin)
        #expect(audit.lines.contains { $0.contains("1/0.0.25.4.128.255/2 = 240 @ 95100042 (EMSES95195100042)") && $0.hasSuffix("ok") },
                "\(audit.stdout)")
    }

    @Test func aFileNameWithEscapesIsInertInTheAuditLog() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let file = hlmcs.folder.appendingPathComponent("x\u{1B}[2J\u{1B}]0;t\u{07}.set").path
        let export = try await hlmcs.run(["settings", "export", "--tcp", sim.address, file], as: Self.admin)
        #expect(export.status == 0, "\(export.stderr)")
        let audit = try await hlmcs.run(["audit"], as: Self.admin)
        #expect(HostileDeviceTests.isInert(audit.stdout), "\(audit.stdout.debugDescription)")
        #expect(audit.stdout.contains("x\\x1b[2J\\x1b]0;t\\x07.set"), "\(audit.stdout)")
    }

    // MARK: 8. Accounts and the database

    @Test func accountInputsAreRefusedInWords() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        // A new password that is not UTF-8 (Windows-1251 "пароль") is refused, not repaired.
        let cp1251 = Data([0xEF, 0xE0, 0xF0, 0xEE, 0xEB, 0xFC, 0xEF, 0xE0, 0xF0, 0xEE, 0xEB, 0xFC, 0x0A])
        let init1251 = try await hlmcs.run(["users", "init", "--lang", "en"], input: cp1251)
        #expect(init1251.status == 2 && init1251.stderr.contains("not valid UTF-8"), "\(init1251.stderr)")
        let ok = try await hlmcs.run(["users", "init"], stdin: Self.admin.1 + "\n")
        #expect(ok.status == 0, "\(ok.stderr)")
        // A lookalike of the administrator (Latin A, then Cyrillic "Аdministrator").
        let lookalike = try await hlmcs.run(["users", "add", "\u{0410}dministrator", "--role", "read", "--lang", "en"], as: Self.admin,
                                      stdin: "reader-pass-1\n")
        #expect(lookalike.status == 2 && lookalike.stderr.contains("looks like"), "\(lookalike.stderr)")
        // The database: empty path, a device, a file others may read.
        let empty = try await hlmcs.run(["audit", "--db", "", "--lang", "en"], as: Self.admin)
        #expect(empty.status == 2 && empty.stderr.contains("The database path is empty"), "\(empty.stderr)")
        let devNull = try await hlmcs.run(["audit", "--db", "/dev/null", "--lang", "en"], as: Self.admin)
        #expect(devNull.status == 2 && devNull.stderr.contains("not a regular file"), "\(devNull.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        chmod(hlmcs.database, 0o644)
        let open = try await hlmcs.run(["audit", "--lang", "en"], as: Self.admin)
        #expect(open.status == 2 && open.stderr.contains("Run: chmod 600 \(hlmcs.database)"), "\(open.stderr)")
        for r in [init1251, lookalike, empty, devNull, open] {
            #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("Error Domain"), "\(r.stderr)")
        }
    }

    // MARK: 9. Signals, files and options

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalMidReadLeavesNoFileAndReleases(signal number: Int32) async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--meters", "1000", "--baud", "9600"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let csv = hlmcs.folder.appendingPathComponent("meters.csv").path
        let process = Process()
        process.executableURL = CommandRunner.binary
        let trace = hlmcs.folder.appendingPathComponent("trace.txt").path
        process.arguments = ["meters", "--tcp", sim.address, "--csv", csv, "--trace", trace]
        process.environment = hlmcs.environment.merging(["HLMCS_USER": Self.admin.0, "HLMCS_PASSWORD": Self.admin.1]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exit = try process.start()
        defer { process.kill() }
        // Wait until the list is being read: the temporary file exists and the device
        // has been asked for the first page (checked on each change in the folder).
        let folder = hlmcs.folder.path
        @Sendable func reading() -> Bool {
            let tmp = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.contains { $0.hasSuffix(".tmp") } ?? false
            let lines = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n")
            return tmp && lines.count > 8        // associated, and the first page asked for
        }
        _ = await waitForFiles(in: folder, seconds: 20, until: reading)
        #expect(reading())
        kill(process.processIdentifier, number)
        let stopped = Date()
        let status = try await exit.value(within: 20, "hlmcs meters after signal \(number)")
        #expect(status == 128 + number)
        #expect(Date().timeIntervalSince(stopped) < 5)
        let left = try FileManager.default.contentsOfDirectory(atPath: hlmcs.folder.path).filter { $0.hasSuffix(".tmp") || $0 == "meters.csv" }
        #expect(left.isEmpty, "\(left)")
        // The release request (RLRQ, tag 0x62 after the LLC) was sent.
        let sent = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").filter { $0.contains(" > ") }
        #expect(sent.contains { $0.contains("e6 e6 00 62") }, "no release: \(sent.suffix(3))")
    }

    @Test func traceFileProblemsAreFileErrors() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let missing = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "en", "--trace", "/nonexistent/dir/t.txt"], as: Self.admin)
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("Cannot create the trace file /nonexistent/dir/t.txt"), "\(missing.stderr)")
        let full = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "en", "--trace", "/dev/full"], as: Self.admin)
        #expect(full.status == 2, "\(full.stderr)")
        #expect(full.stderr.contains("Writing the trace file /dev/full failed"), "\(full.stderr)")
        #expect(full.stdout.isEmpty)
    }

    @Test func optionsAndFilesAreWordedNotDumped() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        try store.initialize(administratorPassword: Self.admin.1, now: Date())
        let point = try await hlmcs.run(["profile", "--tcp", "127.0.0.1:9", "daily", "--point", "65536", "--lang", "en"], as: Self.admin)
        #expect(point.status == 2, "\(point.stderr)")
        #expect(point.stderr.contains("Not a metering point: 65536"), "\(point.stderr)")
        let noMap = try await hlmcs.run(["info", "--tcp", "127.0.0.1:9", "--map", "/nonexistent.json", "--lang", "en"], as: Self.admin)
        #expect(noMap.status == 2 && noMap.stderr.contains("cannot be read: no such file"), "\(noMap.stderr)")
        let notJSON = hlmcs.folder.appendingPathComponent("map.json").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: notJSON))
        let badMap = try await hlmcs.run(["info", "--tcp", "127.0.0.1:9", "--map", notJSON, "--lang", "en"], as: Self.admin)
        #expect(badMap.status == 2 && badMap.stderr.contains("not JSON"), "\(badMap.stderr)")
        for r in [point, noMap, badMap] {
            #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("Optional(") && !r.stderr.contains("badJSON"), "\(r.stderr)")
        }
    }
}
