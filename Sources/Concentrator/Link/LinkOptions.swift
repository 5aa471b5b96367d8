import DLMS
import DLMSTransport
/// What the LINK options of the command line say (SPEC.md "Command line (F-72)", LINK
/// details): the medium, the security, the addresses and the link's patience. The
/// `commands` layer parses them (ArgumentParser); ``Link/open(_:password:)`` turns them
/// into a channel and a ``DLMS/ClientConfiguration``.
///
/// ```swift
/// var options = LinkOptions(medium: .tcp(host: "127.0.0.1", port: 4059, wrapper: false))
/// options.security = .lls
/// let connection = try await Link.open(options, password: Array("admin@emis".utf8))
/// ```
public struct LinkOptions: Sendable, Equatable {
    public enum Medium: Sendable, Equatable {
        /// `--tcp HOST:PORT [--wrapper]`.
        case tcp(host: String, port: UInt16, wrapper: Bool)
        /// `--serial DEV [--baud N]`: HDLC at N baud 8N1 (RS-485 adapter).
        case serial(path: String, baud: Int)
        /// `--optical DEV`: IEC 62056-21 mode E sign-on at 300 baud, then HDLC.
        case optical(path: String)
    }

    /// `--nls` (lowest security, public client) or `--lls` (password in the AARQ).
    public enum Security: Sendable, Equatable { case nls, lls }

    public var medium: Medium
    public var security: Security
    /// `--client SAP`; nil → 16 for NLS, 32 for LLS.
    public var clientSAP: UInt8?
    /// `--server-address N` (the lower, physical address); nil → the all-station address.
    public var serverLower: UInt16?
    /// `--logical U` (the upper address, logical device).
    public var logical: UInt16 = 1
    /// `--address-size 1|2|4`; nil → the smallest form that holds the address.
    public var addressSize: Int?
    /// `--max-info N`, `--window N`: caps of the SNRM proposal.
    public var maxInfo: Int = HDLCParameters.informationFieldRange.upperBound, window: Int = HDLCParameters.windowRange.upperBound
    /// `--timeout S`: the wait for one response.
    public var timeout: Duration = .seconds(5)
    /// `--trace FILE`.
    public var tracePath: String?
    /// `--map FILE` (read by the caller: the link does not need the map).
    public var mapPath: String?
    /// Character framing of a serial link (the terminal UI's port settings, SPEC F-05);
    /// HDLC over RS-485 is 8N1.
    public var dataBits = 8, stopBits = 1
    public var parity: SerialSettings.Parity = .none

    public init(medium: Medium, security: Security = .nls, clientSAP: UInt8? = nil, serverLower: UInt16? = nil,
                logical: UInt16 = 1, addressSize: Int? = nil, maxInfo: Int = HDLCParameters.informationFieldRange.upperBound, window: Int = HDLCParameters.windowRange.upperBound,
                timeout: Duration = .seconds(5), tracePath: String? = nil, mapPath: String? = nil) {
        self.medium = medium; self.security = security; self.clientSAP = clientSAP
        self.serverLower = serverLower; self.logical = logical; self.addressSize = addressSize
        self.maxInfo = maxInfo; self.window = window; self.timeout = timeout
        self.tracePath = tracePath; self.mapPath = mapPath
    }
}
