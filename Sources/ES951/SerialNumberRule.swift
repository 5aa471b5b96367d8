/// What a serial number the device takes is (ES951-MAP.md: a visible-string of digits,
/// up to 16, from which the logical address is derived): the one rule for the
/// command line (`hlmcs set`) and the TUI's form.
public enum SerialNumberRule {
    public static let maximumDigits = 16

    public enum Problem: Equatable, Sendable {
        case empty
        case notDigits
        case tooLong(maximum: Int)
    }

    /// Why `text` is not a serial number (nil: it is).
    public static func problem(_ text: String) -> Problem? {
        if text.isEmpty { return .empty }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .notDigits }
        if text.count > maximumDigits { return .tooLong(maximum: maximumDigits) }
        return logicalAddress(serial: text) == nil ? .notDigits : nil
    }
}
