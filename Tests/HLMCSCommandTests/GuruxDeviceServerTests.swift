import Foundation
import Testing

/// hlmcs against a DLMS server written by others: the Gurux library serving the
/// project's own device files (Tests/Interop/gurux_device_server.py, in the venv
/// scripts/test-tools.sh makes). `uspd-variant.json` is a СПОДУС-like concentrator:
/// Windows-1251 text, its clock at UTC+5 counted east positive, no GET-with-list, a class 1
/// meter list, a journal with long-unsigned codes, a daily profile whose columns are not
/// in the order a client would guess, writes by client 48 only.
@Suite("Gurux device server", .timeLimit(.minutes(2)))
struct GuruxDeviceServerTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = package.appendingPathComponent(".build/peer-venv/bin/python")
    static let lls = ["HLMCS_LLS_PASSWORD": "8765432187654321"]

    static func start(_ device: String, edit: ((inout [String: Any]) -> Void)? = nil) async throws -> (CommandRunner, SimulatorProcess) {
        // Never skipped: scripts/test makes the venv first (scripts/test-tools.sh).
        #expect(FileManager.default.isExecutableFile(atPath: python.path), "no \(python.path): run scripts/test-tools.sh")
        let hlmcs = try DeviceCommandTests.users()
        var path = package.appendingPathComponent("Tests/Interop/devices/\(device)").path
        if let edit {
            // A variant of the device file, in the test's own folder.
            var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            edit(&root)
            path = hlmcs.folder.appendingPathComponent("device.json").path
            try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
        }
        let server = try await SimulatorProcess(command: (python, [
            package.appendingPathComponent("Tests/Interop/gurux_device_server.py").path, "--device", path, "--port", "0"]))
        return (hlmcs, server)
    }

    /// A device that grants no selective access is never asked for a range (it would
    /// answer with an exception): the whole buffer is read and cut to the window here.
    @Test func aDeviceWithoutSelectiveAccessGetsNoRangeAndTheWindowIsCutHere() async throws {
        let (hlmcs, server) = try await Self.start("uspd-variant.json") { root in
            var server = root["server"] as! [String: Any]
            server["conformance"] = (server["conformance"] as! [String]).filter { $0 != "selective-access" }
            root["server"] = server
        }
        defer { server.stop(); hlmcs.removeFolder() }
        let whole = try await hlmcs.run(["profile", "--obis", "1.0.99.1.0.255", "--tcp", server.address, "--lang", "en", "--json"],
                                        as: DeviceCommandTests.reader)
        #expect(whole.status == 0, "\(whole.stderr)")
        let rows = whole.lines.compactMap { try? DeviceCommandTests.json($0) }
        #expect(rows.count == 48)
        // The ten middle rows by their own times (as printed, local with offset).
        let times = rows.compactMap { $0["time"] as? String }
        #expect(times.count == 48, "\(whole.lines.first ?? "")")
        // The device counts its zone east positive: its rows are at UTC+5, not UTC−5.
        #expect(times.allSatisfy { $0.hasSuffix("+05:00") }, "\(times.prefix(2))")
        guard times.count == 48 else { return }
        let cut = try await hlmcs.run(["profile", "--obis", "1.0.99.1.0.255", "--from", times[10], "--to", times[19],
                                       "--tcp", server.address, "--lang", "en", "--json"], as: DeviceCommandTests.reader)
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.lines.compactMap { try? DeviceCommandTests.json($0)["time"] as? String } == Array(times[10...19]), "\(cut.stdout)")
        let events = try await hlmcs.run(["events", "--point", "0", "--from", "2000-01-01", "--tcp", server.address, "--lang", "en"],
                                         as: DeviceCommandTests.reader)
        #expect(events.status == 0 && events.lines.count == 6, "\(events.stdout)\(events.stderr)")
    }

    @Test func infoShowsTheDeviceTypeInCyrillicAndTheRightLocalTime() async throws {
        let (hlmcs, server) = try await Self.start("uspd-variant.json")
        defer { server.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["info", "--tcp", server.address, "--lang", "en", "--json"], as: DeviceCommandTests.reader)
        #expect(r.status == 0, "\(r.stderr)")
        let info = try DeviceCommandTests.json(r.stdout)
        #expect(info["serial-number"] as? String == "20257731")
        #expect(info["model"] as? String == "УСПД ТЕСТ-2")
        #expect(info["map"] as? String == "СПОДУС")
        #expect((info["lacking"] as? [String])?.contains("manufacturer") == true)
        // UTC+5 counted east positive: the clock shown at +05:00, within a minute of now.
        let clock = try #require(info["clock"] as? String)
        #expect(clock.hasSuffix("+05:00"), "\(clock)")
        let parsed = try #require(ISO8601DateFormatter().date(from: clock))
        #expect(abs(parsed.timeIntervalSinceNow) < 60, "\(clock)")
        #expect(info["time-zone"] as? String == "UTC+5")
    }

    @Test func metersEventsAndProfilesAreReadAsTheDeviceDescribesThem() async throws {
        let (hlmcs, server) = try await Self.start("uspd-variant.json")
        defer { server.stop(); hlmcs.removeFolder() }
        let reader = DeviceCommandTests.reader
        let meters = try await hlmcs.run(["meters", "--tcp", server.address, "--lang", "en"], as: reader)
        #expect(meters.status == 0, "\(meters.stderr)")
        #expect(meters.lines.count == 3 && meters.lines[1].contains("\tМеркурий 230\t") && meters.lines[2].contains("\tСЕ 301\t"),
                "\(meters.stdout)")
        let events = try await hlmcs.run(["events", "--point", "0", "--tcp", server.address, "--lang", "en"], as: reader)
        #expect(events.status == 0, "\(events.stderr)")
        #expect(events.lines.dropFirst().map { $0.split(separator: "\t")[1] } == ["1", "2", "5", "6", "17"], "\(events.stdout)")
        // The daily profile's columns in the device's order (A− before A+), each scaled.
        let daily = try await hlmcs.run(["profile", "--obis", "1.0.98.2.0.255", "--tcp", server.address, "--lang", "en"], as: reader)
        #expect(daily.status == 0, "\(daily.stderr)")
        #expect(daily.lines.first == "Date-time\tA− (Wh)\tA+ (Wh)", "\(daily.stdout)")
        #expect(daily.lines.count == 21, "\(daily.stdout)")
        let csv = hlmcs.folder.appendingPathComponent("load.csv").path
        let load = try await hlmcs.run(["profile", "--obis", "1.0.99.1.0.255", "--csv", csv, "--tcp", server.address, "--lang", "en"], as: reader)
        #expect(load.status == 0 && load.stdout.hasPrefix("48 rows written"), "\(load.stdout)\(load.stderr)")
        let volts = try await hlmcs.run(["read", "1.0.32.7.0.255", "--attribute", "2", "--tcp", server.address, "--lang", "en"], as: reader)
        #expect(volts.lines.last == "  2 value = 230.1 V", "\(volts.stdout)\(volts.stderr)")
        // Every object listed, with its role.
        let list = try await hlmcs.run(["objects", "--list", "--tcp", server.address, "--lang", "en"], as: reader)
        #expect(list.lines.contains { $0.hasPrefix("1/0.0.94.7.128.255\tv0\tmeter-list\t") }, "\(list.stdout)")
    }

    @Test func aClockWriteAsClient48IsReadBackAndAsClient32IsRefusedEarly() async throws {
        let (hlmcs, server) = try await Self.start("uspd-variant.json")
        defer { server.stop(); hlmcs.removeFolder() }
        let admin = DeviceCommandTests.admin
        let refused = try await hlmcs.run(["clock", "--sync", "--lls", "--client", "32", "--tcp", server.address, "--lang", "en"],
                                          as: admin, environment: ["HLMCS_LLS_PASSWORD": "87654321"])
        #expect(refused.status == 1 && refused.stderr.contains("connect as client 48 (--client 48)"), "\(refused.stderr)")
        let sync = try await hlmcs.run(["clock", "--sync", "--lls", "--client", "48", "--tcp", server.address, "--lang", "en"],
                                       as: admin, environment: Self.lls)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.lines.contains("Time zone: UTC+5"), "\(sync.stdout)")
        // A set time read back within 2 s, in the device's own sign.
        let set = try await hlmcs.run(["clock", "--set", "2026-06-01T12:00:00+05:00", "--lls", "--client", "48",
                                       "--tcp", server.address, "--lang", "en"], as: admin, environment: Self.lls)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.lines.first?.hasPrefix("Time: 2026-06-01T12:00:0") == true, "\(set.stdout)")
    }

    @Test func aBlueBookClockIsReadTheBlueBookWay() async throws {
        let (hlmcs, server) = try await Self.start("uspd-blue-book.json")
        defer { server.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["clock", "--tcp", server.address, "--lang", "en"], as: DeviceCommandTests.reader)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.contains("Time zone: UTC+3"), "\(r.stdout)")
    }
}
