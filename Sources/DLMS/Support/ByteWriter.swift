/// Accumulates bytes for the encoders of every layer (big-endian).
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    public mutating func write(_ byte: UInt8) { bytes.append(byte) }
    public mutating func write<C: Collection>(_ other: C) where C.Element == UInt8 {
        bytes.append(contentsOf: other)
    }
    public mutating func write(_ value: UInt16) {
        bytes.append(UInt8(value >> 8)); bytes.append(UInt8(truncatingIfNeeded: value))
    }
    public mutating func write(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }
    public mutating func write(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Writes the A-XDR / BER length in its shortest form (`n`, `81 n`, `82 nn`, `84 nnnn`).
    public mutating func writeLength(_ length: Int) {
        precondition(length >= 0)
        switch length {
        case ..<0x80: write(UInt8(length))
        case ..<0x100: write(UInt8(0x81)); write(UInt8(length))
        case ..<0x10000: write(UInt8(0x82)); write(UInt16(length))
        default: write(UInt8(0x84)); write(UInt32(length))
        }
    }

    /// Overwrites one byte already written (used to patch BER lengths).
    public mutating func set(_ byte: UInt8, at index: Int) { bytes[index] = byte }
}
