/// GET-Response (tag C4; Green Book §9.3.4):
/// - `01` normal: `inv (00 data | 01 DAR)`, e.g. `C4 01 C1 00 06 00 00 13 91`, `C4 01 C1 01 01`;
/// - `02` with-datablock: `inv last(1) block(u32) (00 len raw | 01 DAR)`,
///   e.g. `C4 02 C1 00 00 00 00 01 00 02 01 50` (hdlc-translator hdlcflow-aln-up.txt);
/// - `03` with-list: `inv count {00 data | 01 DAR}`.
extension GetResponse {
    public static let tag: UInt8 = 0xC4

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        switch self {
        case .normal(let inv, let result):
            writer.write([0x01, inv.rawValue] as [UInt8])
            result.encode(into: &writer)
        case .withDataBlock(let inv, let block):
            writer.write([0x02, inv.rawValue] as [UInt8])
            block.encode(into: &writer)
        case .withList(let inv, let results):
            writer.write([0x03, inv.rawValue] as [UInt8])
            writer.writeLength(results.count)
            for r in results { r.encode(into: &writer) }
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> GetResponse {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "GET-Response") }
        let choice = try reader.readByte()
        let inv = try InvokeIDAndPriority.decode(from: &reader)
        switch choice {
        case 1:
            return .normal(invokeID: inv, result: try GetDataResult.decode(from: &reader))
        case 2:
            return .withDataBlock(invokeID: inv, block: try DataBlockG.decode(from: &reader))
        case 3:
            let count = try readSequenceCount(&reader, minimumElementSize: 2)
            var results: [GetDataResult] = []
            results.reserveCapacity(count)
            for _ in 0..<count { results.append(try GetDataResult.decode(from: &reader)) }
            return .withList(invokeID: inv, results: results)
        default:
            throw .unknownTag(choice, context: "GET-Response choice")
        }
    }

    public var invokeID: InvokeIDAndPriority {
        switch self {
        case .normal(let inv, _), .withDataBlock(let inv, _), .withList(let inv, _): inv
        }
    }
}

extension GetResponse: CustomStringConvertible {
    public var description: String {
        switch self {
        case .normal(let inv, let result): "GET-Response-Normal \(inv) \(result)"
        case .withDataBlock(let inv, let block): "GET-Response-With-Datablock \(inv) \(block)"
        case .withList(let inv, let results):
            "GET-Response-With-List \(inv) [\(results.map(\.description).joined(separator: ", "))]"
        }
    }
}
