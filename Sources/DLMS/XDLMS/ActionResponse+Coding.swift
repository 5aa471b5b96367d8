/// ACTION-Response (tag C7; Green Book §9.3.6):
/// - `01` normal: `inv Action-Response-With-Optional-Data`, e.g. `C7 01 C0 00 00` (u9n test_action.py);
/// - `02` with-pblock: `inv DataBlock-SA`;
/// - `03` with-list: `inv n {Action-Response-With-Optional-Data}`;
/// - `04` next-pblock: `inv block(u32)`.
/// Action-Response-With-Optional-Data = `result (00 | 01 (00 data | 01 DAR))`.
extension ActionResponse {
    public static let tag: UInt8 = 0xC7

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        switch self {
        case .normal(let inv, let response):
            writer.write([0x01, inv.rawValue] as [UInt8])
            response.encode(into: &writer)
        case .withPBlock(let inv, let block):
            writer.write([0x02, inv.rawValue] as [UInt8])
            block.encode(into: &writer)
        case .withList(let inv, let responses):
            writer.write([0x03, inv.rawValue] as [UInt8])
            writer.writeLength(responses.count)
            for r in responses { r.encode(into: &writer) }
        case .nextPBlock(let inv, let block):
            writer.write([0x04, inv.rawValue] as [UInt8])
            writer.write(block)
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ActionResponse {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "ACTION-Response") }
        let choice = try reader.readByte()
        let inv = try InvokeIDAndPriority.decode(from: &reader)
        switch choice {
        case 1:
            return .normal(invokeID: inv, response: try ActionResponseWithOptionalData.decode(from: &reader))
        case 2:
            return .withPBlock(invokeID: inv, block: try DataBlockSA.decode(from: &reader))
        case 3:
            let count = try readSequenceCount(&reader, minimumElementSize: 2)
            var responses: [ActionResponseWithOptionalData] = []
            responses.reserveCapacity(count)
            for _ in 0..<count { responses.append(try ActionResponseWithOptionalData.decode(from: &reader)) }
            return .withList(invokeID: inv, responses: responses)
        case 4:
            return .nextPBlock(invokeID: inv, blockNumber: try reader.readUInt32())
        default:
            throw .unknownTag(choice, context: "ACTION-Response choice")
        }
    }

    public var invokeID: InvokeIDAndPriority {
        switch self {
        case .normal(let inv, _), .withPBlock(let inv, _), .withList(let inv, _), .nextPBlock(let inv, _): inv
        }
    }
}

extension ActionResponseWithOptionalData {
    public func encode(into writer: inout ByteWriter) {
        writer.write(result.rawValue)
        if let returnParameters { writer.write(UInt8(1)); returnParameters.encode(into: &writer) } else { writer.write(UInt8(0)) }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ActionResponseWithOptionalData {
        let result = ActionResult(rawValue: try reader.readByte())
        let parameters: GetDataResult? = try readOptionalFlag(&reader, context: "ACTION-Response return-parameters flag")
            ? try GetDataResult.decode(from: &reader) : nil
        return ActionResponseWithOptionalData(result: result, returnParameters: parameters)
    }
}

extension ActionResponseWithOptionalData: CustomStringConvertible {
    public var description: String {
        "\(result)" + (returnParameters.map { " (\($0))" } ?? "")
    }
}

extension ActionResponse: CustomStringConvertible {
    public var description: String {
        switch self {
        case .normal(let inv, let response): "ACTION-Response-Normal \(inv) \(response)"
        case .withPBlock(let inv, let block): "ACTION-Response-With-Pblock \(inv) \(block)"
        case .withList(let inv, let responses):
            "ACTION-Response-With-List \(inv) [\(responses.map(\.description).joined(separator: ", "))]"
        case .nextPBlock(let inv, let block): "ACTION-Response-Next-Pblock \(inv) block \(block)"
        }
    }
}
