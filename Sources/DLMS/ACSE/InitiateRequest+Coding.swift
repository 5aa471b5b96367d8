/// xDLMS InitiateRequest in A-XDR (Green Book §9.4.6.1; IEC 62056-5-3 §7.3):
/// `01 | dedicated-key (00 | 01 len key) | response-allowed (00 = default TRUE | 01 bool)
/// | proposed-quality-of-service (00 | 01 int8) | proposed-dlms-version | conformance
/// (5F 1F 04 00 b0 b1 b2) | client-max-receive-pdu-size (u16)`.
///
/// Example (u9n tests/test_xdlms/test_initiate.py): `01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0`.
extension InitiateRequest {
    public static let tag: UInt8 = 0x01

    public func encode(into writer: inout ByteWriter) {
        writer.write(Self.tag)
        if let key = dedicatedKey {
            writer.write(UInt8(1)); writer.writeLength(key.count); writer.write(key)
        } else {
            writer.write(UInt8(0))
        }
        // response-allowed has DEFAULT TRUE: only FALSE is written out.
        if responseAllowed { writer.write(UInt8(0)) } else { writer.write([0x01, 0x00] as [UInt8]) }
        if let qos = proposedQualityOfService {
            writer.write(UInt8(1)); writer.write(UInt8(bitPattern: qos))
        } else {
            writer.write(UInt8(0))
        }
        writer.write(proposedDLMSVersion)
        proposedConformance.encode(into: &writer)
        writer.write(clientMaxReceivePDUSize)
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 16)
        encode(into: &w)
        return w.bytes
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> InitiateRequest {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "InitiateRequest") }
        var key: [UInt8]?
        if try readOptionalFlag(&reader, context: "InitiateRequest dedicated-key") {
            let n = try reader.readLength()
            key = try reader.readBytes(n)
        }
        var responseAllowed = true
        if try readOptionalFlag(&reader, context: "InitiateRequest response-allowed") {
            responseAllowed = try reader.readByte() != 0
        }
        var qos: Int8?
        if try readOptionalFlag(&reader, context: "InitiateRequest quality-of-service") {
            qos = Int8(bitPattern: try reader.readByte())
        }
        let version = try reader.readByte()
        let conformance = try Conformance.decode(from: &reader)
        let maxPDU = try reader.readUInt16()
        return InitiateRequest(dedicatedKey: key, responseAllowed: responseAllowed, proposedQualityOfService: qos,
                               proposedDLMSVersion: version, proposedConformance: conformance,
                               clientMaxReceivePDUSize: maxPDU)
    }
}

/// An A-XDR OPTIONAL / DEFAULT presence byte: 00 absent, 01 present, anything else is bad.
func readOptionalFlag(_ reader: inout ByteReader, context: String) throws(DLMSDecodingError) -> Bool {
    switch try reader.readByte() {
    case 0: return false
    case 1: return true
    default: throw .invalidValue(context: context)
    }
}

extension InitiateRequest: CustomStringConvertible {
    /// Prints no key material: a dedicated key shows as `dedicated-key: ***`.
    public var description: String {
        var parts = ["InitiateRequest version \(proposedDLMSVersion)", "conformance \(proposedConformance)",
                     "max-pdu \(clientMaxReceivePDUSize)"]
        if dedicatedKey != nil { parts.append("dedicated-key: ***") }
        if !responseAllowed { parts.append("response-allowed false") }
        if let qos = proposedQualityOfService { parts.append("qos \(qos)") }
        return parts.joined(separator: ", ")
    }
}
