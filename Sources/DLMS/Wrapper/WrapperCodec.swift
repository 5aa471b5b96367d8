/// The IEC 62056-47 (DLMS/COSEM over TCP/UDP) wrapper: an 8-byte header before each APDU,
///
///     00 01 | source wPort u16 | destination wPort u16 | length u16 | APDU (length bytes)
///
/// all big-endian (Green Book §7.3.3.4, "the wrapper protocol data unit"). Pure codec in
/// the NIO manner: ``decode(_:)`` returns nil until a whole PDU is buffered. A wrapper
/// session (the `--wrapper` link) is built on it elsewhere.
public struct WrapperCodec: Sendable {
    /// One wrapper PDU.
    public struct PDU: Sendable, Hashable {
        public var source: UInt16
        public var destination: UInt16
        public var apdu: [UInt8]
        public init(source: UInt16, destination: UInt16, apdu: [UInt8]) {
            self.source = source; self.destination = destination; self.apdu = apdu
        }
    }

    /// Why bytes are not a wrapper PDU.
    public enum DecodingError: Error, Equatable, Sendable {
        /// The version field is not 0x0001.
        case unsupportedVersion(UInt16)
    }

    public static let version: UInt16 = 1
    public static let headerLength = 8

    private var buffer: [UInt8] = []

    public init() {}

    /// The header and APDU as bytes; an APDU longer than 65535 bytes cannot be wrapped.
    public static func encode(_ pdu: PDU) -> [UInt8]? {
        guard pdu.apdu.count <= Int(UInt16.max) else { return nil }
        let length = UInt16(pdu.apdu.count)
        return [0x00, 0x01,
                UInt8(pdu.source >> 8), UInt8(pdu.source & 0xFF),
                UInt8(pdu.destination >> 8), UInt8(pdu.destination & 0xFF),
                UInt8(length >> 8), UInt8(length & 0xFF)] + pdu.apdu
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) { buffer += bytes }

    /// The next whole PDU, or nil when more bytes are needed.
    /// - Throws: `.unsupportedVersion` (the stream is then out of step; the caller should
    ///   drop the connection).
    public mutating func decode() throws(DecodingError) -> PDU? {
        guard buffer.count >= Self.headerLength else { return nil }
        let version = UInt16(buffer[0]) << 8 | UInt16(buffer[1])
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let length = Int(UInt16(buffer[6]) << 8 | UInt16(buffer[7]))
        guard buffer.count >= Self.headerLength + length else { return nil }
        let pdu = PDU(source: UInt16(buffer[2]) << 8 | UInt16(buffer[3]),
                      destination: UInt16(buffer[4]) << 8 | UInt16(buffer[5]),
                      apdu: Array(buffer[Self.headerLength..<Self.headerLength + length]))
        buffer.removeFirst(Self.headerLength + length)
        return pdu
    }
}
