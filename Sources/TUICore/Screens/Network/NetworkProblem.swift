import ES951

/// What is wrong with one value of a network page (SPEC F-33, F-34): the key of its
/// message in `Resources/ui/network.json` and the arguments. A message never quotes a
/// secret (a refused character of the DPD password is not named).
struct NetworkProblem: Hashable, Sendable {
    var key: String
    var arguments: [String] = []

    /// The message in the interface language.
    func text(_ strings: UIStrings) -> String { strings.text(key, arguments) }

    /// A model's reason (``GPRSSettings/validate(_:)``, ``IPSettings/validate(_:)``) in words.
    static func reason(_ reason: ValidationReason) -> NetworkProblem {
        switch reason {
        case .empty: NetworkProblem(key: "network.problem.empty")
        case .tooLong(let maximum): NetworkProblem(key: "network.problem.tooLong", arguments: [String(maximum)])
        case .invalidCharacter(let c): NetworkProblem(key: "network.problem.character", arguments: [String(c)])
        case .invalidAddress: NetworkProblem(key: "network.problem.address")
        case .outOfRange(let range):
            NetworkProblem(key: "network.problem.range", arguments: [String(range.lowerBound), String(range.upperBound)])
        case .duration(let range):
            NetworkProblem(key: "network.problem.duration", arguments: [HeartbeatInterval.text(range.lowerBound), HeartbeatInterval.text(range.upperBound)])
        case .nonContiguousMask: NetworkProblem(key: "network.problem.mask")
        case .passwordRequired: NetworkProblem(key: "network.problem.passwordRequired")
        }
    }
}

/// Which characters the keys may add to a typed value of a network page; any other is
/// refused with a message naming what the field takes (Cyrillic in an APN, a letter in
/// an address).
enum NetworkCharacters: Sendable, Hashable {
    /// An APN: ASCII letters, digits, `-` and `.` (the model's own rule, ``GPRSSettings/checkAPN(_:)``).
    case apn
    /// `ip:port`: digits, `.` and `:`.
    case endpoint
    /// A dotted quad: digits and `.`.
    case address
    /// A whole number.
    case digits
    /// Minutes, or minutes:seconds (``HeartbeatInterval``): digits and `:`.
    case duration
    /// Printable ASCII without spaces (the DPD user and password).
    case printable

    func allows(_ c: Character) -> Bool {
        switch self {
        case .apn: GPRSSettings.checkAPN(String(c)) == nil
        case .endpoint: c.isASCII && (c.isNumber || c == "." || c == ":")
        case .address: c.isASCII && (c.isNumber || c == ".")
        case .digits: c.isASCII && c.isNumber
        case .duration: c.isASCII && (c.isNumber || c == ":")
        case .printable: c.asciiValue.map { (0x21...0x7E).contains($0) } ?? false
        }
    }

    /// The key of the words for what the field takes.
    var hintKey: String {
        switch self {
        case .apn: "network.allowed.apn"
        case .endpoint: "network.allowed.endpoint"
        case .address: "network.allowed.address"
        case .digits: "network.allowed.digits"
        case .duration: "network.allowed.duration"
        case .printable: "network.allowed.printable"
        }
    }
}
