/// GET-Request (tag C0; Green Book §9.3.4, IEC 62056-5-3 §8):
/// - `01` normal: `inv descriptor access-flag [selector parameters]`,
///   e.g. `C0 01 C1 00 01 00 00 2B 01 00 FF 02 00` (u9n test_get.py);
/// - `02` next: `inv block-number(u32)`, e.g. `C0 02 C1 00 00 00 01`;
/// - `03` with-list: `inv count {descriptor access-flag [access]}`.
extension GetRequest {
    public static let tag: UInt8 = 0xC0

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        switch self {
        case .normal(let inv, let attribute, let access):
            writer.write([0x01, inv.rawValue] as [UInt8])
            attribute.encode(into: &writer)
            encodeAccess(access, into: &writer)
        case .next(let inv, let block):
            writer.write([0x02, inv.rawValue] as [UInt8])
            writer.write(block)
        case .withList(let inv, let attributes):
            writer.write([0x03, inv.rawValue] as [UInt8])
            writer.writeLength(attributes.count)
            for a in attributes { a.encode(into: &writer) }
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> GetRequest {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "GET-Request") }
        let choice = try reader.readByte()
        let inv = try InvokeIDAndPriority.decode(from: &reader)
        switch choice {
        case 1:
            let attribute = try CosemAttributeDescriptor.decode(from: &reader)
            return .normal(invokeID: inv, attribute: attribute, access: try decodeAccess(from: &reader))
        case 2:
            return .next(invokeID: inv, blockNumber: try reader.readUInt32())
        case 3:
            let count = try readSequenceCount(&reader, minimumElementSize: 10)
            var list: [AttributeWithAccess] = []
            list.reserveCapacity(count)
            for _ in 0..<count { list.append(try AttributeWithAccess.decode(from: &reader)) }
            return .withList(invokeID: inv, attributes: list)
        default:
            throw .unknownTag(choice, context: "GET-Request choice")
        }
    }

    public var invokeID: InvokeIDAndPriority {
        switch self {
        case .normal(let inv, _, _), .next(let inv, _), .withList(let inv, _): inv
        }
    }
}

extension GetRequest: CustomStringConvertible {
    public var description: String {
        switch self {
        case .normal(let inv, let attribute, let access):
            "GET-Request-Normal \(inv) \(attribute)" + (access.map { " access \($0)" } ?? "")
        case .next(let inv, let block):
            "GET-Request-Next \(inv) block \(block)"
        case .withList(let inv, let attributes):
            "GET-Request-With-List \(inv) [\(attributes.map(\.description).joined(separator: ", "))]"
        }
    }
}
