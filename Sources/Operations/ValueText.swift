import TextSafety
import DLMS
import Foundation

/// How `get` shows a value (SPEC.md F-72, LINK details): printable octet-strings as
/// text, a 12-byte octet-string that is a valid COSEM date-time as ISO 8601 with its
/// offset, other octet-strings as hex, arrays `[…]` and structures `{…}` nested. With
/// `--json` the same choices as JSON values (arrays and structures are JSON arrays).
public enum ValueText {
    /// `2026-11-01T06:00:00+03:00`; without an offset when the deviation is unspecified.
    /// Nil for a date-time with an unspecified date or time field.
    public static func iso8601(_ value: COSEMDateTime) -> String? {
        let d = value.date, t = value.time
        guard d.year != 0xFFFF, (1...12).contains(d.month), (1...31).contains(d.dayOfMonth),
              t.hour <= 23, t.minute <= 59, t.second <= 59 else { return nil }
        var text = pad(Int(d.year), 4) + "-" + pad(Int(d.month), 2) + "-" + pad(Int(d.dayOfMonth), 2)
            + "T" + pad(Int(t.hour), 2) + ":" + pad(Int(t.minute), 2) + ":" + pad(Int(t.second), 2)
        if let offset = value.utcOffsetMinutes, COSEMDateTime.convertibleOffsets.contains(offset) {
            let magnitude = abs(offset)
            text += (offset < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
        }
        return text
    }

    /// The printable text of bytes (ASCII 0x20…0x7E, or valid UTF-8 without control
    /// characters), or nil.
    public static func printable(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, let text = String(bytes: bytes, encoding: .utf8),
              !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return text
    }

    /// A 12-byte octet-string that decodes as a date-time with specified fields.
    public static func dateTime(_ bytes: [UInt8]) -> COSEMDateTime? {
        guard bytes.count == 12, let value = DLMSData.octetString(bytes).dateTimeValue, iso8601(value) != nil else { return nil }
        return value
    }

    public static func text(_ data: DLMSData) -> String {
        switch data {
        case .null: return "null"
        case .dontCare: return "dont-care"
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .structure(let items): return "{" + items.map(text).joined(separator: ", ") + "}"
        case .compactArray(let array): return "[" + array.elements.map(text).joined(separator: ", ") + "]"
        case .boolean(let value): return value ? "true" : "false"
        case .bitString(let bits): return bitText(bits)
        case .doubleLong(let v): return String(v)
        case .doubleLongUnsigned(let v): return String(v)
        case .integer(let v): return String(v)
        case .long(let v): return String(v)
        case .unsigned(let v): return String(v)
        case .longUnsigned(let v): return String(v)
        case .long64(let v): return String(v)
        case .long64Unsigned(let v): return String(v)
        case .enumerated(let v): return String(v)
        case .bcd(let v): return String(v)
        case .float32(let bits): return String(Float(bitPattern: bits))
        case .float64(let bits): return String(Double(bitPattern: bits))
        case .visibleString(let bytes), .utf8String(let bytes): return OutsideText.forTerminal(String(decoding: bytes, as: UTF8.self), limit: nil)
        case .octetString(let bytes):
            if let value = dateTime(bytes) { return iso8601(value)! }
            if let text = printable(bytes) { return text }
            return Hex.string(bytes, separator: "")
        case .dateTime(let value): return iso8601(value) ?? value.description
        case .date(let value): return value.description
        case .time(let value): return value.description
        }
    }

    /// The JSON object of one attribute: `attribute`, `ok`, `type`, `value`, plus `hex`
    /// for octet-strings and `error` when not ok.
    public static func jsonObject(attribute: String, result: GetDataResult) -> [String: Any] {
        switch result {
        case .data(let data):
            var object: [String: Any] = ["attribute": attribute, "ok": true, "type": data.typeName, "value": json(data)]
            if case .octetString(let bytes) = data { object["hex"] = Hex.string(bytes, separator: "") }
            return object
        case .error(let reason):
            return ["attribute": attribute, "ok": false, "type": NSNull(), "value": NSNull(),
                    "error": reason.description]
        }
    }

    public static func json(_ data: DLMSData) -> Any {
        switch data {
        case .null, .dontCare: return NSNull()
        case .array(let items), .structure(let items): return items.map(json)
        case .compactArray(let array): return array.elements.map(json)
        case .boolean(let value): return value
        case .doubleLong(let v): return Int64(v)
        case .doubleLongUnsigned(let v): return Int64(v)
        case .integer(let v): return Int64(v)
        case .long(let v): return Int64(v)
        case .unsigned(let v): return Int64(v)
        case .longUnsigned(let v): return Int64(v)
        case .long64(let v): return v
        case .long64Unsigned(let v): return NSNumber(value: v)
        case .enumerated(let v): return Int64(v)
        case .bcd(let v): return Int64(v)
        case .float32(let bits): return Double(Float(bitPattern: bits))
        case .float64(let bits): return Double(bitPattern: bits)
        // The device's text as it is: JSON escapes it (``CommandContext/emit(text:json:)``).
        case .visibleString(let bytes), .utf8String(let bytes): return String(decoding: bytes, as: UTF8.self)
        default: return text(data)
        }
    }

    public static func bitText(_ bits: BitString) -> String {
        var out = ""
        for index in 0..<bits.count {
            let byte = index / 8 < bits.bytes.count ? bits.bytes[index / 8] : 0
            out += (byte >> (7 - UInt8(index % 8))) & 1 == 1 ? "1" : "0"
        }
        return out
    }

    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
