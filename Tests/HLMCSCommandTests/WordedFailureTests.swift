import Accounts
import AccountStore
import Foundation
import Testing

/// Every command with a broken `--db`, `--map` or `--trace` (issues 14 and 15): a worded
/// message and exit status 2, never a Swift or Foundation dump.
@Suite struct WordedFailureTests {
    static let admin = DeviceCommandTests.admin
    static let link = ["--tcp", "127.0.0.1:9"]

    /// Each command with the least it needs, LINK where it takes one.
    static let deviceCommands: [[String]] = [
        ["info"], ["get", "1/0.0.96.1.0.255/2"], ["set", "45/0.0.25.4.0.255/2", "internet"], ["clock"], ["gprs"], ["ip"],
        ["meters"], ["topology"], ["profile", "daily", "--point", "1"], ["events"], ["settings", "export", "x.set"],
        ["settings", "import", "x.set"], ["firmware", "image.bin"], ["clear", "events", "--point", "0", "--yes"], ["objects"],
    ]
    static let otherCommands: [[String]] = [
        ["ports"], ["users", "list"], ["users", "add", "someone", "--role", "read"], ["roles", "list"], ["audit"],
    ]

    /// The marks of a message nobody worded.
    static func isDump(_ text: String) -> Bool {
        ["Error Domain", "NSCocoaErrorDomain", "Optional(", "Swift.", "DLMS.", "ES951.", "(errno:", "Code=", "userInfo"]
            .contains { text.contains($0) }
    }

    @Test func aBrokenDatabaseIsWordedByEveryCommand() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let folder = hlmcs.folder.appendingPathComponent("a-folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A path under a regular file cannot be made, even by root (ENOTDIR).
        let file = hlmcs.folder.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        // Every command with one broken database; every kind of broken path with one
        // command (they meet the same code before anything else).
        let all = Self.deviceCommands.map { $0 + Self.link } + Self.otherCommands
        let runs = all.map { ($0, "/dev/null") } + ["", folder, file + "/x/db.sqlite"].map { (["audit"], $0) }
        for (command, db) in runs {
            do {
                let r = try await hlmcs.run(command + ["--db", db, "--lang", "en"], as: Self.admin, stdin: "pass-word-1\n")
                #expect(r.status == 2, "\(command) --db \(db): \(r.status) \(r.stderr)")
                #expect(!Self.isDump(r.stderr) && !r.stderr.isEmpty, "\(command) --db \(db): \(r.stderr)")
            }
        }
    }

    @Test func aBrokenMapOrTraceIsWordedByEveryDeviceCommand() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        try store.initialize(administratorPassword: Self.admin.1, now: Date())
        let notJSON = hlmcs.folder.appendingPathComponent("map.json").path
        try Data("{\"format\": 1, \"objects\": [".utf8).write(to: URL(fileURLWithPath: notJSON))
        let environment = ["HLMCS_LLS_PASSWORD": "admin@emis", "HLMCS_NEW_SECRET": "x"]
        let cases: [([String], String)] = [
            (["--map", notJSON], "not JSON"), (["--trace", "/nonexistent-hlmcs/t.txt"], "Cannot create the trace file"),
        ]
        // Every device command with a broken map and a broken trace; the other kinds
        // with one command.
        let runs = Self.deviceCommands.flatMap { command in cases.map { (command, $0) } } + [
            (["info"], (["--map", "/nonexistent-hlmcs.json"], "cannot be read")),
            (["info"], (["--map", hlmcs.folder.path], "cannot be read")),
            (["info"], (["--trace", hlmcs.folder.path], "Cannot create the trace file")),
        ]
        for (command, (option, expected)) in runs {
            do {
                let r = try await hlmcs.run(command + Self.link + option + ["--lang", "en"], as: Self.admin, environment: environment)
                // A command that checks its own arguments first (a missing image or .set
                // file) may stop there: still status 2 and words.
                #expect(r.status == 2, "\(command) \(option): \(r.status) \(r.stderr)")
                #expect(!Self.isDump(r.stderr), "\(command) \(option): \(r.stderr)")
                if !r.stderr.contains("x.set") && !r.stderr.contains("image.bin") {
                    #expect(r.stderr.contains(expected), "\(command) \(option): \(r.stderr)")
                }
            }
        }
    }
}
