/// ACTION-Request (tag C3; Green Book §9.3.6):
/// - `01` normal: `inv method-descriptor (00 | 01 data)`, e.g.
///   `C3 01 C0 00 0F 00 00 28 00 00 FF 01 00` (u9n test_action.py);
/// - `02` next-pblock: `inv block(u32)`;
/// - `03` with-list: `inv n {method-descriptor} m {data}`;
/// - `04` with-first-pblock: `inv method-descriptor DataBlock-SA`;
/// - `05` with-list-and-first-pblock: `inv n {method-descriptor} DataBlock-SA`;
/// - `06` with-pblock: `inv DataBlock-SA`.
extension ActionRequest {
    public static let tag: UInt8 = 0xC3

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        switch self {
        case .normal(let inv, let method, let parameters):
            writer.write([0x01, inv.rawValue] as [UInt8])
            method.encode(into: &writer)
            if let parameters { writer.write(UInt8(1)); parameters.encode(into: &writer) } else { writer.write(UInt8(0)) }
        case .nextPBlock(let inv, let block):
            writer.write([0x02, inv.rawValue] as [UInt8])
            writer.write(block)
        case .withList(let inv, let methods, let parameters):
            writer.write([0x03, inv.rawValue] as [UInt8])
            writer.writeLength(methods.count)
            for m in methods { m.encode(into: &writer) }
            writer.writeLength(parameters.count)
            for p in parameters { p.encode(into: &writer) }
        case .withFirstPBlock(let inv, let method, let block):
            writer.write([0x04, inv.rawValue] as [UInt8])
            method.encode(into: &writer)
            block.encode(into: &writer)
        case .withListAndFirstPBlock(let inv, let methods, let block):
            writer.write([0x05, inv.rawValue] as [UInt8])
            writer.writeLength(methods.count)
            for m in methods { m.encode(into: &writer) }
            block.encode(into: &writer)
        case .withPBlock(let inv, let block):
            writer.write([0x06, inv.rawValue] as [UInt8])
            block.encode(into: &writer)
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ActionRequest {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "ACTION-Request") }
        let choice = try reader.readByte()
        let inv = try InvokeIDAndPriority.decode(from: &reader)
        switch choice {
        case 1:
            let method = try CosemMethodDescriptor.decode(from: &reader)
            let parameters: DLMSData? = try readOptionalFlag(&reader, context: "ACTION-Request parameters flag")
                ? try DLMSData.decode(from: &reader) : nil
            return .normal(invokeID: inv, method: method, parameters: parameters)
        case 2:
            return .nextPBlock(invokeID: inv, blockNumber: try reader.readUInt32())
        case 3:
            let methods = try decodeMethods(&reader)
            let count = try readSequenceCount(&reader)
            var parameters: [DLMSData] = []
            parameters.reserveCapacity(count)
            for _ in 0..<count { parameters.append(try DLMSData.decode(from: &reader)) }
            return .withList(invokeID: inv, methods: methods, parameters: parameters)
        case 4:
            let method = try CosemMethodDescriptor.decode(from: &reader)
            return .withFirstPBlock(invokeID: inv, method: method, block: try DataBlockSA.decode(from: &reader))
        case 5:
            let methods = try decodeMethods(&reader)
            return .withListAndFirstPBlock(invokeID: inv, methods: methods, block: try DataBlockSA.decode(from: &reader))
        case 6:
            return .withPBlock(invokeID: inv, block: try DataBlockSA.decode(from: &reader))
        default:
            throw .unknownTag(choice, context: "ACTION-Request choice")
        }
    }

    private static func decodeMethods(_ reader: inout ByteReader) throws(DLMSDecodingError) -> [CosemMethodDescriptor] {
        let count = try readSequenceCount(&reader, minimumElementSize: 9)
        var methods: [CosemMethodDescriptor] = []
        methods.reserveCapacity(count)
        for _ in 0..<count { methods.append(try CosemMethodDescriptor.decode(from: &reader)) }
        return methods
    }

    public var invokeID: InvokeIDAndPriority {
        switch self {
        case .normal(let inv, _, _), .nextPBlock(let inv, _), .withList(let inv, _, _), .withFirstPBlock(let inv, _, _),
             .withListAndFirstPBlock(let inv, _, _), .withPBlock(let inv, _): inv
        }
    }
}

extension ActionRequest: CustomStringConvertible {
    public var description: String {
        switch self {
        case .normal(let inv, let method, let parameters):
            "ACTION-Request-Normal \(inv) \(method)" + (parameters.map { " (\($0))" } ?? "")
        case .nextPBlock(let inv, let block): "ACTION-Request-Next-Pblock \(inv) block \(block)"
        case .withList(let inv, let methods, let parameters):
            "ACTION-Request-With-List \(inv) [\(methods.map { "\($0)" }.joined(separator: ", "))] "
                + "(\(parameters.map { "\($0)" }.joined(separator: ", ")))"
        case .withFirstPBlock(let inv, let method, let block): "ACTION-Request-With-First-Pblock \(inv) \(method) \(block)"
        case .withListAndFirstPBlock(let inv, let methods, let block):
            "ACTION-Request-With-List-And-First-Pblock \(inv) [\(methods.map { "\($0)" }.joined(separator: ", "))] \(block)"
        case .withPBlock(let inv, let block): "ACTION-Request-With-Pblock \(inv) \(block)"
        }
    }
}
