import ArgumentParser
import DLMS
import DLMSTransport
import ES951
import Foundation
import Simulator
import Synchronization

/// `es951-sim`: the simulated ES-951 on TCP, a pty or a serial port (SPEC.md,
/// "es951-sim details"; man page man/es951-sim.1).
@main
struct ES951Sim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "es951-sim",
        abstract: "A simulated EMIS ES-951 data concentrator (DLMS/COSEM over HDLC).",
        version: ProgramVersion.text)

    @Option(name: .customLong("tcp"), help: "Listen on HOST:PORT (port 0: any free port).")
    var tcp: String?
    @Flag(help: "Use the IEC 62056-47 wrapper on TCP instead of HDLC.")
    var wrapper = false
    @Option(name: .customLong("pty"), help: "Make a pseudo-terminal with a symlink at PATH.")
    var pty: String?
    @Option(name: .customLong("serial"), help: "Serve on a serial device.")
    var serial: String?
    @Option(help: "optical (IEC 62056-21 sign-on at 300 baud, then 9600) or rs485 (HDLC at 9600).")
    var mode: String?
    @Option(help: "Metering points (1…1000).")
    var meters = 100
    @Option(help: "Seed of the generated data.")
    var seed: UInt64 = 1
    @Option(name: .customLong("serial-number"), help: "Serial number (digits).")
    var serialNumber = "95100001"
    @Option(help: "LLS password of clients 32 and 48.")
    var password = "admin@emis"
    @Option(name: .customLong("max-info"), help: "Largest HDLC information field granted.")
    var maxInfo = 512
    @Option(help: "Largest HDLC window granted.")
    var window = 7
    @Option(help: "Emulate a line of N bit/s (10 bits a byte).")
    var baud: Int?
    @Option(help: "Turnaround in ms (default 20 with --baud, else 0).")
    var turnaround: Int?
    @Option(help: "Faults: corrupt=P,drop=P,delay=MS,cut-after=N,seed=S.")
    var faults: String?
    @Option(help: "Write a frame trace to FILE.")
    var trace: String?
    @Option(name: .customLong("refuse-write"), help: ArgumentHelp("Refuse writes of this attribute (repeatable).", valueName: "class/obis/attr"))
    var refuseWrite: [String] = []
    @Option(help: "A device map other than the built-in one.")
    var map: String?

    /// Usage errors exit with 2 (SPEC.md exit statuses), not argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func validate() throws {
        guard tcp != nil || pty != nil || serial != nil else { throw ValidationError("give --tcp, --pty or --serial") }
        guard (0...1000).contains(meters) else { throw ValidationError("--meters must be 0…1000") }
        guard !serialNumber.isEmpty, serialNumber.count <= 16, serialNumber.allSatisfy(\.isASCII), serialNumber.allSatisfy(\.isNumber) else {
            throw ValidationError("--serial-number must be 1…16 digits")
        }
        if wrapper, tcp == nil { throw ValidationError("--wrapper needs --tcp") }
        if serial != nil, mode != "optical", mode != "rs485" { throw ValidationError("--serial needs --mode optical|rs485") }
        if let baud, baud <= 0 { throw ValidationError("--baud must be positive") }
        if let turnaround, turnaround < 0 { throw ValidationError("--turnaround must be 0 or more") }
        guard (32...2030).contains(maxInfo) else { throw ValidationError("--max-info must be 32…2030") }
        guard (1...7).contains(window) else { throw ValidationError("--window must be 1…7") }
    }

    func run() async throws {
        let deviceMap: DeviceMap
        do {
            if let map {
                guard let data = FileManager.default.contents(atPath: map) else { throw ValidationError("cannot read \(map)") }
                deviceMap = try DeviceMap(data: Array(data))
            } else {
                deviceMap = try DeviceMap.builtIn()
            }
        } catch let error as ValidationError { throw error } catch {
            throw ValidationError("device map: \(error)")
        }
        let faultSpec: FaultSpec?
        do { faultSpec = try faults.map { text throws(TransportError) in try FaultSpec(parsing: text) } } catch {
            throw ValidationError("--" + error.simulatorText)   // "faults: …"
        }
        let frameTrace: FrameTrace?
        do { frameTrace = try trace.map { path throws(TransportError) in try FrameTrace(path: path) } } catch {
            throw ValidationError("--trace: \(error.simulatorText)")
        }
        var refused = Set<CosemAttributeDescriptor>()
        for text in refuseWrite {
            let parts = text.split(separator: "/")
            guard parts.count == 3, let classID = UInt16(parts[0]), let obis = OBISCode(String(parts[1])),
                  let attribute = Int8(parts[2]) else {
                throw ValidationError("--refuse-write \(text): CLASS/OBIS/ATTR, e.g. 42/0.0.25.1.0.255/3")
            }
            refused.insert(CosemAttributeDescriptor(classID: classID, instance: obis, attribute: attribute))
        }
        let configuration = DeviceState.Configuration(serialNumber: serialNumber, password: Array(password.utf8),
                                                      meters: meters, seed: seed, refusedWrites: refused)
        let application = ServerApplication(device: DeviceState(configuration: configuration, map: deviceMap,
                                                                now: SimulatorServer.now()))
        let link = LinkEmulation(baud: baud, turnaround: turnaround.map { .milliseconds($0) }, faults: faultSpec,
                                 trace: frameTrace, secret: Array(password.utf8),
                                 framing: wrapper ? .wrapper : .hdlc)
        let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let server = SimulatorServer(device: SharedDevice(application),
                                     options: .init(maxInfo: maxInfo, window: window, log: log, wrap: link.wrapper))

        Signals.install()
        var tasks: [Task<Void, Never>] = []
        if let tcp {
            let (host, port) = try Self.hostPort(tcp)
            let listener: TCPListener
            do { listener = try TCPListener(host: host, port: port) } catch {
                FileHandle.standardError.write(Data("es951-sim: cannot listen on \(tcp): \(error.simulatorText)\n".utf8))
                throw ExitCode(3)
            }
            Self.announce("LISTEN tcp \(host):\(listener.port)")
            let wrapper = self.wrapper
            tasks.append(Task { await server.serve(listener: listener, wrapper: wrapper) })
        }
        var terminals: [PseudoTerminal] = []
        if let pty {
            let terminal: PseudoTerminal
            do { terminal = try PseudoTerminal.open(link: pty) } catch {
                FileHandle.standardError.write(Data("es951-sim: cannot make a pty at \(pty): \(error.simulatorText)\n".utf8))
                throw ExitCode(3)
            }
            terminals.append(terminal)
            Signals.cleanup.withLock { $0.append(pty) }
            Self.announce("LISTEN pty \(pty)")
            tasks.append(Task { await Self.serveForever(server, terminal.channel, signOn: true, switchTo: nil) })
        }
        if let serial {
            let optical = mode == "optical"
            let channel: SerialChannel
            do { channel = try SerialChannel.open(path: serial, settings: optical ? .modeE300 : .hdlc9600) } catch {
                FileHandle.standardError.write(Data("es951-sim: cannot open \(serial): \(error.simulatorText)\n".utf8))
                throw ExitCode(3)
            }
            Self.announce("LISTEN serial \(serial)")
            let reconfigure: @Sendable () async -> Void = {
                try? await Task.sleep(for: .milliseconds(250))
                try? channel.reconfigure(.hdlc9600)
            }
            let switchTo: (@Sendable () async -> Void)? = optical ? reconfigure : nil
            tasks.append(Task { await Self.serveForever(server, channel, signOn: optical, switchTo: switchTo) })
        }
        await Signals.wait()
        for task in tasks { task.cancel() }
        withExtendedLifetime(terminals) {}
        for path in Signals.cleanup.withLock({ $0 }) { unlink(path) }
        throw ExitCode.success
    }

    /// A pty or serial line outlives its clients: serve it again after each one.
    static func serveForever(_ server: SimulatorServer, _ channel: any ByteChannel, signOn: Bool,
                             switchTo: (@Sendable () async -> Void)?) async {
        while !Task.isCancelled {
            await server.serve(channel: channel, acceptsSignOn: signOn, switchToHDLC: switchTo)
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func hostPort(_ text: String) throws -> (String, UInt16) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
            throw ValidationError("--tcp wants HOST:PORT")
        }
        let host = String(text[..<colon])
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }
}

/// SIGINT and SIGTERM end the simulator cleanly (the pty symlink removed).
enum Signals {
    static let cleanup = Mutex<[String]>([])
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
    static let stream = AsyncStream<Int32>.makeStream()

    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stream.continuation.yield(sig) }
            source.resume()
            sources.append(source)
        }
    }

    static func wait() async {
        for await _ in stream.stream { return }
    }
}
