/// Why bytes were not accepted as an HDLC frame, or a frame not accepted by the link.
public enum HDLCError: Error, Hashable, Sendable {
    /// The frame does not start or end with the 0x7E flag.
    case missingFlag
    /// The format field's top nibble is not 0xA (frame format type 3).
    case unsupportedFormat(UInt8)
    /// The length field disagrees with the bytes present (too short to hold a frame,
    /// or fewer bytes than it announces).
    case badLength(Int)
    /// An address with no terminating bit within 4 bytes, or of a size other than 1, 2, 4.
    case badAddress
    /// The header check sequence does not match the header.
    case headerCheckFailed(expected: UInt16, actual: UInt16)
    /// The frame check sequence does not match the frame.
    case frameCheckFailed(expected: UInt16, actual: UInt16)
    /// A control byte that is no HDLC command or response.
    case unknownControl(UInt8)
    /// A frame with an information field where its type allows none, or vice versa.
    case unexpectedInformation
    /// A frame addressed to someone else (or from an unexpected peer).
    case addressMismatch(destination: HDLCAddress, source: HDLCAddress)
    /// SNRM/UA parameters that cannot be parsed.
    case badParameters
    /// A frame whose N(S) is not the one expected (a frame was lost before it).
    case sequenceError(expected: UInt8, received: UInt8)
    /// An information field longer than negotiated.
    case informationTooLong(Int, max: Int)
    /// Segments of one APDU that add up to more than the link accepts (`max` bytes): a
    /// device that never sends the last segment.
    case apduTooLong(max: Int)
}
