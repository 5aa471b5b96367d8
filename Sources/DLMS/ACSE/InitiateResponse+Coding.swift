/// xDLMS InitiateResponse in A-XDR (Green Book §9.4.6.1): `08 | negotiated-quality-of-
/// service (00 | 01 int8) | negotiated-dlms-version | conformance (5F 1F 04 00 b0 b1 b2) |
/// server-max-receive-pdu-size (u16) | vaa-name (u16)`.
///
/// Example (u9n test_hdlc.py): `08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07`.
extension InitiateResponse {
    public static let tag: UInt8 = 0x08

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        if let qos = negotiatedQualityOfService {
            writer.write(UInt8(1)); writer.write(UInt8(bitPattern: qos))
        } else {
            writer.write(UInt8(0))
        }
        writer.write(negotiatedDLMSVersion)
        negotiatedConformance.encode(into: &writer)
        writer.write(serverMaxReceivePDUSize)
        writer.write(vaaName)
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 16)
        encode(into: &w)
        return w.bytes
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> InitiateResponse {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "InitiateResponse") }
        var qos: Int8?
        if try readOptionalFlag(&reader, context: "InitiateResponse quality-of-service") {
            qos = Int8(bitPattern: try reader.readByte())
        }
        let version = try reader.readByte()
        let conformance = try Conformance.decode(from: &reader)
        let maxPDU = try reader.readUInt16()
        let vaa = try reader.readUInt16()
        return InitiateResponse(negotiatedQualityOfService: qos, negotiatedDLMSVersion: version,
                                negotiatedConformance: conformance, serverMaxReceivePDUSize: maxPDU, vaaName: vaa)
    }
}

extension InitiateResponse: CustomStringConvertible {
    public var description: String {
        var s = "InitiateResponse version \(negotiatedDLMSVersion), conformance \(negotiatedConformance), "
            + "max-pdu \(serverMaxReceivePDUSize), vaa \(Hex.string([UInt8(vaaName >> 8), UInt8(vaaName & 0xFF)], separator: ""))"
        if let qos = negotiatedQualityOfService { s += ", qos \(qos)" }
        return s
    }
}
