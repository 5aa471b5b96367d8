import Foundation
import Testing

/// Devices that are not the ES-951 of our map (issue 16), served by `es951-sim --map`:
/// the built-in СПОДУС map (a class 1 meter list, one event journal of its own numbering,
/// a load profile, writes by client 48 only), and a map of the user's own in
/// `~/.config/hlmcs/maps` chosen by the device's name. hlmcs learns each device's objects,
/// chooses and fits the map, and says what a device lacks.
@Suite("device variants", .timeLimit(.minutes(2)))
struct DeviceVariantTests {
    static let reader = DeviceCommandTests.reader

    /// The package's Resources folder (the tests never read outside the package).
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources")
    static var spodusMap: String { resources.appendingPathComponent("spodus-map.json").path }

    @Test func aСПОДУСDeviceIsLearnedAndItsMapChosen() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", Self.spodusMap])
        defer { sim.stop(); hlmcs.removeFolder() }
        let info = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "en", "--verbose"], as: Self.reader)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.lines.contains("Serial number: 95100001"), "\(info.stdout)")
        #expect(info.lines.contains("Device map: СПОДУС"), "\(info.stdout)")
        // What the СПОДУС map has no role for is named, not left out silently.
        #expect(info.lines.contains { $0.hasPrefix("This concentrator has no: manufacturer, hardware version") }, "\(info.stdout)")
        #expect(!info.stderr.contains("known device"), "\(info.stderr)")
        // The second time the object list comes from the database: no read of it.
        let again = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "en", "--verbose"], as: Self.reader)
        #expect(again.status == 0)
        #expect(again.stderr.contains("(known device)"), "\(again.stderr)")
        let learnBytes = { (text: String) -> Int? in
            guard let line = text.split(separator: "\n").first(where: { $0.contains("learn device") }),
                  let b = line.split(separator: " ").firstIndex(of: "B") else { return nil }
            return Int(line.split(separator: " ")[b - 1])
        }
        let first = try #require(learnBytes(info.stderr)), second = try #require(learnBytes(again.stderr))
        #expect(second * 3 < first, "learning a known device: \(second) B, the first time \(first) B")
        // Russian: the lacking roles in words.
        let ru = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "ru"], as: Self.reader)
        #expect(ru.lines.contains { $0.hasPrefix("У этого концентратора нет: производителя") }, "\(ru.stdout)")
    }

    @Test func itsObjectsAreListedWithTheirRolesAndReadByName() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", Self.spodusMap])
        defer { sim.stop(); hlmcs.removeFolder() }
        let list = try await hlmcs.run(["objects", "--list", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.lines.contains { $0.hasPrefix("1/0.0.94.7.128.255\tv0\tmeter-list\tr 1,2") }, "\(list.stdout)")
        #expect(list.lines.contains { $0.hasPrefix("7/1.0.99.1.0.255\tv1\tload-profile\t") }, "\(list.stdout)")
        #expect(list.lines.contains { $0.hasPrefix("8/0.0.1.0.0.255\tv0\tclock\t") }, "\(list.stdout)")
        // No difference from the map chosen for it.
        let check = try await hlmcs.run(["objects", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // A register by name, scaled, with its unit; a clock by attribute name.
        let register = try await hlmcs.run(["read", "1.0.1.8.0.255", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(register.status == 0, "\(register.stderr)")
        #expect(register.lines.first == "3/1.0.1.8.0.255 v0 (Register)", "\(register.stdout)")
        #expect(register.lines.contains { $0.hasPrefix("  2 value = ") && $0.hasSuffix(" Wh") }, "\(register.stdout)")
        #expect(register.lines.contains { $0.hasPrefix("  3 scaler-unit = {") }, "\(register.stdout)")
        let zone = try await hlmcs.run(["read", "0.0.1.0.0.255", "--attribute", "3", "--tcp", sim.address], as: Self.reader)
        #expect(zone.lines == ["8/0.0.1.0.0.255 v0 (Clock)", "  3 time-zone = -180"], "\(zone.stdout)\(zone.stderr)")
        let absent = try await hlmcs.run(["read", "1.0.31.7.0.255", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(absent.status == 1 && absent.stderr.contains("does not list the object 1.0.31.7.0.255"), "\(absent.stderr)")
    }

    @Test func aProfileByItsLogicalNameAndTheMeterListOfItsKind() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", Self.spodusMap, "--meters", "3"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let csv = hlmcs.folder.appendingPathComponent("daily.csv").path
        let profile = try await hlmcs.run(["profile", "--obis", "1.0.98.2.0.255", "--csv", csv, "--tcp", sim.address, "--lang", "en"],
                                          as: Self.reader)
        #expect(profile.status == 0, "\(profile.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        let rows = text.unicodeScalars.filter { $0 == "\n" }.count - 1
        #expect(rows > 20, "\(text.prefix(300))")
        #expect(profile.stdout.contains("\(rows) rows written"), "\(profile.stdout)")
        // A profile of a kind needs a point, which this device does not select.
        let daily = try await hlmcs.run(["profile", "daily", "--point", "1", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(daily.status == 1, "\(daily.stderr)")
        #expect(daily.stderr.contains("This concentrator has no metering point selector"), "\(daily.stderr)")
        // Its meter list is a class 1 value: read as such (empty here: the simulator has no
        // СПОДУС list of its own), never as the ES-951's profile.
        let meters = try await hlmcs.run(["meters", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(meters.status == 0, "\(meters.stderr)")
        #expect(meters.lines.first == "No.\tMeter id\tModel\tChannels (id:address)", "\(meters.stdout)")
        let events = try await hlmcs.run(["events", "--point", "0", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(events.status == 0, "\(events.stderr)")
        #expect(events.lines.count > 1, "\(events.stdout)")
        // Its journal numbers codes its own way: no ES-951 names put on them.
        #expect(events.lines.dropFirst().allSatisfy { $0.contains("Unknown event") }, "\(events.stdout)")
    }

    @Test func aWriteTheDeviceForbidsThisClientIsRefusedEarlyNamingTheClientThatMay() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", Self.spodusMap])
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["clock", "--sync", "--lls", "--client", "32", "--tcp", sim.address, "--lang", "en"],
                                    as: DeviceCommandTests.admin, environment: DeviceCommandTests.lls)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Client 32 may not write 8/0.0.1.0.0.255/2 on this concentrator: connect as client 48 (--client 48)."),
                "\(r.stderr)")
        let ok = try await hlmcs.run(["clock", "--sync", "--lls", "--client", "48", "--tcp", sim.address, "--lang", "en"],
                                     as: DeviceCommandTests.admin, environment: DeviceCommandTests.lls)
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    /// A map of the user's own, in ~/.config/hlmcs/maps, chosen by the device's name:
    /// this one has no meter list.
    @Test func aUsersMapIsChosenByTheDevicesNameAndItsLackingRolesAreWorded() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.spodusMap))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        root["device"] = "TEST-VARIANT"
        var conventions = try #require(root["conventions"] as? [String: Any])
        conventions["deviceNamePrefixes"] = ["SIMES951"]
        root["conventions"] = conventions
        var objects = try #require(root["objects"] as? [[String: Any]])
        objects.removeAll { $0["name"] as? String == "meter-list" }
        root["objects"] = objects
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-variant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapPath = folder.appendingPathComponent("variant.json").path
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: mapPath))

        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", mapPath])
        defer { sim.stop(); hlmcs.removeFolder() }
        let maps = hlmcs.folder.appendingPathComponent(".config/hlmcs/maps")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: mapPath, toPath: maps.appendingPathComponent("variant.json").path)
        let info = try await hlmcs.run(["info", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(info.lines.contains("Device map: TEST-VARIANT"), "\(info.stdout)\(info.stderr)")
        let meters = try await hlmcs.run(["meters", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(meters.status == 1, "\(meters.stderr)")
        #expect(meters.stderr.contains("This concentrator has no meter list."), "\(meters.stderr)")
        let ru = try await hlmcs.run(["meters", "--tcp", sim.address, "--lang", "ru"], as: Self.reader)
        #expect(ru.stderr.contains("У этого концентратора нет списка ПУ."), "\(ru.stderr)")
    }
}

/// `hlmcs map learn` and `hlmcs map check`.
@Suite("learned maps", .timeLimit(.minutes(2)))
struct LearnedMapTests {
    @Test func aMapLearnedFromTheDeviceMatchesItAndIsNotOverwritten() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", DeviceVariantTests.spodusMap])
        defer { sim.stop(); hlmcs.removeFolder() }
        let out = hlmcs.folder.appendingPathComponent("learned.json").path
        let learn = try await hlmcs.run(["map", "learn", "--out", out, "--tcp", sim.address, "--lang", "en"], as: DeviceCommandTests.reader)
        #expect(learn.status == 0, "\(learn.stderr)")
        #expect(learn.stdout.hasPrefix("Wrote \(out): "), "\(learn.stdout)")
        let check = try await hlmcs.run(["map", "check", out, "--lang", "en"])
        #expect(check.status == 0 && check.stdout.contains("the map learned SIMES95195100001 loads"), "\(check.stdout)\(check.stderr)")
        // The device compared with the map learned from it: no difference.
        let objects = try await hlmcs.run(["objects", "--map", out, "--tcp", sim.address, "--lang", "en"], as: DeviceCommandTests.reader)
        #expect(objects.status == 0, "\(objects.stdout)\(objects.stderr)")
        // A draft never replaces a file.
        let again = try await hlmcs.run(["map", "learn", "--out", out, "--tcp", sim.address, "--lang", "en"], as: DeviceCommandTests.reader)
        #expect(again.status == 2 && again.stderr.contains("exists"), "\(again.stderr)")
    }

    @Test func aBrokenMapIsRefusedSayingWhere() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("broken.json").path
        try Data("{\n  \"format\": 1,\n  \"link\": {\n    \"serverUpperAddress\": 1,,\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = try await hlmcs.run(["map", "check", path, "--lang", "en"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("line 4"), "\(r.stderr)")
        let wrongSign = hlmcs.folder.appendingPathComponent("sign.json").path
        let text = try String(contentsOfFile: DeviceVariantTests.spodusMap, encoding: .utf8)
            .replacingOccurrences(of: "\"timeZoneSign\": \"detect\"", with: "\"timeZoneSign\": \"west\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: wrongSign))
        let sign = try await hlmcs.run(["map", "check", wrongSign, "--lang", "en"])
        #expect(sign.status == 2 && sign.stderr.contains("conventions.timeZoneSign"), "\(sign.stderr)")
    }
}

/// A device with a SAP assignment (17/0.0.41.0.0.255): its logical devices are listed.
@Suite("SAP assignment", .timeLimit(.minutes(2)))
struct SAPAssignmentTests {
    @Test func theLogicalDevicesOfTheSAPAssignmentAreListedFirstAndLaterTime() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: DeviceVariantTests.spodusMap))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var objects = try #require(root["objects"] as? [[String: Any]])
        objects.append(["name": "sap-assignment", "class": 17, "version": 0, "obis": "0.0.41.0.0.255", "attributes": [
            ["index": 1, "key": "logical-name", "type": "octet-string", "read": [16, 32, 48]],
            ["index": 2, "key": "sap-assignment-list", "type": "array", "read": [16, 32, 48]]]])
        root["objects"] = objects
        let hlmcs = try DeviceCommandTests.users()
        defer { hlmcs.removeFolder() }
        let mapPath = hlmcs.folder.appendingPathComponent("with-sap.json").path
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: mapPath))
        // {1, "ABC1"}, {16, "MTR1"}
        let list = "010202021200010904414243310202120010" + "09044D545231"
        let sim = try await SimulatorProcess(["--map", mapPath, "--answer", "17/0.0.41.0.0.255/2=" + list])
        defer { sim.stop() }
        for _ in 0..<2 {   // read from the device, then from the database
            let r = try await hlmcs.run(["objects", "--list", "--tcp", sim.address, "--lang", "en"], as: DeviceCommandTests.reader)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.lines.last == "Logical devices (SAP assignment): 1 ABC1, 16 MTR1", "\(r.stdout)")
        }
    }
}
