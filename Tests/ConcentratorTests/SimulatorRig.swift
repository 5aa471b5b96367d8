import DLMS
import DLMSTransport
import ES951
import Foundation
import Simulator
import Synchronization
@testable import Concentrator

/// A Concentrator connected over a `MemoryChannel.pair()` to an in-process simulator
/// (`SimulatorServer.serve(channel:)`), the client end counted by a `CountingChannel`.
struct SimulatorRig {
    static let password = "admin@emis"
    static let fixedTime = Date(timeIntervalSince1970: 1_790_000_000)
    static let map = try! DeviceMap.builtIn()

    let concentrator: Concentrator
    let counter: TrafficCounter
    let requests: Lines
    let server: Task<Void, Never>

    /// Request lines the simulator logs (one per request served, blocks of a long answer left out).
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ s: String) { lines.withLock { $0.append(s) } }
        var all: [String] { lines.withLock { $0 } }
        var count: Int { lines.withLock { $0.count } }
    }

    /// - Parameter baud: the simulator's answers paced at this speed (a slow line), if given.
    /// - Parameter faults: faults injected on the simulator's side of the line.
    init(client: UInt8 = 32, password: String? = SimulatorRig.password, meters: Int = 200, baud: Int? = nil,
         faults: FaultSpec? = nil, timeout: Duration = .seconds(2)) {
        let device = DeviceState(configuration: .init(meters: meters), now: SimulatorServer.now())
        let requests = Lines()
        let server = SimulatorServer(device: SharedDevice(ServerApplication(device: device)),
                                     options: .init(log: { line in
            // Requests, not the blocks of a long answer (GET-next).
            if line.hasPrefix("client "), line.contains("->"), !line.contains(" GET-next ") { requests.append(line) }
        }, wrap: Self.wrapping(baud: baud, faults: faults)))
        let (clientEnd, serverEnd) = MemoryChannel.pair()
        self.server = Task { await server.serve(channel: serverEnd, acceptsSignOn: false) }
        let counter = TrafficCounter()
        let configuration = ClientConfiguration(
            clientAddress: client, authentication: password.map { .low(password: Array($0.utf8)) } ?? .none,
            responseTimeout: timeout, maxAttempts: faults == nil ? 2 : 4)
        let link = DLMSConnection(channel: CountingChannel(clientEnd, counter: counter), configuration: configuration)
        concentrator = Concentrator(connection: link, map: Self.map, catalogue: nil, traffic: counter, now: { Self.fixedTime })
        self.counter = counter
        self.requests = requests
    }

    /// Opens the association.
    static func opened(client: UInt8 = 32, password: String? = SimulatorRig.password, meters: Int = 200,
                       baud: Int? = nil) async throws -> SimulatorRig {
        let rig = SimulatorRig(client: client, password: password, meters: meters, baud: baud)
        _ = try await rig.concentrator.open()
        return rig
    }

    static func wrapping(baud: Int?, faults: FaultSpec?) -> (@Sendable (any ByteChannel) -> any ByteChannel)? {
        guard baud != nil || faults != nil else { return nil }
        return { channel in
            var c = channel
            if let baud { c = PacedChannel(c, baud: baud, turnaround: .zero) }
            if let faults { c = FaultyChannel(c, faults: faults) }
            return c
        }
    }

    func finish() async {
        await concentrator.close()
        server.cancel()
        _ = await server.value
    }
}

/// Values gathered from `@Sendable` callbacks.
final class Collected<T: Sendable>: Sendable {
    private let items = Mutex<[T]>([])
    func append(_ item: T) { items.withLock { $0.append(item) } }
    var all: [T] { items.withLock { $0 } }
}
