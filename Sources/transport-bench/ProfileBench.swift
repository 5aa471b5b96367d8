import DLMS
import DLMSTransport
import Simulator
import Synchronization

/// Counts what a client's channel carries: bytes both ways, and round trips (a read that
/// follows a write: one change of direction at the device, one turnaround).
final class CountingChannel: ByteChannel {
    private let inner: any ByteChannel
    private let state = Mutex((bytes: 0, roundTrips: 0, wrote: false))

    init(_ inner: any ByteChannel) { self.inner = inner }

    var bytes: Int { state.withLock { $0.bytes } }
    var roundTrips: Int { state.withLock { $0.roundTrips } }

    func write(_ bytes: [UInt8]) async throws(TransportError) {
        state.withLock { $0.bytes += bytes.count; $0.wrote = true }
        try await inner.write(bytes)
    }

    func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let bytes = try await inner.read(atMost: atMost, timeout: timeout)
        state.withLock { s in
            s.bytes += bytes.count
            if s.wrote, !bytes.isEmpty { s.roundTrips += 1; s.wrote = false }
        }
        return bytes
    }

    func close() async { await inner.close() }
}

enum ProfileBench {
    struct Result {
        var bytes: Int
        var roundTrips: Int
        var elapsed: Double
        var bound: Double
    }

    /// Opens an association, reads the daily profile (7/1.0.98.2.0.255/2) whole, closes;
    /// timed from the SNRM to the last byte of the DISC's UA.
    static func run(baud: Int, turnaround: Duration) async throws -> Result {
        let configuration = DeviceState.Configuration(meters: 5, seed: 3)
        let device = SharedDevice(ServerApplication(device: DeviceState(configuration: configuration, now: SimulatorServer.now())))
        let link = LinkEmulation(baud: baud, turnaround: turnaround)
        let server = SimulatorServer(device: device, options: .init(wrap: link.wrapper))
        let (clientEnd, deviceEnd) = MemoryChannel.pair()
        let serving = Task { await server.serve(channel: deviceEnd, acceptsSignOn: false) }
        defer { serving.cancel() }
        let counting = CountingChannel(clientEnd)
        let connection = DLMSConnection(channel: counting, configuration: ClientConfiguration(responseTimeout: .seconds(10)))
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await connection.open()
        let result = try await connection.get([AttributeWithAccess(CosemAttributeDescriptor("7/1.0.98.2.0.255/2")!)])
        await connection.close()
        let elapsed = clock.now - start
        guard case .data(.array(let rows))? = result.first, rows.count == 89 else {
            throw BenchError.unexpected("\(result.first.map { "\($0)" } ?? "nothing")")
        }
        let (s, atto) = elapsed.components
        let (ts, tatto) = turnaround.components
        let turn = Double(ts) + Double(tatto) * 1e-18
        let bound = Double(counting.bytes) * 10 / Double(baud) + Double(counting.roundTrips) * turn
        return Result(bytes: counting.bytes, roundTrips: counting.roundTrips,
                      elapsed: Double(s) + Double(atto) * 1e-18, bound: bound)
    }

    enum BenchError: Error { case unexpected(String) }
}
