/// Readable text for values in logs, traces and the UI, e.g.
/// `structure{long-unsigned 8, octet-string 0000010000ff}`. Type names follow the
/// Green Book "Data" CHOICE (IEC 62056-6-2 §4.1.5). Printable octet- and visible-strings
/// are shown as quoted text, 12-byte octet-strings that look like a date-time also as
/// the date-time.
extension DLMSData: CustomStringConvertible {
    /// The Green Book name of this value's type (`long-unsigned`, `octet-string`…).
    public var typeName: String { Self.typeName(ofTag: tag) }

    /// The Green Book name of the type with A-XDR tag `tag`, or `tag-XX`.
    public static func typeName(ofTag tag: UInt8) -> String {
        switch tag {
        case 0x00: "null-data"
        case 0x01: "array"
        case 0x02: "structure"
        case 0x03: "boolean"
        case 0x04: "bit-string"
        case 0x05: "double-long"
        case 0x06: "double-long-unsigned"
        case 0x09: "octet-string"
        case 0x0A: "visible-string"
        case 0x0C: "utf8-string"
        case 0x0D: "bcd"
        case 0x0F: "integer"
        case 0x10: "long"
        case 0x11: "unsigned"
        case 0x12: "long-unsigned"
        case 0x13: "compact-array"
        case 0x14: "long64"
        case 0x15: "long64-unsigned"
        case 0x16: "enum"
        case 0x17: "float32"
        case 0x18: "float64"
        case 0x19: "date-time"
        case 0x1A: "date"
        case 0x1B: "time"
        case 0xFF: "dont-care"
        default: "tag-" + Hex.string([tag])
        }
    }

    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    func write(to text: inout String) {
        switch self {
        case .null, .dontCare:
            text += typeName
        case .array(let items):
            text += "array["
            Self.writeList(items, to: &text)
            text += "]"
        case .structure(let items):
            text += "structure{"
            Self.writeList(items, to: &text)
            text += "}"
        case .compactArray(let array):
            text += "compact-array<" + array.type.description + ">["
            Self.writeList(array.elements, to: &text)
            text += "]"
        default:
            text += typeName
            text += " "
            text += valueText
        }
    }

    private static func writeList(_ items: [DLMSData], to text: inout String) {
        var first = true
        for item in items {
            if !first { text += ", " }
            first = false
            item.write(to: &text)
        }
    }

    /// The value without its type name (for simple types).
    var valueText: String {
        switch self {
        case .null, .dontCare, .array, .structure, .compactArray: description
        case .boolean(let value): value ? "true" : "false"
        case .bitString(let bits): Self.bitText(bits)
        case .doubleLong(let value): String(value)
        case .doubleLongUnsigned(let value): String(value)
        case .octetString(let bytes):
            if let text = Self.quotedIfPrintable(bytes) {
                text
            } else if bytes.count == COSEMDateTime.byteCount, let dateTime = try? COSEMDateTime(bytes: bytes),
                      dateTime.looksPlausible {
                Hex.string(bytes, separator: "") + " (" + dateTime.description + ")"
            } else {
                Hex.string(bytes, separator: "")
            }
        case .visibleString(let bytes):
            Self.quotedIfPrintable(bytes) ?? Hex.string(bytes, separator: "")
        case .utf8String(let bytes):
            if let string = String(validating: bytes, as: UTF8.self) { Self.quoted(string) }
            else { Hex.string(bytes, separator: "") }
        case .bcd(let value): Hex.string([value])
        case .integer(let value): String(value)
        case .long(let value): String(value)
        case .unsigned(let value): String(value)
        case .longUnsigned(let value): String(value)
        case .long64(let value): String(value)
        case .long64Unsigned(let value): String(value)
        case .enumerated(let value): String(value)
        case .float32(let bits): String(describing: Float(bitPattern: bits))
        case .float64(let bits): String(describing: Double(bitPattern: bits))
        case .dateTime(let value): value.description
        case .date(let value): value.description
        case .time(let value): value.description
        }
    }

    /// Up to 64 bits as `0`/`1`; longer ones as `N bits` and hex.
    private static func bitText(_ bits: BitString) -> String {
        guard bits.count <= 64 else {
            return String(bits.count) + " bits " + Hex.string(bits.bytes, separator: "")
        }
        var text = ""
        for index in 0..<bits.count {
            let byteIndex = index / 8
            let byte = byteIndex < bits.bytes.count ? bits.bytes[byteIndex] : 0
            text += byte & (0x80 >> UInt8(index % 8)) != 0 ? "1" : "0"
        }
        return text.isEmpty ? "''" : text
    }

    /// Non-empty and all ASCII 0x20…0x7E: the text in quotes.
    private static func quotedIfPrintable(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return quoted(String(decoding: bytes, as: UTF8.self))
    }

    private static func quoted(_ string: String) -> String {
        var text = "\""
        for character in string {
            switch character {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            default: text.append(character)
            }
        }
        return text + "\""
    }
}

extension TypeDescription: CustomStringConvertible {
    /// `long-unsigned`, `array 4 of unsigned`, `structure{long-unsigned, octet-string}`.
    public var description: String {
        switch self {
        case .simple(let tag): DLMSData.typeName(ofTag: tag)
        case .array(let count, let element): "array " + String(count) + " of " + element.description
        case .structure(let members): "structure{" + members.map(\.description).joined(separator: ", ") + "}"
        }
    }
}
