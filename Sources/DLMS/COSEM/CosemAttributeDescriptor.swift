/// Class id, logical name and attribute index: which attribute of which object
/// (Green Book, Cosem-Attribute-Descriptor). Written `CLASS/OBIS/ATTR`, e.g. `1/0.0.96.1.0.255/2`.
public struct CosemAttributeDescriptor: Hashable, Sendable {
    public var classID: UInt16
    public var instance: OBISCode
    public var attribute: Int8
    public init(classID: UInt16, instance: OBISCode, attribute: Int8) {
        self.classID = classID; self.instance = instance; self.attribute = attribute
    }
}

/// Class id, logical name and method index (Cosem-Method-Descriptor).
public struct CosemMethodDescriptor: Hashable, Sendable {
    public var classID: UInt16
    public var instance: OBISCode
    public var method: Int8
    public init(classID: UInt16, instance: OBISCode, method: Int8) {
        self.classID = classID; self.instance = instance; self.method = method
    }
}
