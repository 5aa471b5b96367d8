import DLMS
@testable import ES951
import Foundation
import Testing

/// What the program takes from the device rather than assuming (issue 16): its text in
/// Windows-1251, its time-zone sign, which candidate of each role it has, its meter list.
@Suite struct DeviceAdaptingTests {
    // MARK: Text

    @Test func windows1251TextIsReadAsCyrillicAndUTF8StaysUTF8() throws {
        // "УСПД СПОДУС" as Windows-1251 bytes, as a СПОДУС device sends its type.
        let cp1251: [UInt8] = [0xD3, 0xD1, 0xCF, 0xC4, 0x20, 0xD1, 0xCF, 0xCE, 0xC4, 0xD3, 0xD1]
        #expect(DeviceText.decode(cp1251) == "УСПД СПОДУС")
        #expect(DeviceText.decode(Array("Меркурий 234".utf8)) == "Меркурий 234")
        #expect(DeviceText.decode(Array("ES-951".utf8)) == "ES-951")
        #expect(DeviceText.decode([]) == "")
        // Ё, ё, №, and the one unassigned byte (0x98) as U+FFFD.
        #expect(DeviceText.windows1251([0xA8, 0xB8, 0xB9, 0x98]) == "Ёё№\u{FFFD}")
        #expect(try DLMSData.octetString(cp1251).textValue("model") == "УСПД СПОДУС")
    }

    // MARK: Time-zone sign

    /// 16:08 local at UTC+3 is 13:08 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_648_880)   // 2026-12-07T13:08:00Z

    static func clock(deviation: Int16?) throws -> COSEMDateTime {
        var t = try #require(COSEMDateTime(year: 2026, month: 12, day: 7, hour: 16, minute: 8, second: 0, utcOffsetMinutes: 180))
        t.deviation = deviation
        return t
    }

    @Test func theSignIsFoundFromTheClockAgainstThisComputersTime() throws {
        // Blue Book: UTC+3 is a deviation of −180; east positive: +180.
        #expect(TimeZoneSign.detect(clock: try Self.clock(deviation: -180), now: Self.now) == .blueBook)
        #expect(TimeZoneSign.detect(clock: try Self.clock(deviation: 180), now: Self.now) == .eastPositive)
        // No deviation, or 0: both signs read the same, nothing can be told.
        #expect(TimeZoneSign.detect(clock: try Self.clock(deviation: nil), now: Self.now) == nil)
        #expect(TimeZoneSign.detect(clock: try Self.clock(deviation: 0), now: Self.now) == nil)
        // A clock hours off agrees with neither sign.
        #expect(TimeZoneSign.detect(clock: try Self.clock(deviation: 180), now: Self.now.addingTimeInterval(3 * 3600)) == nil)
    }

    @Test func aDeviceSignIsTurnedIntoTheBlueBookOnesAndBack() throws {
        #expect(TimeZoneSign.eastPositive.toBlueBook(Int16(180)) == -180)
        #expect(TimeZoneSign.eastPositive.fromBlueBook(Int16(-180)) == 180)
        #expect(TimeZoneSign.blueBook.toBlueBook(Int16(-180)) == -180)
        #expect(TimeZoneSign.eastPositive.toBlueBook(Int16.min) == Int16.min)
        let east = try Self.clock(deviation: 180)
        #expect(TimeZoneSign.eastPositive.toBlueBook(east).secondsSince1970() == Int64(Self.now.timeIntervalSince1970))
    }

    // MARK: Roles

    static func entry(_ classID: UInt16, _ obis: String, version: UInt8 = 0, modes: [(Int8, UInt8)] = []) -> ObjectListEntry {
        ObjectListEntry(classID: classID, version: version, obis: OBISCode(obis)!,
                        attributes: modes.map { ObjectListEntry.AttributeAccess(index: $0.0, mode: $0.1) })
    }

    @Test func eachRoleTakesTheFirstCandidateTheDeviceListsAndLacksTheRest() throws {
        let spodus = try DeviceMap.builtInMaps()[1]
        let list = [Self.entry(1, "0.0.96.1.0.255", modes: [(1, 1), (2, 1)]),
                    Self.entry(8, "0.0.1.0.0.255", modes: [(1, 1), (2, 3), (3, 3)]),
                    Self.entry(7, "0.0.99.98.4.255", version: 1), Self.entry(1, "0.0.96.11.4.255"),
                    Self.entry(7, "1.0.99.2.0.255", version: 1)]
        let fitted = spodus.adapted(to: list, client: 48)
        // An alternative fills a role its first candidate leaves empty.
        #expect(fitted.map.object(named: "event-log")?.obis == OBISCode("0.0.99.98.4.255"))
        #expect(fitted.map.object(named: "event-code")?.obis == OBISCode("0.0.96.11.4.255"))
        #expect(fitted.map.object(named: "load-profile")?.obis == OBISCode("1.0.99.2.0.255"))
        #expect(fitted.lacks("meter-list") && fitted.lacks("model") && !fitted.lacks("clock"))
        // The device's access rights for this client decide: the clock's time writable,
        // the serial number read only.
        let clock = try #require(fitted.map.object(named: "clock"))
        #expect(clock.attribute(2)?.access.canWrite(client: 48) == true)
        #expect(clock.attribute(4)?.access.canRead(client: 48) == false)
        #expect(fitted.map.object(named: "serial-number")?.attribute(2)?.access.canWrite(client: 48) == false)
        #expect(fitted.role(of: OBISCode("0.0.96.11.4.255")!) == "event-code")
        // What `objects` compares with: the chosen candidates and the first of each lacking role.
        #expect(fitted.expected.contains { $0.name == "meter-list" && $0.obis == OBISCode("0.0.94.7.128.255") })
    }

    @Test func aManufacturerOrCountryCodeMatchesOnlyWithItsClassAndVersion() throws {
        let spodus = try DeviceMap.builtInMaps()[1]
        // 0.0.94.7.128.255 as the ES-951's class 7 list is not the СПОДУС class 1 list.
        #expect(spodus.adapted(to: [Self.entry(7, "0.0.94.7.128.255", version: 1)], client: 16).lacks("meter-list"))
        // The right class but another version: not it either (a country-range code).
        #expect(spodus.adapted(to: [Self.entry(1, "0.0.94.7.128.255", version: 1)], client: 16).lacks("meter-list"))
        #expect(!spodus.adapted(to: [Self.entry(1, "0.0.94.7.128.255")], client: 16).lacks("meter-list"))
        // A standard code matches by class whatever the version.
        #expect(!DeviceMap.isSpecific(OBISCode("0.0.1.0.0.255")!) && DeviceMap.isSpecific(OBISCode("1.0.98.128.0.255")!))
    }

    // MARK: The СПОДУС meter list

    @Test func aСПОДУСMeterListIsReadWithItsChannelsAndRefusedWhenAbsurd() throws {
        let model: [UInt8] = [0xCC, 0xE5, 0xF0, 0xEA, 0xF3, 0xF0, 0xE8, 0xE9]   // "Меркурий" in Windows-1251
        let value = DLMSData.array([
            .structure([.octetString(Array("011234560001".utf8)), .octetString(model),
                        .array([.structure([.unsigned(1), .octetString([0, 0, 0, 0x11])]),
                                .structure([.unsigned(2), .octetString([0, 0, 0, 0x12])])])]),
            .structure([.octetString(Array("011234560002".utf8)), .visibleString(Array("CE308".utf8)), .array([])]),
        ])
        let meters = try ListedMeter.list(from: value)
        #expect(meters.count == 2)
        #expect(meters[0].model == "Меркурий" && meters[0].id == "011234560001" && meters[0].position == 1)
        #expect(meters[0].channelsText == "1:00000011 2:00000012")
        #expect(meters[1].channels.isEmpty && meters[1].model == "CE308")
        let many = DLMSData.array(Array(repeating: .structure([.octetString([]), .octetString([])]), count: 1001))
        #expect(throws: ModelError.self) { try ListedMeter.list(from: many) }
        #expect(throws: ModelError.self) { try ListedMeter.list(from: .longUnsigned(3)) }
    }

    // MARK: Map file

    @Test func aMapsConventionsAreReadAndAWrongSignIsRefusedWithItsPath() throws {
        let maps = try DeviceMap.builtInMaps()
        #expect(maps[0].conventions.timeZoneSign == .blueBook && maps[0].conventions.fits(deviceName: "EMSES95195100001"))
        #expect(maps[1].conventions.timeZoneSign == nil && maps[1].conventions.writeClients == [48] && !maps[1].conventions.eventNames)
        var text = String(decoding: try ResourceBundleBytes.spodus(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"timeZoneSign\": \"detect\"", with: "\"timeZoneSign\": \"west\"")
        #expect(throws: MapError.invalidValue(path: "conventions.timeZoneSign", value: "west")) {
            try DeviceMap(data: Array(text.utf8))
        }
    }
}

/// The built-in СПОДУС map's bytes, from the package's Resources folder.
enum ResourceBundleBytes {
    static func spodus() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/spodus-map.json")
        return [UInt8](try Data(contentsOf: url))
    }
}

@Suite struct MapEncodingTests {
    /// Both built-in maps written out and read back are the same maps.
    @Test func aMapWrittenOutReadsBackTheSame() throws {
        for map in try DeviceMap.builtInMaps() {
            let again = try DeviceMap(data: Array(map.jsonText(description: "round trip").utf8))
            #expect(again == map, "\(map.name)")
            #expect(again.alternatives == map.alternatives && again.conventions == map.conventions)
        }
    }

    @Test func aValueHasTheMapTypeItIsSentAs() {
        #expect(MapType.of(.longUnsigned(3)) == .longUnsigned)
        #expect(MapType.of(.octetString([1, 2])) == .octetString)
        #expect(MapType.of(.long64Unsigned(1)) == .long64Unsigned)
        #expect(MapType.of(.null) == nil)
        let t = COSEMDateTime(year: 2026, month: 12, day: 7, hour: 10, minute: 0, second: 0, utcOffsetMinutes: 180)!
        #expect(MapType.of(.dateTimeOctetString(t)) == .dateTime)
        #expect(MapType.long64.accepts(.long64(-1)) && !MapType.long64.accepts(.long(-1)))
    }
}
