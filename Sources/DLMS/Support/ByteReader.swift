/// A cursor over bytes for the decoders of every layer.
///
/// Reads are big-endian (A-XDR, BER lengths, HDLC fields). A read past the end throws
/// ``DLMSDecodingError/truncated(needed:available:)`` and leaves the cursor where it was,
/// so a streaming caller can wait for more data.
public struct ByteReader: Sendable {
    public let bytes: [UInt8]
    public private(set) var offset: Int
    private let end: Int

    public init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = end ?? bytes.count
    }

    @inlinable public var remaining: Int { endIndex - offset }
    @inlinable public var isAtEnd: Bool { offset >= endIndex }
    public var endIndex: Int { end }

    /// The next byte without consuming it, or nil at the end.
    public func peek() -> UInt8? { offset < end ? bytes[offset] : nil }

    public mutating func readByte() throws(DLMSDecodingError) -> UInt8 {
        guard offset < end else { throw .truncated(needed: 1, available: 0) }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func readBytes(_ count: Int) throws(DLMSDecodingError) -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw .truncated(needed: count, available: remaining)
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func skip(_ count: Int) throws(DLMSDecodingError) {
        guard count >= 0, count <= remaining else {
            throw .truncated(needed: count, available: remaining)
        }
        offset += count
    }

    public mutating func readUInt16() throws(DLMSDecodingError) -> UInt16 {
        UInt16(truncatingIfNeeded: try readBigEndian(2))
    }

    public mutating func readUInt32() throws(DLMSDecodingError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readBigEndian(4))
    }

    public mutating func readUInt64() throws(DLMSDecodingError) -> UInt64 {
        try readBigEndian(8)
    }

    /// Reads `count` (≤ 8) bytes as one big-endian unsigned number.
    public mutating func readBigEndian(_ count: Int) throws(DLMSDecodingError) -> UInt64 {
        guard count <= remaining else { throw .truncated(needed: count, available: remaining) }
        var value: UInt64 = 0
        for i in 0..<count { value = value << 8 | UInt64(bytes[offset + i]) }
        offset += count
        return value
    }

    /// Reads the A-XDR / BER length form: one byte below 0x80, else `8n` followed by n
    /// big-endian bytes (n = 1…4).
    public mutating func readLength() throws(DLMSDecodingError) -> Int {
        let first = try readByte()
        if first < 0x80 { return Int(first) }
        let n = Int(first & 0x7F)
        guard (1...4).contains(n) else {
            offset -= 1
            throw .invalidLength(first)
        }
        guard n <= remaining else {
            let available = remaining
            offset -= 1
            throw .truncated(needed: n, available: available)
        }
        let value = try readBigEndian(n)
        guard value <= UInt64(Int32.max) else { throw .lengthOutOfRange(Int(clamping: value)) }
        return Int(value)
    }
}
