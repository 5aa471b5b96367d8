/// A-RELEASE coding (ISO 8650-1 RLRQ-apdu / RLRE-apdu; Green Book §9.3.2):
/// `62 len [80 01 reason] [BE len 04 n InitiateRequest]` and
/// `63 len [80 01 reason] [BE len 04 n InitiateResponse]`.
/// Examples (u9n test_rlrq.py, test_rlre.py): `62 03 80 01 00`, `63 03 80 01 00`.
extension ReleaseRequest {
    public static let tag: UInt8 = 0x62

    public func encode(into writer: inout ByteWriter) {
        encodeRelease(tag: Self.tag, reason: reason, into: &writer,
                      userInformation: userInformation.map { info in { info.encode(into: &$0) } })
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        encode(into: &w)
        return w.bytes
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ReleaseRequest {
        let (reason, info) = try decodeRelease(&reader, tag: tag, context: "RLRQ") { (r: inout ByteReader) throws(DLMSDecodingError) in
            try InitiateRequest.decode(from: &r)
        }
        return ReleaseRequest(reason: reason, userInformation: info)
    }
}

extension ReleaseResponse {
    public static let tag: UInt8 = 0x63

    public func encode(into writer: inout ByteWriter) {
        encodeRelease(tag: Self.tag, reason: reason, into: &writer,
                      userInformation: userInformation.map { info in { info.encode(into: &$0) } })
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        encode(into: &w)
        return w.bytes
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ReleaseResponse {
        let (reason, info) = try decodeRelease(&reader, tag: tag, context: "RLRE") { (r: inout ByteReader) throws(DLMSDecodingError) in
            try InitiateResponse.decode(from: &r)
        }
        return ReleaseResponse(reason: reason, userInformation: info)
    }
}

/// RLRQ and RLRE share one layout: `tag len [80 01 reason] [BE … user-information]`.
private func encodeRelease(tag: UInt8, reason: UInt8?, into writer: inout ByteWriter,
                           userInformation: ((inout ByteWriter) -> Void)?) {
    BER.write(tag: tag, into: &writer) { w in
        if let reason { w.write([0x80, 0x01, reason] as [UInt8]) }
        if let userInformation { ACSEFields.encodeUserInformation(into: &w, userInformation) }
    }
}

private func decodeRelease<Info>(_ reader: inout ByteReader, tag expected: UInt8, context: String,
                                 userInformation decodeInfo: (inout ByteReader) throws(DLMSDecodingError) -> Info)
    throws(DLMSDecodingError) -> (UInt8?, Info?) {
    var body = try BER.readElement(&reader, tag: expected, context: context)
    var reason: UInt8?
    var info: Info?
    while !body.isAtEnd {
        var (tag, contents) = try BER.readElement(&body, context: context)
        switch tag {
        case 0x80: reason = try readReason(&contents, context: "\(context) reason")
        case 0xBE:
            var pdu = try ACSEFields.decodeUserInformation(&contents)
            info = try decodeInfo(&pdu)
            try BER.expectEnd(pdu)
        default:
            guard BER.isContextSpecific(tag) else { throw .unknownTag(tag, context: context) }
        }
    }
    return (reason, info)
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
