import DLMS
import ArgumentParser
import Concentrator
import ES951
import Foundation

/// The LINK options of SPEC.md F-72, shared by every device command:
/// `--tcp HOST:PORT [--wrapper] | --serial DEV [--baud 9600] | --optical DEV`,
/// `--nls | --lls`, `--client SAP`, `--server-address N [--logical U] | --broadcast`,
/// `--address-size 1|2|4`, `--max-info N`, `--window N`, `--timeout S`, `--trace FILE`,
/// `--map FILE`. ``linkOptions()`` checks them and builds a `LinkSpec`.
struct LinkArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The concentrator over TCP/IP.", valueName: "host:port"))
    var tcp: String?
    @Flag(name: .long, help: "On TCP, the IEC 62056-47 wrapper instead of HDLC frames.")
    var wrapper = false
    @Option(name: .long, help: ArgumentHelp("An RS-485 adapter (HDLC at --baud).", valueName: "device"))
    var serial: String?
    @Option(name: .long, help: "Serial speed for --serial (default 9600).")
    var baud: Int?
    @Option(name: .long, help: ArgumentHelp("An optical head (IEC 62056-21 mode E sign-on).", valueName: "device"))
    var optical: String?

    @Flag(name: .long, help: "No security: read only, client 16 (the default).")
    var nls = false
    @Flag(name: .long, help: "Low-level security: password from HLMCS_LLS_PASSWORD or a prompt; client 32.")
    var lls = false
    @Option(name: .long, help: ArgumentHelp("Client SAP (1–127).", valueName: "sap"))
    var client: Int?
    @Option(name: .customLong("server-address"), help: ArgumentHelp("Lower (physical) server address.", valueName: "n"))
    var serverAddress: Int?
    @Option(name: .long, help: ArgumentHelp("Upper (logical device) server address (default 1).", valueName: "u"))
    var logical: Int?
    @Flag(name: .long, help: "The all-station address (the default without --server-address).")
    var broadcast = false
    @Option(name: .customLong("address-size"), help: "Server address bytes: 1, 2 or 4.")
    var addressSize: Int?
    @Option(name: .customLong("max-info"), help: "Largest information field to propose (default 2030).")
    var maxInfo: Int?
    @Option(name: .long, help: "HDLC window to propose (default 7).")
    var window: Int?
    @Option(name: .long, help: ArgumentHelp("Seconds to wait for one response (default 5; 4 tries).", valueName: "s"))
    var timeout: Double?
    @Option(name: .long, help: ArgumentHelp("Write every frame to this file (passwords masked).", valueName: "file"))
    var trace: String?
    @Option(name: .long, help: ArgumentHelp("A device map other than the built-in one.", valueName: "file"))
    var map: String?
    @Flag(name: .long, help: "Read the device's object list again instead of the one kept from an earlier connection.")
    var refreshObjects = false

    /// What is wrong with the LINK options as written (which options go together);
    /// a value outside its rule is the spec's ``LinkProblem``. Worded by ``ErrorMessages``.
    enum Problem: Error, Equatable {
        case noMedium
        case severalMedia
        case badHostPort(String)
        case wrapperWithoutTCP
        case baudWithoutSerial
        case bothSecurities
        case broadcastWithAddress
        case invalid(LinkProblem)
    }

    /// Whether `--lls` was asked for.
    var wantsLLS: Bool { lls }

    /// Checks the options against each other and builds the link's spec, checked by
    /// ``LinkSpec/validate()`` — the rules the connection window and `Link.open` use.
    func linkOptions() throws(Problem) -> LinkSpec {
        let media = [tcp != nil, serial != nil, optical != nil].filter { $0 }.count
        guard media > 0 else { throw .noMedium }
        guard media == 1 else { throw .severalMedia }
        if wrapper && tcp == nil { throw .wrapperWithoutTCP }
        if baud != nil && serial == nil { throw .baudWithoutSerial }
        if nls && lls { throw .bothSecurities }
        if broadcast && serverAddress != nil { throw .broadcastWithAddress }
        var spec = LinkSpec(security: lls ? .lls : .nls, clientSAP: client, serverAddress: serverAddress,
                            logical: logical ?? 1, addressSize: addressSize, tracePath: trace, mapPath: map)
        if let tcp {
            guard let (host, port) = Self.hostPort(tcp) else { throw .badHostPort(tcp) }
            spec.medium = .tcp; spec.host = host; spec.tcpPort = port; spec.wrapper = wrapper
        } else if let serial {
            spec.medium = .serial; spec.port = serial; spec.baud = baud ?? 9600
        } else {
            spec.medium = .optical; spec.port = optical!
        }
        if let maxInfo { spec.maxInfo = maxInfo }
        if let window { spec.window = window }
        if let timeout { spec.timeoutSeconds = timeout }
        if let problem = spec.validate().first { throw .invalid(problem) }
        return spec
    }

    /// `host:port`, `[v6]:port`; the port 1–65535.
    static func hostPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = UInt16(text[text.index(after: colon)...]), port > 0 else { return nil }
        return (host, Int(port))
    }
}
