import DLMS
import ES951

/// The objects the simulator serves, with access per client SAP: what the device map
/// (module ES951) holds: the built-in map or `--map FILE`, never a copy of its own.
struct ObjectTable: Sendable {
    struct Attribute: Sendable, Hashable {
        var index: Int8
        var read: Set<UInt8>
        var write: Set<UInt8>
        var writeOnly: Bool = false
        /// The map's type, for a value generated when the simulator has no other.
        var type: MapType? = nil
        var length: Int? = nil
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
        /// The simulator's name for the object (nil: a map object it has no behaviour of its own for).
        var key: ObjectKey?
        var attributes: [Attribute]
        var methods: [Method]
        var captureObjects: [DLMS.CaptureObjectDefinition]
        var depth: Int?
        func attribute(_ index: Int8) -> Attribute? { attributes.first { $0.index == index } }
        func method(_ index: Int8) -> Method? { methods.first { $0.index == index } }
    }

    private(set) var objects: [Object]
    /// How the logical device name starts: the map's first device-name prefix (`EMS` for
    /// the ES-951), else `SIM`, so a client chooses the map as for a real device.
    var deviceNamePrefix = "EMS"
    private var byClassAndOBIS: [ClassAndOBIS: Int] = [:]
    /// Objects by their name in the map (``ObjectKey``).
    private(set) var byName: [ObjectKey: Int] = [:]

    private struct ClassAndOBIS: Hashable { var classID: UInt16; var obis: OBISCode }

    init(objects: [Object]) {
        self.objects = objects
        for (i, o) in objects.enumerated() {
            byClassAndOBIS[ClassAndOBIS(classID: o.classID, obis: o.obis)] = i
            if let key = o.key { byName[key] = i }
        }
    }

    func object(classID: UInt16, obis: OBISCode) -> Object? {
        byClassAndOBIS[ClassAndOBIS(classID: classID, obis: obis)].map { objects[$0] }
    }

    func object(_ obis: OBISCode) -> Object? { objects.first { $0.obis == obis } }
}

// MARK: - The built-in table (ES951-MAP.md)

extension ObjectTable {
    /// The objects of the built-in device map (`Resources/es951-map.json`), the one source
    /// of what the simulator serves. A map that does not load, or lacks an object the
    /// simulator knows by name (``ObjectKey``), is a broken installation: the simulator
    /// stops saying so rather than serve a copy of its own.
    static let builtIn: ObjectTable = {
        do {
            let table = ObjectTable(map: try DeviceMap.builtIn())
            for key in ObjectKey.allCases { _ = try table.require(key) }
            return table
        } catch {
            fatalError("es951-sim: the built-in device map cannot be served (\(error)); the installation is broken.")
        }
    }()
}

// MARK: - From the device map

extension ObjectTable {
    /// The table of a device map (the built-in one, or `--map FILE`).
    init(map: DeviceMap) {
        self.init(objects: map.objects.map { o in
            Object(classID: o.classID, version: o.version, obis: o.obis, name: o.name, key: ObjectKey(rawValue: o.name),
                   attributes: o.attributes.map {
                       Attribute(index: $0.index, read: $0.access.read, write: $0.access.write, writeOnly: $0.writeOnly,
                                 type: $0.type, length: $0.length)
                   },
                   methods: o.methods.map { Method(index: $0.index, access: $0.access) },
                   captureObjects: o.captureObjects,
                   depth: o.depth)
        })
        deviceNamePrefix = map.conventions.deviceNamePrefixes.first ?? "SIM"
    }
}
