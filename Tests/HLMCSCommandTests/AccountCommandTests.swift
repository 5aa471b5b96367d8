import Foundation
import Testing

/// End to end: the real `hlmcs` binary, a temporary database per test.
@Suite struct AccountCommandTests {
    static let admin = ("Администратор", "admin-secret-1")
    static let alice = ("alice", "alice-pass-1")

    /// A database with the administrator's password set and alice (Read) added.
    func withAlice() async throws -> CommandRunner {
        let hlmcs = CommandRunner()
        let initRun = try await hlmcs.run(["users", "init"], stdin: Self.admin.1 + "\n")
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let add = try await hlmcs.run(["users", "add", "alice", "--role", "read"], as: Self.admin, stdin: Self.alice.1 + "\n")
        #expect(add.status == 0, "\(add.stderr)")
        return hlmcs
    }

    @Test func aNewUserLogsInIsRefusedWithStatus4AndAppearsInTheAudit() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        // alice logs in (environment) and changes her own password: no permission needed.
        let passwd = try await hlmcs.run(["users", "passwd", "alice"], as: Self.alice, stdin: "alice-pass-2\n")
        #expect(passwd.status == 0, "\(passwd.stderr)")
        let alice = ("alice", "alice-pass-2")
        // What the Read role does not allow: exit status 4.
        let grant = try await hlmcs.run(["roles", "grant", "read", "write"], as: alice)
        #expect(grant.status == 4)
        #expect(grant.stderr.contains("Permission denied"))
        let add = try await hlmcs.run(["users", "add", "bob", "--role", "read"], as: alice, stdin: "bob-password\n")
        #expect(add.status == 4)
        #expect(try await hlmcs.run(["audit"], as: alice).status == 4)
        #expect(try await hlmcs.run(["users", "list"], as: alice).status == 4)
        // The administrator sees alice and her denials.
        let users = try await hlmcs.run(["users", "list"], as: Self.admin)
        #expect(users.status == 0)
        #expect(users.lines.contains { $0.hasPrefix("alice\tRead") })
        let audit = try await hlmcs.run(["audit", "--json"], as: Self.admin)
        #expect(audit.status == 0, "\(audit.stderr)")
        let entries = try audit.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: String] }
        let denied = entries.filter { $0["user"] == "alice" && $0["outcome"] == "denied" }.map { $0["action"]! }
        #expect(denied == ["roles-grant", "users", "audit", "users-list"])
        #expect(entries.contains { $0["user"] == "alice" && $0["action"] == "login" && $0["outcome"] == "success" })
        #expect(entries.contains { $0["action"] == "users-add" && $0["target"] == "alice Read" })
        #expect(entries.allSatisfy { $0["time"]!.hasSuffix("Z") })
        // Text form, too.
        let text = try await hlmcs.run(["audit", "--lang", "en"], as: Self.admin)
        #expect(text.lines.contains { $0.contains("\talice\troles-grant\tRead write\tdenied") })
        #expect(text.lines.contains { $0.contains("\talice\tlogin\t") && $0.hasSuffix("\tok") }, "\(text.stdout)")
        // One vocabulary (issue 20 item 8): worded in text per language, stable English in JSON.
        let ru = try await hlmcs.run(["audit", "--lang", "ru"], as: Self.admin)
        #expect(ru.lines.contains { $0.contains("\talice\tlogin\t") && $0.hasSuffix("\tуспех") }, "\(ru.stdout)")
        #expect(ru.lines.contains { $0.contains("\talice\troles-grant\t") && $0.hasSuffix("\tотказано") }, "\(ru.stdout)")
        let jsonRu = try await hlmcs.run(["audit", "--json", "--lang", "ru"], as: Self.admin)
        let outcomes = Set(try jsonRu.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: String] }.compactMap { $0["outcome"] })
        #expect(outcomes.isSubset(of: ["success", "failure", "denied", "started"]) && outcomes.contains("denied"),
                "JSON words do not follow the language: \(outcomes)")
        // bob was never created.
        #expect(try await hlmcs.run(["users", "list", "--json"], as: Self.admin).stdout.contains("bob") == false)
    }

    @Test func initWorksOnceAndAcceptsTheLatinASpelling() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        // Before init the administrator cannot log in.
        #expect(try await hlmcs.run(["users", "list"], as: Self.admin).status == 4)
        #expect(try await hlmcs.run(["users", "init"], stdin: "short\n").status == 2)
        #expect(try await hlmcs.run(["users", "init"], stdin: Self.admin.1 + "\n").status == 0)
        let again = try await hlmcs.run(["users", "init"], stdin: "other-password\n")
        #expect(again.status == 2)
        #expect(again.stderr.contains("only once"))
        let latin = try await hlmcs.run(["users", "list", "--json"], as: ("Aдминистратор", Self.admin.1))
        #expect(latin.status == 0, "\(latin.stderr)")
        #expect(latin.stdout.contains("\"role\":\"Administrator\""))
    }

    @Test func wrongLoginsExitWith4AndFiveInARowSayBackOff() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        for attempt in 1 ... 5 {
            let run = try await hlmcs.run(["users", "list"], as: ("alice", "wrong-\(attempt)"))
            #expect(run.status == 4)
            #expect(run.stderr.contains("Login failed"))
            #expect(run.stderr.contains("Too many failed logins") == (attempt == 5))
        }
        let blocked = try await hlmcs.run(["users", "passwd", "alice"], as: Self.alice, stdin: "alice-pass-9\n")
        #expect(blocked.status == 4)
        #expect(blocked.stderr.contains("try again in"))
        // Without a login in the environment and no terminal: refused, not hung.
        let noLogin = try await hlmcs.run(["users", "list"])
        #expect(noLogin.status == 4)
        #expect(noLogin.stderr.contains("HLMCS_USER"))
    }

    @Test func badInputExitsWith2() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        for arguments in [["users", "add", "bob", "--role", "root"], ["roles", "grant", "read", "everything"],
                          ["roles", "grant", "superuser", "write"], ["audit", "--since", "yesterday"],
                          ["users", "list", "--lang", "de"], ["users", "frobnicate"], ["users", "add", "bob"],
                          ["users", "delete", "nobody"], ["users", "delete", "Администратор"],
                          ["users", "role", "Администратор", "read"], ["roles", "revoke", "administrator", "manage-users"]] {
            let run = try await hlmcs.run(arguments, as: Self.admin, stdin: "bob-password\n")
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
        }
        let lastAdmin = try await hlmcs.run(["users", "delete", "Администратор"], as: Self.admin)
        #expect(lastAdmin.stderr.contains("last administrator"))
    }

    /// Issue 20 item 9 (F-13): `users rename` gives a login another name; the user logs in
    /// under it with the same password and role; a name in use is refused (exit 2).
    @Test func aLoginIsRenamed() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        let renamed = try await hlmcs.run(["users", "rename", "alice", "alicia", "--lang", "en"], as: Self.admin)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.lines == ["User alice is now alicia."])
        #expect(try await hlmcs.run(["users", "list"], as: Self.alice).status == 4, "the old login is gone")
        let list = try await hlmcs.run(["users", "list", "--json"], as: Self.admin)
        #expect(list.stdout.contains("\"alicia\"") && !list.stdout.contains("\"alice\""), "\(list.stdout)")
        let taken = try await hlmcs.run(["users", "rename", "alicia", "Администратор"], as: Self.admin)
        #expect(taken.status == 2, "\(taken.stderr)")
        let notAdmin = try await hlmcs.run(["users", "rename", "Администратор", "boss"], as: ("alicia", Self.alice.1))
        #expect(notAdmin.status == 4, "\(notAdmin.stderr)")
    }

    @Test func roleCommandsEditTheMatrix() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        #expect(try await hlmcs.run(["roles", "grant", "Чтение", "set-clock"], as: Self.admin).status == 0)
        #expect(try await hlmcs.run(["roles", "revoke", "READ", "export"], as: Self.admin).status == 0)
        let list = try await hlmcs.run(["roles", "list"], as: Self.admin)
        #expect(list.lines == ["Read\tread set-clock", "Configurator\tread export set-clock write settings-file",
                               "Administrator\tmanage-users manage-roles read export set-clock write settings-file clear firmware"])
        #expect(try await hlmcs.run(["users", "role", "alice", "administrator"], as: Self.admin).status == 0)
        #expect(try await hlmcs.run(["roles", "list"], as: Self.alice).status == 0)
        // Not oneself, though another administrator is there (SPEC F-13, as in the TUI).
        let own = try await hlmcs.run(["users", "delete", "Администратор", "--lang", "en"], as: Self.admin)
        #expect(own.status == 2, "\(own.stderr)")
        #expect(own.stderr.contains("is the user logged in"), "\(own.stderr)")
        #expect(try await hlmcs.run(["users", "list"], as: Self.admin).status == 0)
        #expect(try await hlmcs.run(["users", "delete", "Администратор"], as: Self.alice).status == 0)
        #expect(try await hlmcs.run(["users", "list"], as: Self.admin).status == 4)
    }

    @Test func messagesInRussian() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        let byOption = try await hlmcs.run(["roles", "list", "--lang", "ru"], as: Self.alice)
        #expect(byOption.status == 4)
        #expect(byOption.stderr.contains("Доступ запрещён"))
        let byLocale = try await hlmcs.run(["users", "list"], as: Self.admin, environment: ["LANG": "ru_RU.UTF-8"])
        #expect(byLocale.lines.contains("alice\tЧтение"))
        let english = try await hlmcs.run(["users", "list", "--lang", "en"], as: Self.admin, environment: ["LANG": "ru_RU.UTF-8"])
        #expect(english.lines.contains("alice\tRead"))
    }

    @Test func auditSinceFilters() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        #expect(try await hlmcs.run(["audit", "--since", "2000-01-01"], as: Self.admin).lines.count >= 3)
        let future = try await hlmcs.run(["audit", "--since", "2999-01-01T00:00Z"], as: Self.admin)
        #expect(future.status == 0)
        #expect(future.lines.isEmpty)
    }

    @Test func twoProcessesWriteAtOnce() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        let names = ["bob", "carol", "dave", "erin"]
        // The four run at once, each in a child task awaiting its process.
        let statuses = await withTaskGroup(of: (String, Int32).self) { group in
            for name in names {
                group.addTask {
                    let run = try? await hlmcs.run(["users", "add", name, "--role", "configurator"], as: Self.admin,
                                                   stdin: "\(name)-password\n")
                    return (name, run?.status ?? -1)
                }
            }
            var statuses: [String: Int32] = [:]
            for await (name, status) in group { statuses[name] = status }
            return statuses
        }
        #expect(statuses == Dictionary(uniqueKeysWithValues: names.map { ($0, Int32(0)) }))
        let list = try await hlmcs.run(["users", "list"], as: Self.admin).lines
        for name in names { #expect(list.contains("\(name)\tConfigurator")) }
    }

    @Test func noPasswordIsPrintedOrStored() async throws {
        let hlmcs = try await withAlice()
        defer { hlmcs.removeFolder() }
        var outputs = ""
        for run in [try await hlmcs.run(["audit", "--verbose"], as: Self.admin),
                    try await hlmcs.run(["users", "list", "--verbose", "--json"], as: Self.admin),
                    try await hlmcs.run(["users", "list", "--verbose"], as: ("alice", "Guessed-Secret-7")),
                    try await hlmcs.run(["users", "passwd", "alice", "--verbose"], as: Self.admin, stdin: "Fresh-Secret-8\n")] {
            outputs += run.stdout + run.stderr
        }
        let secrets = [Self.admin.1, Self.alice.1, "Guessed-Secret-7", "Fresh-Secret-8"]
        for secret in secrets { #expect(!outputs.contains(secret)) }
        for file in [hlmcs.database, hlmcs.database + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in secrets { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) in \(file)") }
        }
    }

    @Test func defaultDatabaseLivesUnderXDGDataHome() async throws {
        var hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        hlmcs.environment["HLMCS_DB"] = nil
        hlmcs.environment["XDG_DATA_HOME"] = hlmcs.folder.appendingPathComponent("data").path
        #expect(try await hlmcs.run(["users", "init"], stdin: Self.admin.1 + "\n").status == 0)
        let folder = hlmcs.folder.appendingPathComponent("data/hlmcs").path
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as! NSNumber
        let fileMode = try FileManager.default.attributesOfItem(atPath: folder + "/hlmcs.sqlite")[.posixPermissions] as! NSNumber
        #expect(folderMode.intValue & 0o777 == 0o700)
        #expect(fileMode.intValue & 0o777 == 0o600)
        // --db overrides it.
        let other = hlmcs.folder.appendingPathComponent("other.sqlite").path
        #expect(try await hlmcs.run(["users", "init", "--db", other], stdin: Self.admin.1 + "\n").status == 0)
        #expect(FileManager.default.fileExists(atPath: other))
    }
}
