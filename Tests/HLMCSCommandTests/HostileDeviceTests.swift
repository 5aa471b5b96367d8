import Foundation
import Testing

/// hlmcs against a broken or hostile concentrator (issue 14): `es951-sim --answer` puts
/// chosen A-XDR bytes in an answer, `--hostile MODE` makes answers that never end or a
/// release never answered. Every case ends in a worded failure with its exit status —
/// never a crash (132), a hang, a raw escape on the terminal or a live formula in a CSV.
@Suite struct HostileDeviceTests {
    static let admin = DeviceCommandTests.admin
    static let reader = DeviceCommandTests.reader

    /// A long64-unsigned of 2^64 − 1, the largest integer the device can send.
    static let long64Max = "15FFFFFFFFFFFFFFFF"

    /// `bytes` as an A-XDR visible-string.
    static func visible(_ bytes: [UInt8]) -> String {
        "0A" + String(format: "%02X", bytes.count) + bytes.map { String(format: "%02X", $0) }.joined()
    }

    /// ESC[2J (clear), OSC 0 (title) ended by BEL, OSC 52 (clipboard), C1 CSI, ESC[?1049l.
    static let escapes: [UInt8] = Array("95".utf8) + [0x1B] + Array("[2J".utf8) + [0x1B] + Array("]0;pwned".utf8) + [0x07]
        + [0x1B] + Array("]52;c;ZWNobw==".utf8) + [0x07] + [0xC2, 0x9B] + Array("31m".utf8) + [0x1B] + Array("[?1049l".utf8)

    /// No byte of a terminal control (ESC, BEL, the UTF-8 of a C1 control) in `text`.
    static func isInert(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.contains(0x1B) || bytes.contains(0x07) { return false }
        return !zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) }
    }

    static func setUp(_ simulator: [String]) async throws -> (CommandRunner, SimulatorProcess) {
        try await DeviceCommandTests.setUp(simulator)
    }

    // MARK: 1. Integers out of range: a worded failure, exit 3, never a crash

    @Test(arguments: [
        (["info"], "1/0.0.94.7.141.255/2=0203" + long64Max + long64Max + long64Max, "meter-counts.configured = 18446744073709551615"),
        (["info"], "3/0.0.96.6.0.255/3=02020F7F1106", "battery-use-time.scaler-unit.scaler = 127"),
        (["gprs"], "1/0.0.25.4.128.255/2=" + long64Max, "heartbeat-interval = 18446744073709551615"),
        (["topology"], "92/0.0.29.2.0.255/2=" + long64Max, "g3-adaptation.max-hops = 18446744073709551615"),
        (["meters"], "7/0.0.94.7.128.255/7=06FFFFFFFF", "meter-list.entries-in-use = 4294967295"),
        (["meters"], "7/0.0.94.7.128.255/2=01010207" + long64Max + visible(Array("1".utf8)) + "0908" + String(repeating: "00", count: 8)
            + "120001" + "1601" + "1101" + "0600000000", "point-number = 18446744073709551615"),
        (["events", "--point", "0"], "7/0.0.99.98.0.255/2=01010202090C07EA0B19FF0A000000FF4C00" + long64Max, "event-code = 18446744073709551615"),
    ] as [([String], String, String)])
    func anImplausibleIntegerIsRefusedInWords(command: [String], answer: String, expected: String) async throws {
        let (hlmcs, sim) = try await Self.setUp(["--answer", answer])
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(command + ["--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(r.status == 3, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains(expected) && r.stderr.contains("cannot be right"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    // MARK: 2. Control characters from the device never reach the terminal raw

    @Test func escapesInDeviceStringsAreShownNotObeyed() async throws {
        let answer = "1/0.0.96.1.0.255/2=" + Self.visible(Self.escapes)
        let (hlmcs, sim) = try await Self.setUp(["--answer", answer])
        defer { sim.stop(); hlmcs.removeFolder() }
        for command in [["info"], ["get", "1/0.0.96.1.0.255/2"], ["info", "--json"], ["get", "--json", "1/0.0.96.1.0.255/2"]] {
            let r = try await hlmcs.run(command + ["--tcp", sim.address, "--lang", "en"], as: Self.reader)
            #expect(r.status == 0, "\(command) \(r.stderr)")
            #expect(Self.isInert(r.stdout) && Self.isInert(r.stderr), "\(command): \(r.stdout.debugDescription)")
            if command.contains("--json") {
                #expect(r.stdout.contains("\\u001b[2J") && r.stdout.contains("\\u009b"), "\(r.stdout)")
                // Still the device's value, byte for byte, once JSON is decoded.
                let object = try DeviceCommandTests.json(r.lines[0])
                let value = (object["serial-number"] ?? object["value"]) as? String
                #expect(value.map { Array($0.utf8) } == Self.escapes)
            } else {
                #expect(r.stdout.contains("95\\x1b[2J\\x1b]0;pwned\\x07") && r.stdout.contains("\\x9b31m"), "\(r.stdout)")
            }
        }
    }

    @Test func aNewlineInADeviceStringStaysOneValueInASettingsFile() async throws {
        let apn = Array("internet\nip.dns1 = 6.6.6.6".utf8)
        let answer = "45/0.0.25.4.0.255/2=09" + String(format: "%02X", apn.count) + apn.map { String(format: "%02X", $0) }.joined()
        let (hlmcs, sim) = try await Self.setUp(["--answer", answer])
        defer { sim.stop(); hlmcs.removeFolder() }
        let file = hlmcs.folder.appendingPathComponent("unit.set").path
        let export = try await hlmcs.run(["settings", "export", "--tcp", sim.address, file], as: Self.admin)
        #expect(export.status == 0, "\(export.stderr)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("ip.dns1") }.count == 1, "\(lines)")
        #expect(lines.contains { $0.contains("internet\\nip.dns1 = 6.6.6.6") }, "\(lines)")
        // Read back, the value is the device's one string again, which the APN rule
        // refuses: named, shown escaped, and no DNS change comes of it.
        let check = try await hlmcs.run(["settings", "import", "--dry-run", "--tcp", sim.address, file, "--lang", "en"], as: Self.admin)
        #expect(check.status == 2, "\(check.stderr)")
        #expect(check.stderr.contains("gprs.apn = internet\\x0aip.dns1 = 6.6.6.6"), "\(check.stderr)")
        #expect(Self.isInert(check.stderr) && !check.stdout.contains("ip.dns1"), "\(check.stdout)")
    }

    // MARK: 3. Spreadsheet formulas from the device are neutralised

    @Test func formulaSerialNumbersAreTextInTheCSV() async throws {
        let serials = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"]
        var rows = ""
        for (i, serial) in serials.enumerated() {
            rows += "0207" + String(format: "12%04X", i + 1) + Self.visible(Array(serial.utf8)) + "0908" + String(repeating: "00", count: 8)
                + "120001" + "1601" + "1101" + "0600000000"
        }
        let answer = "7/0.0.94.7.128.255/2=01" + String(format: "%02X", serials.count) + rows
        let (hlmcs, sim) = try await Self.setUp(["--answer", answer])
        defer { sim.stop(); hlmcs.removeFolder() }
        let csv = hlmcs.folder.appendingPathComponent("meters.csv").path
        let r = try await hlmcs.run(["meters", "--tcp", sim.address, "--csv", csv], as: Self.reader)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        for serial in serials {
            let quoted = "'" + serial
            #expect(text.contains(quoted) || text.contains("\"'" + serial.replacingOccurrences(of: "\"", with: "\"\"") + "\""),
                    "\(serial) in \(text)")
        }
        // No cell starts with the formula itself, quoted or not, whatever the separator.
        for serial in serials {
            let escaped = serial.replacingOccurrences(of: "\"", with: "\"\"")
            for separator in [",", ";", "\t", "\n"] {
                #expect(!text.contains(separator + serial) && !text.contains(separator + "\"" + escaped), "\(serial) live in \(text)")
            }
        }
    }

    // MARK: 4. Answers without end are bounded

    @Test(arguments: ["endless-segments", "endless-blocks"])
    func anEndlessAnswerEndsInWords(mode: String) async throws {
        let (hlmcs, sim) = try await Self.setUp(["--hostile", mode])
        defer { sim.stop(); hlmcs.removeFolder() }
        let started = Date()
        let r = try await hlmcs.run(["get", "--tcp", sim.address, "--lang", "en", "1/0.0.96.1.0.255/2"], as: Self.reader)
        let took = Date().timeIntervalSince(started)
        #expect(r.status == 3, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("without ending") || r.stderr.contains("without a last segment"), "\(r.stderr)")
        #expect(took < 30, "took \(took) s")
    }

    @Test func aMeterListClaimingFourBillionEntriesIsRefused() async throws {
        let (hlmcs, sim) = try await Self.setUp(["--hostile", "huge-array"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let started = Date()
        let csv = hlmcs.folder.appendingPathComponent("m.csv").path
        let r = try await hlmcs.run(["meters", "--tcp", sim.address, "--lang", "en", "--csv", csv], as: Self.reader)
        #expect(r.status == 3, "\(r.status) \(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(!FileManager.default.fileExists(atPath: csv))
        let left = try FileManager.default.contentsOfDirectory(atPath: hlmcs.folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func aDeviceIgnoringTheReleaseHoldsTheExitOnlyForTheReleaseLimit() async throws {
        let (hlmcs, sim) = try await Self.setUp(["--hostile", "ignore-release"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let started = Date()
        let r = try await hlmcs.run(["get", "--tcp", sim.address, "1/0.0.96.1.0.255/2"], as: Self.reader)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.first == "1/0.0.96.1.0.255/2 = 95100001")
        // The release's own limit is 1.5 s; the rest is start-up and the read.
        #expect(Date().timeIntervalSince(started) < 4, "took \(Date().timeIntervalSince(started)) s")
    }

    @Test func aDeviceSilentAfterTheAssociationFailsAfterItsTries() async throws {
        let (hlmcs, sim) = try await Self.setUp(["--hostile", "silent-after-association"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let started = Date()
        let r = try await hlmcs.run(["get", "--tcp", sim.address, "--timeout", "0.3", "--lang", "en", "1/0.0.96.1.0.255/2"], as: Self.reader)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("No answer"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 8)
    }
}
