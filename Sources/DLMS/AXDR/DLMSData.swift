/// A value of the DLMS `Data` CHOICE, encoded in A-XDR (IEC 62056-6-2 / Green Book §9.5;
/// tags in PROTOCOL.md §4).
///
/// Strings keep their bytes as sent, so a value decodes and re-encodes byte for byte.
/// `description` prints the value for people and logs (see `DLMSData+Description.swift`).
public enum DLMSData: Hashable, Sendable {
    case null                                   // 00
    case array([DLMSData])                      // 01
    case structure([DLMSData])                  // 02
    case boolean(Bool)                          // 03
    case bitString(BitString)                   // 04
    case doubleLong(Int32)                      // 05
    case doubleLongUnsigned(UInt32)             // 06
    case octetString([UInt8])                   // 09
    case visibleString([UInt8])                 // 0A
    case utf8String([UInt8])                    // 0C
    case bcd(UInt8)                             // 0D
    case integer(Int8)                          // 0F
    case long(Int16)                            // 10
    case unsigned(UInt8)                        // 11
    case longUnsigned(UInt16)                   // 12
    case compactArray(CompactArray)             // 13
    case long64(Int64)                          // 14
    case long64Unsigned(UInt64)                 // 15
    case enumerated(UInt8)                      // 16
    case float32(UInt32)                        // 17, IEEE-754 bit pattern (exact round trip, NaN included)
    case float64(UInt64)                        // 18, IEEE-754 bit pattern
    case dateTime(COSEMDateTime)                // 19
    case date(COSEMDate)                        // 1A
    case time(COSEMTime)                        // 1B
    case dontCare                               // FF
}

/// An A-XDR bit-string: `count` bits, most significant bit of the first byte first.
public struct BitString: Hashable, Sendable {
    public var count: Int
    public var bytes: [UInt8]
    public init(count: Int, bytes: [UInt8]) { self.count = count; self.bytes = bytes }
}

/// A-XDR compact-array (tag 0x13): one type description, then the elements' contents
/// without their tags.
public struct CompactArray: Hashable, Sendable {
    public var type: TypeDescription
    public var elements: [DLMSData]
    public init(type: TypeDescription, elements: [DLMSData]) { self.type = type; self.elements = elements }
}

/// The type description of a compact-array (Green Book: TypeDescription CHOICE).
public indirect enum TypeDescription: Hashable, Sendable {
    case simple(UInt8)                                  // a simple type's tag
    case array(count: Int, element: TypeDescription)    // 01 count(2) type
    case structure([TypeDescription])                   // 02 count types…
}
