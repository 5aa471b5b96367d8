import DLMS
import ArgumentParser
import Concentrator
import Foundation

/// The LINK options of SPEC.md F-72, shared by every device command:
/// `--tcp HOST:PORT [--wrapper] | --serial DEV [--baud 9600] | --optical DEV`,
/// `--nls | --lls`, `--client SAP`, `--server-address N [--logical U] | --broadcast`,
/// `--address-size 1|2|4`, `--max-info N`, `--window N`, `--timeout S`, `--trace FILE`,
/// `--map FILE`. ``linkOptions()`` checks them and builds a `LinkOptions`.
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

    /// What is wrong with the LINK options, structured; worded by ``ErrorMessages``.
    enum Problem: Error, Equatable {
        case noMedium
        case severalMedia
        case badHostPort(String)
        case wrapperWithoutTCP
        case baudWithoutSerial
        case badBaud(Int)
        case bothSecurities
        case badClient(Int)
        case badServerAddress(Int)
        case badLogical(Int)
        case broadcastWithAddress
        case badAddressSize(Int)
        case addressTooLarge(Int, size: Int)
        case badMaxInfo(Int)
        case badWindow(Int)
        case badTimeout(Double)
    }

    /// Whether `--lls` was asked for.
    var wantsLLS: Bool { lls }

    /// Checks the options against each other and builds the link's description.
    func linkOptions() throws(Problem) -> LinkOptions {
        let media = [tcp != nil, serial != nil, optical != nil].filter { $0 }.count
        guard media > 0 else { throw .noMedium }
        guard media == 1 else { throw .severalMedia }
        if wrapper && tcp == nil { throw .wrapperWithoutTCP }
        if baud != nil && serial == nil { throw .baudWithoutSerial }
        var options: LinkOptions
        if let tcp {
            guard let (host, port) = Self.hostPort(tcp) else { throw .badHostPort(tcp) }
            options = LinkOptions(medium: .tcp(host: host, port: port, wrapper: wrapper))
        } else if let serial {
            let baud = baud ?? 9600
            guard Self.bauds.contains(baud) else { throw .badBaud(baud) }
            options = LinkOptions(medium: .serial(path: serial, baud: baud))
        } else {
            options = LinkOptions(medium: .optical(path: optical!))
        }
        if nls && lls { throw .bothSecurities }
        options.security = lls ? .lls : .nls
        if let client {
            guard (1...127).contains(client) else { throw .badClient(client) }
            options.clientSAP = UInt8(client)
        }
        if let addressSize {
            guard [1, 2, 4].contains(addressSize) else { throw .badAddressSize(addressSize) }
            options.addressSize = addressSize
        }
        if broadcast && serverAddress != nil { throw .broadcastWithAddress }
        if let logical {
            guard (0...0x3FFF).contains(logical) else { throw .badLogical(logical) }
            options.logical = UInt16(logical)
        }
        if let serverAddress {
            guard (0...0x3FFF).contains(serverAddress) else { throw .badServerAddress(serverAddress) }
            if let size = addressSize {
                let fits = size == 4 || (size == 2 && serverAddress < 0x80 && options.logical < 0x80)
                guard fits else { throw .addressTooLarge(serverAddress, size: size) }
            }
            options.serverLower = UInt16(serverAddress)
        }
        if let maxInfo {
            guard HDLCParameters.informationFieldRange.contains(maxInfo) else { throw .badMaxInfo(maxInfo) }
            options.maxInfo = maxInfo
        }
        if let window {
            guard (1...7).contains(window) else { throw .badWindow(window) }
            options.window = window
        }
        if let timeout {
            guard timeout.isFinite, timeout > 0, timeout <= 600 else { throw .badTimeout(timeout) }
            options.timeout = .milliseconds(Int64((timeout * 1000).rounded()))
        }
        options.tracePath = trace
        options.mapPath = map
        return options
    }

    static let bauds = LineSpeed.bauds

    /// `host:port`, `[v6]:port`; the port 1–65535.
    static func hostPort(_ text: String) -> (String, UInt16)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = UInt16(text[text.index(after: colon)...]), port > 0 else { return nil }
        return (host, port)
    }
}
