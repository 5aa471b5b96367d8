import DLMS

/// One element of an Association LN object list (class 15 attribute 2, version 1):
/// class, version, logical name and the access rights of the client asking.
public struct ObjectListEntry: Equatable, Sendable {
    /// An attribute's access: its index and access mode (0 none, 1 read, 2 write, 3 both…).
    public struct AttributeAccess: Equatable, Sendable {
        public var index: Int8
        public var mode: UInt8
        public init(index: Int8, mode: UInt8) { self.index = index; self.mode = mode }
    }

    /// A method's access: its index and access mode (0 none, 1 access…).
    public struct MethodAccess: Equatable, Sendable {
        public var index: Int8
        public var mode: UInt8
        public init(index: Int8, mode: UInt8) { self.index = index; self.mode = mode }
    }

    public var classID: UInt16
    public var version: UInt8
    public var obis: OBISCode
    public var attributes: [AttributeAccess]
    public var methods: [MethodAccess]

    public init(classID: UInt16, version: UInt8, obis: OBISCode,
                attributes: [AttributeAccess] = [], methods: [MethodAccess] = []) {
        self.classID = classID; self.version = version; self.obis = obis
        self.attributes = attributes; self.methods = methods
    }

    /// The elements of an object list as read: array of structure {long-unsigned class,
    /// unsigned version, octet-string(6) logical name, structure {array of {integer
    /// index, enum mode, selectors}, array of {integer index, enum or boolean mode}}}.
    /// Access rights a device leaves out or words otherwise are kept empty, not refused:
    /// the comparison needs class, version and name only.
    public static func entries(from list: DLMSData) throws(ModelError) -> [ObjectListEntry] {
        let field = "object-list"
        var result: [ObjectListEntry] = []
        guard case .array(let elements) = list else { throw .unexpectedValue(field: field, value: list) }
        for element in elements {
            let parts = try element.elements(field, count: 3)
            let classID = try parts[0].unsignedValue("\(field).class-id", as: UInt16.self)
            let version = try parts[1].unsignedValue("\(field).version", as: UInt8.self)
            guard let obis = OBISCode(bytes: try parts[2].octetsValue("\(field).logical-name")) else {
                throw .unexpectedValue(field: "\(field).logical-name", value: parts[2])
            }
            var entry = ObjectListEntry(classID: classID, version: version, obis: obis)
            if parts.count > 3, case .structure(let rights) = parts[3], rights.count == 2 {
                entry.attributes = (try? rights[0].elements(field))?.compactMap(Self.access).map { AttributeAccess(index: $0, mode: $1) } ?? []
                entry.methods = (try? rights[1].elements(field))?.compactMap(Self.access).map { MethodAccess(index: $0, mode: $1) } ?? []
            }
            result.append(entry)
        }
        return result
    }

    /// {index, mode, …} of an attribute or method access item; nil for another shape.
    private static func access(_ item: DLMSData) -> (Int8, UInt8)? {
        guard case .structure(let e) = item, e.count >= 2, case .integer(let index) = e[0] else { return nil }
        switch e[1] {
        case .enumerated(let mode), .unsigned(let mode): return (index, mode)
        case .boolean(let b): return (index, b ? 1 : 0)
        default: return nil
        }
    }
}

/// Where a device's object list differs from the device map (`hlmcs objects`): objects
/// the map has and the device lacks, objects only the device has, and objects both have
/// under another class or class version. An object is the same object when its logical
/// name is the same.
public struct ObjectListComparison: Equatable, Sendable {
    /// An object both have, of another class or version on the device.
    public struct Mismatch: Equatable, Sendable {
        public var obis: OBISCode
        /// The map's name of the object.
        public var name: String
        public var mapClass: UInt16
        public var mapVersion: UInt8
        public var deviceClass: UInt16
        public var deviceVersion: UInt8

        public init(obis: OBISCode, name: String, mapClass: UInt16, mapVersion: UInt8, deviceClass: UInt16, deviceVersion: UInt8) {
            self.obis = obis; self.name = name
            self.mapClass = mapClass; self.mapVersion = mapVersion
            self.deviceClass = deviceClass; self.deviceVersion = deviceVersion
        }

        public var classDiffers: Bool { mapClass != deviceClass }
        public var versionDiffers: Bool { mapVersion != deviceVersion }
    }

    /// In the map, not on the device (in logical-name order).
    public var missing: [MapObject]
    /// On the device, not in the map (in logical-name order).
    public var extra: [ObjectListEntry]
    /// Another class (or, the class the same, another version), in logical-name order.
    public var mismatched: [Mismatch]

    /// No difference at all.
    public var isEmpty: Bool { missing.isEmpty && extra.isEmpty && mismatched.isEmpty }

    /// Compares the device's list with the map. A logical name listed twice by the device
    /// counts once (its first entry).
    public init(device: [ObjectListEntry], map: DeviceMap) {
        self.init(device: device, objects: map.objects)
    }

    /// Compares the device's list with `objects` (a fitted map's ``AdaptedMap/expected``).
    public init(device: [ObjectListEntry], objects: [MapObject]) {
        var seen: [OBISCode: ObjectListEntry] = [:]
        for entry in device where seen[entry.obis] == nil { seen[entry.obis] = entry }
        var known = Set<OBISCode>(), expected: [MapObject] = []
        for o in objects where known.insert(o.obis).inserted { expected.append(o) }
        missing = expected.filter { seen[$0.obis] == nil }.sorted { $0.obis < $1.obis }
        extra = seen.values.filter { !known.contains($0.obis) }.sorted { $0.obis < $1.obis }
        mismatched = expected.compactMap { object -> Mismatch? in
            guard let entry = seen[object.obis], entry.classID != object.classID || entry.version != object.version else { return nil }
            return Mismatch(obis: object.obis, name: object.name, mapClass: object.classID, mapVersion: object.version,
                            deviceClass: entry.classID, deviceVersion: entry.version)
        }.sorted { $0.obis < $1.obis }
    }
}
