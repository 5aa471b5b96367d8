import Foundation
import Testing

/// `hlmcs objects LINK`: the device's object list compared with the map, against
/// `es951-sim` (its own map, and an edited copy of it given with `--map`).
@Suite("object list check", .timeLimit(.minutes(2)))
struct ObjectsCommandTests {
    static let reader = DeviceCommandTests.reader

    @Test func theSimulatorHasNoDifference() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["objects", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("No differences: the device's "), "\(r.stdout)")
        let json = try await hlmcs.run(["objects", "--tcp", sim.address, "--json"], as: Self.reader)
        #expect(json.status == 0)
        let object = try DeviceCommandTests.json(json.stdout)
        #expect(object["differences"] as? Int == 0 && (object["compared"] as? Int ?? 0) > 50)
    }

    /// The simulator serves a map without hardware-version and with the manufacturer as
    /// class 3; hlmcs compares with its built-in map.
    @Test func anEditedMapOnTheDeviceIsListedWithStatus1() async throws {
        let hlmcsFolder = CommandRunner()
        defer { hlmcsFolder.removeFolder() }
        let builtIn = try Self.builtInMap()
        var root = try #require(try JSONSerialization.jsonObject(with: builtIn) as? [String: Any])
        var objects = try #require(root["objects"] as? [[String: Any]])
        objects.removeAll { $0["name"] as? String == "hardware-version" }
        let index = try #require(objects.firstIndex { $0["name"] as? String == "manufacturer" })
        objects[index]["class"] = 3
        root["objects"] = objects
        let path = hlmcsFolder.folder.appendingPathComponent("edited-map.json").path
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))

        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--map", path])
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["objects", "--tcp", sim.address, "--lang", "en"], as: Self.reader)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.lines == [
            "In the map, missing from the device (1):",
            "  1/0.0.0.2.1.255 v0  hardware-version",
            "Of another class or version on the device (1):",
            "  0.0.96.1.3.255  manufacturer: map class 1 v0, device class 3 v0",
        ], "\(r.stdout)")
        #expect(r.stderr.contains("2 differences"), "\(r.stderr)")
        let json = try await hlmcs.run(["objects", "--tcp", sim.address, "--json"], as: Self.reader)
        #expect(json.status == 1)
        let object = try DeviceCommandTests.json(json.stdout)
        #expect(object["differences"] as? Int == 2)
        #expect((object["missing"] as? [[String: Any]])?.first?["obis"] as? String == "0.0.0.2.1.255")
        #expect((object["extra"] as? [Any])?.isEmpty == true)
    }

    /// The map the project ships (Resources/es951-map.json), read from the package folder.
    static func builtInMap() throws -> Data {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: package.appendingPathComponent("Resources/es951-map.json"))
    }
}
