/// What is wrong with one field of the connection settings: the key of its message in
/// `Resources/ui/settings.json` and the arguments after the field's label (`{1}` is
/// always the label). Messages never quote what was typed, so a password cannot leak.
struct SettingsProblem: Hashable, Sendable {
    var field: SettingsField
    var key: String
    var arguments: [String] = []

    /// The message in the interface language.
    func text(_ strings: UIStrings) -> String {
        strings.text(key, [strings[field.labelKey]] + arguments)
    }
}

/// The rules of the fields that are typed (SPEC.md F-21…F-23).
enum SettingsRules {
    static let tcpPorts = 1...65535
    static let clientSAPs = 1...127
    static let serverAddresses = 16...16383
    static let logicalDevices = 1...16383
    static let timeouts = 0.5...120.0

    /// A whole number within `range`, or nil.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), text.count <= 9,
              let n = Int(text), range.contains(n) else { return nil }
        return n
    }

    /// Seconds with a decimal point or comma ("2,5"), within `timeouts`, or nil.
    static func seconds(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t.first != ".", t.filter({ $0 == "." }).count <= 1,
              t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let d = Double(t), timeouts.contains(d) else { return nil }
        return d
    }

    /// An IPv4 address, or a DNS name of ASCII letters, digits, '-' and '.' (labels of 1…63
    /// characters, not starting or ending with '-'). All digits and dots must be an address.
    static func isHost(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 253 else { return false }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            return FieldKind.ipv4.isValid(text)
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// A device path as a profile can store it: not empty, no spaces.
    static func isDevicePath(_ text: String) -> Bool {
        !text.isEmpty && !text.contains(where: \.isWhitespace)
    }
}
