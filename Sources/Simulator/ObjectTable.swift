import DLMS
import ES951

/// The objects the simulator serves, with access per client SAP: what the device map
/// (module ES951) holds. Kept as this small internal shape so the source of the table is
/// one initialiser: the built-in copy of ES951-MAP.md below, or a `DeviceMap`.
struct ObjectTable: Sendable {
    struct Attribute: Sendable, Hashable {
        var index: Int8
        var read: Set<UInt8>
        var write: Set<UInt8>
        var writeOnly: Bool = false
    }
    struct Method: Sendable, Hashable {
        var index: Int8
        var access: Set<UInt8>
    }
    struct Object: Sendable {
        var classID: UInt16
        var version: UInt8
        var obis: OBISCode
        var name: String
        var attributes: [Attribute]
        var methods: [Method]
        var captureObjects: [DLMS.CaptureObjectDefinition]
        var depth: Int?
        func attribute(_ index: Int8) -> Attribute? { attributes.first { $0.index == index } }
        func method(_ index: Int8) -> Method? { methods.first { $0.index == index } }
    }

    private(set) var objects: [Object]
    private var byKey: [ObjectKey: Int] = [:]

    struct ObjectKey: Hashable { var classID: UInt16; var obis: OBISCode }

    init(objects: [Object]) {
        self.objects = objects
        for (i, o) in objects.enumerated() { byKey[ObjectKey(classID: o.classID, obis: o.obis)] = i }
    }

    func object(classID: UInt16, obis: OBISCode) -> Object? {
        byKey[ObjectKey(classID: classID, obis: obis)].map { objects[$0] }
    }

    func object(_ obis: OBISCode) -> Object? { objects.first { $0.obis == obis } }
}

// MARK: - The built-in table (ES951-MAP.md)

extension ObjectTable {
    static let all: Set<UInt8> = [16, 32, 48]
    static let lls: Set<UInt8> = [32, 48]

    /// A copy of ES951-MAP.md's tables, used until (and unless) a DeviceMap is given.
    static func builtIn() -> ObjectTable {
        func o(_ text: String) -> OBISCode { OBISCode(text)! }
        func r(_ i: Int8) -> Attribute { Attribute(index: i, read: all, write: []) }
        func rw(_ i: Int8) -> Attribute { Attribute(index: i, read: all, write: lls) }
        func obj(_ c: UInt16, _ v: UInt8, _ obis: String, _ name: String, _ attrs: [Attribute],
                 methods: [Int8] = [], capture: [DLMS.CaptureObjectDefinition] = [], depth: Int? = nil) -> Object {
            Object(classID: c, version: v, obis: o(obis), name: name, attributes: [r(1)] + attrs,
                   methods: methods.map { Method(index: $0, access: lls) }, captureObjects: capture, depth: depth)
        }
        func col(_ c: UInt16, _ obis: String, _ a: Int8 = 2) -> DLMS.CaptureObjectDefinition {
            DLMS.CaptureObjectDefinition(classID: c, instance: o(obis), attribute: a)
        }
        let profile: [Attribute] = [r(2), r(3), r(4), r(5), r(6), r(7), r(8)]
        let clock = DLMS.CaptureObjectDefinition.clock
        let energy = [clock, col(3, "1.0.1.8.0.255"), col(3, "1.0.2.8.0.255"), col(3, "1.0.3.8.0.255"), col(3, "1.0.4.8.0.255")]
        let meterColumns = (150...156).map { col(1, "0.0.94.7.\($0).255") }
        let pollColumns = [col(1, "0.0.94.7.150.255")] + (157...160).map { col(1, "0.0.94.7.\($0).255") }
        var objects: [Object] = [
            obj(1, 0, "0.0.96.1.0.255", "serial-number", [rw(2)]),
            obj(1, 0, "0.0.96.1.1.255", "model", [r(2)]),
            obj(1, 0, "0.0.96.1.2.255", "firmware-version", [r(2)]),
            obj(1, 0, "0.0.96.1.3.255", "manufacturer", [r(2)]),
            obj(1, 0, "0.0.0.2.1.255", "hardware-version", [r(2)]),
            obj(1, 0, "0.0.42.0.0.255", "logical-device-name", [r(2)]),
            obj(23, 1, "0.0.22.0.0.255", "hdlc-optical", [r(9)]),
            obj(23, 1, "0.1.22.0.0.255", "hdlc-rs485", [rw(2), r(9)]),
            obj(1, 0, "0.0.94.7.141.255", "meter-counts", [r(2)]),
            obj(8, 0, "0.0.1.0.0.255", "clock", [rw(2), rw(3), r(4)]),
            obj(45, 0, "0.0.25.4.0.255", "gprs-modem", [rw(2)]),
            obj(29, 1, "0.0.2.1.0.255", "auto-connect", [rw(6)]),
            obj(44, 0, "0.0.25.3.0.255", "ppp-setup", [rw(5)]),
            obj(1, 0, "0.0.25.4.128.255", "heartbeat", [rw(2)]),
            obj(42, 0, "0.0.25.1.0.255", "ipv4-setup", [rw(3), rw(6), rw(7), rw(8), rw(9), rw(10)]),
            obj(43, 0, "0.0.25.2.0.255", "mac-address", [r(2)]),
            obj(41, 0, "0.0.25.0.0.255", "tcp-udp-setup", [rw(2)]),
            obj(7, 1, "0.0.94.7.128.255", "meter-list", profile, methods: [1], capture: meterColumns, depth: DataGenerator.maximumMeters),
            obj(7, 1, "0.0.94.7.133.255", "poll-status", profile, methods: [1], capture: pollColumns, depth: DataGenerator.maximumMeters),
            obj(1, 0, "0.0.94.7.136.255", "remove-meter", [rw(2)]),
            Object(classID: 1, version: 0, obis: o("0.0.94.7.137.255"), name: "point-selector",
                   attributes: [r(1), Attribute(index: 2, read: all, write: all)], methods: [], captureObjects: [], depth: nil),
            obj(92, 1, "0.0.29.2.0.255", "g3-adaptation-setup", [r(2), r(8)]),
            obj(91, 1, "0.0.29.1.0.255", "g3-mac-setup", [r(2), r(11)]),
            obj(3, 0, "0.0.96.6.0.255", "battery-use-time", [r(2), r(3)]),
            obj(3, 0, "0.0.96.6.3.255", "battery-voltage", [r(2), r(3)]),
            obj(7, 1, "1.0.94.7.138.255", "current-readings", profile, methods: [1], capture: energy, depth: 1),
            obj(7, 1, "1.0.98.2.0.255", "daily-profile", profile, methods: [1], capture: energy, depth: DataGenerator.dailyDepth),
            obj(7, 1, "1.0.98.1.0.255", "monthly-profile", profile, methods: [1], capture: energy, depth: DataGenerator.monthlyDepth),
            obj(7, 1, "1.0.98.128.0.255", "active-max-profile", profile, methods: [1],
                capture: [clock, col(4, "1.0.1.6.0.255"), col(4, "1.0.1.6.0.255", 5)], depth: DataGenerator.demandDepth),
            obj(7, 1, "1.0.98.129.0.255", "reactive-max-profile", profile, methods: [1],
                capture: [clock, col(4, "1.0.3.6.0.255"), col(4, "1.0.3.6.0.255", 5)], depth: DataGenerator.demandDepth),
            obj(7, 1, "0.0.99.98.0.255", "event-log", profile, methods: [1],
                capture: [clock, col(1, "0.0.96.11.0.255")], depth: 100),
            obj(1, 0, "0.0.96.11.0.255", "event-code", [r(2)]),
            obj(18, 0, "0.0.44.0.0.255", "image-transfer", [r(2), r(3), r(4), r(5), r(6), r(7)], methods: [1, 2, 3, 4]),
            obj(15, 1, "0.0.40.0.0.255", "current-association",
                [r(2), r(3), r(4), r(5), r(6), Attribute(index: 7, read: all, write: lls, writeOnly: true), r(8)]),
            obj(15, 1, "0.0.40.0.2.255", "association-reader", [r(3), Attribute(index: 7, read: all, write: lls, writeOnly: true)]),
            obj(15, 1, "0.0.40.0.3.255", "association-configurator", [r(3), Attribute(index: 7, read: all, write: lls, writeOnly: true)]),
        ]
        for c in meterColumns + pollColumns.dropFirst() { objects.append(obj(1, 0, c.instance.description, "column-\(c.instance.e)", [r(2)])) }
        for c in energy.dropFirst() { objects.append(obj(3, 0, c.instance.description, "register-\(c.instance.c)", [r(2), r(3)])) }
        objects.append(obj(4, 0, "1.0.1.6.0.255", "active-max-demand", [r(2), r(3), r(4), r(5)]))
        objects.append(obj(4, 0, "1.0.3.6.0.255", "reactive-max-demand", [r(2), r(3), r(4), r(5)]))
        return ObjectTable(objects: objects)
    }
}

// MARK: - From the device map


extension ObjectTable {
    /// The table of a device map (the built-in one, or `--map FILE`).
    init(map: DeviceMap) {
        self.init(objects: map.objects.map { o in
            Object(classID: o.classID, version: o.version, obis: o.obis, name: o.name,
                   attributes: o.attributes.map {
                       Attribute(index: $0.index, read: $0.access.read, write: $0.access.write, writeOnly: $0.writeOnly)
                   },
                   methods: o.methods.map { Method(index: $0.index, access: $0.access) },
                   captureObjects: o.captureObjects,
                   depth: o.depth)
        })
    }
}
