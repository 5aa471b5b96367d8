import ES951
import DLMS

extension LinkSpec {
    /// The spec as LINK options of the command line (SPEC.md F-72), the form in which a
    /// connection profile is stored: `--tcp 10.0.0.5:4059 --lls --server-address 1123`.
    /// Only what differs from the defaults is written. The demo is `--demo`. The trace
    /// and map files are this run's, never stored.
    public var linkText: String {
        var parts: [String] = []
        switch medium {
        case .demo: parts.append("--demo")
        case .serial:
            parts += ["--serial", port]
            if baud != 9600 { parts += ["--baud", String(baud)] }
            if dataBits != 8 { parts += ["--data-bits", String(dataBits)] }
            if parity != .none { parts += ["--parity", parity.rawValue] }
            if stopBits != 1 { parts += ["--stop-bits", String(stopBits)] }
        case .optical: parts += ["--optical", port]
        case .tcp:
            parts += ["--tcp", "\(host):\(tcpPort)"]
            if wrapper { parts.append("--wrapper") }
        }
        parts.append(security == .lls ? "--lls" : "--nls")
        if let clientSAP { parts += ["--client", String(clientSAP)] }
        if let serverAddress { parts += ["--server-address", String(serverAddress)] } else { parts.append("--broadcast") }
        if logical != 1 { parts += ["--logical", String(logical)] }
        if timeoutSeconds != 5 { parts += ["--timeout", Self.number(timeoutSeconds)] }
        if let addressSize { parts += ["--address-size", String(addressSize)] }
        if maxInfo != HDLCParameters.informationFieldRange.upperBound { parts += ["--max-info", String(maxInfo)] }
        if window != HDLCParameters.windowRange.upperBound { parts += ["--window", String(window)] }
        return parts.joined(separator: " ")
    }

    public static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e9 ? String(Int(d)) : String(d)
    }

    /// Why a stored link text could not be read back.
    public struct LinkTextError: Error, Equatable, Sendable {
        /// The word at fault.
        public let word: String
    }

    /// Reads ``linkText`` back. Words are separated by spaces (device paths with spaces
    /// are not supported in profiles).
    public init(linkText: String) throws(LinkTextError) {
        self.init()
        var words = linkText.split(separator: " ").map(String.init)[...]
        func value(_ option: String) throws(LinkTextError) -> String {
            guard let v = words.popFirst() else { throw LinkTextError(word: option) }
            return v
        }
        func int(_ option: String) throws(LinkTextError) -> Int {
            let v = try value(option)
            guard let n = Int(v) else { throw LinkTextError(word: v) }
            return n
        }
        while let word = words.popFirst() {
            switch word {
            case "--demo": medium = .demo
            case "--serial": medium = .serial; port = try value(word)
            case "--optical": medium = .optical; port = try value(word)
            case "--tcp":
                medium = .tcp
                let v = try value(word)
                guard let colon = v.lastIndex(of: ":"), let p = Int(v[v.index(after: colon)...]) else {
                    throw LinkTextError(word: v)
                }
                host = String(v[..<colon]); tcpPort = p
            case "--wrapper": wrapper = true
            case "--baud": baud = try int(word)
            case "--data-bits": dataBits = try int(word)
            case "--parity":
                let v = try value(word)
                guard let p = Parity(rawValue: v) else { throw LinkTextError(word: v) }
                parity = p
            case "--stop-bits": stopBits = try int(word)
            case "--nls": security = .nls
            case "--lls": security = .lls
            case "--client": clientSAP = try int(word)
            case "--server-address": serverAddress = try int(word)
            case "--broadcast": serverAddress = nil
            case "--logical": logical = try int(word)
            case "--timeout":
                let v = try value(word)
                guard let t = Double(v), t > 0 else { throw LinkTextError(word: v) }
                timeoutSeconds = t
            case "--address-size": addressSize = try int(word)
            case "--max-info": maxInfo = try int(word)
            case "--window": window = try int(word)
            default: throw LinkTextError(word: word)
            }
        }
    }
}
