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
    // Hostile device (testing): man/es951-sim.1, "HOSTILE DEVICE (TESTING)".
    @Option(name: .customLong("answer"), help: ArgumentHelp(
        "Hostile device (testing): answer GETs of this attribute with these bytes, whatever the device holds (repeatable).",
        discussion: """
            HEX is the encoded A-XDR Data, sent as given (not checked), e.g. \
            1/0.0.94.7.141.255/2=0203150000000000000001150000000000000002150000000000000003; \
            =@FILE reads the hex from FILE (for long answers). Also inside a GET-with-list and \
            with selective access; long answers go in blocks and HDLC segments as usual.
            """,
        valueName: "class/obis/attr=hex"))
    var answer: [String] = []
    @Option(name: .customLong("hostile"), help: ArgumentHelp(
        "Hostile device (testing): misbehave on purpose (repeatable or comma-separated).",
        discussion: """
            endless-segments: a GET's answer in HDLC segments that never end (one per RR).
            endless-blocks: a GET's answer in data blocks, never the last one.
            huge-array: an array answer claims 0xFFFFFFFF entries and streams them in blocks.
            ignore-release: no answer to RLRQ or DISC.
            silent-after-association: SNRM and AARQ answered, then nothing until the next SNRM.
            slow-drip[=MS]: every byte sent alone, MS (default 1000) after the one before.
            endless-blocks, huge-array and slow-drip work with --wrapper too.
            """,
        valueName: "mode"),
            completion: .list(HostileBehaviour.Mode.allCases.map(\.rawValue)))
    var hostile: [String] = []

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
        guard HDLCParameters.informationFieldRange.contains(maxInfo) else {
            throw ValidationError("--max-info must be \(HDLCParameters.informationFieldRange.lowerBound)…\(HDLCParameters.informationFieldRange.upperBound)")
        }
        guard HDLCParameters.windowRange.contains(window) else {
            throw ValidationError("--window must be \(HDLCParameters.windowRange.lowerBound)…\(HDLCParameters.windowRange.upperBound)")
        }
        for text in refuseWrite where Self.attributeDescriptor(text) == nil {
            throw ValidationError("--refuse-write \(text): CLASS/OBIS/ATTR, e.g. 42/0.0.25.1.0.255/3")
        }
        let behaviour = try hostileBehaviour()
        if wrapper, let mode = HostileBehaviour.Mode.allCases.first(where: {
            behaviour.modes.contains($0) && HostileBehaviour.linkModes.contains($0) }) {
            throw ValidationError("--hostile \(mode.rawValue) acts on HDLC frames: not with --wrapper")
        }
    }

    /// CLASS/OBIS/ATTR, e.g. `42/0.0.25.1.0.255/3` (`--refuse-write`, `--answer`).
    static func attributeDescriptor<S: StringProtocol>(_ text: S) -> CosemAttributeDescriptor? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, let classID = UInt16(parts[0]), let obis = OBISCode(String(parts[1])),
              let attribute = Int8(parts[2]) else { return nil }
        return CosemAttributeDescriptor(classID: classID, instance: obis, attribute: attribute)
    }

    /// `--answer` and `--hostile` as one ``HostileBehaviour`` (empty without them).
    func hostileBehaviour() throws -> HostileBehaviour {
        var behaviour = HostileBehaviour()
        for text in answer {
            let (descriptor, bytes) = try Self.cannedAnswer(text)
            guard behaviour.answers[descriptor] == nil else { throw ValidationError("--answer \(descriptor): given twice") }
            behaviour.answers[descriptor] = bytes
        }
        let names = HostileBehaviour.Mode.allCases.map(\.rawValue).joined(separator: ", ")
        for item in hostile.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let word = item.trimmingCharacters(in: .whitespaces)
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let mode = HostileBehaviour.Mode(rawValue: String(parts[0])) else {
                throw ValidationError("--hostile \(word): unknown mode; one of \(names)")
            }
            if parts.count == 2 {
                guard mode == .slowDrip, let ms = Int(parts[1]), ms > 0 else {
                    throw ValidationError("--hostile \(word): only slow-drip takes a value, milliseconds > 0 (slow-drip=200)")
                }
                behaviour.dripInterval = .milliseconds(ms)
            }
            behaviour.modes.insert(mode)
        }
        return behaviour
    }

    /// One `--answer CLASS/OBIS/ATTR=HEX` (or `=@FILE`, the hex read from FILE).
    static func cannedAnswer(_ text: String) throws -> (CosemAttributeDescriptor, [UInt8]) {
        let shown = text.count > 60 ? text.prefix(57) + "..." : Substring(text)
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("--answer \(shown): CLASS/OBIS/ATTR=HEX, e.g. 1/0.0.94.7.141.255/2=0203120064120060120004")
        }
        guard let descriptor = attributeDescriptor(text[..<equals]) else {
            throw ValidationError("--answer \(shown): \(text[..<equals]) is not CLASS/OBIS/ATTR, e.g. 1/0.0.94.7.141.255/2")
        }
        var hex = String(text[text.index(after: equals)...])
        if hex.hasPrefix("@") {
            let path = String(hex.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--answer \(descriptor): cannot read \(path)")
            }
            hex = String(decoding: data, as: UTF8.self)
        }
        guard let bytes = Hex.bytes(hex) else {
            throw ValidationError("--answer \(descriptor): the answer must be hex digits in pairs (spaces and : allowed), e.g. 15FFFFFFFFFFFFFFFF")
        }
        guard !bytes.isEmpty else { throw ValidationError("--answer \(descriptor): no bytes to answer with") }
        return (descriptor, bytes)
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
            guard let descriptor = Self.attributeDescriptor(text) else {
                throw ValidationError("--refuse-write \(text): CLASS/OBIS/ATTR, e.g. 42/0.0.25.1.0.255/3")
            }
            refused.insert(descriptor)
        }
        let hostile = try hostileBehaviour()
        let configuration = DeviceState.Configuration(serialNumber: serialNumber, password: Array(password.utf8),
                                                      meters: meters, seed: seed, refusedWrites: refused)
        var application = ServerApplication(device: DeviceState(configuration: configuration, map: deviceMap,
                                                                now: SimulatorServer.now()))
        application.hostile = hostile
        let link = LinkEmulation(baud: baud, turnaround: turnaround.map { .milliseconds($0) }, faults: faultSpec,
                                 trace: frameTrace, secret: Array(password.utf8),
                                 framing: wrapper ? .wrapper : .hdlc)
        let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        var options = SimulatorServer.Options(maxInfo: maxInfo, window: window, log: log, wrap: hostile.wrapping(link.wrapper))
        options.hostile = hostile
        if !hostile.isEmpty { log(hostile.summary) }
        let server = SimulatorServer(device: SharedDevice(application), options: options)

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
            // With --baud the line runs at that speed: a client at another hears noise.
            let line: any ByteChannel = baud.map { LineSpeedCheck(terminal.channel, baud: $0) } ?? terminal.channel
            tasks.append(Task { await Self.serveForever(server, line, signOn: true, switchTo: nil) })
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
    static let stream = AsyncStream<Int32>.makeStream()

    static func install() {
        SignalWatch.start([SIGINT, SIGTERM]) { sig in stream.continuation.yield(sig) }
    }

    static func wait() async {
        for await _ in stream.stream { return }
    }
}
