/// An IPv4 address as the IPv4 setup object (class 42) carries it: a double-long-unsigned
/// whose most significant byte is the first group of the dotted quad
/// (`192.168.1.10` ⇄ 0xC0A8010A).
public struct IPv4Address: RawRepresentable, Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        rawValue = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses a dotted quad: four decimal groups 0…255 of 1 to 3 digits, nothing else.
    public init?(_ text: String) {
        var groups: [UInt32] = []
        var value: UInt32 = 0
        var digits = 0
        for c in text.utf8 {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 3 else { return nil }
                value = value * 10 + UInt32(c - UInt8(ascii: "0"))
            } else if c == UInt8(ascii: ".") {
                guard digits > 0, value <= 255, groups.count < 3 else { return nil }
                groups.append(value)
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, value <= 255, groups.count == 3 else { return nil }
        groups.append(value)
        rawValue = groups[0] << 24 | groups[1] << 16 | groups[2] << 8 | groups[3]
    }

    /// The four bytes, first group first.
    public var octets: [UInt8] {
        [UInt8(rawValue >> 24), UInt8(truncatingIfNeeded: rawValue >> 16),
         UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue)]
    }

    /// `a.b.c.d`.
    public var description: String { octets.map { String($0) }.joined(separator: ".") }
}
