import DLMS
import Testing
@testable import ES951

/// Pins the built-in map against ES951-MAP.md's tables. The expected values are written
/// here, copied from the tables by hand (not read from ../shared): a change to
/// `Resources/es951-map.json` that disagrees with the contract fails this suite.
@Suite("Device map pinned to ES951-MAP.md")
struct DeviceMapPinTests {
    enum Access { case r, rw, rwAll, secret, rwWriteOnly }

    struct Row: CustomTestStringConvertible {
        var ref: String          // CLASS/OBIS/ATTR
        var version: UInt8
        var type: MapType
        var access: Access
        var scaler: Int8? = nil
        var unit: UInt8? = nil
        var testDescription: String { ref }
    }

    // MARK: - Every row of every table (attribute rows)
    static let rows: [Row] = [
        // Concentrator information and basic parameters (В3.1, В3.2)
        Row(ref: "1/0.0.96.1.0.255/2", version: 0, type: .visibleString, access: .rw),
        Row(ref: "1/0.0.96.1.1.255/2", version: 0, type: .visibleString, access: .r),
        Row(ref: "1/0.0.96.1.2.255/2", version: 0, type: .visibleString, access: .r),
        Row(ref: "1/0.0.96.1.3.255/2", version: 0, type: .visibleString, access: .r),
        Row(ref: "1/0.0.0.2.1.255/2", version: 0, type: .visibleString, access: .r),
        Row(ref: "1/0.0.42.0.0.255/2", version: 0, type: .octetString, access: .r),
        Row(ref: "23/0.0.22.0.0.255/9", version: 1, type: .longUnsigned, access: .r),
        Row(ref: "23/0.0.22.0.0.255/2", version: 1, type: .enumerated, access: .r),
        Row(ref: "23/0.1.22.0.0.255/9", version: 1, type: .longUnsigned, access: .r),
        Row(ref: "23/0.1.22.0.0.255/2", version: 1, type: .enumerated, access: .rw),
        Row(ref: "1/0.0.94.7.141.255/2", version: 0, type: .structure, access: .r),
        // Real-time clock (В3.3)
        Row(ref: "8/0.0.1.0.0.255/2", version: 0, type: .dateTime, access: .rw),
        Row(ref: "8/0.0.1.0.0.255/3", version: 0, type: .long, access: .rw),
        Row(ref: "8/0.0.1.0.0.255/4", version: 0, type: .unsigned, access: .r),
        // GPRS modem (В3.4)
        Row(ref: "45/0.0.25.4.0.255/2", version: 0, type: .octetString, access: .rw),
        Row(ref: "29/0.0.2.1.0.255/6", version: 1, type: .array, access: .rw),
        Row(ref: "44/0.0.25.3.0.255/5", version: 0, type: .structure, access: .rwWriteOnly),
        Row(ref: "1/0.0.25.4.128.255/2", version: 0, type: .longUnsigned, access: .rw, unit: 7),
        // Internet protocol (В3.5)
        Row(ref: "42/0.0.25.1.0.255/3", version: 0, type: .doubleLongUnsigned, access: .rw),
        Row(ref: "42/0.0.25.1.0.255/6", version: 0, type: .doubleLongUnsigned, access: .rw),
        Row(ref: "42/0.0.25.1.0.255/7", version: 0, type: .doubleLongUnsigned, access: .rw),
        Row(ref: "42/0.0.25.1.0.255/8", version: 0, type: .boolean, access: .rw),
        Row(ref: "42/0.0.25.1.0.255/9", version: 0, type: .doubleLongUnsigned, access: .rw),
        Row(ref: "42/0.0.25.1.0.255/10", version: 0, type: .doubleLongUnsigned, access: .rw),
        Row(ref: "43/0.0.25.2.0.255/2", version: 0, type: .octetString, access: .r),
        Row(ref: "41/0.0.25.0.0.255/2", version: 0, type: .longUnsigned, access: .rw),
        // Meters (В3.6): the column objects, remove one, the point selector
        Row(ref: "1/0.0.94.7.150.255/2", version: 0, type: .longUnsigned, access: .r),
        Row(ref: "1/0.0.94.7.151.255/2", version: 0, type: .visibleString, access: .r),
        Row(ref: "1/0.0.94.7.152.255/2", version: 0, type: .octetString, access: .r),
        Row(ref: "1/0.0.94.7.153.255/2", version: 0, type: .longUnsigned, access: .r),
        Row(ref: "1/0.0.94.7.154.255/2", version: 0, type: .enumerated, access: .r),
        Row(ref: "1/0.0.94.7.155.255/2", version: 0, type: .unsigned, access: .r),
        Row(ref: "1/0.0.94.7.156.255/2", version: 0, type: .doubleLongUnsigned, access: .r, unit: 27),
        Row(ref: "1/0.0.94.7.157.255/2", version: 0, type: .enumerated, access: .r),
        Row(ref: "1/0.0.94.7.158.255/2", version: 0, type: .dateTime, access: .r),
        Row(ref: "1/0.0.94.7.159.255/2", version: 0, type: .dateTime, access: .r),
        Row(ref: "1/0.0.94.7.160.255/2", version: 0, type: .doubleLongUnsigned, access: .r),
        Row(ref: "1/0.0.94.7.136.255/2", version: 0, type: .longUnsigned, access: .rw),
        Row(ref: "1/0.0.94.7.137.255/2", version: 0, type: .longUnsigned, access: .rwAll),
        // PLC network (В3.6), G3-PLC
        Row(ref: "92/0.0.29.2.0.255/8", version: 1, type: .array, access: .r),
        Row(ref: "92/0.0.29.2.0.255/2", version: 1, type: .unsigned, access: .r),
        Row(ref: "1/0.0.29.2.128.255/2", version: 0, type: .array, access: .r),
        Row(ref: "91/0.0.29.1.0.255/11", version: 1, type: .array, access: .r),
        Row(ref: "91/0.0.29.1.0.255/2", version: 1, type: .longUnsigned, access: .r),
        // Backup battery (В3.7)
        Row(ref: "3/0.0.96.6.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 7),
        Row(ref: "3/0.0.96.6.0.255/3", version: 0, type: .structure, access: .r),
        Row(ref: "3/0.0.96.6.3.255/2", version: 0, type: .longUnsigned, access: .r, scaler: -2, unit: 35),
        Row(ref: "3/0.0.96.6.3.255/3", version: 0, type: .structure, access: .r),
        // Point-scoped data: the registers and the event code the profiles capture
        Row(ref: "3/1.0.1.8.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 30),
        Row(ref: "3/1.0.2.8.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 30),
        Row(ref: "3/1.0.3.8.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 32),
        Row(ref: "3/1.0.4.8.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 32),
        Row(ref: "4/1.0.1.6.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 27),
        Row(ref: "4/1.0.1.6.0.255/5", version: 0, type: .dateTime, access: .r),
        Row(ref: "4/1.0.3.6.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r, scaler: 0, unit: 29),
        Row(ref: "4/1.0.3.6.0.255/5", version: 0, type: .dateTime, access: .r),
        Row(ref: "1/0.0.96.11.0.255/2", version: 0, type: .unsigned, access: .r),
        // Service operations: image transfer, object list, LLS secrets
        Row(ref: "18/0.0.44.0.0.255/2", version: 0, type: .doubleLongUnsigned, access: .r),
        Row(ref: "18/0.0.44.0.0.255/3", version: 0, type: .bitString, access: .r),
        Row(ref: "18/0.0.44.0.0.255/4", version: 0, type: .doubleLongUnsigned, access: .r),
        Row(ref: "18/0.0.44.0.0.255/5", version: 0, type: .boolean, access: .rw),
        Row(ref: "18/0.0.44.0.0.255/6", version: 0, type: .enumerated, access: .r),
        Row(ref: "15/0.0.40.0.0.255/2", version: 1, type: .array, access: .r),
        Row(ref: "15/0.0.40.0.0.255/7", version: 1, type: .octetString, access: .secret),
        Row(ref: "15/0.0.40.0.2.255/7", version: 1, type: .octetString, access: .secret),
        Row(ref: "15/0.0.40.0.3.255/7", version: 1, type: .octetString, access: .secret),
    ]

    // MARK: - Profiles: columns in order and depth
    static let clock = "8/0.0.1.0.0.255/2"
    static let energies = [clock, "3/1.0.1.8.0.255/2", "3/1.0.2.8.0.255/2", "3/1.0.3.8.0.255/2", "3/1.0.4.8.0.255/2"]
    static let profiles: [(obis: String, name: String, depth: Int, columns: [String])] = [
        ("0.0.94.7.128.255", "meter-list", 1000,
         (150...156).map { "1/0.0.94.7.\($0).255/2" }),
        ("0.0.94.7.133.255", "poll-status", 1000,
         ["1/0.0.94.7.150.255/2"] + (157...160).map { "1/0.0.94.7.\($0).255/2" }),
        ("1.0.94.7.138.255", "current-readings", 1, energies),
        ("1.0.98.2.0.255", "daily-profile", 89, energies),
        ("1.0.98.1.0.255", "monthly-profile", 14, energies),
        ("1.0.98.128.0.255", "active-max-load-profile", 14, [clock, "4/1.0.1.6.0.255/2", "4/1.0.1.6.0.255/5"]),
        ("1.0.98.129.0.255", "reactive-max-load-profile", 14, [clock, "4/1.0.3.6.0.255/2", "4/1.0.3.6.0.255/5"]),
        ("0.0.99.98.0.255", "event-log", 100, [clock, "1/0.0.96.11.0.255/2"]),
    ]

    /// Every object of the map, by logical name: an object added or lost fails the test.
    static let allObjects: Set<String> = [
        "0.0.96.1.0.255", "0.0.96.1.1.255", "0.0.96.1.2.255", "0.0.96.1.3.255", "0.0.0.2.1.255",
        "0.0.42.0.0.255", "0.0.22.0.0.255", "0.1.22.0.0.255", "0.0.94.7.141.255", "0.0.1.0.0.255",
        "0.0.25.4.0.255", "0.0.2.1.0.255", "0.0.25.3.0.255", "0.0.25.4.128.255", "0.0.25.1.0.255",
        "0.0.25.2.0.255", "0.0.25.0.0.255", "0.0.94.7.128.255", "0.0.94.7.133.255",
        "0.0.94.7.150.255", "0.0.94.7.151.255", "0.0.94.7.152.255", "0.0.94.7.153.255",
        "0.0.94.7.154.255", "0.0.94.7.155.255", "0.0.94.7.156.255", "0.0.94.7.157.255",
        "0.0.94.7.158.255", "0.0.94.7.159.255", "0.0.94.7.160.255", "0.0.94.7.136.255",
        "0.0.94.7.137.255", "0.0.29.2.0.255", "0.0.29.2.128.255", "0.0.29.1.0.255", "0.0.96.6.0.255", "0.0.96.6.3.255",
        "1.0.1.8.0.255", "1.0.2.8.0.255", "1.0.3.8.0.255", "1.0.4.8.0.255", "1.0.1.6.0.255",
        "1.0.3.6.0.255", "0.0.96.11.0.255", "1.0.94.7.138.255", "1.0.98.2.0.255", "1.0.98.1.0.255",
        "1.0.98.128.0.255", "1.0.98.129.0.255", "0.0.99.98.0.255", "0.0.44.0.0.255",
        "0.0.40.0.0.255", "0.0.40.0.2.255", "0.0.40.0.3.255",
    ]

    static func descriptor(_ ref: String) -> CosemAttributeDescriptor? {
        let parts = ref.split(separator: "/")
        guard parts.count == 3, let c = UInt16(parts[0]), let o = OBISCode(String(parts[1])),
              let a = Int8(parts[2]) else { return nil }
        return CosemAttributeDescriptor(classID: c, instance: o, attribute: a)
    }

    let map: DeviceMap
    init() throws { map = try DeviceMap.builtIn() }

    @Test(arguments: rows)
    func attributeMatchesTable(_ row: Row) throws {
        let d = try #require(Self.descriptor(row.ref))
        let object = try #require(map.object(d.instance), "no object \(d.instance)")
        #expect(object.classID == d.classID)
        #expect(object.version == row.version)
        let a = try #require(map.attribute(d), "no attribute \(row.ref)")
        #expect(a.type == row.type)
        #expect(a.scaler == row.scaler)
        #expect(a.unit == row.unit)
        switch row.access {
        case .r:
            #expect(a.access == MapAccess(read: [16, 32, 48], write: []))
            #expect(!a.writeOnly)
        case .rw:
            #expect(a.access == MapAccess(read: [16, 32, 48], write: [32, 48]))
            #expect(!a.writeOnly)
        case .rwAll:
            #expect(a.access == MapAccess(read: [16, 32, 48], write: [16, 32, 48]))
            #expect(!a.writeOnly)
        case .rwWriteOnly:
            #expect(a.access == MapAccess(read: [16, 32, 48], write: [32, 48]))
            #expect(a.writeOnly)
        case .secret:
            #expect(a.access.write == [32, 48])
            #expect(!a.access.canRead(client: 16))
            #expect(a.writeOnly)
        }
    }

    @Test func everyObjectIsPinnedAndNoneIsExtra() {
        #expect(Set(map.objects.map { $0.obis.description }) == Self.allObjects)
        #expect(map.objects.count == Self.allObjects.count)
    }

    @Test func onlySecretsAreWriteOnly() {
        let writeOnly = Set(map.objects.flatMap { o in o.attributes.filter(\.writeOnly).map { "\(o.classID)/\(o.obis)/\($0.index)" } })
        #expect(writeOnly == ["15/0.0.40.0.0.255/7", "15/0.0.40.0.2.255/7", "15/0.0.40.0.3.255/7", "44/0.0.25.3.0.255/5"])
    }

    @Test func onlyThePointSelectorIsWritableWithoutAPassword() {
        let nlsWritable = map.objects.flatMap { o in
            o.attributes.filter { $0.access.canWrite(client: 16) }.map { "\(o.classID)/\(o.obis)/\($0.index)" }
        }
        #expect(nlsWritable == ["1/0.0.94.7.137.255/2"])
    }

    @Test func everyObjectHasItsLogicalNameReadableByAll() {
        for o in map.objects {
            let ln = o.attribute(1)
            #expect(ln?.type == .octetString, "\(o.obis)")
            #expect(ln?.access == .readOnly, "\(o.obis)")
        }
    }

    @Test func profilesHaveTheirColumnsInOrderAndTheirDepth() throws {
        for p in Self.profiles {
            let o = try #require(map.object(OBISCode(p.obis)!), "\(p.obis)")
            #expect(o.classID == 7 && o.version == 1, "\(p.obis)")
            #expect(o.name == p.name)
            #expect(o.depth == p.depth, "\(p.obis)")
            #expect(o.captureObjects.map { "\($0.classID)/\($0.instance)/\($0.attribute)" } == p.columns, "\(p.obis)")
            #expect(o.captureObjects.allSatisfy { $0.dataIndex == 0 })
            #expect(o.attributes.map(\.index) == [1, 2, 3, 4, 5, 6, 7, 8], "\(p.obis)")
            #expect(o.attribute(7)?.key == "entries-in-use")
            #expect(o.method(1)?.key == "reset")
            #expect(o.method(1)?.access == [32, 48], "reset is W (`clear`)")
        }
        // Only these are profiles.
        #expect(Set(map.objects.filter { $0.classID == 7 }.map(\.obis.description)) == Set(Self.profiles.map(\.obis)))
        #expect(map.objects.filter { $0.classID != 7 }.allSatisfy { $0.depth == nil && $0.captureObjects.isEmpty })
    }

    @Test func imageTransferHasItsFourMethodsForLLSClients() throws {
        let o = try #require(map.object(OBISCode("0.0.44.0.0.255")!))
        #expect(o.classID == 18 && o.version == 0)
        #expect(o.methods.map(\.index) == [1, 2, 3, 4])
        #expect(o.methods.map(\.key) == ["image-transfer-initiate", "image-block-transfer", "image-verify", "image-activate"])
        #expect(o.methods.allSatisfy { $0.access == [32, 48] })
    }

    @Test func stableNames() {
        let names: [String: String] = [
            "serial-number": "0.0.96.1.0.255", "meter-list": "0.0.94.7.128.255",
            "daily-profile": "1.0.98.2.0.255", "point-selector": "0.0.94.7.137.255",
            "event-log": "0.0.99.98.0.255", "clock": "0.0.1.0.0.255",
            "association-current": "0.0.40.0.0.255", "image-transfer": "0.0.44.0.0.255",
        ]
        for (name, obis) in names {
            #expect(map.object(named: name)?.obis == OBISCode(obis), "\(name)")
        }
    }

    @Test func lookupsRequireTheRightClass() {
        let d = CosemAttributeDescriptor(classID: 1, instance: OBISCode("0.0.96.1.0.255")!, attribute: 2)
        #expect(map.attribute(d)?.key == "value")
        #expect(map.attribute(CosemAttributeDescriptor(classID: 3, instance: d.instance, attribute: 2)) == nil)
        #expect(map.attribute(CosemAttributeDescriptor(classID: 1, instance: d.instance, attribute: 9)) == nil)
        #expect(map.attribute(CosemAttributeDescriptor(classID: 1, instance: OBISCode("9.9.9.9.9.9")!, attribute: 2)) == nil)
        let reset = CosemMethodDescriptor(classID: 7, instance: OBISCode("0.0.99.98.0.255")!, method: 1)
        #expect(map.method(reset)?.key == "reset")
        #expect(map.method(CosemMethodDescriptor(classID: 1, instance: reset.instance, method: 1)) == nil)
    }

    @Test func linkFacts() {
        let l = map.link
        #expect(l.serverUpperAddress == 1)
        #expect(l.logicalAddressModulus == 10000 && l.logicalAddressOffset == 1000)
        #expect(l.logicalAddress(serial: "95100001") == 1001)
        #expect(l.allStationTwoByte == 0x7F && l.allStationFourByte == 0x3FFF)
        #expect(l.clients == [
            .init(sap: 16, name: "public client", authentication: .none, writes: false),
            .init(sap: 32, name: "reader", authentication: .low, writes: true),
            .init(sap: 48, name: "configurator", authentication: .low, writes: true),
        ])
        #expect(l.factoryPassword == "admin@emis")
        #expect(l.maxInfoField == 512 && l.window == 7)
        #expect(l.defaultMaxInfoField == 128 && l.defaultWindow == 1)
        #expect(l.maxReceivePDU == 1024)
        #expect(l.conformance == [.get, .set, .action, .selectiveAccess, .blockTransferWithGet,
                                  .blockTransferWithSet, .blockTransferWithAction, .multipleReferences])
        #expect(l.tcpPort == 4059)
        #expect(l.opticalIdentification == "/EMS5\\2ES951")
        #expect(Array(l.opticalIdentification.utf8) == [0x2F, 0x45, 0x4D, 0x53, 0x35, 0x5C, 0x32, 0x45, 0x53, 0x39, 0x35, 0x31])
        #expect(l.opticalBaud == 9600)
    }
}
