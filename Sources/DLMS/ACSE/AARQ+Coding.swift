/// AARQ coding (ISO 8650-1 AARQ-apdu as profiled by Green Book §9.3.2 / IEC 62056-5-3;
/// component order from u9n protocol/acse/aarq.py):
///
/// ```
/// 60 len
///    A1 09 06 07 60 85 74 05 08 01 cc        application-context-name
///    A6 len 04 n <system title>              calling-AP-title (optional)
///    8A 02 07 80                             sender-acse-requirements (when a mechanism is set)
///    8B 07 60 85 74 05 08 02 mm              mechanism-name
///    AC len 80 n <password>                  calling-authentication-value (optional)
///    BE len 04 n <InitiateRequest>           user-information (optional)
/// ```
///
/// The decoder takes the components in any order and skips context-specific ones it
/// does not use (protocol-version 80, called-* A2…A5, calling-AE-* A7…A9, AD…).
extension AARQ {
    public static let tag: UInt8 = 0x60

    public func encode(into writer: inout ByteWriter) {
        BER.write(tag: Self.tag, into: &writer) { w in
            applicationContext.encodeA1(into: &w)
            if let title = callingAPTitle { ACSEFields.encodeAPTitle(title, tag: 0xA6, into: &w) }
            if let mechanism {
                BER.write(tag: 0x8A, bytes: ACSEFields.authenticationRequirement, into: &w)
                mechanism.encode(tag: 0x8B, into: &w)
            }
            if let value = authenticationValue { ACSEFields.encodeAuthenticationValue(value, tag: 0xAC, into: &w) }
            if let info = userInformation {
                ACSEFields.encodeUserInformation(into: &w) { inner in info.encode(into: &inner) }
            }
        }
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 64)
        encode(into: &w)
        return w.bytes
    }

    /// Reads one AARQ (tag 60 included) and moves `reader` past it.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> AARQ {
        var body = try BER.readElement(&reader, tag: Self.tag, context: "AARQ")
        var context: ApplicationContextName?
        var title: [UInt8]?
        var mechanism: MechanismName?
        var password: [UInt8]?
        var info: InitiateRequest?
        while !body.isAtEnd {
            var (tag, contents) = try BER.readElement(&body, context: "AARQ")
            switch tag {
            case 0xA1: context = try ApplicationContextName.decode(contentsOfA1: &contents)
            case 0xA6: title = try ACSEFields.decodeAPTitle(&contents)
            case 0x8B: mechanism = try MechanismName.decode(contents: &contents)
            case 0xAC: password = try ACSEFields.decodeAuthenticationValue(&contents)
            case 0xBE:
                var pdu = try ACSEFields.decodeUserInformation(&contents)
                info = try InitiateRequest.decode(from: &pdu)
                try BER.expectEnd(pdu)
            default:
                // 8A sender-acse-requirements carries nothing we need: the mechanism
                // name says which authentication is used.
                guard BER.isContextSpecific(tag) else { throw .unknownTag(tag, context: "AARQ") }
            }
        }
        guard let context else { throw .invalidValue(context: "AARQ application-context-name missing") }
        return AARQ(applicationContext: context, callingAPTitle: title, mechanism: mechanism,
                    authenticationValue: password, userInformation: info)
    }
}

extension AARQ: CustomStringConvertible {
    /// Never shows the password, not even its length: `password: ***`.
    public var description: String {
        var parts = ["AARQ \(applicationContext)"]
        if let title = callingAPTitle { parts.append("calling-AP-title \(Hex.string(title, separator: ""))") }
        if let mechanism { parts.append("mechanism \(mechanism)") }
        if authenticationValue != nil { parts.append("password: ***") }
        if let info = userInformation { parts.append(info.description) }
        return parts.joined(separator: ", ")
    }
}

extension AARQ: CustomDebugStringConvertible {
    /// The same as `description`: the password stays hidden in debug output too.
    public var debugDescription: String { description }
}
