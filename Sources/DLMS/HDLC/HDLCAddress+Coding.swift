/// Address coding (IEC 62056-46 §6.4.2.3; PROTOCOL.md §1 "Addresses"): 7 address bits per
/// byte shifted left by one, bit 0 set on the last byte of the address.
extension HDLCAddress {
    /// Writes the address in its `size`-byte form (1, 2 or 4; any other size is written
    /// as 4 bytes). Parts wider than their form are truncated to it (7 or 14 bits).
    public func encode(into writer: inout ByteWriter) {
        var out: [UInt8] = []
        out.reserveCapacity(4)
        append(to: &out)
        writer.write(out)
    }

    /// Appends the wire form to `bytes` (the frame encoder's path).
    func append(to bytes: inout [UInt8]) {
        let l = lower ?? 0
        switch size {
        case 1:
            bytes.append(UInt8(truncatingIfNeeded: (upper & 0x7F) << 1 | 1))
        case 2:
            bytes.append(UInt8(truncatingIfNeeded: (upper & 0x7F) << 1))
            bytes.append(UInt8(truncatingIfNeeded: (l & 0x7F) << 1 | 1))
        default:
            bytes.append(UInt8(truncatingIfNeeded: (upper >> 7 & 0x7F) << 1))
            bytes.append(UInt8(truncatingIfNeeded: (upper & 0x7F) << 1))
            bytes.append(UInt8(truncatingIfNeeded: (l >> 7 & 0x7F) << 1))
            bytes.append(UInt8(truncatingIfNeeded: (l & 0x7F) << 1 | 1))
        }
    }

    /// Reads an address by scanning for the byte with bit 0 set.
    ///
    /// 1 byte → `upper` only (`lower` nil); 2 bytes → 7-bit upper and lower; 4 bytes →
    /// 14-bit upper and lower. Throws ``HDLCError/badAddress`` for a 3-byte address, when
    /// no terminator appears within 4 bytes, or when the reader ends first. The reader
    /// does not move when it throws.
    public static func decode(from reader: inout ByteReader) throws(HDLCError) -> HDLCAddress {
        var index = reader.offset
        let address = try decode(reader.bytes, at: &index, limit: reader.endIndex)
        do { try reader.skip(index - reader.offset) } catch { throw .badAddress }
        return address
    }

    /// Reads an address from `bytes[index..<limit]` and moves `index` past it.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: inout Int, limit: Int) throws(HDLCError) -> HDLCAddress {
        let start = index
        let scanEnd = min(start + 4, limit, bytes.count)
        var i = start
        while i < scanEnd {
            if bytes[i] & 1 != 0 { break }
            i += 1
        }
        guard i < scanEnd else { throw .badAddress }
        let size = i - start + 1
        switch size {
        case 1:
            index = i + 1
            return HDLCAddress(upper: UInt16(bytes[start] >> 1), lower: nil, size: 1)
        case 2:
            index = i + 1
            return HDLCAddress(upper: UInt16(bytes[start] >> 1), lower: UInt16(bytes[start + 1] >> 1), size: 2)
        case 4:
            index = i + 1
            let upper = UInt16(bytes[start] >> 1) << 7 | UInt16(bytes[start + 1] >> 1)
            let lower = UInt16(bytes[start + 2] >> 1) << 7 | UInt16(bytes[start + 3] >> 1)
            return HDLCAddress(upper: upper, lower: lower, size: 4)
        default:
            throw .badAddress
        }
    }
}

extension HDLCAddress: CustomStringConvertible {
    /// For traces: a 1-byte address as its wire byte (`0x41` = client SAP 32, `0x03` =
    /// server upper 1); a wider one as `upper/0xLOWER(size)`, e.g. `1/0x11(2)`, `1/0x3FFF(4)`.
    public var description: String {
        if size == 1 { return "0x" + hex(UInt16(upper & 0x7F) << 1 | 1, digits: 2) }
        return "\(upper)/0x" + hex(lower ?? 0, digits: size == 2 ? 2 : 4) + "(\(size))"
    }

    private func hex(_ value: UInt16, digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
