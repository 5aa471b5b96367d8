/// One line of the connection settings form (SPEC.md F-20…F-24): what it edits, how it
/// is edited and the keys of its words in `Resources/ui/settings.json`.
enum SettingsField: String, CaseIterable, Hashable, Sendable {
    case medium, port, path, baud, dataBits, parity, stopBits, host, tcpPort, wrapper
    case security, password, clientSAP, serverAddress, logical, timeout
    case profileName, keepPassword

    /// How the field is edited.
    enum Kind: Hashable, Sendable {
        /// Left/Right/Space step through a list.
        case choice
        /// Space (or Left/Right) toggles.
        case check
        /// Typed text, in a box of `width` columns at most.
        case text(width: Int)
    }

    var kind: Kind {
        switch self {
        case .medium, .port, .baud, .dataBits, .parity, .stopBits, .security: .choice
        case .wrapper, .keepPassword: .check
        case .path, .host: .text(width: 30)
        case .profileName: .text(width: 24)
        case .password: .text(width: 20)
        case .tcpPort, .serverAddress, .logical, .timeout: .text(width: 7)
        case .clientSAP: .text(width: 5)
        }
    }

    var isText: Bool { if case .text = kind { true } else { false } }

    /// The key of the label.
    var labelKey: String { "settings.field." + rawValue }

    /// Whether `c` may be typed into the field. Hosts take any letter, so that a
    /// Cyrillic name is shown and refused with a message rather than swallowed.
    func accepts(_ c: Character) -> Bool {
        switch self {
        case .tcpPort, .clientSAP, .serverAddress, .logical: return c.isASCII && c.isNumber
        case .timeout: return c.isASCII && (c.isNumber || c == "." || c == ",")
        case .path, .host, .profileName, .password: return !c.isNewline && !DisplayWidth.isControl(c.unicodeScalars.first!)
        default: return false
        }
    }
}
