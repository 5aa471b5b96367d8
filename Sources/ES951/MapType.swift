import DLMS

/// The A-XDR type of a mapped attribute (IEC 62056-6-2 §4.1.5, "Data"), as ES951-MAP.md
/// writes it. The raw value is the spelling in `es951-map.json` (`"long-unsigned"`).
///
/// A date-time is carried as an octet-string of 12 bytes (tag 09), as Blue Book objects
/// carry it; `.dateTime` says so, and `accepts(_:)` takes both forms.
public enum MapType: String, Sendable, CaseIterable {
    case visibleString = "visible-string"
    case octetString = "octet-string"
    case longUnsigned = "long-unsigned"
    case long = "long"
    case unsigned = "unsigned"
    case enumerated = "enum"
    case boolean = "boolean"
    case doubleLongUnsigned = "double-long-unsigned"
    case doubleLong = "double-long"
    case dateTime = "date-time"
    case structure = "structure"
    case array = "array"
    case bitString = "bit-string"
    case integer = "integer"
    case long64 = "long64"
    case long64Unsigned = "long64-unsigned"
    case utf8String = "utf8-string"
    case float32 = "float32"
    case float64 = "float64"

    /// The A-XDR tag the value travels with (date-time: 09, an octet-string of 12).
    public var tag: UInt8 {
        switch self {
        case .array: 0x01
        case .structure: 0x02
        case .boolean: 0x03
        case .bitString: 0x04
        case .doubleLong: 0x05
        case .doubleLongUnsigned: 0x06
        case .octetString, .dateTime: 0x09
        case .visibleString: 0x0A
        case .integer: 0x0F
        case .long: 0x10
        case .unsigned: 0x11
        case .longUnsigned: 0x12
        case .enumerated: 0x16
        case .long64: 0x14
        case .long64Unsigned: 0x15
        case .utf8String: 0x0C
        case .float32: 0x17
        case .float64: 0x18
        }
    }

    /// The type of a value as a device sent it (`map learn`): a 12-byte octet-string that
    /// decodes as a date-time is `.dateTime`; nil for a type no map attribute takes (null,
    /// BCD, compact arrays…).
    public static func of(_ data: DLMSData) -> MapType? {
        switch data {
        case .visibleString: .visibleString
        case .octetString(let b): b.count == 12 && data.dateTimeValue != nil ? .dateTime : .octetString
        case .longUnsigned: .longUnsigned
        case .long: .long
        case .unsigned: .unsigned
        case .enumerated: .enumerated
        case .boolean: .boolean
        case .doubleLongUnsigned: .doubleLongUnsigned
        case .doubleLong: .doubleLong
        case .dateTime: .dateTime
        case .structure: .structure
        case .array: .array
        case .bitString: .bitString
        case .integer: .integer
        case .long64: .long64
        case .long64Unsigned: .long64Unsigned
        case .utf8String: .utf8String
        case .float32: .float32
        case .float64: .float64
        default: nil
        }
    }

    /// Whether `data` has this type. A date-time is an octet-string of exactly 12 bytes
    /// or a tagged date-time (19); a structure or array is checked only at the top level.
    public func accepts(_ data: DLMSData) -> Bool {
        switch (self, data) {
        case (.visibleString, .visibleString), (.octetString, .octetString),
             (.longUnsigned, .longUnsigned), (.long, .long), (.unsigned, .unsigned),
             (.enumerated, .enumerated), (.boolean, .boolean),
             (.doubleLongUnsigned, .doubleLongUnsigned), (.doubleLong, .doubleLong),
             (.structure, .structure), (.array, .array), (.bitString, .bitString),
             (.integer, .integer), (.dateTime, .dateTime), (.long64, .long64), (.long64Unsigned, .long64Unsigned),
             (.utf8String, .utf8String), (.float32, .float32), (.float64, .float64):
            true
        case (.dateTime, .octetString(let bytes)):
            bytes.count == 12
        default:
            false
        }
    }
}
