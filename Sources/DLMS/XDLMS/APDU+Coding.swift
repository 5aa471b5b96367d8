/// Encoding and decoding of whole APDUs: the bytes after the LLC header (`E6 E6 00`
/// client→server, `E6 E7 00` server→client) of an HDLC I-frame, or the payload of a
/// wrapper PDU. The first byte selects the PDU (Green Book §9.5 xDLMS-APDU CHOICE):
/// 60 AARQ, 61 AARE, 62 RLRQ, 63 RLRE, C0 GET-Request, C1 SET-Request, C3 ACTION-Request,
/// C4 GET-Response, C5 SET-Response, C7 ACTION-Response, D8 exception-response,
/// 0E confirmed-service-error.
extension APDU {
    /// The APDU's bytes.
    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 64)
        encode(into: &w)
        return w.bytes
    }

    public func encode(into writer: inout ByteWriter) {
        switch self {
        case .aarq(let v): v.encode(into: &writer)
        case .aare(let v): v.encode(into: &writer)
        case .releaseRequest(let v): v.encode(into: &writer)
        case .releaseResponse(let v): v.encode(into: &writer)
        case .getRequest(let v): v.encode(into: &writer)
        case .setRequest(let v): v.encode(into: &writer)
        case .actionRequest(let v): v.encode(into: &writer)
        case .getResponse(let v): v.encode(into: &writer)
        case .setResponse(let v): v.encode(into: &writer)
        case .actionResponse(let v): v.encode(into: &writer)
        case .exceptionResponse(let v): v.encode(into: &writer)
        case .confirmedServiceError(let v): v.encode(into: &writer)
        }
    }

    /// Decodes exactly one APDU.
    /// - Throws: `.unknownTag(tag, context: "APDU")` for a PDU this client does not speak,
    ///   `.trailingBytes` when bytes follow the APDU, and the errors of each PDU decoder.
    public init(decoding bytes: [UInt8]) throws(DLMSDecodingError) {
        var reader = ByteReader(bytes)
        self = try APDU.decode(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
    }

    /// Decodes one APDU and moves `reader` past it.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> APDU {
        guard let tag = reader.peek() else { throw .truncated(needed: 1, available: 0) }
        switch tag {
        case AARQ.tag: return .aarq(try AARQ.decode(from: &reader))
        case AARE.tag: return .aare(try AARE.decode(from: &reader))
        case ReleaseRequest.tag: return .releaseRequest(try ReleaseRequest.decode(from: &reader))
        case ReleaseResponse.tag: return .releaseResponse(try ReleaseResponse.decode(from: &reader))
        case GetRequest.tag: return .getRequest(try GetRequest.decode(from: &reader))
        case SetRequest.tag: return .setRequest(try SetRequest.decode(from: &reader))
        case ActionRequest.tag: return .actionRequest(try ActionRequest.decode(from: &reader))
        case GetResponse.tag: return .getResponse(try GetResponse.decode(from: &reader))
        case SetResponse.tag: return .setResponse(try SetResponse.decode(from: &reader))
        case ActionResponse.tag: return .actionResponse(try ActionResponse.decode(from: &reader))
        case ExceptionResponse.tag: return .exceptionResponse(try ExceptionResponse.decode(from: &reader))
        case ConfirmedServiceError.tag: return .confirmedServiceError(try ConfirmedServiceError.decode(from: &reader))
        default: throw .unknownTag(tag, context: "APDU")
        }
    }
}

extension APDU: CustomStringConvertible {
    /// One line for the log panel. Passwords and keys are never shown.
    public var description: String {
        switch self {
        case .aarq(let v): v.description
        case .aare(let v): v.description
        case .releaseRequest(let v): v.description
        case .releaseResponse(let v): v.description
        case .getRequest(let v): v.description
        case .setRequest(let v): v.description
        case .actionRequest(let v): v.description
        case .getResponse(let v): v.description
        case .setResponse(let v): v.description
        case .actionResponse(let v): v.description
        case .exceptionResponse(let v): v.description
        case .confirmedServiceError(let v): v.description
        }
    }
}

extension APDU: CustomDebugStringConvertible {
    /// The same as `description`, so `debugPrint` and `dump`-style output hide the password too.
    public var debugDescription: String { description }
}
