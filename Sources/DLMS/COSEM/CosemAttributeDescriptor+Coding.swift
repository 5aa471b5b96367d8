/// Cosem-Attribute-Descriptor and Cosem-Method-Descriptor (Green Book §9.3, LN
/// referencing; PROTOCOL.md §3): `class-id(2) instance-id(6) attribute|method-id(1)`,
/// and their text form `CLASS/OBIS/INDEX`, e.g. `1/0.0.96.1.0.255/2`.
extension CosemAttributeDescriptor: CustomStringConvertible, LosslessStringConvertible {
    /// The encoded size: 2 + 6 + 1 bytes.
    public static let byteCount = 9

    public func encode(into writer: inout ByteWriter) {
        writer.write(classID)
        writer.write(instance.bytes)
        writer.write(UInt8(bitPattern: attribute))
    }

    /// Reads 9 bytes; on error the cursor is unchanged.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> CosemAttributeDescriptor {
        let (classID, instance, index) = try decodeDescriptorFields(from: &reader)
        return CosemAttributeDescriptor(classID: classID, instance: instance, attribute: index)
    }

    /// `1/0.0.96.1.0.255/2`.
    public var description: String {
        String(classID) + "/" + instance.description + "/" + String(attribute)
    }

    /// Parses `CLASS/OBIS/ATTRIBUTE` (class 0…65535, OBIS as ``OBISCode/init(_:)``,
    /// attribute −128…127).
    public init?(_ text: String) {
        guard let (classID, instance, index) = parseDescriptorText(text) else { return nil }
        self.init(classID: classID, instance: instance, attribute: index)
    }
}

extension CosemMethodDescriptor: CustomStringConvertible, LosslessStringConvertible {
    /// The encoded size: 2 + 6 + 1 bytes.
    public static let byteCount = 9

    public func encode(into writer: inout ByteWriter) {
        writer.write(classID)
        writer.write(instance.bytes)
        writer.write(UInt8(bitPattern: method))
    }

    /// Reads 9 bytes; on error the cursor is unchanged.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> CosemMethodDescriptor {
        let (classID, instance, index) = try decodeDescriptorFields(from: &reader)
        return CosemMethodDescriptor(classID: classID, instance: instance, method: index)
    }

    /// `15/0.0.40.0.0.255/1`.
    public var description: String {
        String(classID) + "/" + instance.description + "/" + String(method)
    }

    /// Parses `CLASS/OBIS/METHOD`.
    public init?(_ text: String) {
        guard let (classID, instance, index) = parseDescriptorText(text) else { return nil }
        self.init(classID: classID, instance: instance, method: index)
    }
}

private func decodeDescriptorFields(from reader: inout ByteReader)
    throws(DLMSDecodingError) -> (UInt16, OBISCode, Int8)
{
    guard reader.remaining >= CosemAttributeDescriptor.byteCount else {
        throw .truncated(needed: CosemAttributeDescriptor.byteCount, available: reader.remaining)
    }
    let classID = try reader.readUInt16()
    let obis = OBISCode(try reader.readByte(), try reader.readByte(), try reader.readByte(),
                        try reader.readByte(), try reader.readByte(), try reader.readByte())
    let index = Int8(bitPattern: try reader.readByte())
    return (classID, obis, index)
}

private func parseDescriptorText(_ text: String) -> (UInt16, OBISCode, Int8)? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3,
          parts[0].utf8.count <= 5, parts[0].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
          let classID = UInt16(parts[0]),
          let obis = OBISCode(String(parts[1])),
          parts[2].utf8.count <= 4, let index = Int8(parts[2])
    else { return nil }
    return (classID, obis, index)
}
