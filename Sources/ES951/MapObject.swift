import DLMS

/// One COSEM object of the device map: class, version, logical name, a stable name key,
/// its attributes, methods and, for a profile (class 7), its columns and depth.
public struct MapObject: Sendable, Hashable {
    public var classID: UInt16
    /// The class version reported in the object list.
    public var version: UInt8
    public var obis: OBISCode
    /// A stable key people and code use (`"serial-number"`, `"daily-profile"`).
    public var name: String
    /// In index order.
    public var attributes: [MapAttribute]
    /// In index order.
    public var methods: [MapMethod]
    /// The columns of a profile, in order; empty for other classes.
    public var captureObjects: [CaptureObjectDefinition]
    /// The number of rows a profile keeps (profile_entries); nil for other classes.
    public var depth: Int?
    public var note: String?

    public init(classID: UInt16, version: UInt8, obis: OBISCode, name: String,
                attributes: [MapAttribute], methods: [MapMethod] = [],
                captureObjects: [CaptureObjectDefinition] = [], depth: Int? = nil, note: String? = nil) {
        self.classID = classID; self.version = version; self.obis = obis; self.name = name
        self.attributes = attributes; self.methods = methods
        self.captureObjects = captureObjects; self.depth = depth; self.note = note
    }

    public func attribute(_ index: Int8) -> MapAttribute? { attributes.first { $0.index == index } }
    public func attribute(key: String) -> MapAttribute? { attributes.first { $0.key == key } }
    public func method(_ index: Int8) -> MapMethod? { methods.first { $0.index == index } }

    /// `CLASS/OBIS/ATTR` descriptor of one of this object's attributes.
    public func descriptor(_ attribute: Int8) -> CosemAttributeDescriptor {
        CosemAttributeDescriptor(classID: classID, instance: obis, attribute: attribute)
    }
}
