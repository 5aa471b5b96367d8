import DLMS
import Testing
@testable import ES951

/// `hlmcs objects`' comparison of a device's object list with the device map, and the
/// object list's elements as they come off the wire.
@Suite("Object list compared with the map")
struct ObjectListComparisonTests {
    static let map = try! DeviceMap.builtIn()

    /// The map's own objects as a device would list them.
    static var sameAsMap: [ObjectListEntry] {
        map.objects.map { ObjectListEntry(classID: $0.classID, version: $0.version, obis: $0.obis) }
    }

    static let serialNumber = OBISCode(0, 0, 96, 1, 0, 255)
    static let clock = OBISCode(0, 0, 1, 0, 0, 255)

    @Test func theMapsOwnListHasNoDifference() {
        let c = ObjectListComparison(device: Self.sameAsMap, map: Self.map)
        #expect(c.isEmpty)
        #expect(c == ObjectListComparison(device: Self.sameAsMap.reversed(), map: Self.map), "order does not matter")
    }

    @Test func anObjectTheDeviceLacksIsMissing() throws {
        let device = Self.sameAsMap.filter { $0.obis != Self.serialNumber }
        let c = ObjectListComparison(device: device, map: Self.map)
        #expect(c.missing.map(\.name) == ["serial-number"])
        #expect(c.extra.isEmpty && c.mismatched.isEmpty && !c.isEmpty)
    }

    @Test func anObjectOnlyTheDeviceHasIsExtraAndCountsOnce() {
        let unknown = ObjectListEntry(classID: 1, version: 0, obis: OBISCode(0, 0, 96, 50, 0, 255))
        let c = ObjectListComparison(device: Self.sameAsMap + [unknown, unknown], map: Self.map)
        #expect(c.extra == [unknown])
        #expect(c.missing.isEmpty && c.mismatched.isEmpty)
    }

    @Test func anotherClassAndAnotherVersionAreMismatches() throws {
        var device = Self.sameAsMap
        let s = try #require(device.firstIndex { $0.obis == Self.serialNumber })
        device[s].classID = 3
        let k = try #require(device.firstIndex { $0.obis == Self.clock })
        device[k].version = 2
        let c = ObjectListComparison(device: device, map: Self.map)
        #expect(c.missing.isEmpty && c.extra.isEmpty)
        #expect(c.mismatched.count == 2)
        let clock = try #require(c.mismatched.first { $0.obis == Self.clock })
        #expect(clock.name == "clock" && !clock.classDiffers && clock.versionDiffers)
        #expect(clock.mapVersion == 0 && clock.deviceVersion == 2)
        let serial = try #require(c.mismatched.first { $0.obis == Self.serialNumber })
        #expect(serial.classDiffers && serial.mapClass == 1 && serial.deviceClass == 3)
        // Sorted by logical name: 0.0.1.0.0.255 before 0.0.96.1.0.255.
        #expect(c.mismatched.map(\.obis) == [Self.clock, Self.serialNumber])
    }

    @Test func elementsAreReadWithTheirAccessRights() throws {
        let list = DLMSData.array([
            .structure([.longUnsigned(8), .unsigned(0), .octetString([0, 0, 1, 0, 0, 255]),
                        .structure([.array([.structure([.integer(1), .enumerated(1), .null]),
                                            .structure([.integer(2), .enumerated(3), .null])]),
                                    .array([.structure([.integer(1), .boolean(true)])])])]),
            // A device that leaves the access rights out.
            .structure([.longUnsigned(1), .unsigned(0), .octetString([0, 0, 96, 1, 0, 255])]),
        ])
        let entries = try ObjectListEntry.entries(from: list)
        #expect(entries.count == 2)
        #expect(entries[0] == ObjectListEntry(classID: 8, version: 0, obis: Self.clock,
                                              attributes: [.init(index: 1, mode: 1), .init(index: 2, mode: 3)],
                                              methods: [.init(index: 1, mode: 1)]))
        #expect(entries[1] == ObjectListEntry(classID: 1, version: 0, obis: Self.serialNumber))
    }

    @Test func aListOfAnotherShapeIsRefused() {
        #expect(throws: ModelError.self) { try ObjectListEntry.entries(from: .structure([])) }
        #expect(throws: ModelError.self) {
            try ObjectListEntry.entries(from: .array([.structure([.longUnsigned(1), .unsigned(0), .octetString([1, 2, 3])])]))
        }
        #expect(throws: ModelError.self) {
            try ObjectListEntry.entries(from: .array([.structure([.visibleString([]), .unsigned(0), .octetString([0, 0, 1, 0, 0, 255])])]))
        }
    }
}
