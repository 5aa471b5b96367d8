/// SET-Response (tag C5; Green Book §9.3.5):
/// - `01` normal: `inv DAR`, e.g. `C5 01 C1 00` (Gurux trace);
/// - `02` datablock: `inv block(u32)`;
/// - `03` last-datablock: `inv DAR block(u32)`;
/// - `04` last-datablock-with-list: `inv n {DAR} block(u32)`;
/// - `05` with-list: `inv n {DAR}`.
extension SetResponse {
    public static let tag: UInt8 = 0xC5

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        switch self {
        case .normal(let inv, let result):
            writer.write([0x01, inv.rawValue, result.rawValue] as [UInt8])
        case .dataBlock(let inv, let block):
            writer.write([0x02, inv.rawValue] as [UInt8])
            writer.write(block)
        case .lastDataBlock(let inv, let result, let block):
            writer.write([0x03, inv.rawValue, result.rawValue] as [UInt8])
            writer.write(block)
        case .lastDataBlockWithList(let inv, let results, let block):
            writer.write([0x04, inv.rawValue] as [UInt8])
            writer.writeLength(results.count)
            for r in results { writer.write(r.rawValue) }
            writer.write(block)
        case .withList(let inv, let results):
            writer.write([0x05, inv.rawValue] as [UInt8])
            writer.writeLength(results.count)
            for r in results { writer.write(r.rawValue) }
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> SetResponse {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "SET-Response") }
        let choice = try reader.readByte()
        let inv = try InvokeIDAndPriority.decode(from: &reader)
        switch choice {
        case 1:
            return .normal(invokeID: inv, result: DataAccessResult(rawValue: try reader.readByte()))
        case 2:
            return .dataBlock(invokeID: inv, blockNumber: try reader.readUInt32())
        case 3:
            let result = DataAccessResult(rawValue: try reader.readByte())
            return .lastDataBlock(invokeID: inv, result: result, blockNumber: try reader.readUInt32())
        case 4:
            let results = try decodeResults(&reader)
            return .lastDataBlockWithList(invokeID: inv, results: results, blockNumber: try reader.readUInt32())
        case 5:
            return .withList(invokeID: inv, results: try decodeResults(&reader))
        default:
            throw .unknownTag(choice, context: "SET-Response choice")
        }
    }

    private static func decodeResults(_ reader: inout ByteReader) throws(DLMSDecodingError) -> [DataAccessResult] {
        let count = try readSequenceCount(&reader)
        let raw = try reader.readBytes(count)
        return raw.map { DataAccessResult(rawValue: $0) }
    }

    public var invokeID: InvokeIDAndPriority {
        switch self {
        case .normal(let inv, _), .dataBlock(let inv, _), .lastDataBlock(let inv, _, _),
             .lastDataBlockWithList(let inv, _, _), .withList(let inv, _): inv
        }
    }
}

extension SetResponse: CustomStringConvertible {
    public var description: String {
        switch self {
        case .normal(let inv, let result): "SET-Response-Normal \(inv) \(result)"
        case .dataBlock(let inv, let block): "SET-Response-Datablock \(inv) block \(block)"
        case .lastDataBlock(let inv, let result, let block): "SET-Response-Last-Datablock \(inv) \(result) block \(block)"
        case .lastDataBlockWithList(let inv, let results, let block):
            "SET-Response-Last-Datablock-With-List \(inv) [\(results.map(\.description).joined(separator: ", "))] block \(block)"
        case .withList(let inv, let results):
            "SET-Response-With-List \(inv) [\(results.map(\.description).joined(separator: ", "))]"
        }
    }
}
