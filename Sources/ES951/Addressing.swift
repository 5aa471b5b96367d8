/// The logical address an ES-951 derives from its serial number (ES951-MAP.md, manual
/// В3.2): the digits read as a number, `% 10000 + 1000`. It is the lower HDLC address of
/// the server (4-byte form). Serial 95100001 → 1001.
///
/// - Returns: nil for an empty serial or one with anything but ASCII digits.
/// - Complexity: O(n); serials of any length work (only the remainder is kept).
public func logicalAddress(serial: String) -> UInt16? {
    logicalAddress(serial: serial, modulus: 10000, offset: 1000)
}

/// As `logicalAddress(serial:)`, with the formula's constants given (a map file's).
public func logicalAddress(serial: String, modulus: UInt64, offset: UInt16) -> UInt16? {
    guard modulus > 0, !serial.isEmpty else { return nil }
    var remainder: UInt64 = 0
    for c in serial.utf8 {
        guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
        // (r·10 + d) mod m stays below m·10 + 10, no overflow for any UInt16-sized result.
        let (product, overflow) = remainder.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        remainder = (product + UInt64(c - UInt8(ascii: "0"))) % modulus
    }
    let (sum, overflow) = remainder.addingReportingOverflow(UInt64(offset))
    guard !overflow, sum <= UInt64(UInt16.max) else { return nil }
    return UInt16(sum)
}
