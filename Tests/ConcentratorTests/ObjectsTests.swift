import DLMS
import DLMSTransport
import ES951
import Foundation
import Testing
@testable import Concentrator

/// The association's object list (15/0.0.40.0.0.255/2) read from the simulator and
/// compared with the device map.
@Suite("Concentrator object list", .timeLimit(.minutes(1)))
struct ObjectsTests {
    @Test func theSimulatorsListIsTheMap() async throws {
        let rig = try await SimulatorRig.opened(meters: 3)
        let entries = try await rig.concentrator.readObjectList()
        #expect(entries.count == SimulatorRig.map.objects.count)
        let serial = try #require(entries.first { $0.obis == OBISCode(0, 0, 96, 1, 0, 255) })
        #expect(serial.classID == 1 && serial.version == 0)
        // LLS client 32: the serial number readable and writable (mode 3).
        #expect(serial.attributes.first { $0.index == 2 }?.mode == 3)
        #expect(try await rig.concentrator.compareObjectList().isEmpty)
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        #expect(entry.what == "read object list" && entry.rows == entries.count)
        await rig.finish()
    }

    @Test func underNLSTheSameObjectsReadOnly() async throws {
        let rig = try await SimulatorRig.opened(client: 16, password: nil, meters: 3)
        let entries = try await rig.concentrator.readObjectList()
        #expect(ObjectListComparison(device: entries, map: SimulatorRig.map).isEmpty)
        let serial = try #require(entries.first { $0.obis == OBISCode(0, 0, 96, 1, 0, 255) })
        #expect(serial.attributes.first { $0.index == 2 }?.mode == 1)
        await rig.finish()
    }

    @Test func aMapWithAnotherObjectAndClassFindsTheDifferences() async throws {
        let rig = try await SimulatorRig.opened(meters: 3)
        let entries = try await rig.concentrator.readObjectList()
        var objects = SimulatorRig.map.objects
        let removed = try #require(objects.firstIndex { $0.name == "hardware-version" })
        let gone = objects.remove(at: removed)
        let changed = try #require(objects.firstIndex { $0.name == "manufacturer" })
        objects[changed].classID = 3
        let edited = try DeviceMap(objects: objects, link: SimulatorRig.map.link)
        let comparison = ObjectListComparison(device: entries, map: edited)
        #expect(comparison.missing.isEmpty)
        #expect(comparison.extra.map(\.obis) == [gone.obis])
        #expect(comparison.mismatched.map(\.name) == ["manufacturer"])
        #expect(comparison.mismatched.first?.deviceClass == 1 && comparison.mismatched.first?.mapClass == 3)
        await rig.finish()
    }
}
