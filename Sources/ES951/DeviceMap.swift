import DLMS
import Resources

/// The ES-951 as data: every COSEM object of ES951-MAP.md with its attributes, access per
/// client SAP, methods and profile columns, plus the link facts. The client and the
/// simulator both read it, so they cannot disagree.
///
/// ```swift
/// let map = try DeviceMap.builtIn()                       // Resources/es951-map.json
/// let custom = try DeviceMap(data: bytesOfFile)           // hlmcs --map FILE
/// map.object(OBISCode("0.0.96.1.0.255")!)?.name           // "serial-number"
/// ```
public struct DeviceMap: Sendable, Hashable {
    /// In file order.
    public var objects: [MapObject]
    public var link: LinkFacts
    /// The map's name (`device` in the file: `ES-951`).
    public var name: String
    public var conventions: MapConventions
    /// Other objects that may fill a role (an object's `name`) on a device that lacks the
    /// role's first object: tried in file order (``adapted(to:client:)``).
    public var alternatives: [MapObject]
    private var byOBIS: [OBISCode: Int]
    private var byName: [String: Int]

    /// A map from objects already built. Checks what `init(data:)` checks.
    /// - Throws: `MapError.duplicateObject`, `.duplicateName`, `.duplicateAttribute`,
    ///   `.duplicateMethod`, `.unknownCaptureObject`.
    public init(objects: [MapObject], link: LinkFacts, name: String = "ES-951",
                conventions: MapConventions = MapConventions(), alternatives: [MapObject] = []) throws(MapError) {
        self.objects = objects
        self.link = link
        self.name = name
        self.conventions = conventions
        self.alternatives = alternatives
        byOBIS = [:]
        byName = [:]
        for (i, object) in objects.enumerated() {
            guard byOBIS.updateValue(i, forKey: object.obis) == nil else { throw .duplicateObject(object.obis) }
            guard byName.updateValue(i, forKey: object.name) == nil else { throw .duplicateName(object.name) }
            var seen = Set<Int8>()
            for a in object.attributes where !seen.insert(a.index).inserted {
                throw .duplicateAttribute(object.obis, index: a.index)
            }
            seen = []
            for m in object.methods where !seen.insert(m.index).inserted {
                throw .duplicateMethod(object.obis, index: m.index)
            }
        }
        for object in objects {
            for column in object.captureObjects where attribute(column.descriptor) == nil {
                throw .unknownCaptureObject(profile: object.obis, column: column.descriptor)
            }
        }
    }

    /// The map the program ships with (`Resources/es951-map.json`).
    /// - Throws: `MapError.resourceMissing` or any error of `init(data:)`.
    public static func builtIn() throws -> DeviceMap {
        let bytes: [UInt8]
        do { bytes = try ResourceBundle.bytes(of: .deviceMap) } catch {
            throw MapError.resourceMissing(ResourceBundle.File.deviceMap.rawValue)
        }
        return try DeviceMap(data: bytes)
    }

    /// The maps the program ships with: the ES-951's, then the СПОДУС one
    /// (`Resources/spodus-map.json`) for a device the first does not fit.
    public static func builtInMaps() throws -> [DeviceMap] {
        let spodus: [UInt8]
        do { spodus = try ResourceBundle.bytes(of: .spodusMap) } catch {
            throw MapError.resourceMissing(ResourceBundle.File.spodusMap.rawValue)
        }
        return [try builtIn(), try DeviceMap(data: spodus)]
    }

    public func object(_ obis: OBISCode) -> MapObject? { byOBIS[obis].map { objects[$0] } }
    public func object(named name: String) -> MapObject? { byName[name].map { objects[$0] } }

    /// The attribute `d` names, if the map has an object of that logical name AND class.
    public func attribute(_ d: CosemAttributeDescriptor) -> MapAttribute? {
        guard let o = object(d.instance), o.classID == d.classID else { return nil }
        return o.attribute(d.attribute)
    }

    /// The method `d` names, if the map has an object of that logical name and class.
    public func method(_ d: CosemMethodDescriptor) -> MapMethod? {
        guard let o = object(d.instance), o.classID == d.classID else { return nil }
        return o.method(d.method)
    }
}
