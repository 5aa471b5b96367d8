import Accounts
import AccountStore
import Foundation
import Testing

/// End to end: the built `hlmcs` against `es951-sim --tcp 127.0.0.1:0` (subprocesses).
@Suite struct DeviceCommandTests {
    static let admin = ("Администратор", "admin-secret-1")
    static let reader = ("reader", "reader-pass-1")
    static let lls = ["HLMCS_LLS_PASSWORD": "admin@emis"]

    /// A database with the administrator and `reader` (role Read), and a running simulator.
    /// The users are made here with cheap password hashes (verification uses the rounds
    /// stored in the hash), so each command's login costs milliseconds, not a second.
    static func setUp(_ simulatorArguments: [String] = []) throws -> (CommandRunner, SimulatorProcess) {
        let hlmcs = CommandRunner()
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        try store.initialize(administratorPassword: admin.1, now: Date())
        let session = try store.login(name: admin.0, password: admin.1, now: Date())
        try store.addUser(name: reader.0, role: .read, password: reader.1, by: session, now: Date())
        return (hlmcs, try SimulatorProcess(simulatorArguments))
    }

    static func json(_ line: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }

    @Test func infoShowsTheSerialNumberAndModel() throws {
        let (hlmcs, sim) = try Self.setUp(["--serial-number", "95100042"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let info = try hlmcs.run(["info", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.lines.contains("Serial number: 95100042"))
        #expect(info.lines.contains("Model: ES-951"))
        #expect(info.lines.contains("Logical address: 1042"))
    }

    @Test func getPrintsTextAndJSON() throws {
        let (hlmcs, sim) = try Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let text = try hlmcs.run(["get", "--tcp", sim.address, "1/0.0.96.1.0.255/2", "43/0.0.25.2.0.255/2",
                                  "8/0.0.1.0.0.255/2", "41/0.0.25.0.0.255/2"], as: Self.reader)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.lines.count == 4)
        #expect(text.lines.first == "1/0.0.96.1.0.255/2 = 95100001")
        // The MAC is not printable: hex. The clock is a date-time: ISO 8601 with its offset.
        #expect(text.lines[1].wholeMatch(of: #/43/0\.0\.25\.2\.0\.255/2 = [0-9a-f]{12}/#) != nil, "\(text.lines[1])")
        #expect(text.lines[2].wholeMatch(of: #/8/0\.0\.1\.0\.0\.255/2 = \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}/#) != nil, "\(text.lines[2])")
        #expect(text.lines[3] == "41/0.0.25.0.0.255/2 = 4059")
        let json = try hlmcs.run(["get", "--json", "--tcp", sim.address, "1/0.0.96.1.0.255/2", "43/0.0.25.2.0.255/2",
                                  "1/0.0.94.7.141.255/2"], as: Self.reader)
        #expect(json.status == 0, "\(json.stderr)")
        let objects = try json.lines.map(Self.json)
        #expect(objects.count == 3)
        #expect(objects[0]["attribute"] as? String == "1/0.0.96.1.0.255/2")
        #expect(objects[0]["ok"] as? Bool == true)
        #expect(objects[0]["type"] as? String == "visible-string")
        #expect(objects[0]["value"] as? String == "95100001")
        #expect((objects[1]["hex"] as? String)?.count == 12)
        #expect(objects[1]["type"] as? String == "octet-string")
        #expect((objects[2]["value"] as? [Any])?.count == 3)
    }

    @Test func setUnderLLSReadsBackAndIsAudited() throws {
        let (hlmcs, sim) = try Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let set = try hlmcs.run(["set", "--tcp", sim.address, "--lls", "45/0.0.25.4.0.255/2", "m2m.example"],
                                as: Self.admin, environment: Self.lls)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "45/0.0.25.4.0.255/2 = m2m.example\n")
        let get = try hlmcs.run(["get", "--tcp", sim.address, "45/0.0.25.4.0.255/2"], as: Self.reader)
        #expect(get.stdout == "45/0.0.25.4.0.255/2 = m2m.example\n")
        // Typed by the map: the heartbeat is a long-unsigned.
        let typed = try hlmcs.run(["set", "--tcp", sim.address, "--lls", "1/0.0.25.4.128.255/2", "300"],
                                  as: Self.admin, environment: Self.lls)
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(typed.stdout == "1/0.0.25.4.128.255/2 = 300\n")
        let audit = try hlmcs.run(["audit", "--json"], as: Self.admin)
        let entries = try audit.lines.map(Self.json)
        #expect(entries.contains { $0["action"] as? String == "set" && $0["outcome"] as? String == "success"
            && ($0["target"] as? String)?.hasPrefix("45/0.0.25.4.0.255/2") == true })
        // The LLS password is never printed or audited.
        #expect(!audit.stdout.contains("admin@emis") && !set.stdout.contains("admin@emis") && !set.stderr.contains("admin@emis"))
    }

    @Test func setUnderNLSIsRefusedWithStatus1() throws {
        let (hlmcs, sim) = try Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let set = try hlmcs.run(["set", "--tcp", sim.address, "45/0.0.25.4.0.255/2", "internet", "--lang", "en"], as: Self.admin)
        #expect(set.status == 1, "\(set.stderr)")
        #expect(set.stderr.contains("refused the write of 45/0.0.25.4.0.255/2: read-write-denied"))
    }

    @Test func aWrongLLSPasswordIsStatus1WithItsReason() throws {
        let (hlmcs, sim) = try Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        for lang in ["en", "ru"] {
            let get = try hlmcs.run(["get", "--tcp", sim.address, "--lls", "1/0.0.96.1.0.255/2", "--lang", lang],
                                    as: Self.reader, environment: ["HLMCS_LLS_PASSWORD": "wrong-one"])
            #expect(get.status == 1, "\(get.stderr)")
            #expect(get.stderr.contains(lang == "en" ? "refused the association: wrong password (authentication failure)"
                                                     : "Концентратор отклонил ассоциацию: неверный пароль"), "\(get.stderr)")
            #expect(!get.stderr.contains("wrong-one"))
        }
    }

    @Test func aReadUserRunningSetIsStatus4AndAudited() throws {
        let (hlmcs, sim) = try Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let set = try hlmcs.run(["set", "--tcp", sim.address, "--lls", "45/0.0.25.4.0.255/2", "x", "--lang", "en"],
                                as: Self.reader, environment: Self.lls)
        #expect(set.status == 4)
        #expect(set.stderr.contains("Permission denied"))
        let audit = try hlmcs.run(["audit", "--json"], as: Self.admin)
        let entries = try audit.lines.map(Self.json)
        #expect(entries.contains { $0["user"] as? String == "reader" && $0["action"] as? String == "set" && $0["outcome"] as? String == "denied" })
    }

    @Test func aDeadAddressFailsWithStatus3WithinTheTries() throws {
        let (hlmcs, sim) = try Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let start = Date()
        // The simulator answers no other server address than its own and all-station.
        let dead = try hlmcs.run(["get", "--tcp", sim.address, "--server-address", "77", "--timeout", "0.3",
                                  "1/0.0.96.1.0.255/2", "--lang", "en"], as: Self.reader)
        let took = Date().timeIntervalSince(start)
        #expect(dead.status == 3, "\(dead.stderr)")
        #expect(dead.stderr.contains("No answer from the concentrator after 4 tries"), "\(dead.stderr)")
        #expect(took < 6, "took \(took) s")
        // Nothing listens: status 3 at once.
        sim.stop()
        let closed = try hlmcs.run(["get", "--tcp", sim.address, "--timeout", "0.3", "1/0.0.96.1.0.255/2", "--lang", "en"], as: Self.reader)
        #expect(closed.status == 3)
        #expect(closed.stderr.contains("connection refused"), "\(closed.stderr)")
    }

    @Test(arguments: [
        ["get", "--tcp", "127.0.0.1:1", "--bogus", "1/0.0.96.1.0.255/2"],
        ["get", "1/0.0.96.1.0.255/2"],
        ["get", "--tcp", "nonsense", "1/0.0.96.1.0.255/2"],
        ["get", "--tcp", "127.0.0.1:1", "1/0.0.96.1.0.255"],
        ["get", "--tcp", "127.0.0.1:1", "--client", "200", "1/0.0.96.1.0.255/2"],
        ["set", "--tcp", "127.0.0.1:1", "1/0.0.25.4.128.255/2", "seventy"],
        ["set", "--tcp", "127.0.0.1:1", "1/0.0.96.1.99.255/2", "42"],
        ["set", "--tcp", "127.0.0.1:1", "1/0.0.96.1.99.255/2", "money:42"],
    ])
    func badInputIsStatus2(arguments: [String]) throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let run = try hlmcs.run(arguments + ["--lang", "en"], as: Self.admin)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
    }
}
