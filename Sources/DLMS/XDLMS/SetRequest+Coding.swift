/// SET-Request (tag C1; Green Book §9.3.5; block layouts from Gurux GXDLMS.getLNPdu, [U]):
/// - `01` normal: `inv descriptor access-flag [access] data`,
///   e.g. `C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C …` (u9n test_set.py);
/// - `02` with-first-datablock: `inv descriptor access-flag [access] DataBlock-SA`;
/// - `03` with-datablock: `inv DataBlock-SA`;
/// - `04` with-list: `inv n {descriptor access} m {data}`;
/// - `05` with-list-and-first-datablock: `inv n {descriptor access} DataBlock-SA`.
/// DataBlock-SA = `last(1) block(u32) len raw`.
extension SetRequest {
    public static let tag: UInt8 = 0xC1

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        switch self {
        case .normal(let inv, let attribute, let access, let value):
            writer.write([0x01, inv.rawValue] as [UInt8])
            attribute.encode(into: &writer)
            encodeAccess(access, into: &writer)
            value.encode(into: &writer)
        case .withFirstDataBlock(let inv, let attribute, let access, let block):
            writer.write([0x02, inv.rawValue] as [UInt8])
            attribute.encode(into: &writer)
            encodeAccess(access, into: &writer)
            block.encode(into: &writer)
        case .withDataBlock(let inv, let block):
            writer.write([0x03, inv.rawValue] as [UInt8])
            block.encode(into: &writer)
        case .withList(let inv, let attributes, let values):
            writer.write([0x04, inv.rawValue] as [UInt8])
            writer.writeLength(attributes.count)
            for a in attributes { a.encode(into: &writer) }
            writer.writeLength(values.count)
            for v in values { v.encode(into: &writer) }
        case .withListAndFirstDataBlock(let inv, let attributes, let block):
            writer.write([0x05, inv.rawValue] as [UInt8])
            writer.writeLength(attributes.count)
            for a in attributes { a.encode(into: &writer) }
            block.encode(into: &writer)
        }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> SetRequest {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "SET-Request") }
        let choice = try reader.readByte()
        let inv = try InvokeIDAndPriority.decode(from: &reader)
        switch choice {
        case 1:
            let attribute = try CosemAttributeDescriptor.decode(from: &reader)
            let access = try decodeAccess(from: &reader)
            return .normal(invokeID: inv, attribute: attribute, access: access, value: try DLMSData.decode(from: &reader))
        case 2:
            let attribute = try CosemAttributeDescriptor.decode(from: &reader)
            let access = try decodeAccess(from: &reader)
            return .withFirstDataBlock(invokeID: inv, attribute: attribute, access: access,
                                       block: try DataBlockSA.decode(from: &reader))
        case 3:
            return .withDataBlock(invokeID: inv, block: try DataBlockSA.decode(from: &reader))
        case 4:
            let attributes = try decodeAttributeList(&reader)
            let count = try readSequenceCount(&reader)
            var values: [DLMSData] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try DLMSData.decode(from: &reader)) }
            return .withList(invokeID: inv, attributes: attributes, values: values)
        case 5:
            let attributes = try decodeAttributeList(&reader)
            return .withListAndFirstDataBlock(invokeID: inv, attributes: attributes,
                                              block: try DataBlockSA.decode(from: &reader))
        default:
            throw .unknownTag(choice, context: "SET-Request choice")
        }
    }

    private static func decodeAttributeList(_ reader: inout ByteReader) throws(DLMSDecodingError) -> [AttributeWithAccess] {
        let count = try readSequenceCount(&reader, minimumElementSize: 10)
        var list: [AttributeWithAccess] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try AttributeWithAccess.decode(from: &reader)) }
        return list
    }

    public var invokeID: InvokeIDAndPriority {
        switch self {
        case .normal(let inv, _, _, _), .withFirstDataBlock(let inv, _, _, _), .withDataBlock(let inv, _),
             .withList(let inv, _, _), .withListAndFirstDataBlock(let inv, _, _): inv
        }
    }
}

extension SetRequest: CustomStringConvertible {
    public var description: String {
        switch self {
        case .normal(let inv, let attribute, let access, let value):
            "SET-Request-Normal \(inv) \(attribute)" + (access.map { " access \($0)" } ?? "") + " = \(value)"
        case .withFirstDataBlock(let inv, let attribute, let access, let block):
            "SET-Request-With-First-Datablock \(inv) \(attribute)" + (access.map { " access \($0)" } ?? "") + " \(block)"
        case .withDataBlock(let inv, let block):
            "SET-Request-With-Datablock \(inv) \(block)"
        case .withList(let inv, let attributes, let values):
            "SET-Request-With-List \(inv) [\(attributes.map(\.description).joined(separator: ", "))] = "
                + "[\(values.map { "\($0)" }.joined(separator: ", "))]"
        case .withListAndFirstDataBlock(let inv, let attributes, let block):
            "SET-Request-With-List-And-First-Datablock \(inv) [\(attributes.map(\.description).joined(separator: ", "))] \(block)"
        }
    }
}
