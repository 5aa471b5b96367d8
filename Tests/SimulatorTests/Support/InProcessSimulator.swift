import DLMS
import DLMSTransport
import Foundation
import Simulator
import Synchronization

/// An es951-sim in the test process: one ``SharedDevice`` served by a ``SimulatorServer``
/// over memory channel pairs (``connect()``) or a TCP listener (``listen(wrapper:)``),
/// with the executable's ``LinkEmulation`` around each connection.
final class InProcessSimulator: Sendable {
    let server: SimulatorServer
    let link: LinkEmulation
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let lines = LogLines()

    init(meters: Int = 5, seed: UInt64 = 3, link: LinkEmulation = LinkEmulation(),
         inactivityTimeout: Duration = .seconds(120)) {
        let configuration = DeviceState.Configuration(meters: meters, seed: seed)
        let device = SharedDevice(ServerApplication(device: DeviceState(configuration: configuration, now: SimulatorServer.now())))
        self.link = link
        let lines = self.lines
        let log: @Sendable (String) -> Void = { line in lines.append(line) }
        server = SimulatorServer(device: device, options: .init(inactivityTimeout: inactivityTimeout, log: log,
                                                                wrap: link.wrapper))
    }

    deinit { for task in tasks.withLock({ $0 }) { task.cancel() } }

    /// The log lines so far (one per request served, connections, …).
    var log: [String] { lines.all }

    /// A new connection over a memory channel pair: the client's end.
    func connect() -> MemoryChannel {
        let (client, device) = MemoryChannel.pair()
        let server = self.server
        let task = Task {
            await server.serve(channel: device, acceptsSignOn: false)
            await device.close()
        }
        tasks.withLock { $0.append(task) }
        return client
    }

    /// Listens on 127.0.0.1, any free port; returns the port.
    func listen(wrapper: Bool = false) throws -> UInt16 {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let server = self.server
        let task = Task { await server.serve(listener: listener, wrapper: wrapper) }
        tasks.withLock { $0.append(task) }
        return listener.port
    }

    static let password = "admin@emis"

    static func configuration(client: UInt8 = 16, password: String? = nil,
                              responseTimeout: Duration = .seconds(3)) -> ClientConfiguration {
        ClientConfiguration(clientAddress: client, authentication: password.map { .low(password: Array($0.utf8)) } ?? .none,
                            responseTimeout: responseTimeout)
    }

    static let serialNumber = CosemAttributeDescriptor("1/0.0.96.1.0.255/2")!
    static let dailyProfile = CosemAttributeDescriptor("7/1.0.98.2.0.255/2")!
    static let apn = CosemAttributeDescriptor("45/0.0.25.4.0.255/2")!
    static let pointSelector = CosemAttributeDescriptor("1/0.0.94.7.137.255/2")!
}

/// The simulator's log lines, collected.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A scratch file path, removed by the caller.
func scratchPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("simgaps-\(UUID().uuidString.prefix(8))-\(name)").path
}

/// One `--trace` line: time, direction, bytes.
struct TraceLine: Equatable {
    var time: Double
    var sent: Bool
    var bytes: [UInt8]

    /// Parses `0.012345 > 7e a0 …`; nil when the line is not in SPEC.md's format.
    init?(_ text: Substring) {
        let parts = text.split(separator: " ")
        guard parts.count >= 3, parts[1] == ">" || parts[1] == "<" else { return nil }
        let time = parts[0].split(separator: ".")
        guard time.count == 2, time[1].count == 6, time[0].allSatisfy(\.isNumber), time[1].allSatisfy(\.isNumber),
              let seconds = Double(parts[0]) else { return nil }
        var bytes: [UInt8] = []
        for hex in parts[2...] {
            guard hex.count == 2, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }), let b = UInt8(hex, radix: 16) else { return nil }
            bytes.append(b)
        }
        self.time = seconds; self.sent = parts[1] == ">"; self.bytes = bytes
    }

    /// All lines of a trace file; nil when any line is malformed.
    static func read(_ path: String) -> [TraceLine]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var out: [TraceLine] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let parsed = TraceLine(line) else { return nil }
            out.append(parsed)
        }
        return out
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs in these bytes.
    func contains(sequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
