/// The few BER (ITU-T X.690) pieces ACSE needs: single-byte tags and definite lengths.
///
/// ACSE APDUs (AARQ, AARE, RLRQ, RLRE; ISO 8650-1 as profiled by IEC 62056-5-3 /
/// Green Book §9.3.2) are BER; the xDLMS PDUs inside them are A-XDR. Lengths use the
/// same forms as A-XDR (``ByteReader/readLength()``): a short form below 0x80 and the
/// long forms `81 n`, `82 nn`, … Long forms that a short form could hold (`82 00 29`,
/// seen from real meters) are accepted; the encoder always writes the shortest form.
enum BER {
    /// Reads one element with a single-byte tag. Returns the tag and a reader over the
    /// contents, and moves `reader` past the element.
    /// - Throws: `.unknownTag` for a multi-byte tag (low five bits all set),
    ///   `.truncated` when the contents run past the end of `reader`.
    static func readElement(_ reader: inout ByteReader, context: String) throws(DLMSDecodingError)
        -> (tag: UInt8, contents: ByteReader) {
        let tag = try reader.readByte()
        // A multi-byte tag (0x1F in the low bits) never occurs in the ACSE APDUs we read.
        guard tag & 0x1F != 0x1F else { throw .unknownTag(tag, context: context) }
        let length = try reader.readLength()
        guard length <= reader.remaining else { throw .truncated(needed: length, available: reader.remaining) }
        let contents = ByteReader(reader.bytes, from: reader.offset, to: reader.offset + length)
        try reader.skip(length)
        return (tag, contents)
    }

    /// Reads one element and checks its tag.
    static func readElement(_ reader: inout ByteReader, tag expected: UInt8, context: String)
        throws(DLMSDecodingError) -> ByteReader {
        guard let tag = reader.peek() else { throw .truncated(needed: 1, available: 0) }
        guard tag == expected else { throw .unknownTag(tag, context: context) }
        return try readElement(&reader, context: context).contents
    }

    /// Writes `tag`, the shortest length and the contents `body` writes.
    static func write(tag: UInt8, into writer: inout ByteWriter, _ body: (inout ByteWriter) -> Void) {
        var inner = ByteWriter()
        body(&inner)
        writer.write(tag)
        writer.writeLength(inner.count)
        writer.write(inner.bytes)
    }

    /// Writes `tag len bytes`.
    static func write(tag: UInt8, bytes: [UInt8], into writer: inout ByteWriter) {
        writer.write(tag)
        writer.writeLength(bytes.count)
        writer.write(bytes)
    }

    /// Throws `.trailingBytes` unless `reader` is exhausted.
    static func expectEnd(_ reader: ByteReader) throws(DLMSDecodingError) {
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
    }

    /// Reads the contents of an element that must be exactly `02 01 v` (INTEGER 0…255).
    static func readSmallInteger(_ reader: inout ByteReader, context: String) throws(DLMSDecodingError) -> UInt8 {
        var contents = try readElement(&reader, tag: 0x02, context: context)
        guard contents.remaining == 1 else { throw .invalidValue(context: context) }
        return try contents.readByte()
    }

    /// Reads `04 len bytes` (an OCTET STRING) and returns the bytes.
    static func readOctetString(_ reader: inout ByteReader, context: String) throws(DLMSDecodingError) -> ByteReader {
        try readElement(&reader, tag: 0x04, context: context)
    }

    /// Whether a tag is context-specific (class bits `10`), the kind ACSE decoders may skip.
    static func isContextSpecific(_ tag: UInt8) -> Bool { tag & 0xC0 == 0x80 }
}

extension ByteReader {
    /// The bytes still unread (for BER contents that are plain bytes).
    mutating func readRest() -> [UInt8] {
        // Cannot fail: remaining is exactly what is left.
        (try? readBytes(remaining)) ?? []
    }
}

// MARK: - Object identifiers of DLMS (Green Book §9.4.2.2.2)

extension ApplicationContextName {
    /// `60 85 74 05 08 01` + context id: joint-iso-ccitt(2) country(16) country-name(756)
    /// identified-organization(5) DLMS-UA(8) application-context(1).
    static let oidPrefix: [UInt8] = [0x60, 0x85, 0x74, 0x05, 0x08, 0x01]

    /// Reads the contents of A1: `06 07 60 85 74 05 08 01 x`.
    static func decode(contentsOfA1 contents: inout ByteReader) throws(DLMSDecodingError) -> ApplicationContextName {
        var oid = try BER.readElement(&contents, tag: 0x06, context: "application-context-name")
        try BER.expectEnd(contents)
        return try decode(oid: &oid, prefix: oidPrefix, context: "application-context-name")
    }

    static func decode(oid: inout ByteReader, prefix: [UInt8], context: String) throws(DLMSDecodingError) -> ApplicationContextName {
        let raw = try decodeOIDTail(&oid, prefix: prefix, context: context)
        guard let value = ApplicationContextName(rawValue: raw) else { throw .invalidValue(context: context) }
        return value
    }

    func encodeA1(into writer: inout ByteWriter) {
        writer.write([0xA1, 0x09, 0x06, 0x07] as [UInt8])
        writer.write(Self.oidPrefix)
        writer.write(rawValue)
    }
}

extension MechanismName {
    /// `60 85 74 05 08 02` + mechanism id (DLMS-UA authentication-mechanism-name(2)).
    static let oidPrefix: [UInt8] = [0x60, 0x85, 0x74, 0x05, 0x08, 0x02]

    /// Reads the contents of 8B / 89 (an implicit OBJECT IDENTIFIER).
    static func decode(contents: inout ByteReader) throws(DLMSDecodingError) -> MechanismName {
        let raw = try decodeOIDTail(&contents, prefix: oidPrefix, context: "mechanism-name")
        guard let value = MechanismName(rawValue: raw) else { throw .invalidValue(context: "mechanism-name") }
        return value
    }

    /// Writes `tag 07 60 85 74 05 08 02 m`.
    func encode(tag: UInt8, into writer: inout ByteWriter) {
        writer.write(tag); writer.write(UInt8(0x07))
        writer.write(Self.oidPrefix)
        writer.write(rawValue)
    }
}

/// Checks that `oid` is `prefix` + one byte and returns that byte.
private func decodeOIDTail(_ oid: inout ByteReader, prefix: [UInt8], context: String) throws(DLMSDecodingError) -> UInt8 {
    guard oid.remaining == prefix.count + 1 else { throw .invalidValue(context: context) }
    for expected in prefix {
        guard try oid.readByte() == expected else { throw .invalidValue(context: context) }
    }
    return try oid.readByte()
}

// MARK: - Authentication value and AP titles

enum ACSEFields {
    /// Reads the contents of AC / AA: `80 n value` (Authentication-value, charstring [0]).
    static func decodeAuthenticationValue(_ contents: inout ByteReader) throws(DLMSDecodingError) -> [UInt8] {
        var value = try BER.readElement(&contents, tag: 0x80, context: "authentication-value")
        try BER.expectEnd(contents)
        return value.readRest()
    }

    static func encodeAuthenticationValue(_ value: [UInt8], tag: UInt8, into writer: inout ByteWriter) {
        BER.write(tag: tag, into: &writer) { w in BER.write(tag: 0x80, bytes: value, into: &w) }
    }

    /// Reads the contents of an AP-title element: `04 n title`.
    static func decodeAPTitle(_ contents: inout ByteReader) throws(DLMSDecodingError) -> [UInt8] {
        var value = try BER.readOctetString(&contents, context: "AP-title")
        try BER.expectEnd(contents)
        return value.readRest()
    }

    static func encodeAPTitle(_ title: [UInt8], tag: UInt8, into writer: inout ByteWriter) {
        BER.write(tag: tag, into: &writer) { w in BER.write(tag: 0x04, bytes: title, into: &w) }
    }

    /// Writes `BE len 04 len <xDLMS PDU>`.
    static func encodeUserInformation(into writer: inout ByteWriter, _ body: (inout ByteWriter) -> Void) {
        BER.write(tag: 0xBE, into: &writer) { w in BER.write(tag: 0x04, into: &w, body) }
    }

    /// Reads the contents of BE: `04 len …` and returns a reader over the xDLMS PDU.
    static func decodeUserInformation(_ contents: inout ByteReader) throws(DLMSDecodingError) -> ByteReader {
        let pdu = try BER.readOctetString(&contents, context: "user-information")
        try BER.expectEnd(contents)
        return pdu
    }

    /// The acse-requirements bit string with the authentication bit: `02 07 80` inside 8A/88.
    static let authenticationRequirement: [UInt8] = [0x07, 0x80]
}
