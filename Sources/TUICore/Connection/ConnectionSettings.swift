import DLMS
/// The connection the user set up in the Settings menu (SPEC.md F-20…F-24): the medium,
/// the port and its framing, the security, the addresses and the patience. A plain value:
/// the runtime turns it into the link; a connection profile stores it as ``linkText``.
/// The LLS password is not part of it (the state keeps it apart and never draws it).
public struct ConnectionSettings: Hashable, Sendable {
    public enum Medium: String, CaseIterable, Sendable, Hashable {
        /// The concentrator simulated inside the program (`hlmcs --demo`).
        case demo
        /// RS-485 adapter: HDLC at `baud`.
        case serial
        /// Optical head: IEC 62056-21 mode E sign-on, then HDLC.
        case optical
        /// TCP/IP: HDLC frames, or the IEC 62056-47 wrapper.
        case tcp
    }

    public enum Parity: String, CaseIterable, Sendable, Hashable { case none, even, odd }
    public enum Security: String, CaseIterable, Sendable, Hashable { case nls, lls }

    public var medium: Medium
    /// Serial or optical device path (`/dev/ttyUSB0`).
    public var port: String
    public var baud: Int
    public var dataBits: Int
    public var parity: Parity
    public var stopBits: Int
    public var host: String
    public var tcpPort: Int
    public var wrapper: Bool
    public var security: Security
    /// nil: 16 for NLS, 32 for LLS.
    public var clientSAP: Int?
    /// The lower (physical) server address; nil: the all-station (broadcast) address.
    public var serverAddress: Int?
    /// The upper (logical device) address.
    public var logical: Int
    /// Seconds to wait for one response.
    public var timeoutSeconds: Double

    public init(medium: Medium = .demo, port: String = "", baud: Int = 9600, dataBits: Int = 8,
                parity: Parity = .none, stopBits: Int = 1, host: String = "", tcpPort: Int = 4059,
                wrapper: Bool = false, security: Security = .nls, clientSAP: Int? = nil,
                serverAddress: Int? = nil, logical: Int = 1, timeoutSeconds: Double = 5) {
        self.medium = medium; self.port = port; self.baud = baud; self.dataBits = dataBits
        self.parity = parity; self.stopBits = stopBits; self.host = host; self.tcpPort = tcpPort
        self.wrapper = wrapper; self.security = security; self.clientSAP = clientSAP
        self.serverAddress = serverAddress; self.logical = logical; self.timeoutSeconds = timeoutSeconds
    }

    /// The built-in demo concentrator.
    public static let demo = ConnectionSettings()

    public static let bauds = LineSpeed.bauds

    /// The client SAP in use: the chosen one, else 16 (NLS) or 32 (LLS).
    public var effectiveClientSAP: Int { clientSAP ?? (security == .lls ? 32 : 16) }

    /// "TCP 10.0.0.5:4059", "RS-485 /dev/ttyUSB0 9600 8N1", "demo" — for the connection panel.
    public var mediumSummary: String {
        switch medium {
        case .demo: "demo"
        case .serial: "RS-485 \(port) \(baud) \(dataBits)\(parity.rawValue.prefix(1).uppercased())\(stopBits)"
        case .optical: "optical \(port)"
        case .tcp: "TCP \(host):\(tcpPort)\(wrapper ? " wrapper" : "")"
        }
    }

    /// The address part: "16 → broadcast/1", "32 → 1123/1".
    public var addressSummary: String {
        "\(effectiveClientSAP) → \(serverAddress.map(String.init) ?? "*")/\(logical)"
    }
}

extension ConnectionSettings {
    /// The settings as LINK options of the command line (SPEC.md F-72), the form in which
    /// a connection profile is stored: `--tcp 10.0.0.5:4059 --lls --server-address 1123`.
    /// Only what differs from the defaults is written. The demo is `--demo`.
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
        return parts.joined(separator: " ")
    }

    static func number(_ d: Double) -> String {
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
            default: throw LinkTextError(word: word)
            }
        }
    }
}
