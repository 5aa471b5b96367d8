import Foundation
import Testing
import DLMS
import ES951
@testable import Simulator

/// The simulator's names for map objects (``ObjectKey``) against `Resources/es951-map.json`
/// (issue 15): every key names an object of the built-in map, and a map without one says so.
@Suite("object keys")
struct ObjectKeyTests {
    @Test func everyKeyNamesAnObjectOfTheBuiltInMap() throws {
        let map = try DeviceMap.builtIn()
        let table = ObjectTable(map: map)
        for key in ObjectKey.allCases {
            let object = try map.object(key)
            #expect(object.name == key.rawValue)
            let served = try table.require(key)
            #expect(served.obis == object.obis && served.classID == object.classID, "\(key)")
            #expect(served.key == key)
            #expect(table.key(classID: object.classID, obis: object.obis) == key)
        }
        #expect(map.missingKeys.isEmpty)
        #expect(ObjectTable.builtIn.byName.count == ObjectKey.allCases.count)
    }

    /// The map read from JSON without the event log: the lookup reports the missing name.
    @Test func aKeyMissingFromTheMapIsReported() throws {
        var root = try #require(try JSONSerialization.jsonObject(with: Self.builtInJSON()) as? [String: Any])
        var objects = try #require(root["objects"] as? [[String: Any]])
        let before = objects.count
        objects.removeAll { $0["name"] as? String == "event-log" }
        #expect(objects.count == before - 1)
        root["objects"] = objects
        let map = try DeviceMap(data: Array(try JSONSerialization.data(withJSONObject: root)))

        #expect(throws: MissingObject(.eventLog)) { try map.object(.eventLog) }
        #expect(map.missingKeys == [.eventLog])
        let table = ObjectTable(map: map)
        #expect(throws: MissingObject(.eventLog)) { try table.require(.eventLog) }
        #expect(table.object(.eventLog) == nil)
        #expect(table.object(.eventCode) != nil)
        #expect(MissingObject(.eventLog).description == "the device map has no object \"event-log\"")
    }

    /// Each key in turn left out of the map (with the profiles that capture it, which the
    /// map could not keep): exactly that key is reported.
    @Test func everyKeyLeftOutIsReported() throws {
        let full = try DeviceMap.builtIn()
        for key in ObjectKey.allCases {
            let gone = try full.object(key)
            let kept = full.objects.filter { o in
                o.name != gone.name && !o.captureObjects.contains { $0.instance == gone.obis && $0.classID == gone.classID }
            }
            let map = try DeviceMap(objects: kept, link: full.link)
            #expect(map.missingKeys.contains(key), "\(key)")
            #expect(throws: MissingObject(key)) { try ObjectTable(map: map).require(key) }
        }
    }

    /// A `--map` without an object: the simulator serves the rest and not that one.
    @Test func theSimulatorServesWhatTheMapSays() throws {
        let full = try DeviceMap.builtIn()
        let map = try DeviceMap(objects: full.objects.filter { $0.name != ObjectKey.hardwareVersion.rawValue }, link: full.link)
        var h = SimulatorHarness()
        h.application = ServerApplication(device: DeviceState(configuration: .init(meters: 3, seed: 7), map: map, now: h.now))
        var c = h.connect()
        let hardware = try full.object(.hardwareVersion)
        #expect(h.get(&c, "1/\(hardware.obis)/2") == .error(.objectUndefined))
        let model = try full.object(.model)
        #expect(h.value(&c, "1/\(model.obis)/2") == .visibleString(Array("ES-951".utf8)))
        let association = try full.object(.associationCurrent)
        guard case .array(let list)? = h.value(&c, "15/\(association.obis)/2") else { Issue.record("no object list"); return }
        #expect(list.count == map.objects.count)
    }

    /// `Resources/es951-map.json`, read from the package folder.
    static func builtInJSON() throws -> Data {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: package.appendingPathComponent("Resources/es951-map.json"))
    }
}
