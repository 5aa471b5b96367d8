// MARK: - Shared pieces of the xDLMS service PDUs (Green Book §9.3.4-§9.3.6, IEC 62056-5-3 §8)

extension InvokeIDAndPriority {
    static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> InvokeIDAndPriority {
        InvokeIDAndPriority(rawValue: try reader.readByte())
    }
}

/// Reads an A-XDR SEQUENCE OF count and checks it against what remains (each element
/// takes at least `minimumElementSize` bytes), so a hostile count cannot make a decoder
/// reserve memory or loop beyond the input.
func readSequenceCount(_ reader: inout ByteReader, minimumElementSize: Int = 1) throws(DLMSDecodingError) -> Int {
    let count = try reader.readLength()
    let (needed, overflow) = count.multipliedReportingOverflow(by: minimumElementSize)
    guard !overflow, needed <= reader.remaining else {
        throw .truncated(needed: overflow ? Int.max : needed, available: reader.remaining)
    }
    return count
}

/// An A-XDR BOOLEAN (any non-zero byte is TRUE; 01 is written).
func readBoolean(_ reader: inout ByteReader) throws(DLMSDecodingError) -> Bool {
    try reader.readByte() != 0
}

extension DataBlockSA {
    /// `last-block(1) block-number(u32) raw-data(len bytes)`.
    public func encode(into writer: inout ByteWriter) {
        writer.write(UInt8(lastBlock ? 1 : 0))
        writer.write(blockNumber)
        writer.writeLength(raw.count)
        writer.write(raw)
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> DataBlockSA {
        let last = try readBoolean(&reader)
        let number = try reader.readUInt32()
        let n = try reader.readLength()
        let raw = try reader.readBytes(n)
        return DataBlockSA(lastBlock: last, blockNumber: number, raw: raw)
    }
}

extension DataBlockG {
    /// `last-block(1) block-number(u32) (00 len raw | 01 DAR)`.
    public func encode(into writer: inout ByteWriter) {
        writer.write(UInt8(lastBlock ? 1 : 0))
        writer.write(blockNumber)
        switch result {
        case .raw(let raw): writer.write(UInt8(0)); writer.writeLength(raw.count); writer.write(raw)
        case .error(let dar): writer.write(UInt8(1)); writer.write(dar.rawValue)
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> DataBlockG {
        let last = try readBoolean(&reader)
        let number = try reader.readUInt32()
        let choice = try reader.readByte()
        switch choice {
        case 0:
            let n = try reader.readLength()
            return DataBlockG(lastBlock: last, blockNumber: number, result: .raw(try reader.readBytes(n)))
        case 1:
            let dar = DataAccessResult(rawValue: try reader.readByte())
            return DataBlockG(lastBlock: last, blockNumber: number, result: .error(dar))
        default:
            throw .unknownTag(choice, context: "DataBlock-G result")
        }
    }
}

extension GetDataResult {
    /// `00 data | 01 DAR`.
    public func encode(into writer: inout ByteWriter) {
        switch self {
        case .data(let value): writer.write(UInt8(0)); value.encode(into: &writer)
        case .error(let dar): writer.write(UInt8(1)); writer.write(dar.rawValue)
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> GetDataResult {
        let choice = try reader.readByte()
        switch choice {
        case 0: return .data(try DLMSData.decode(from: &reader))
        case 1: return .error(DataAccessResult(rawValue: try reader.readByte()))
        default: throw .unknownTag(choice, context: "Get-Data-Result")
        }
    }
}

extension AttributeWithAccess {
    /// `descriptor(9) access-selection-flag (00 | 01 selector parameters)`.
    public func encode(into writer: inout ByteWriter) {
        attribute.encode(into: &writer)
        encodeAccess(access, into: &writer)
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> AttributeWithAccess {
        let attribute = try CosemAttributeDescriptor.decode(from: &reader)
        let access = try decodeAccess(from: &reader)
        return AttributeWithAccess(attribute, access: access)
    }
}

/// Writes the access-selection OPTIONAL: `00`, or `01` and the selective access.
func encodeAccess(_ access: SelectiveAccess?, into writer: inout ByteWriter) {
    if let access { writer.write(UInt8(1)); access.encode(into: &writer) } else { writer.write(UInt8(0)) }
}

func decodeAccess(from reader: inout ByteReader) throws(DLMSDecodingError) -> SelectiveAccess? {
    switch try reader.readByte() {
    case 0: return nil
    case 1: return try SelectiveAccess.decode(from: &reader)
    default: throw .invalidValue(context: "access-selection flag")
    }
}

// MARK: - Descriptions

extension DataBlockSA: CustomStringConvertible {
    public var description: String {
        "block \(blockNumber)\(lastBlock ? " (last)" : ""), \(raw.count) bytes"
    }
}

extension DataBlockG: CustomStringConvertible {
    public var description: String {
        let head = "block \(blockNumber)\(lastBlock ? " (last)" : "")"
        switch result {
        case .raw(let raw): return head + ", \(raw.count) bytes"
        case .error(let dar): return head + ", error \(dar)"
        }
    }
}

extension GetDataResult: CustomStringConvertible {
    public var description: String {
        switch self {
        case .data(let value): "\(value)"
        case .error(let dar): "error \(dar)"
        }
    }
}

extension AttributeWithAccess: CustomStringConvertible {
    public var description: String {
        access.map { "\(attribute) access \($0)" } ?? "\(attribute)"
    }
}
