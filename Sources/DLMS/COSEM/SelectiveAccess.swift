/// Selective access to an attribute (Green Book, Selective-Access-Descriptor): a
/// selector and its parameters. Profile generic (class 7) attribute 2 knows two.
public enum SelectiveAccess: Hashable, Sendable {
    /// Selector 1: rows whose restricting column lies between `from` and `to` (inclusive).
    case range(RangeDescriptor)
    /// Selector 2: rows `fromEntry…toEntry` and columns `fromColumn…toColumn`, 1-based;
    /// 0 for `toEntry`/`toColumn` means "up to the last".
    case entry(EntryDescriptor)
    /// Any other selector, kept as it came.
    case other(selector: UInt8, parameters: DLMSData)
}

/// One capture object of a profile: the column a range descriptor restricts on, or a
/// column it selects (class, logical name, attribute, data index).
public struct CaptureObjectDefinition: Hashable, Sendable {
    public var classID: UInt16
    public var instance: OBISCode
    public var attribute: Int8
    public var dataIndex: UInt16
    public init(classID: UInt16, instance: OBISCode, attribute: Int8, dataIndex: UInt16 = 0) {
        self.classID = classID; self.instance = instance; self.attribute = attribute; self.dataIndex = dataIndex
    }
    /// The attribute this column captures.
    public var descriptor: CosemAttributeDescriptor {
        CosemAttributeDescriptor(classID: classID, instance: instance, attribute: attribute)
    }

    /// The clock's time attribute (8/0.0.1.0.0.255/2), the usual restricting column.
    public static let clock = CaptureObjectDefinition(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2)
}

public struct RangeDescriptor: Hashable, Sendable {
    public var restrictingObject: CaptureObjectDefinition
    public var from: DLMSData
    public var to: DLMSData
    /// Columns to return; empty means all.
    public var selectedValues: [CaptureObjectDefinition]
    public init(restrictingObject: CaptureObjectDefinition = .clock, from: DLMSData, to: DLMSData,
                selectedValues: [CaptureObjectDefinition] = []) {
        self.restrictingObject = restrictingObject; self.from = from; self.to = to
        self.selectedValues = selectedValues
    }
}

public struct EntryDescriptor: Hashable, Sendable {
    public var fromEntry: UInt32
    public var toEntry: UInt32
    public var fromColumn: UInt16
    public var toColumn: UInt16
    public init(fromEntry: UInt32, toEntry: UInt32, fromColumn: UInt16 = 1, toColumn: UInt16 = 0) {
        self.fromEntry = fromEntry; self.toEntry = toEntry; self.fromColumn = fromColumn; self.toColumn = toColumn
    }
}
