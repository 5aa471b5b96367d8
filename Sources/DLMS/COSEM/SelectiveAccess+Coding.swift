/// Selective access as it follows the access-selection flag of a GET or SET request
/// (Green Book §9.3, Selective-Access-Descriptor; Blue Book class 7 attribute 2;
/// PROTOCOL.md §3): `access-selector(1)` then `access-parameters` as A-XDR data.
///
/// - range (1): `02 04 <restricting object> <from> <to> <selected values: array>`
/// - entry (2): `02 04 06 from 06 to 12 from-column 12 to-column`
///
/// Any other selector, and a selector 1 or 2 whose parameters do not have that shape,
/// decodes as `.other` with the parameters as they came, so nothing is lost.
extension SelectiveAccess {
    public var selector: UInt8 {
        switch self {
        case .range: 1
        case .entry: 2
        case .other(let selector, _): selector
        }
    }

    /// The access-parameters as A-XDR data.
    public var parameters: DLMSData {
        switch self {
        case .range(let range):
            .structure([range.restrictingObject.data, range.from, range.to,
                        .array(range.selectedValues.map(\.data))])
        case .entry(let entry):
            .structure([.doubleLongUnsigned(entry.fromEntry), .doubleLongUnsigned(entry.toEntry),
                        .longUnsigned(entry.fromColumn), .longUnsigned(entry.toColumn)])
        case .other(_, let parameters):
            parameters
        }
    }

    /// Writes the selector and the parameters.
    public func encode(into writer: inout ByteWriter) {
        writer.write(selector)
        parameters.encode(into: &writer)
    }

    /// Reads the selector and one A-XDR value; on error the cursor is unchanged.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> SelectiveAccess {
        var copy = reader
        let selector = try copy.readByte()
        let parameters = try DLMSData.decode(from: &copy)
        reader = copy
        return SelectiveAccess(selector: selector, parameters: parameters)
    }

    /// Interprets parameters for a selector: `.range`/`.entry` when they have the shape
    /// of PROTOCOL.md §3, `.other` otherwise.
    public init(selector: UInt8, parameters: DLMSData) {
        switch (selector, parameters) {
        case (1, .structure(let items)) where items.count == 4:
            if let restricting = try? CaptureObjectDefinition(items[0]),
               case .array(let columns) = items[3],
               let selected = try? columns.map({ (column) throws(DLMSDecodingError) in
                   try CaptureObjectDefinition(column)
               }) {
                self = .range(RangeDescriptor(restrictingObject: restricting, from: items[1], to: items[2],
                                              selectedValues: selected))
                return
            }
        case (2, .structure(let items)) where items.count == 4:
            if case .doubleLongUnsigned(let from) = items[0], case .doubleLongUnsigned(let to) = items[1],
               case .longUnsigned(let fromColumn) = items[2], case .longUnsigned(let toColumn) = items[3] {
                self = .entry(EntryDescriptor(fromEntry: from, toEntry: to, fromColumn: fromColumn,
                                              toColumn: toColumn))
                return
            }
        default:
            break
        }
        self = .other(selector: selector, parameters: parameters)
    }
}

/// A capture object as A-XDR data (Blue Book class 7 attribute 3, capture_objects:
/// array of `structure{class-id long-unsigned, logical-name octet-string(6), attribute
/// integer, data-index long-unsigned}`).
extension CaptureObjectDefinition {
    /// `structure{long-unsigned, octet-string(6), integer, long-unsigned}`.
    public var data: DLMSData {
        .structure([.longUnsigned(classID), .octetString(instance.bytes), .integer(attribute),
                    .longUnsigned(dataIndex)])
    }

    /// Reads the structure above. An attribute sent as `unsigned` and a data index sent
    /// as `unsigned` are accepted too; anything else is `.invalidValue`.
    public init(_ data: DLMSData) throws(DLMSDecodingError) {
        let context = "capture object definition"
        guard case .structure(let items) = data, items.count == 4,
              case .longUnsigned(let classID) = items[0],
              case .octetString(let name) = items[1], let instance = OBISCode(bytes: name)
        else { throw .invalidValue(context: context) }
        let attribute: Int8
        switch items[2] {
        case .integer(let value): attribute = value
        case .unsigned(let value): attribute = Int8(bitPattern: value)
        default: throw .invalidValue(context: context)
        }
        let dataIndex: UInt16
        switch items[3] {
        case .longUnsigned(let value): dataIndex = value
        case .unsigned(let value): dataIndex = UInt16(value)
        default: throw .invalidValue(context: context)
        }
        self.init(classID: classID, instance: instance, attribute: attribute, dataIndex: dataIndex)
    }

    /// The capture objects of a profile (attribute 3): an array of the structures above.
    public static func list(from data: DLMSData) throws(DLMSDecodingError) -> [CaptureObjectDefinition] {
        guard case .array(let items) = data else { throw .invalidValue(context: "capture objects") }
        var result: [CaptureObjectDefinition] = []
        result.reserveCapacity(items.count)
        for item in items { result.append(try CaptureObjectDefinition(item)) }
        return result
    }
}
