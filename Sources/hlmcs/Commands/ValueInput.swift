import Accounts
import DLMS
import ES951
import Foundation

/// The VALUE of `hlmcs set` (SPEC.md F-72): typed by the device map when the attribute is
/// in it (the whole text is the value, so `internet:80` stays text), else written
/// `TYPE:VALUE` (`long-unsigned:4059`, `octet-string:internet`, `hex:0a0b`,
/// `date-time:2026-11-01T06:00`).
enum ValueInput {
    enum Problem: Error, Equatable {
        /// Outside the map the value needs a `TYPE:` prefix.
        case typeNeeded(String)
        case unknownType(String)
        /// Not a value of that type (out of range, not a number, too long…).
        case invalid(String, type: String)
        /// Structures and arrays are written by `gprs`/`ip`, not from one word.
        case unsupportedType(String)
        /// An empty or blank value: never written as "nothing" (an empty serial number,
        /// password or string would be taken by the device).
        case blank
        /// A serial number that is not 1…`maximum` digits.
        case serialNumberDigits(String, maximum: Int)
        /// A secret given on the command line (shell history, `ps`): it comes from
        /// `HLMCS_NEW_SECRET` or a prompt.
        case secretOnCommandLine
        /// A secret attribute and neither `HLMCS_NEW_SECRET` nor a terminal to ask on.
        case secretNeeded
    }

    /// The environment variable a new secret (an LLS or PPP password) is read from.
    static let secretVariable = "HLMCS_NEW_SECRET"

    /// Where `hlmcs set` takes the value: the argument, or for a secret attribute
    /// `HLMCS_NEW_SECRET` or a prompt — never the command line.
    static func text(argument: String?, secret: Bool, environment: [String: String],
                     prompt: () -> String?) throws(Problem) -> String {
        guard secret else {
            guard let argument else { throw .blank }
            return argument
        }
        guard argument == nil else { throw .secretOnCommandLine }
        if let value = environment[secretVariable] { return value }
        guard let typed = prompt() else { throw .secretNeeded }
        return typed
    }

    /// The serial number (1/0.0.96.1.0.255/2), by the rule the TUI's form uses too.
    static func checkSerialNumber(_ text: String) throws(Problem) {
        if SerialNumberRule.problem(text) != nil { throw .serialNumberDigits(text, maximum: SerialNumberRule.maximumDigits) }
    }

    /// The names `TYPE:` takes; `hex` is an octet-string given in hex.
    static let typeNames = MapType.allCases.map(\.rawValue).filter { $0 != "structure" && $0 != "array" } + ["hex"]

    static func parse(_ text: String, for attribute: MapAttribute?, timeZone: TimeZone = .current) throws(Problem) -> DLMSData {
        guard !text.allSatisfy(\.isWhitespace) else { throw .blank }
        if let attribute {
            return try parse(text, typeName: attribute.type.rawValue, length: attribute.length, timeZone: timeZone)
        }
        guard let colon = text.firstIndex(of: ":") else { throw .typeNeeded(text) }
        let type = String(text[..<colon]).lowercased()
        guard typeNames.contains(type) || type == "structure" || type == "array" else { throw .unknownType(type) }
        guard !text[text.index(after: colon)...].allSatisfy(\.isWhitespace) else { throw .blank }
        return try parse(String(text[text.index(after: colon)...]), typeName: type, length: nil, timeZone: timeZone)
    }

    static func parse(_ text: String, typeName: String, length: Int?, timeZone: TimeZone) throws(Problem) -> DLMSData {
        func integer<T: FixedWidthInteger>(_: T.Type) throws(Problem) -> T {
            guard let value = T(text.trimmingCharacters(in: .whitespaces)) else { throw .invalid(text, type: typeName) }
            return value
        }
        switch typeName {
        case "visible-string":
            guard text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { throw .invalid(text, type: typeName) }
            let bytes = Array(text.utf8)
            if let length, bytes.count > length { throw .invalid(text, type: typeName) }
            return .visibleString(bytes)
        case "octet-string":
            let bytes = Array(text.utf8)
            if let length, bytes.count > length { throw .invalid(text, type: typeName) }
            return .octetString(bytes)
        case "hex":
            guard let bytes = Hex.bytes(text) else { throw .invalid(text, type: typeName) }
            return .octetString(bytes)
        case "long-unsigned": return .longUnsigned(try integer(UInt16.self))
        case "long": return .long(try integer(Int16.self))
        case "unsigned": return .unsigned(try integer(UInt8.self))
        case "integer": return .integer(try integer(Int8.self))
        case "enum": return .enumerated(try integer(UInt8.self))
        case "double-long-unsigned":
            // IPv4 addresses are double-long-unsigned in the map: accept a dotted quad.
            if text.contains("."), let address = IPv4Address(text) { return .doubleLongUnsigned(address.rawValue) }
            return .doubleLongUnsigned(try integer(UInt32.self))
        case "double-long": return .doubleLong(try integer(Int32.self))
        case "long64": return .long64(try integer(Int64.self))
        case "long64-unsigned": return .long64Unsigned(try integer(UInt64.self))
        case "utf8-string": return .utf8String(Array(text.utf8))
        case "boolean":
            switch text.lowercased() {
            case "true", "on", "1", "yes": return .boolean(true)
            case "false", "off", "0", "no": return .boolean(false)
            default: throw .invalid(text, type: typeName)
            }
        case "date-time":
            guard let value = dateTime(text, timeZone: timeZone) else { throw .invalid(text, type: typeName) }
            return DLMSData.dateTimeOctetString(value)
        default:
            throw .unsupportedType(typeName)
        }
    }

    /// An ISO 8601 time (SPEC.md: without an offset, the PC's local time) as a COSEM
    /// date-time carrying that offset.
    static func dateTime(_ text: String, timeZone: TimeZone) -> COSEMDateTime? {
        guard let date = TimeInput.parse(text, timeZone: timeZone) else { return nil }
        let offsetMinutes = explicitOffset(text) ?? timeZone.secondsFromGMT(for: date) / 60
        return COSEMDateTime(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)), utcOffsetMinutes: offsetMinutes)
    }

    /// The offset written in the text (`Z`, `+03:00`, `-0500`), in minutes.
    static func explicitOffset(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("Z") { return 0 }
        guard let match = text.firstMatch(of: #/T[0-9:.]+([+-])(\d{2}):?(\d{2})?$/#) else { return nil }
        let minutes = Int(match.2)! * 60 + (match.3.flatMap { Int($0) } ?? 0)
        return match.1 == "-" ? -minutes : minutes
    }
}
