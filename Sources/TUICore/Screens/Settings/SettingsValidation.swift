import ES951
/// What is wrong with one field of the connection settings: the key of its message in
/// `Resources/ui/settings.json` and the arguments after the field's label (`{1}` is
/// always the label). Messages never quote what was typed, so a password cannot leak.
struct SettingsProblem: Hashable, Sendable {
    var field: SettingsField
    var key: String
    var arguments: [String] = []
    /// Bounds written with the language's decimal sign, after `arguments`.
    var decimalBounds: ClosedRange<Double>?

    /// The message in the interface language.
    func text(_ strings: UIStrings) -> String {
        let bounds = decimalBounds.map { SettingsRules.decimalBounds($0, strings.language) } ?? []
        return strings.text(key, [strings[field.labelKey]] + arguments + bounds)
    }
}

/// The rules of the fields that are typed (SPEC.md F-21…F-23): the ranges are the link
/// spec's (``LinkSpec``), the ones the command line and `Link.open` check.
enum SettingsRules {
    static let tcpPorts = LinkSpec.tcpPorts
    static let clientSAPs = LinkSpec.clientSAPs
    static let serverAddresses = LinkSpec.serverAddresses
    static let logicalDevices = LinkSpec.logicalDevices
    static let timeouts = LinkSpec.timeouts

    /// The bounds of a timeout as typed in `language` ("0,1" in Russian).
    static func timeoutBounds(_ language: UILanguage) -> [String] { decimalBounds(timeouts, language) }

    /// `range`'s bounds with the decimal sign of `language`.
    static func decimalBounds(_ range: ClosedRange<Double>, _ language: UILanguage) -> [String] {
        [range.lowerBound, range.upperBound].map { value in
            let text = LinkSpec.number(value)
            return language == .ru ? text.replacingOccurrences(of: ".", with: ",") : text
        }
    }

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
