import Accounts
import AccountStore
import Foundation
import Testing
@testable import hlmcs

/// End to end: the built `hlmcs` against `es951-sim --tcp 127.0.0.1:0` (subprocesses).
@Suite struct DeviceCommandTests {
    static let admin = ("Администратор", "admin-secret-1")
    static let reader = ("reader", "reader-pass-1")
    static let lls = ["HLMCS_LLS_PASSWORD": "admin@emis"]

    /// A database with the administrator and `reader` (role Read), and a running simulator.
    /// The users are made here with cheap password hashes (verification uses the rounds
    /// stored in the hash), so each command's login costs milliseconds, not a second.
    static func setUp(_ simulatorArguments: [String] = []) async throws -> (CommandRunner, SimulatorProcess) {
        (try users(), try await SimulatorProcess(simulatorArguments))
    }

    /// A database with the administrator and `reader` (role Read).
    static func users() throws -> CommandRunner {
        let hlmcs = CommandRunner()
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        try store.initialize(administratorPassword: admin.1, now: Date())
        let session = try store.login(name: admin.0, password: admin.1, now: Date())
        try store.addUser(name: reader.0, role: .read, password: reader.1, by: session, now: Date())
        return hlmcs
    }

    static func json(_ line: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }

    @Test func infoShowsTheSerialNumberAndModel() async throws {
        let (hlmcs, sim) = try await Self.setUp(["--serial-number", "95100042"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let info = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.lines.contains("Serial number: 95100042"))
        #expect(info.lines.contains("Model: ES-951"))
        #expect(info.lines.contains("Logical address: 1042"))
        // JSON: numbers as numbers, units in fields of their own (issue 20 item 9).
        let json = try await hlmcs.run(["info", "--tcp", sim.address, "--json"], as: Self.reader)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"battery-voltage\":3.07,"), "\(json.stdout)")
        let o = try Self.json(json.lines[0])
        #expect(o["battery-voltage-unit"] as? String == "V" && o["battery-use-time-unit"] as? String == "s")
        #expect(o["battery-use-time"] is NSNumber && o["logical-address"] as? Int == 1042 && o["rs485-baud"] as? Int == 9600)
        #expect(o["time-zone-minutes-east"] as? Int == 180 && o["time-zone"] as? String == "UTC+3")
    }

    @Test func getPrintsTextAndJSON() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let text = try await hlmcs.run(["get", "--tcp", sim.address, "1/0.0.96.1.0.255/2", "43/0.0.25.2.0.255/2",
                                  "8/0.0.1.0.0.255/2", "41/0.0.25.0.0.255/2"], as: Self.reader)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.lines.count == 4)
        #expect(text.lines.first == "1/0.0.96.1.0.255/2 = 95100001")
        // The MAC is not printable: hex. The clock is a date-time: ISO 8601 with its offset.
        #expect(text.lines[1].wholeMatch(of: #/43/0\.0\.25\.2\.0\.255/2 = [0-9a-f]{12}/#) != nil, "\(text.lines[1])")
        #expect(text.lines[2].wholeMatch(of: #/8/0\.0\.1\.0\.0\.255/2 = \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}/#) != nil, "\(text.lines[2])")
        #expect(text.lines[3] == "41/0.0.25.0.0.255/2 = 4059")
        let json = try await hlmcs.run(["get", "--json", "--tcp", sim.address, "1/0.0.96.1.0.255/2", "43/0.0.25.2.0.255/2",
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

    @Test func setUnderLLSReadsBackAndIsAudited() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let set = try await hlmcs.run(["set", "--tcp", sim.address, "--lls", "45/0.0.25.4.0.255/2", "m2m.example"],
                                as: Self.admin, environment: Self.lls)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "45/0.0.25.4.0.255/2 = m2m.example\n")
        let get = try await hlmcs.run(["get", "--tcp", sim.address, "45/0.0.25.4.0.255/2"], as: Self.reader)
        #expect(get.stdout == "45/0.0.25.4.0.255/2 = m2m.example\n")
        // Typed by the map: the heartbeat is a long-unsigned.
        let typed = try await hlmcs.run(["set", "--tcp", sim.address, "--lls", "1/0.0.25.4.128.255/2", "300"],
                                  as: Self.admin, environment: Self.lls)
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(typed.stdout == "1/0.0.25.4.128.255/2 = 300\n")
        // A negative value is a value, before or after the options (issue 20 item 9).
        let negative = try await hlmcs.run(["set", "8/0.0.1.0.0.255/3", "-120", "--tcp", sim.address, "--lls"],
                                           as: Self.admin, environment: Self.lls)
        #expect(negative.status == 0 && negative.stdout == "8/0.0.1.0.0.255/3 = -120\n", "\(negative.stderr)")
        #expect(HLMCSMain.negativeValuesLast(["set", "A", "-1.5", "--tcp", "h:1"]) == ["set", "A", "--tcp", "h:1", "--", "-1.5"])
        #expect(HLMCSMain.negativeValuesLast(["get", "-1"]) == ["get", "-1"])
        #expect(HLMCSMain.negativeValuesLast(["set", "--bogus"]) == ["set", "--bogus"])
        let audit = try await hlmcs.run(["audit", "--json"], as: Self.admin)
        let entries = try audit.lines.map(Self.json)
        #expect(entries.contains { $0["action"] as? String == "set" && $0["outcome"] as? String == "success"
            && ($0["target"] as? String)?.hasPrefix("45/0.0.25.4.0.255/2") == true })
        // The LLS password is never printed or audited.
        #expect(!audit.stdout.contains("admin@emis") && !set.stdout.contains("admin@emis") && !set.stderr.contains("admin@emis"))
    }

    @Test func setUnderNLSIsRefusedWithStatus1() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let set = try await hlmcs.run(["set", "--tcp", sim.address, "45/0.0.25.4.0.255/2", "internet", "--lang", "en"], as: Self.admin)
        #expect(set.status == 1, "\(set.stderr)")
        // Refused before anything is sent: the public client may only read.
        #expect(set.stderr.contains("Writing needs an LLS association: add --lls"), "\(set.stderr)")
    }

    @Test func aWrongLLSPasswordIsStatus1WithItsReason() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        for lang in ["en", "ru"] {
            let get = try await hlmcs.run(["get", "--tcp", sim.address, "--lls", "1/0.0.96.1.0.255/2", "--lang", lang],
                                    as: Self.reader, environment: ["HLMCS_LLS_PASSWORD": "wrong-one"])
            #expect(get.status == 1, "\(get.stderr)")
            #expect(get.stderr.contains(lang == "en" ? "refused the association: wrong password (authentication failure)"
                                                     : "Концентратор отклонил ассоциацию: неверный пароль"), "\(get.stderr)")
            #expect(!get.stderr.contains("wrong-one"))
        }
        // A client address the device does not know: refused too, and named.
        let client = try await hlmcs.run(["get", "--tcp", sim.address, "--lls", "--client", "20", "1/0.0.96.1.0.255/2", "--lang", "en"],
                                   as: Self.reader, environment: Self.lls)
        #expect(client.status == 1, "\(client.stderr)")
        #expect(client.stderr.contains("wrong client address 20"), "\(client.stderr)")
    }

    @Test func aReadUserRunningSetIsStatus4AndAudited() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let set = try await hlmcs.run(["set", "--tcp", sim.address, "--lls", "45/0.0.25.4.0.255/2", "x", "--lang", "en"],
                                as: Self.reader, environment: Self.lls)
        #expect(set.status == 4)
        #expect(set.stderr.contains("Permission denied"))
        let audit = try await hlmcs.run(["audit", "--json"], as: Self.admin)
        let entries = try audit.lines.map(Self.json)
        #expect(entries.contains { $0["user"] as? String == "reader" && $0["action"] as? String == "set" && $0["outcome"] as? String == "denied" })
    }

    @Test func aDeadAddressFailsWithStatus3WithinTheTries() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let start = Date()
        // The simulator answers no other server address than its own and all-station.
        let dead = try await hlmcs.run(["get", "--tcp", sim.address, "--server-address", "77", "--timeout", "0.3",
                                  "1/0.0.96.1.0.255/2", "--lang", "en"], as: Self.reader)
        let took = Date().timeIntervalSince(start)
        #expect(dead.status == 3, "\(dead.stderr)")
        #expect(dead.stderr.contains("No answer from the concentrator after 4 tries"), "\(dead.stderr)")
        #expect(took < 6, "took \(took) s")
        // Nothing listens: status 3 at once.
        try await sim.end()
        let closed = try await hlmcs.run(["get", "--tcp", sim.address, "--timeout", "0.3", "1/0.0.96.1.0.255/2", "--lang", "en"], as: Self.reader)
        #expect(closed.status == 3)
        #expect(closed.stderr.contains("connection refused"), "\(closed.stderr)")
    }

    @Test func portsNeedsALoginOnly() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        try store.initialize(administratorPassword: Self.admin.1, now: Date())
        let session = try store.login(name: Self.admin.0, password: Self.admin.1, now: Date())
        try store.addUser(name: Self.reader.0, role: .read, password: Self.reader.1, by: session, now: Date())
        try store.revoke(.read, from: .read, by: session, now: Date())
        let ports = try await hlmcs.run(["ports", "--json"], as: Self.reader)
        #expect(ports.status == 0, "\(ports.stderr)")
        for line in ports.lines { #expect(try Self.json(line)["path"] is String) }
        #expect(try await hlmcs.run(["ports"], as: ("reader", "wrong-password")).status == 4)
    }

    @Test func theOpticalHeadOverAPtyAtTheAllStationAddressAndAMissingPort() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        try store.initialize(administratorPassword: Self.admin.1, now: Date())
        let pty = hlmcs.folder.appendingPathComponent("optical").path
        let sim = try await SimulatorProcess(pty: pty)
        defer { sim.stop() }
        let info = try await hlmcs.run(["info", "--optical", pty, "--lang", "en", "--verbose"], as: Self.admin)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.lines.contains("Serial number: 95100001"))
        // --verbose prints the exchange log: one line per command.
        #expect(info.stderr.contains("  open  ok  ") && info.stderr.contains("  close  ok  "), "\(info.stderr)")
        let missing = try await hlmcs.run(["get", "--serial", pty + "-missing", "1/0.0.96.1.0.255/2", "--lang", "en"], as: Self.admin)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("does not exist"), "\(missing.stderr)")
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
    func badInputIsStatus2(arguments: [String]) async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let run = try await hlmcs.run(arguments + ["--lang", "en"], as: Self.admin)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
    }

    /// Issue 20 item 9: a window whose start is after its end read nothing and exited 0;
    /// it is refused before the link opens (status 2), in both languages.
    @Test(arguments: [["events"], ["profile", "daily", "--point", "1"]])
    func aReversedWindowIsRefused(command: [String]) async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let window = ["--tcp", "127.0.0.1:1", "--from", "2026-12-05", "--to", "2026-12-01"]
        let en = try await hlmcs.run(command + window + ["--lang", "en"], as: Self.admin)
        #expect(en.status == 2, "\(en.stderr)")
        #expect(en.stderr.contains("is after --to"), "\(en.stderr)")
        let ru = try await hlmcs.run(command + window + ["--lang", "ru"], as: Self.admin)
        #expect(ru.stderr.contains("позже --to"), "\(ru.stderr)")
    }
}

/// The list commands and their CSV files (SPEC.md F-42).
@Suite struct ListCommandTests {
    typealias T = DeviceCommandTests

    @Test func profileDailyToCSVMatchesTheTextRowsOldestFirst() async throws {
        let (hlmcs, sim) = try await T.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("daily.csv").path
        let link = ["--tcp", sim.address, "--point", "3"]
        let write = try await hlmcs.run(["profile", "daily", "--csv", path, "--lang", "en"] + link, as: T.reader)
        #expect(write.status == 0, "\(write.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.first == "Date-time,A+ (Wh),A− (Wh),R+ (varh),R− (varh)")
        #expect(lines.last == "")
        let rows = lines.dropFirst().dropLast()
        #expect(rows.count == 89)
        #expect(rows.allSatisfy { $0.wholeMatch(of: #/\d{4}-\d{2}-\d{2} 00:00(,\d+){4}/#) != nil })
        #expect(Array(rows) == rows.sorted())
        #expect(write.stdout.contains("89 rows written to \(path)"))
        // The same rows as the text output.
        let text = try await hlmcs.run(["profile", "daily"] + link, as: T.reader)
        #expect(Array(text.lines.dropFirst().map { $0.replacingOccurrences(of: "\t", with: ",") }) == Array(rows))
        // Russian defaults: `;` and the decimal comma; a window of time (with the
        // simulator's own offset, since a time without one is the PC's local time).
        let ru = hlmcs.folder.appendingPathComponent("daily-ru.csv").path
        let window = try await hlmcs.run(["profile", "daily", "--csv", ru, "--lang", "ru", "--from", String(rows[80].prefix(10)) + "T00:00+03:00",
                                    "--to", String(rows[84].prefix(10)) + "T00:00+03:00"] + link, as: T.reader)
        #expect(window.status == 0, "\(window.stderr)")
        let ruLines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: ru)).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(ruLines.first == "Дата-время;A+ (Вт·ч);A− (Вт·ч);R+ (вар·ч);R− (вар·ч)")
        #expect(Array(ruLines.dropFirst().dropLast()) == rows[80...84].map { $0.replacingOccurrences(of: ",", with: ";") })
    }

    /// `--unit` gives energy in kWh or MWh as the TUI's `u` does (issue 18 item 11): the
    /// digits of the Wh text with the point moved, the header naming the unit.
    @Test func profileInKilowattAndMegawattHours() async throws {
        let (hlmcs, sim) = try await T.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let link = ["--tcp", sim.address, "--point", "3", "--lang", "en"]
        let wh = try await hlmcs.run(["profile", "daily"] + link, as: T.reader)
        let kwh = try await hlmcs.run(["profile", "daily", "--unit", "kwh"] + link, as: T.reader)
        let mwh = try await hlmcs.run(["profile", "daily", "--unit", "mwh"] + link, as: T.reader)
        #expect(wh.status == 0 && kwh.status == 0 && mwh.status == 0, "\(kwh.stderr) \(mwh.stderr)")
        #expect(kwh.lines.first == "Date-time\tA+ (kWh)\tA\u{2212} (kWh)\tR+ (kvarh)\tR\u{2212} (kvarh)")
        #expect(mwh.lines.first?.contains("A+ (MWh)") == true)
        /// 1234567 Wh → 1234.567 kWh → 1.234567 MWh, 0 → 0.000: the same digits, the point moved.
        func moved(_ text: String, _ places: Int) -> String {
            let digits = String(repeating: "0", count: max(0, places + 1 - text.count)) + text
            let cut = digits.index(digits.endIndex, offsetBy: -places)
            return String(digits[..<cut]) + "." + String(digits[cut...])
        }
        let whRows = wh.lines.dropFirst().map { $0.split(separator: "\t").map(String.init) }
        let kwhRows = kwh.lines.dropFirst().map { $0.split(separator: "\t").map(String.init) }
        let mwhRows = mwh.lines.dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(whRows.count == 89 && kwhRows.count == 89 && mwhRows.count == 89)
        for (i, row) in whRows.enumerated() where i < kwhRows.count && i < mwhRows.count {
            #expect(kwhRows[i] == [row[0]] + row.dropFirst().map { moved($0, 3) }, "row \(i)")
            #expect(mwhRows[i] == [row[0]] + row.dropFirst().map { moved($0, 6) }, "row \(i)")
        }
        let bad = try await hlmcs.run(["profile", "daily", "--unit", "gwh"] + link, as: T.reader)
        #expect(bad.status == 2)
    }

    @Test func aFailedReadLeavesNoCSVFile() async throws {
        let (hlmcs, sim) = try await T.setUp()
        try await sim.end()
        defer { hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("never.csv").path
        let run = try await hlmcs.run(["profile", "daily", "--point", "1", "--csv", path, "--tcp", sim.address, "--timeout", "0.3"], as: T.reader)
        #expect(run.status == 3)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: hlmcs.folder.path).allSatisfy { !$0.contains("never") })
    }

    @Test func eventsFilteredByCode() async throws {
        let (hlmcs, sim) = try await T.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let all = try await hlmcs.run(["events", "--tcp", sim.address, "--point", "1", "--json"], as: T.reader)
        #expect(all.status == 0, "\(all.stderr)")
        let events = try all.lines.map(T.json)
        #expect(events.count >= 100)
        let code = events[0]["code"] as! Int
        let filtered = try await hlmcs.run(["events", "--tcp", sim.address, "--point", "1", "--code", String(code), "--lang", "en"], as: T.reader)
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let rows = filtered.lines.dropFirst()
        #expect(rows.count == events.filter { $0["code"] as? Int == code }.count)
        #expect(rows.allSatisfy { $0.split(separator: "\t")[1] == String(code) })
        #expect(filtered.lines.first == "Date-time\tCode\tEvent")
        // A code outside 1…63 is bad input.
        #expect(try await hlmcs.run(["events", "--tcp", sim.address, "--code", "64"], as: T.reader).status == 2)
    }

    @Test func metersToCSVNeedsExportAndHasEveryMeter() async throws {
        let (hlmcs, sim) = try await T.setUp(["--meters", "120"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("meters.csv").path
        let run = try await hlmcs.run(["meters", "--tcp", sim.address, "--csv", path, "--sep", ";", "--lang", "en"], as: T.reader)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.first == "Point;Meter number;Address;PLC short address;Type;Tariff mode;Power limit (W)")
        #expect(lines.count == 122)
        #expect(lines[1].wholeMatch(of: #/1;\d+;([0-9A-F]{2}:){7}[0-9A-F]{2};\d+;(single|three)-phase;\d;\d+/#) != nil, "\(lines[1])")
        // Without `export` the CSV is refused before the link opens (and audited).
        let admin = try await hlmcs.run(["roles", "revoke", "read", "export"], as: T.admin)
        #expect(admin.status == 0, "\(admin.stderr)")
        let denied = try await hlmcs.run(["meters", "--tcp", sim.address, "--csv", path + "2"], as: T.reader)
        #expect(denied.status == 4)
        #expect(!FileManager.default.fileExists(atPath: path + "2"))
    }

    @Test func clockGPRSAndIPReadAndWrite() async throws {
        let (hlmcs, sim) = try await T.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let lls = ["--tcp", sim.address, "--lls"]
        let clock = try await hlmcs.run(["clock", "--set", "2026-11-01T06:00+03:00", "--time-zone", "UTC+3", "--json"] + lls, as: T.admin, environment: T.lls)
        #expect(clock.status == 0, "\(clock.stderr)")
        let reading = try T.json(clock.lines[0])
        #expect((reading["time"] as? String)?.hasPrefix("2026-11-01T06:00") == true)
        #expect(reading["time-zone"] as? String == "UTC+3")
        // set-clock is not the Read role's.
        #expect(try await hlmcs.run(["clock", "--sync"] + lls, as: T.reader, environment: T.lls).status == 4)
        // `set` of the clock is compared as an instant, as `clock --set` is: the running
        // clock reads back a little later, which is no refusal (issue 20 item 3).
        let set = try await hlmcs.run(["set", "8/0.0.1.0.0.255/2", "2026-11-01T07:00:00+03:00"] + lls, as: T.admin, environment: T.lls)
        #expect(set.status == 0, "\(set.stderr)")
        let gprs = try await hlmcs.run(["gprs", "--apn", "m2m.test", "--heartbeat", "5", "--json"] + lls, as: T.admin, environment: T.lls)
        #expect(gprs.status == 0, "\(gprs.stderr)")
        let settings = try T.json(gprs.lines[0])
        #expect(settings["apn"] as? String == "m2m.test")
        #expect(settings["heartbeat-seconds"] as? Int == 300)
        #expect(try await hlmcs.run(["gprs", "--apn", "bad apn!"] + lls, as: T.admin, environment: T.lls).status == 2)
        let ip = try await hlmcs.run(["ip", "--gateway", "192.168.1.254", "--json"] + lls, as: T.admin, environment: T.lls)
        #expect(ip.status == 0, "\(ip.stderr)")
        #expect(try T.json(ip.lines[0])["gateway"] as? String == "192.168.1.254")
        let topology = try await hlmcs.run(["topology", "--tcp", sim.address], as: T.reader)
        #expect(topology.status == 0, "\(topology.stderr)")
        #expect(topology.lines.first == "0000 (coordinator)")
    }
}

/// Issue 18 item 8: a point the concentrator will not select (beyond its 100 meters) is
/// said in words, not as "refused the request: other-reason".
@Suite struct PointRefusalTests {
    @Test func aPointBeyondTheListIsNamed() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["events", "--tcp", sim.address, "--point", "500", "--lang", "en"], as: DeviceCommandTests.reader)
        #expect(r.status == 1)
        #expect(r.stderr.contains("would not select point 500") && r.stderr.contains("is there a meter at that point?"), "\(r.stderr)")
    }
}
