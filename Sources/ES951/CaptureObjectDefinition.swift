import DLMS

/// One column of a profile (class 7 attribute 3, Blue Book 4.3.6 "capture_object_definition"):
/// class id, logical name, attribute index and data index.
public struct CaptureObjectDefinition: Sendable, Hashable {
    public var classID: UInt16
    public var obis: OBISCode
    public var attribute: Int8
    public var dataIndex: UInt16

    public init(classID: UInt16, obis: OBISCode, attribute: Int8, dataIndex: UInt16 = 0) {
        self.classID = classID; self.obis = obis; self.attribute = attribute; self.dataIndex = dataIndex
    }

    /// The attribute this column captures.
    public var descriptor: CosemAttributeDescriptor {
        CosemAttributeDescriptor(classID: classID, instance: obis, attribute: attribute)
    }

    /// The A-XDR form a profile reports in attribute 3:
    /// structure {long-unsigned class, octet-string(6) OBIS, integer attribute, long-unsigned data index}.
    public var data: DLMSData {
        .structure([.longUnsigned(classID), .octetString(obis.bytes), .integer(attribute), .longUnsigned(dataIndex)])
    }
}
