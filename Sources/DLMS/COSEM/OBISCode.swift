/// An OBIS code (IEC 62056-6-1): six value groups A.B.C.D.E.F, the logical name of a
/// COSEM object. Parses and prints the dotted form `0.0.96.1.0.255`.
public struct OBISCode: Hashable, Sendable, Comparable {
    public var a: UInt8, b: UInt8, c: UInt8, d: UInt8, e: UInt8, f: UInt8

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8, _ f: UInt8) {
        (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
    }

    /// The six bytes as carried in a descriptor (octet-string of 6).
    public var bytes: [UInt8] { [a, b, c, d, e, f] }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 6 else { return nil }
        self.init(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5])
    }

    public static func < (l: OBISCode, r: OBISCode) -> Bool { l.bytes.lexicographicallyPrecedes(r.bytes) }
}
