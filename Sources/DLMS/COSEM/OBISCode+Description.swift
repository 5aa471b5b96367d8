/// Text forms of an OBIS code (IEC 62056-6-1 §4): the dotted form `0.0.96.1.0.255`
/// (printed and parsed) and the standard's display form `A-B:C.D.E*F` (parsed).
extension OBISCode: CustomStringConvertible, LosslessStringConvertible {
    /// `a.b.c.d.e.f` in decimal, e.g. `0.0.96.1.0.255`.
    public var description: String {
        String(a) + "." + String(b) + "." + String(c) + "." + String(d) + "." + String(e) + "." + String(f)
    }

    /// Parses `A.B.C.D.E.F` or `A-B:C.D.E*F`: six decimal groups 0…255 of 1 to 3 digits,
    /// nothing before, between or after them. Nil for anything else.
    public init?(_ text: String) {
        let dotted: [UInt8] = Array(".....".utf8)
        let display: [UInt8] = Array("-:..*".utf8)
        var groups: [UInt8] = []
        var separators: [UInt8] = []
        var value = 0
        var digits = 0
        for c in text.utf8 {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 3 else { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
            } else {
                guard digits > 0, value <= 255, groups.count < 5 else { return nil }
                groups.append(UInt8(value))
                separators.append(c)
                value = 0
                digits = 0
            }
        }
        guard digits > 0, value <= 255, groups.count == 5 else { return nil }
        groups.append(UInt8(value))
        guard separators == dotted || separators == display else { return nil }
        self.init(groups[0], groups[1], groups[2], groups[3], groups[4], groups[5])
    }
}
