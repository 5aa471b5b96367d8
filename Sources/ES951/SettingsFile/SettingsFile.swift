import DLMS
import Foundation
import TextSafety

/// The `.set` file (SPEC F-60; documented in `man hlmcs`, FILES): UTF-8 text a person may
/// edit, versioned, ending with an end marker so a truncated file is detected.
///
///     hlmcs-settings 1
///     # comments start with '#'; blank lines are ignored
///     model = ES-951
///     firmware = 2.7.0
///     rs485.speed = 9600
///     clock.time-zone = UTC+03:00
///     gprs.apn = internet
///     gprs.primary-server = 10.0.0.1:5000
///     gprs.backup-server =
///     gprs.heartbeat-minutes = 3
///     ip.dhcp = off
///     ip.address = 192.168.1.10
///     …
///     end
///
/// The first line names the format and its version; `model` must be the device's;
/// `firmware` is informative. Every setting key is optional (import writes only those
/// present); an unknown key, a key twice, a bad value, another model, a missing end
/// marker or text after it, a malformed escape, or bytes that are not UTF-8 refuse the
/// whole file, naming the line.
///
/// Every value is one line, whatever the device sent (issue 14): the writer escapes it
/// with `OutsideText.forLine` — `\\` a backslash, `\n` `\r` `\t`, `\xHH` another C0
/// control or DEL, `\u{HHHH}` a C1 control, U+2028/U+2029 or a bidi control — and writes
/// a space or other blank at either end of a value as `\x20` / `\u{HHHH}` (the reader
/// drops blanks around values); the reader undoes it with `OutsideText.fromLine`. So a
/// model name holding `\nip.dns1 = 6.6.6.6` stays one value and cannot add a setting.
/// Text a refusal quotes (a key, a value, a version) is in `OutsideText.forTerminal`
/// form, at most ``Problem/quoteLimit`` characters: safe to print, never a 10 MB line.
public struct SettingsFile: Equatable, Sendable {
    public static let formatLine = "hlmcs-settings 1"
    public static let endLine = "end"

    public var model: String
    public var firmware: String?
    public var settings: DeviceSettings

    public init(model: String, firmware: String?, settings: DeviceSettings) {
        self.model = model
        self.firmware = firmware
        self.settings = settings
    }

    /// Why a file was refused; `line` is 1-based (0: the file as a whole).
    public struct Problem: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case notUTF8
            case notASettingsFile
            case unsupportedVersion(String)
            case truncated
            case textAfterEnd
            case notKeyValue
            case unknownKey(String)
            case duplicateKey(String)
            case missingModel
            case otherModel(file: String, device: String)
            case invalidValue(key: String, value: String, expected: ValueRule)
            /// A key the file must never hold (serial number, MAC, a password).
            case forbiddenKey(String)
            /// The value of `key` is not in the file's escaped form: a backslash before
            /// something that is not an escape, a bad `\x`/`\u{…}`, or a control character
            /// written raw (the error says where in the value and what was found).
            case malformedEscape(key: String, OutsideText.UnescapeError)
        }
        public var line: Int
        public var kind: Kind
        public init(line: Int, _ kind: Kind) { self.line = line; self.kind = kind }

        /// The most characters of the file's text a refusal quotes.
        public static let quoteLimit = 80

        /// Text of the file as a refusal quotes it: visible escapes, at most
        /// ``quoteLimit`` characters.
        public static func quote(_ text: some StringProtocol) -> String {
            OutsideText.forTerminal(String(text), limit: quoteLimit)
        }
    }

    /// Keys refused on sight: what a `.set` file never carries.
    static let forbidden: Set<String> = ["serial-number", "serial", "mac", "ip.mac", "password", "lls-password",
                                         "gprs.dpd-password", "dpd-password", "gprs.dpd-user"]

    // MARK: - Writing

    /// The file's text, settings in the order of ``DeviceSettings/Key``.
    public func text(exportedAt: String? = nil) -> String {
        var lines = [Self.formatLine,
                     "# ES-951 settings exported by hlmcs" + (exportedAt.map { " on \($0)" } ?? "") + ".",
                     "# Edit the values after '='; delete a line to leave that setting alone on import.",
                     "# Never in this file: the serial number, the MAC, passwords, the DPD user.",
                     "# Each value is one line: \\\\ stands for \\, and \\n \\r \\t \\xHH \\u{HHHH} for control characters.",
                     Self.line("model", model)]
        if let firmware { lines.append(Self.line("firmware", firmware)) }
        for key in DeviceSettings.Key.allCases {
            if let value = settings.text(of: key) { lines.append(Self.line(key.rawValue, value)) }
        }
        lines.append(Self.endLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `key = value`, the value escaped (`key =` when it is empty).
    static func line(_ key: String, _ value: String) -> String {
        value.isEmpty ? "\(key) =" : "\(key) = \(escape(value))"
    }

    /// `value` in the file's one-line form: `OutsideText.forLine`, and a blank at either
    /// end (which the reader would trim) as its `\x20` / `\u{HHHH}` escape.
    static func escape(_ value: String) -> String {
        let scalars = Array(OutsideText.forLine(value).unicodeScalars)
        func spelled(_ s: Unicode.Scalar) -> String {
            guard CharacterSet.whitespaces.contains(s) else { return String(s) }
            let hex = String(s.value, radix: 16)
            return s.value < 0x80 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                                  : "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if scalars.count == 1 { return spelled(first) }
        return spelled(first) + String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)])) + spelled(last)
    }

    // MARK: - Reading

    /// Parses a whole file, refusing it at the first problem.
    /// - Parameter deviceModel: when given, a file of another model is refused.
    public static func parse(_ bytes: [UInt8], deviceModel: String? = nil) throws(Problem) -> SettingsFile {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw Problem(line: firstBadLine(body), .notUTF8)
        }
        // Split the bytes: "\r\n" is one Character to Swift's String.
        var lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first?.trimmingCharacters(in: .whitespaces), first.hasPrefix("hlmcs-settings") else {
            throw Problem(line: 1, .notASettingsFile)
        }
        guard first == formatLine else {
            throw Problem(line: 1, .unsupportedVersion(Problem.quote(first.dropFirst("hlmcs-settings".count).trimmingCharacters(in: .whitespaces))))
        }
        var model: String?
        var firmware: String?
        var settings = DeviceSettings()
        var seen = Set<String>()
        var ended = false
        for (index, raw) in lines.enumerated().dropFirst() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if ended { throw Problem(line: number, .textAfterEnd) }
            // Keys and the end line are read in any case (`END`, `Model`).
            if line.lowercased() == endLine { ended = true; continue }
            guard let equals = line.firstIndex(of: "=") else { throw Problem(line: number, .notKeyValue) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let written = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw Problem(line: number, .notKeyValue) }
            if forbidden.contains(key) { throw Problem(line: number, .forbiddenKey(key)) }
            guard seen.insert(key).inserted else { throw Problem(line: number, .duplicateKey(Problem.quote(key))) }
            guard key == "model" || key == "firmware" || DeviceSettings.Key(rawValue: key) != nil else {
                throw Problem(line: number, .unknownKey(Problem.quote(key)))
            }
            let value: String
            do { value = try OutsideText.fromLine(written) } catch {
                throw Problem(line: number, .malformedEscape(key: key, error))
            }
            switch key {
            case "model":
                if let deviceModel, !Self.sameModel(value, deviceModel) {
                    throw Problem(line: number, .otherModel(file: Problem.quote(value), device: Problem.quote(deviceModel)))
                }
                model = value
            case "firmware": firmware = value
            default:
                guard let k = DeviceSettings.Key(rawValue: key) else { throw Problem(line: number, .unknownKey(Problem.quote(key))) }
                do { try set(k, value, in: &settings) } catch {
                    throw Problem(line: number, .invalidValue(key: key, value: Problem.quote(value), expected: error.rule))
                }
            }
        }
        guard ended else { throw Problem(line: lines.count, .truncated) }
        guard let model else { throw Problem(line: 0, .missingModel) }
        return SettingsFile(model: model, firmware: firmware, settings: settings)
    }

    /// Whether two model names are the same model (`ES-951` and `es-951` are).
    public static func sameModel(_ a: String, _ b: String) -> Bool {
        a.trimmingCharacters(in: .whitespaces).lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// What a value must be (worded by the program in the user's language).
    public enum ValueRule: Equatable, Sendable {
        case speed, timeZone, ipv4, subnetMask, endpoint, port, onOff
        /// Seconds in `range`, written as minutes, `m:ss` with seconds (`3`, `1:30`).
        case heartbeat(ClosedRange<Int>)
        case apn(ValidationReason)
    }

    struct BadValue: Error { let rule: ValueRule }

    static func set(_ key: DeviceSettings.Key, _ value: String, in s: inout DeviceSettings) throws(BadValue) {
        func address(_ v: String) throws(BadValue) -> IPv4Address {
            guard let a = IPv4Address(v) else { throw BadValue(rule: .ipv4) }
            return a
        }
        func endpoint(_ v: String) throws(BadValue) -> ServerEndpoint? {
            if v.isEmpty { return nil }
            guard let e = ServerEndpoint(v), GPRSSettings.checkEndpoint(e) == nil else { throw BadValue(rule: .endpoint) }
            return e
        }
        switch key {
        case .rs485Speed:
            guard let baud = Int(value), LineSpeed.bauds.contains(baud) else {
                throw BadValue(rule: .speed)
            }
            s.rs485Baud = baud
        case .timeZone:
            guard let minutes = TimeZoneRule.parse(value) else { throw BadValue(rule: .timeZone) }
            s.timeZoneMinutesEast = minutes
        case .apn:
            if let reason = GPRSSettings.checkAPN(value) { throw BadValue(rule: .apn(reason)) }
            s.apn = value
        case .primaryServer: s.primaryServer = .some(try endpoint(value))
        case .backupServer: s.backupServer = .some(try endpoint(value))
        case .heartbeat:
            guard let seconds = HeartbeatInterval.parse(value), HeartbeatInterval.validate(seconds) == nil else {
                throw BadValue(rule: .heartbeat(HeartbeatInterval.secondsRange))
            }
            s.heartbeatSeconds = seconds
        case .dhcp:
            switch value.lowercased() {
            case "on", "yes", "true", "1": s.dhcp = true
            case "off", "no", "false", "0": s.dhcp = false
            default: throw BadValue(rule: .onOff)
            }
        case .ip: s.ip = try address(value)
        case .mask:
            let m = try address(value)
            let inverted = ~m.rawValue
            guard m.rawValue != 0, inverted & (inverted &+ 1) == 0 else { throw BadValue(rule: .subnetMask) }
            s.mask = m
        case .gateway: s.gateway = try address(value)
        case .dns1: s.dns1 = try address(value)
        case .dns2: s.dns2 = try address(value)
        case .tcpPort:
            guard let p = UInt16(value), p > 0 else { throw BadValue(rule: .port) }
            s.tcpPort = p
        }
    }

    /// The line of the first byte sequence that is not UTF-8.
    static func firstBadLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
