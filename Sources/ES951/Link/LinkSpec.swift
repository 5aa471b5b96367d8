import ES951
import DLMS

/// How to reach a concentrator — the one description of a link, whoever makes it: the
/// command line's LINK options (SPEC F-72), the terminal UI's connection window (F-20…F-24)
/// and a saved connection profile. ``validate()`` holds every rule; `Link.open` takes
/// only a spec that passes it. A plain value: no file is opened here.
///
/// ```swift
/// var spec = LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059, security: .lls)
/// spec.validate()          // [] — or the problems, each worded by the program
/// spec.linkText            // "--tcp 10.0.0.5:4059 --lls --broadcast"
/// ```
public struct LinkSpec: Hashable, Sendable {
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
    /// `nls` (lowest security, the public client) or `lls` (a password in the AARQ).
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
    /// Bytes of the server address: 1, 2 or 4; nil: the smallest form that holds it.
    public var addressSize: Int?
    /// Caps of the SNRM proposal.
    public var maxInfo: Int
    public var window: Int
    /// Seconds to wait for one response.
    public var timeoutSeconds: Double
    /// Every frame to this file (`--trace`).
    public var tracePath: String?
    /// A device map other than the built-in one (`--map`; read by the caller).
    public var mapPath: String?

    public init(medium: Medium = .demo, port: String = "", baud: Int = 9600, dataBits: Int = 8,
                parity: Parity = .none, stopBits: Int = 1, host: String = "", tcpPort: Int = 4059,
                wrapper: Bool = false, security: Security = .nls, clientSAP: Int? = nil,
                serverAddress: Int? = nil, logical: Int = 1, timeoutSeconds: Double = 5,
                addressSize: Int? = nil, maxInfo: Int = HDLCParameters.informationFieldRange.upperBound,
                window: Int = HDLCParameters.windowRange.upperBound, tracePath: String? = nil, mapPath: String? = nil) {
        self.medium = medium; self.port = port; self.baud = baud; self.dataBits = dataBits
        self.parity = parity; self.stopBits = stopBits; self.host = host; self.tcpPort = tcpPort
        self.wrapper = wrapper; self.security = security; self.clientSAP = clientSAP
        self.serverAddress = serverAddress; self.logical = logical; self.timeoutSeconds = timeoutSeconds
        self.addressSize = addressSize; self.maxInfo = maxInfo; self.window = window
        self.tracePath = tracePath; self.mapPath = mapPath
    }

    /// The built-in demo concentrator.
    public static let demo = LinkSpec()

    // MARK: - The rules

    public static let bauds = LineSpeed.bauds
    public static let tcpPorts = 1...65535
    public static let clientSAPs = 1...127
    /// HDLC lower and upper addresses (0 is "no station").
    public static let serverAddresses = 1...0x3FFF
    public static let logicalDevices = 1...0x3FFF
    public static let addressSizes = [1, 2, 4]
    public static let dataBitChoices = [7, 8]
    public static let stopBitChoices = [1, 2]
    /// The wait for one response, in seconds (4 tries per request).
    public static let timeouts = 0.1...600.0

    /// What is wrong, in the order of the fields; empty when the link can be made.
    public func validate() -> [LinkProblem] {
        var problems: [LinkProblem] = []
        switch medium {
        case .demo: break
        case .serial, .optical:
            if port.isEmpty || port.contains(where: \.isWhitespace) { problems.append(.badPort(port)) }
            if medium == .serial {
                if !Self.bauds.contains(baud) { problems.append(.badBaud(baud)) }
                if !Self.dataBitChoices.contains(dataBits) { problems.append(.badDataBits(dataBits)) }
                if !Self.stopBitChoices.contains(stopBits) { problems.append(.badStopBits(stopBits)) }
            }
        case .tcp:
            if host.isEmpty || host.contains(where: \.isWhitespace) { problems.append(.badHost(host)) }
            if !Self.tcpPorts.contains(tcpPort) { problems.append(.badTCPPort(tcpPort)) }
        }
        if let clientSAP, !Self.clientSAPs.contains(clientSAP) { problems.append(.badClient(clientSAP)) }
        if let serverAddress, !Self.serverAddresses.contains(serverAddress) { problems.append(.badServerAddress(serverAddress)) }
        if !Self.logicalDevices.contains(logical) { problems.append(.badLogical(logical)) }
        if let addressSize {
            if !Self.addressSizes.contains(addressSize) {
                problems.append(.badAddressSize(addressSize))
            } else if addressSize == 1, serverAddress != nil {
                // The 1-byte form is the upper address alone, without a physical part.
                problems.append(.addressTooLarge(lower: serverAddress ?? 0, logical: logical, size: addressSize))
            } else if addressSize < 4, (serverAddress ?? 0) >= 0x80 || logical >= 0x80 {
                problems.append(.addressTooLarge(lower: serverAddress ?? 0, logical: logical, size: addressSize))
            }
        }
        if !HDLCParameters.informationFieldRange.contains(maxInfo) { problems.append(.badMaxInfo(maxInfo)) }
        if !HDLCParameters.windowRange.contains(window) { problems.append(.badWindow(window)) }
        if !timeoutSeconds.isFinite || !Self.timeouts.contains(timeoutSeconds) { problems.append(.badTimeout(timeoutSeconds)) }
        return problems
    }

    // MARK: - Derived

    /// The client SAP in use: the chosen one, else 16 (NLS) or 32 (LLS).
    public var effectiveClientSAP: Int { clientSAP ?? (security == .lls ? 32 : 16) }

    /// The wait for one response.
    public var timeout: Duration { .milliseconds(Int64((timeoutSeconds * 1000).rounded())) }

    /// "TCP 10.0.0.5:4059", "RS-485 /dev/ttyUSB0 9600 8N1", "demo" — for the connection panel.
    public var mediumSummary: String {
        switch medium {
        case .demo: "demo"
        case .serial: "RS-485 \(port) \(baud) \(dataBits)\(parity.rawValue.prefix(1).uppercased())\(stopBits)"
        case .optical: "optical \(port)"
        case .tcp: "TCP \(host):\(tcpPort)\(wrapper ? " wrapper" : "")"
        }
    }

    /// The address part: "16 → */1", "32 → 1123/1".
    public var addressSummary: String {
        "\(effectiveClientSAP) → \(serverAddress.map(String.init) ?? "*")/\(logical)"
    }

    /// The options the connection window does not show (address size, SNRM caps, trace,
    /// map) taken from `base` — the command line's — onto this spec.
    public func withExtras(of base: LinkSpec?) -> LinkSpec {
        guard let base else { return self }
        var spec = self
        spec.addressSize = base.addressSize
        spec.maxInfo = base.maxInfo
        spec.window = base.window
        spec.tracePath = base.tracePath
        spec.mapPath = base.mapPath
        return spec
    }
}

/// What is wrong with a ``LinkSpec``: one field's value and the rule it breaks (the
/// rule's range is the spec's, so the words can quote it).
public enum LinkProblem: Error, Hashable, Sendable {
    case badPort(String)
    case badHost(String)
    case badTCPPort(Int)
    case badBaud(Int)
    case badDataBits(Int)
    case badStopBits(Int)
    case badClient(Int)
    case badServerAddress(Int)
    case badLogical(Int)
    case badAddressSize(Int)
    /// The 2-byte form holds lower and upper addresses below 128 only; the 1-byte form
    /// an upper address below 128 and no lower one.
    case addressTooLarge(lower: Int, logical: Int, size: Int)
    case badMaxInfo(Int)
    case badWindow(Int)
    case badTimeout(Double)
}
