// MARK: - A-XDR coding (Green Book §9.4.6.1, xDLMS-Initiate.req / .res)

extension Conformance {
    /// Writes `5F 1F 04 00 b0 b1 b2`: [APPLICATION 31] IMPLICIT BIT STRING of 24 bits
    /// (length 4, no unused bits, three bytes).
    public func encode(into writer: inout ByteWriter) {
        writer.write([0x5F, 0x1F, 0x04, 0x00] as [UInt8])
        writer.write(UInt8(truncatingIfNeeded: rawValue >> 16))
        writer.write(UInt8(truncatingIfNeeded: rawValue >> 8))
        writer.write(UInt8(truncatingIfNeeded: rawValue))
    }

    /// Reads `5F 1F 04 00 b0 b1 b2`.
    /// - Throws: `.unknownTag` when the tag is not `5F 1F`, `.invalidValue` for another
    ///   length or unused-bits count, `.truncated` when bytes are missing.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> Conformance {
        let t0 = try reader.readByte()
        guard t0 == 0x5F else { throw .unknownTag(t0, context: "conformance") }
        let t1 = try reader.readByte()
        guard t1 == 0x1F else { throw .unknownTag(t1, context: "conformance") }
        guard try reader.readByte() == 0x04, try reader.readByte() == 0x00 else {
            throw .invalidValue(context: "conformance")
        }
        let value = try reader.readBigEndian(3)
        return Conformance(rawValue: UInt32(truncatingIfNeeded: value))
    }
}

extension Conformance: CustomStringConvertible {
    private static let names: [(Conformance, String)] = [
        (.generalProtection, "general-protection"), (.generalBlockTransfer, "general-block-transfer"),
        (.read, "read"), (.write, "write"), (.unconfirmedWrite, "unconfirmed-write"),
        (.attribute0SupportedWithSet, "attribute0-set"), (.priorityManagement, "priority-mgmt"),
        (.attribute0SupportedWithGet, "attribute0-get"), (.blockTransferWithGet, "block-get"),
        (.blockTransferWithSet, "block-set"), (.blockTransferWithAction, "block-action"),
        (.multipleReferences, "multiple-references"), (.informationReport, "information-report"),
        (.dataNotification, "data-notification"), (.access, "access"),
        (.parameterizedAccess, "parameterized-access"), (.get, "get"), (.set, "set"),
        (.selectiveAccess, "selective-access"), (.eventNotification, "event-notification"),
        (.action, "action"),
    ]

    /// `00 7E 1F [priority-mgmt, attribute0-get, …]`.
    public var description: String {
        let bytes = [UInt8(truncatingIfNeeded: rawValue >> 16), UInt8(truncatingIfNeeded: rawValue >> 8),
                     UInt8(truncatingIfNeeded: rawValue)]
        let named = Self.names.filter { contains($0.0) }.map(\.1)
        return Hex.string(bytes) + " [" + named.joined(separator: ", ") + "]"
    }
}
