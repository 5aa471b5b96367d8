/// Frame format type 3 coding (IEC 62056-46 §6.4; PROTOCOL.md §1):
/// `7E | A/S/length (2) | destination | source | control | HCS (2) | information | FCS (2) | 7E`.
///
/// - The 11-bit length counts every byte between the flags; S (0x08 in the first format
///   byte) marks a segment that more segments follow.
/// - The HCS covers the format field through the control byte and is present only when
///   there is an information field; the FCS covers the format field through the end of the
///   information. Both are CRC-16/X.25 sent low byte first (``CRC16``).
/// - There is no byte stuffing: a frame's end is found from its length field.
extension HDLCFrame {
    /// The smallest frame: format (2), two 1-byte addresses, control, FCS (2).
    static let minimumLength = 7
    /// The largest value the 11-bit length field holds.
    static let maximumLength = 0x7FF

    /// The whole frame, flags included.
    ///
    /// - Precondition: the frame fits the 11-bit length field (information up to 2030
    ///   bytes always does).
    public func encoded() -> [UInt8] {
        let headerLength = 2 + destination.size + source.size + 1
        let length = headerLength + (information.isEmpty ? 0 : 2 + information.count) + 2
        precondition(length <= Self.maximumLength, "HDLC frame too long for the 11-bit length field")
        var out: [UInt8] = []
        out.reserveCapacity(length + 2)
        out.append(0x7E)
        out.append(0xA0 | (segmented ? 0x08 : 0) | UInt8(truncatingIfNeeded: length >> 8))
        out.append(UInt8(truncatingIfNeeded: length))
        destination.append(to: &out)
        source.append(to: &out)
        out.append(control.byte)
        if !information.isEmpty {
            CRC16.append(CRC16.x25(out, range: 1..<out.count), to: &out)
            out.append(contentsOf: information)
        }
        CRC16.append(CRC16.x25(out, range: 1..<out.count), to: &out)
        out.append(0x7E)
        return out
    }

    /// Decodes exactly one frame, its opening and closing flags included.
    ///
    /// Errors, in the order checked: ``HDLCError/missingFlag`` (no opening flag),
    /// ``HDLCError/unsupportedFormat(_:)`` (format nibble not 0xA), ``HDLCError/badLength(_:)``
    /// (fewer or more bytes than the length field announces — so any truncation — or a
    /// length too short for a frame, or room for an HCS but no information),
    /// ``HDLCError/badAddress``, ``HDLCError/headerCheckFailed(expected:actual:)``,
    /// ``HDLCError/missingFlag`` (no closing flag), ``HDLCError/frameCheckFailed(expected:actual:)``,
    /// ``HDLCError/unknownControl(_:)``. In the CRC errors `expected` is the value computed
    /// from the bytes and `actual` the one the frame carries (both as numbers: the wire has
    /// the low byte first).
    public init(decoding bytes: [UInt8]) throws(HDLCError) {
        guard let first = bytes.first, first == 0x7E else { throw .missingFlag }
        guard bytes.count >= 3 else { throw .badLength(max(0, bytes.count - 2)) }
        guard bytes[1] & 0xF0 == 0xA0 else { throw .unsupportedFormat(bytes[1]) }
        let length = Int(bytes[1] & 0x07) << 8 | Int(bytes[2])
        guard length == bytes.count - 2 else { throw .badLength(length) }
        self = try Self.decode(bytes, start: 0, end: bytes.count)
    }

    /// Decodes the frame in `bytes[start..<end]` (flags included) without copying the
    /// input; used by ``HDLCStreamDecoder``. Same errors as ``init(decoding:)``.
    public static func decode(_ bytes: [UInt8], start: Int, end: Int) throws(HDLCError) -> HDLCFrame {
        guard start >= 0, end <= bytes.count, start < end else { throw .missingFlag }
        guard bytes[start] == 0x7E else { throw .missingFlag }
        let header = try parseHeader(bytes, start: start, end: end)
        guard bytes[end - 1] == 0x7E else { throw .missingFlag }
        let fcsIndex = end - 3
        let fcs = CRC16.x25(bytes, range: start + 1..<fcsIndex)
        let actual = CRC16.wireValue(bytes, at: fcsIndex)
        guard fcs == actual else { throw .frameCheckFailed(expected: fcs, actual: actual) }
        let control = try HDLCControl(byte: header.controlByte)
        let information = header.hasInformation ? Array(bytes[header.controlIndex + 3..<fcsIndex]) : []
        return HDLCFrame(destination: header.destination, source: header.source, control: control,
                         segmented: header.segmented, information: information)
    }

    /// What the bytes before the information field say, once checked.
    struct Header {
        var destination: HDLCAddress
        var source: HDLCAddress
        var controlByte: UInt8
        var controlIndex: Int
        var segmented: Bool
        /// True when the frame has an information field, so its HCS exists and was checked.
        var hasInformation: Bool
    }

    /// The most bytes a header occupies, opening flag and HCS included
    /// (`7E`, format 2, addresses 4 + 4, control, HCS 2).
    static let maximumHeaderSpan = 14

    /// Checks the format field, the length against `end`, both addresses and, when the
    /// frame has information, the HCS. Reads only `bytes[start..<min(end, start + 14)]`,
    /// so the stream decoder can judge a header before the rest of the frame arrives.
    /// The closing flag and the FCS are not looked at.
    static func parseHeader(_ bytes: [UInt8], start: Int, end: Int) throws(HDLCError) -> Header {
        guard end - start >= 3 else { throw .badLength(max(0, end - start - 2)) }
        let f1 = bytes[start + 1]
        guard f1 & 0xF0 == 0xA0 else { throw .unsupportedFormat(f1) }
        let length = Int(f1 & 0x07) << 8 | Int(bytes[start + 2])
        guard length == end - start - 2, length >= minimumLength else { throw .badLength(length) }
        let fcsIndex = end - 3
        var index = start + 3
        // Addresses and control must end before the FCS.
        let destination = try HDLCAddress.decode(bytes, at: &index, limit: fcsIndex - 2)
        let source = try HDLCAddress.decode(bytes, at: &index, limit: fcsIndex - 1)
        let controlIndex = index
        let controlByte = bytes[controlIndex]
        let afterControl = controlIndex + 1
        let hasInformation: Bool
        switch fcsIndex - afterControl {
        case 0:
            hasInformation = false
        case 1...2:
            // Room for an HCS but for no information byte after it.
            throw .badLength(length)
        default:
            hasInformation = true
            let hcs = CRC16.x25(bytes, range: start + 1..<afterControl)
            let actual = CRC16.wireValue(bytes, at: afterControl)
            guard hcs == actual else { throw .headerCheckFailed(expected: hcs, actual: actual) }
        }
        return Header(destination: destination, source: source, controlByte: controlByte,
                      controlIndex: controlIndex, segmented: f1 & 0x08 != 0,
                      hasInformation: hasInformation)
    }
}

extension HDLCFrame: CustomStringConvertible {
    /// For traces: control, source → destination, information length, `SEG` when the
    /// S bit is set; e.g. `I(ns=0,nr=0,P) 0x41→1/0x3FFF(4) 16 bytes SEG`.
    public var description: String {
        "\(control) \(source)→\(destination) \(information.count) bytes" + (segmented ? " SEG" : "")
    }
}
