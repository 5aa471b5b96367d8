/// A-XDR encoding and decoding of ``DLMSData`` (IEC 62056-6-2 / Green Book §9.5,
/// "Data" CHOICE; tags and length forms in PROTOCOL.md §4).
///
/// Decoding is defensive: every count is checked against the bytes that remain before
/// anything is allocated (each element takes at least one byte), nesting is bounded by
/// ``DLMSData/maximumNestingDepth`` and nothing input-derived can trap.
extension DLMSData {
    /// Arrays, structures and compact-array type descriptions nest at most this deep.
    public static let maximumNestingDepth = 64

    /// The A-XDR tag of this value (PROTOCOL.md §4).
    public var tag: UInt8 {
        switch self {
        case .null: 0x00
        case .array: 0x01
        case .structure: 0x02
        case .boolean: 0x03
        case .bitString: 0x04
        case .doubleLong: 0x05
        case .doubleLongUnsigned: 0x06
        case .octetString: 0x09
        case .visibleString: 0x0A
        case .utf8String: 0x0C
        case .bcd: 0x0D
        case .integer: 0x0F
        case .long: 0x10
        case .unsigned: 0x11
        case .longUnsigned: 0x12
        case .compactArray: 0x13
        case .long64: 0x14
        case .long64Unsigned: 0x15
        case .enumerated: 0x16
        case .float32: 0x17
        case .float64: 0x18
        case .dateTime: 0x19
        case .date: 0x1A
        case .time: 0x1B
        case .dontCare: 0xFF
        }
    }

    // MARK: - Encoding

    /// Writes the tag and the contents. Lengths and counts use the shortest form.
    public func encode(into writer: inout ByteWriter) {
        writer.write(tag)
        encodeContents(into: &writer)
    }

    /// The A-XDR bytes of this value.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Everything after the tag (also the element form inside a compact-array).
    func encodeContents(into writer: inout ByteWriter) {
        switch self {
        case .null, .dontCare:
            break
        case .array(let items), .structure(let items):
            writer.writeLength(items.count)
            for item in items { item.encode(into: &writer) }
        case .boolean(let value):
            writer.write(UInt8(value ? 1 : 0))
        case .bitString(let bits):
            let count = max(bits.count, 0)
            writer.writeLength(count)
            let byteCount = (count + 7) / 8
            writer.write(bits.bytes.prefix(byteCount))
            if bits.bytes.count < byteCount {
                writer.write(repeatElement(UInt8(0), count: byteCount - bits.bytes.count))
            }
        case .doubleLong(let value):
            writer.write(UInt32(bitPattern: value))
        case .doubleLongUnsigned(let value):
            writer.write(value)
        case .octetString(let bytes), .visibleString(let bytes), .utf8String(let bytes):
            writer.writeLength(bytes.count)
            writer.write(bytes)
        case .bcd(let value), .unsigned(let value), .enumerated(let value):
            writer.write(value)
        case .integer(let value):
            writer.write(UInt8(bitPattern: value))
        case .long(let value):
            writer.write(UInt16(bitPattern: value))
        case .longUnsigned(let value):
            writer.write(value)
        case .compactArray(let array):
            array.type.encode(into: &writer)
            var contents = ByteWriter()
            for element in array.elements {
                element.encodeCompactContents(of: array.type, into: &contents)
            }
            writer.writeLength(contents.count)
            writer.write(contents.bytes)
        case .long64(let value):
            writer.write(UInt64(bitPattern: value))
        case .long64Unsigned(let value), .float64(let value):
            writer.write(value)
        case .float32(let value):
            writer.write(value)
        case .dateTime(let value):
            value.encode(into: &writer)
        case .date(let value):
            value.encode(into: &writer)
        case .time(let value):
            value.encode(into: &writer)
        }
    }

    /// An element of a compact-array: no tags, the shape given by `type`.
    func encodeCompactContents(of type: TypeDescription, into writer: inout ByteWriter) {
        switch (type, self) {
        case (.array(_, let elementType), .array(let items)):
            for item in items { item.encodeCompactContents(of: elementType, into: &writer) }
        case (.structure(let types), .structure(let items)):
            for (itemType, item) in zip(types, items) {
                item.encodeCompactContents(of: itemType, into: &writer)
            }
        default:
            encodeContents(into: &writer)
        }
    }

    // MARK: - Decoding

    /// Decodes one value and leaves the cursor after it. On error the cursor is unchanged.
    ///
    /// Throws `.truncated` when the input ends inside the value, `.unknownTag(tag,
    /// context: "A-XDR data")` for a tag outside PROTOCOL.md §4, `.nestingTooDeep` past
    /// ``maximumNestingDepth`` levels.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> DLMSData {
        var copy = reader
        let value = try decodeValue(from: &copy, depth: 0)
        reader = copy
        return value
    }

    /// Decodes exactly one value; `.trailingBytes(n)` if bytes are left over.
    public init(decoding bytes: [UInt8]) throws(DLMSDecodingError) {
        var reader = ByteReader(bytes)
        let value = try Self.decodeValue(from: &reader, depth: 0)
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
        self = value
    }

    static func decodeValue(from reader: inout ByteReader, depth: Int) throws(DLMSDecodingError) -> DLMSData {
        let tag = try reader.readByte()
        return try decodeContents(tag: tag, from: &reader, depth: depth)
    }

    /// The contents of a value whose tag has been read (or is given by a compact-array's
    /// type description).
    static func decodeContents(tag: UInt8, from reader: inout ByteReader, depth: Int)
        throws(DLMSDecodingError) -> DLMSData
    {
        switch tag {
        case 0x00:
            return .null
        case 0x01, 0x02:
            guard depth < maximumNestingDepth else { throw .nestingTooDeep }
            let count = try reader.readLength()
            // Every element takes at least its tag byte.
            guard count <= reader.remaining else {
                throw .truncated(needed: count, available: reader.remaining)
            }
            var items: [DLMSData] = []
            items.reserveCapacity(min(count, 1024))
            for _ in 0..<count {
                items.append(try decodeValue(from: &reader, depth: depth + 1))
            }
            return tag == 0x01 ? .array(items) : .structure(items)
        case 0x03:
            return .boolean(try reader.readByte() != 0)
        case 0x04:
            let bitCount = try reader.readLength()
            let byteCount = bitCount / 8 + (bitCount % 8 == 0 ? 0 : 1)
            return .bitString(BitString(count: bitCount, bytes: try reader.readBytes(byteCount)))
        case 0x05:
            return .doubleLong(Int32(bitPattern: try reader.readUInt32()))
        case 0x06:
            return .doubleLongUnsigned(try reader.readUInt32())
        case 0x09, 0x0A, 0x0C:
            let count = try reader.readLength()
            let bytes = try reader.readBytes(count)
            switch tag {
            case 0x09: return .octetString(bytes)
            case 0x0A: return .visibleString(bytes)
            default: return .utf8String(bytes)
            }
        case 0x0D:
            return .bcd(try reader.readByte())
        case 0x0F:
            return .integer(Int8(bitPattern: try reader.readByte()))
        case 0x10:
            return .long(Int16(bitPattern: try reader.readUInt16()))
        case 0x11:
            return .unsigned(try reader.readByte())
        case 0x12:
            return .longUnsigned(try reader.readUInt16())
        case 0x13:
            return .compactArray(try decodeCompactArray(from: &reader, depth: depth))
        case 0x14:
            return .long64(Int64(bitPattern: try reader.readUInt64()))
        case 0x15:
            return .long64Unsigned(try reader.readUInt64())
        case 0x16:
            return .enumerated(try reader.readByte())
        case 0x17:
            return .float32(try reader.readUInt32())
        case 0x18:
            return .float64(try reader.readUInt64())
        case 0x19:
            return .dateTime(try COSEMDateTime.decode(from: &reader))
        case 0x1A:
            return .date(try COSEMDate.decode(from: &reader))
        case 0x1B:
            return .time(try COSEMTime.decode(from: &reader))
        case 0xFF:
            return .dontCare
        default:
            throw .unknownTag(tag, context: "A-XDR data")
        }
    }

    // MARK: Compact array

    /// `13 <TypeDescription> <length of contents> <contents>` (Green Book: compact-array
    /// is SEQUENCE { contents-description TypeDescription, array-contents OCTET STRING }).
    /// Elements follow one another in the contents without tags until it is used up.
    static func decodeCompactArray(from reader: inout ByteReader, depth: Int)
        throws(DLMSDecodingError) -> CompactArray
    {
        guard depth < maximumNestingDepth else { throw .nestingTooDeep }
        let (type, minimumSize) = try TypeDescription.decode(from: &reader, depth: depth + 1)
        guard minimumSize > 0 else {
            throw .invalidValue(context: "compact-array element type of no size")
        }
        let length = try reader.readLength()
        guard length <= reader.remaining else {
            throw .truncated(needed: length, available: reader.remaining)
        }
        var contents = ByteReader(reader.bytes, from: reader.offset, to: reader.offset + length)
        try reader.skip(length)
        var elements: [DLMSData] = []
        elements.reserveCapacity(min(length / minimumSize, 1024))
        do {
            while !contents.isAtEnd {
                elements.append(try decodeCompactElement(type, from: &contents))
            }
        } catch .truncated {
            throw .invalidValue(context: "compact-array contents end inside an element")
        }
        return CompactArray(type: type, elements: elements)
    }

    /// One element (or member) of a compact-array, shaped by `type`. `type` is already
    /// validated: its depth is bounded and every array element takes at least one byte.
    static func decodeCompactElement(_ type: TypeDescription, from reader: inout ByteReader)
        throws(DLMSDecodingError) -> DLMSData
    {
        switch type {
        case .simple(let tag):
            return try decodeContents(tag: tag, from: &reader, depth: maximumNestingDepth)
        case .array(let count, let elementType):
            guard count <= reader.remaining else {
                throw .truncated(needed: count, available: reader.remaining)
            }
            var items: [DLMSData] = []
            items.reserveCapacity(min(count, 1024))
            for _ in 0..<count {
                items.append(try decodeCompactElement(elementType, from: &reader))
            }
            return .array(items)
        case .structure(let types):
            var items: [DLMSData] = []
            items.reserveCapacity(types.count)
            for memberType in types {
                items.append(try decodeCompactElement(memberType, from: &reader))
            }
            return .structure(items)
        }
    }
}

extension TypeDescription {
    /// Writes `tag` for a simple type, `01 count(2) type` for an array, `02 count types…`
    /// for a structure.
    public func encode(into writer: inout ByteWriter) {
        switch self {
        case .simple(let tag):
            writer.write(tag)
        case .array(let count, let element):
            writer.write(UInt8(0x01))
            writer.write(UInt16(clamping: count))
            element.encode(into: &writer)
        case .structure(let members):
            writer.write(UInt8(0x02))
            writer.writeLength(members.count)
            for member in members { member.encode(into: &writer) }
        }
    }

    /// Reads a type description and returns it with the least number of bytes one element
    /// of it takes (saturating). Arrays whose elements could take no bytes are refused,
    /// so element counts can always be checked against the input.
    static func decode(from reader: inout ByteReader, depth: Int)
        throws(DLMSDecodingError) -> (TypeDescription, minimumSize: Int)
    {
        guard depth <= DLMSData.maximumNestingDepth else { throw .nestingTooDeep }
        let tag = try reader.readByte()
        switch tag {
        case 0x01:
            let count = Int(try reader.readUInt16())
            let (element, elementSize) = try decode(from: &reader, depth: depth + 1)
            guard elementSize > 0 || count == 0 else {
                throw .invalidValue(context: "compact-array element type of no size")
            }
            let (size, overflow) = count.multipliedReportingOverflow(by: elementSize)
            return (.array(count: count, element: element), overflow ? Int.max : size)
        case 0x02:
            let count = try reader.readLength()
            guard count <= reader.remaining else {
                throw .truncated(needed: count, available: reader.remaining)
            }
            var members: [TypeDescription] = []
            members.reserveCapacity(min(count, 1024))
            var total = 0
            for _ in 0..<count {
                let (member, size) = try decode(from: &reader, depth: depth + 1)
                members.append(member)
                let (sum, overflow) = total.addingReportingOverflow(size)
                total = overflow ? Int.max : sum
            }
            return (.structure(members), total)
        default:
            guard let size = Self.minimumContentSize(ofSimple: tag) else {
                throw .unknownTag(tag, context: "compact-array type description")
            }
            return (.simple(tag), size)
        }
    }

    /// The least content size of a simple type allowed in a compact-array (nil: not
    /// allowed). Null-data and dont-care take no bytes and are refused.
    static func minimumContentSize(ofSimple tag: UInt8) -> Int? {
        switch tag {
        case 0x03, 0x0D, 0x0F, 0x11, 0x16: 1
        case 0x04, 0x09, 0x0A, 0x0C: 1          // a length byte at least
        case 0x10, 0x12: 2
        case 0x05, 0x06, 0x17: 4
        case 0x14, 0x15, 0x18: 8
        case 0x19: 12
        case 0x1A: 5
        case 0x1B: 4
        default: nil
        }
    }
}
