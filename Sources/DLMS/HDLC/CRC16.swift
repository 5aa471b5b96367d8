/// CRC-16/X.25 (ISO/IEC 13239, used for the HCS and FCS of IEC 62056-46 §6.4.1): polynomial
/// 0x1021 reflected (0x8408), initial value 0xFFFF, reflected input and output, final XOR
/// 0xFFFF. Check value: `x25("123456789") == 0x906E`.
///
/// On the wire the CRC is sent **low byte first**: CRC(`03 3F`) = 0xEC5B is sent `5B EC`.
public enum CRC16 {
    /// The 256-entry table of the reflected polynomial 0x8408.
    static let table: [UInt16] = (0..<256).map { i -> UInt16 in
        var c = UInt16(i)
        for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x8408 : c >> 1 }
        return c
    }

    /// CRC-16/X.25 of `bytes`.
    public static func x25<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable({ x25(buffer: $0) }) { return crc }
        return table.withUnsafeBufferPointer { t in
            var crc: UInt16 = 0xFFFF
            for b in bytes { crc = (crc >> 8) ^ t[Int(UInt8(truncatingIfNeeded: crc) ^ b)] }
            return ~crc
        }
    }

    /// CRC-16/X.25 of `bytes[range]`, without copying (the frame decoders' hot path).
    /// - Precondition: `range` lies within `bytes`.
    public static func x25(_ bytes: [UInt8], range: Range<Int>) -> UInt16 {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "CRC range out of bounds")
        return bytes.withUnsafeBufferPointer { x25(buffer: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    @inline(__always)
    static func x25(buffer: UnsafeBufferPointer<UInt8>) -> UInt16 {
        table.withUnsafeBufferPointer { t in
            var crc: UInt16 = 0xFFFF
            for b in buffer { crc = (crc >> 8) ^ t[Int(UInt8(truncatingIfNeeded: crc) ^ b)] }
            return ~crc
        }
    }

    /// Reads a CRC as sent on the wire (low byte first) at `index`, `index + 1`.
    @inline(__always)
    static func wireValue(_ bytes: [UInt8], at index: Int) -> UInt16 {
        UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
    }

    /// Appends `crc` as sent on the wire (low byte first).
    @inline(__always)
    static func append(_ crc: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: crc)); bytes.append(UInt8(truncatingIfNeeded: crc >> 8))
    }
}
