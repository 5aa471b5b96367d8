/// A-RELEASE coding (ISO 8650-1 RLRQ-apdu / RLRE-apdu; Green Book §9.3.2):
/// `62 len [80 01 reason] [BE len 04 n InitiateRequest]` and
/// `63 len [80 01 reason] [BE len 04 n InitiateResponse]`.
/// Examples (u9n test_rlrq.py, test_rlre.py): `62 03 80 01 00`, `63 03 80 01 00`.
extension ReleaseRequest {
    public static let tag: UInt8 = 0x62

    public func encode(into writer: inout ByteWriter) {
        BER.write(tag: Self.tag, into: &writer) { w in
            if let reason { w.write([0x80, 0x01, reason] as [UInt8]) }
            if let info = userInformation {
                ACSEFields.encodeUserInformation(into: &w) { inner in info.encode(into: &inner) }
            }
        }
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        encode(into: &w)
        return w.bytes
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ReleaseRequest {
        var body = try BER.readElement(&reader, tag: Self.tag, context: "RLRQ")
        var result = ReleaseRequest(reason: nil)
        while !body.isAtEnd {
            var (tag, contents) = try BER.readElement(&body, context: "RLRQ")
            switch tag {
            case 0x80: result.reason = try readReason(&contents, context: "RLRQ reason")
            case 0xBE:
                var pdu = try ACSEFields.decodeUserInformation(&contents)
                result.userInformation = try InitiateRequest.decode(from: &pdu)
                try BER.expectEnd(pdu)
            default:
                guard BER.isContextSpecific(tag) else { throw .unknownTag(tag, context: "RLRQ") }
            }
        }
        return result
    }
}

extension ReleaseResponse {
    public static let tag: UInt8 = 0x63

    public func encode(into writer: inout ByteWriter) {
        BER.write(tag: Self.tag, into: &writer) { w in
            if let reason { w.write([0x80, 0x01, reason] as [UInt8]) }
            if let info = userInformation {
                ACSEFields.encodeUserInformation(into: &w) { inner in info.encode(into: &inner) }
            }
        }
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        encode(into: &w)
        return w.bytes
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ReleaseResponse {
        var body = try BER.readElement(&reader, tag: Self.tag, context: "RLRE")
        var result = ReleaseResponse(reason: nil)
        while !body.isAtEnd {
            var (tag, contents) = try BER.readElement(&body, context: "RLRE")
            switch tag {
            case 0x80: result.reason = try readReason(&contents, context: "RLRE reason")
            case 0xBE:
                var pdu = try ACSEFields.decodeUserInformation(&contents)
                result.userInformation = try InitiateResponse.decode(from: &pdu)
                try BER.expectEnd(pdu)
            default:
                guard BER.isContextSpecific(tag) else { throw .unknownTag(tag, context: "RLRE") }
            }
        }
        return result
    }
}

/// The contents of `80 01 r` (an implicit INTEGER of one byte).
private func readReason(_ contents: inout ByteReader, context: String) throws(DLMSDecodingError) -> UInt8 {
    guard contents.remaining == 1 else { throw .invalidValue(context: context) }
    return try contents.readByte()
}

extension ReleaseRequest: CustomStringConvertible {
    public var description: String {
        var s = "RLRQ reason " + (reason.map { "\($0)" } ?? "absent")
        if let info = userInformation { s += ", " + info.description }
        return s
    }
}

extension ReleaseResponse: CustomStringConvertible {
    public var description: String {
        var s = "RLRE reason " + (reason.map { "\($0)" } ?? "absent")
        if let info = userInformation { s += ", " + info.description }
        return s
    }
}
