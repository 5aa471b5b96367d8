/// AARE coding (ISO 8650-1 AARE-apdu as profiled by Green Book §9.3.2):
///
/// ```
/// 61 len
///    A1 09 06 07 60 85 74 05 08 01 cc        application-context-name
///    A2 03 02 01 rr                          result
///    A3 05 A1 03 02 01 dd                    result-source-diagnostic (A1 user, A2 provider)
///    A4 len 04 n <system title>              responding-AP-title (optional)
///    88 02 07 80                             responder-acse-requirements (when a mechanism is set)
///    89 07 60 85 74 05 08 02 mm              mechanism-name
///    AA len 80 n <StoC>                      responding-authentication-value (optional)
///    BE len 04 n <InitiateResponse | 0E confirmed-service-error>
/// ```
///
/// Example without user-information error (u9n test_hdlc.py):
/// `61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E
/// 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07`. The decoder accepts long-form lengths
/// (`61 82 00 29`) and skips context-specific components it does not use.
extension AARE {
    public static let tag: UInt8 = 0x61

    public func encode(into writer: inout ByteWriter) {
        BER.write(tag: Self.tag, into: &writer) { w in
            applicationContext.encodeA1(into: &w)
            w.write([0xA2, 0x03, 0x02, 0x01, result.rawValue] as [UInt8])
            switch diagnostic {
            case .serviceUser(let d): w.write([0xA3, 0x05, 0xA1, 0x03, 0x02, 0x01, d] as [UInt8])
            case .serviceProvider(let d): w.write([0xA3, 0x05, 0xA2, 0x03, 0x02, 0x01, d] as [UInt8])
            }
            if let title = respondingAPTitle { ACSEFields.encodeAPTitle(title, tag: 0xA4, into: &w) }
            if let mechanism {
                BER.write(tag: 0x88, bytes: ACSEFields.authenticationRequirement, into: &w)
                mechanism.encode(tag: 0x89, into: &w)
            }
            if let value = respondingAuthenticationValue {
                ACSEFields.encodeAuthenticationValue(value, tag: 0xAA, into: &w)
            }
            switch userInformation {
            case nil: break
            case .initiateResponse(let r)?:
                ACSEFields.encodeUserInformation(into: &w) { inner in r.encode(into: &inner) }
            case .confirmedServiceError(let e)?:
                ACSEFields.encodeUserInformation(into: &w) { inner in e.encode(into: &inner) }
            }
        }
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 64)
        encode(into: &w)
        return w.bytes
    }

    /// Reads one AARE (tag 61 included) and moves `reader` past it.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> AARE {
        var body = try BER.readElement(&reader, tag: Self.tag, context: "AARE")
        var context: ApplicationContextName?
        var result: AssociationResult?
        var diagnostic: SourceDiagnostic?
        var title: [UInt8]?
        var mechanism: MechanismName?
        var stoc: [UInt8]?
        var info: AAREUserInformation?
        while !body.isAtEnd {
            var (tag, contents) = try BER.readElement(&body, context: "AARE")
            switch tag {
            case 0xA1: context = try ApplicationContextName.decode(contentsOfA1: &contents)
            case 0xA2:
                let raw = try BER.readSmallInteger(&contents, context: "AARE result")
                try BER.expectEnd(contents)
                guard let r = AssociationResult(rawValue: raw) else { throw .invalidValue(context: "AARE result") }
                result = r
            case 0xA3:
                let (source, inner) = try BER.readElement(&contents, context: "AARE result-source-diagnostic")
                try BER.expectEnd(contents)
                var value = inner
                let d = try BER.readSmallInteger(&value, context: "AARE result-source-diagnostic")
                try BER.expectEnd(value)
                switch source {
                case 0xA1: diagnostic = .serviceUser(d)
                case 0xA2: diagnostic = .serviceProvider(d)
                default: throw .unknownTag(source, context: "AARE result-source-diagnostic")
                }
            case 0xA4: title = try ACSEFields.decodeAPTitle(&contents)
            case 0x89: mechanism = try MechanismName.decode(contents: &contents)
            case 0xAA: stoc = try ACSEFields.decodeAuthenticationValue(&contents)
            case 0xBE:
                var pdu = try ACSEFields.decodeUserInformation(&contents)
                switch pdu.peek() {
                case InitiateResponse.tag?: info = .initiateResponse(try InitiateResponse.decode(from: &pdu))
                case ConfirmedServiceError.tag?: info = .confirmedServiceError(try ConfirmedServiceError.decode(from: &pdu))
                case let other?: throw .unknownTag(other, context: "AARE user-information")
                case nil: throw .truncated(needed: 1, available: 0)
                }
                try BER.expectEnd(pdu)
            default:
                guard BER.isContextSpecific(tag) else { throw .unknownTag(tag, context: "AARE") }
            }
        }
        guard let context else { throw .invalidValue(context: "AARE application-context-name missing") }
        guard let result else { throw .invalidValue(context: "AARE result missing") }
        guard let diagnostic else { throw .invalidValue(context: "AARE result-source-diagnostic missing") }
        return AARE(applicationContext: context, result: result, diagnostic: diagnostic, respondingAPTitle: title,
                    mechanism: mechanism, respondingAuthenticationValue: stoc, userInformation: info)
    }
}

extension AARE: CustomStringConvertible {
    /// The responding authentication value (HLS challenge) is hidden as `StoC: ***`.
    public var description: String {
        var parts = ["AARE \(applicationContext)", "result \(result)", "diagnostic \(diagnostic)"]
        if let title = respondingAPTitle { parts.append("responding-AP-title \(Hex.string(title, separator: ""))") }
        if let mechanism { parts.append("mechanism \(mechanism)") }
        if respondingAuthenticationValue != nil { parts.append("StoC: ***") }
        switch userInformation {
        case .initiateResponse(let r)?: parts.append(r.description)
        case .confirmedServiceError(let e)?: parts.append(e.description)
        case nil: break
        }
        return parts.joined(separator: ", ")
    }
}

extension SourceDiagnostic: CustomStringConvertible {
    public var description: String {
        switch self {
        case .serviceUser(let d): "acse-service-user \(d)"
        case .serviceProvider(let d): "acse-service-provider \(d)"
        }
    }
}
