import DLMSTransport
import Synchronization

/// What es951-sim puts around every connection it serves (SPEC.md, "es951-sim
/// details"), innermost first: the line (``PacedChannel``, `--baud`/`--turnaround`),
/// the faults (``FaultyChannel``, `--faults`; `cut-after` on the first connection only,
/// later connections are clean; on a wrapper link, to what is sent only) and the frame
/// trace (``TracingChannel``, `--trace`). Its ``wrapper`` is the executable's
/// ``SimulatorServer/Options/wrap``, so tests build exactly the simulator's stack
/// in-process.
///
/// ```swift
/// let link = LinkEmulation(baud: 9600, faults: try FaultSpec(parsing: "drop=0.05,seed=7"))
/// let server = SimulatorServer(device: device, options: .init(wrap: link.wrapper))
/// ```
public final class LinkEmulation: Sendable {
    /// Bit/s of the emulated line (10 bits a byte), nil for no pacing.
    public let baud: Int?
    /// The device's pause once per change of direction (only with `baud`).
    public let turnaround: Duration
    public let faults: FaultSpec?
    public let trace: FrameTrace?
    /// Masked as `2a` bytes in the trace: the LLS password.
    public let secret: [UInt8]?
    public let framing: TracingChannel.Framing
    private let state = Mutex(State())

    private struct State {
        var connections = 0
        var faulty: [FaultyChannel] = []
    }

    /// - Parameter turnaround: nil means SPEC.md's default: 20 ms with `baud`, else 0.
    public init(baud: Int? = nil, turnaround: Duration? = nil, faults: FaultSpec? = nil, trace: FrameTrace? = nil,
                secret: [UInt8]? = nil, framing: TracingChannel.Framing = .hdlc) {
        self.baud = baud
        self.turnaround = turnaround ?? (baud == nil ? .zero : .milliseconds(20))
        self.faults = faults; self.trace = trace; self.secret = secret; self.framing = framing
    }

    /// True when nothing would be added to a connection.
    public var isEmpty: Bool { baud == nil && faults == nil && trace == nil }

    /// The fault channels made so far, one per connection (for their counters).
    public var faultyChannels: [FaultyChannel] { state.withLock { $0.faulty } }

    /// All faults made so far, summed over the connections.
    public var faultCounters: FaultCounters {
        faultyChannels.reduce(into: FaultCounters()) { sum, channel in
            let c = channel.counters
            sum.framesSent += c.framesSent; sum.framesReceived += c.framesReceived
            sum.corrupted += c.corrupted; sum.dropped += c.dropped
            sum.delayed += c.delayed; sum.cuts += c.cuts
        }
    }

    /// ``wrap(_:)`` as ``SimulatorServer/Options/wrap``; nil when there is nothing to add.
    public var wrapper: (@Sendable (any ByteChannel) -> any ByteChannel)? {
        guard !isEmpty else { return nil }
        return { @Sendable channel in self.wrap(channel) }
    }

    /// Decorates one connection's channel.
    public func wrap(_ channel: any ByteChannel) -> any ByteChannel {
        var c = channel
        if let baud { c = PacedChannel(c, baud: baud, turnaround: turnaround) }
        if var spec = faults {
            let faulty = state.withLock { s -> FaultyChannel in
                s.connections += 1
                if s.connections > 1 { spec.cutAfter = nil }
                let faulty = FaultyChannel(c, faults: spec)
                s.faulty.append(faulty)
                return faulty
            }
            // A wrapper stream is not HDLC: the fault channel would look for frames in
            // what it reads (and hold back bytes that look like the start of one). There,
            // faults apply to what the simulator sends only, one PDU per write.
            c = framing == .wrapper ? SendFaultsOnly(inner: c, faulty: faulty) : faulty
        }
        if let trace { c = TracingChannel(c, trace: trace, secret: secret, framing: framing) }
        return c
    }
}

/// Faults on what is written only: writes go through the ``FaultyChannel``, reads come
/// straight from the channel below it (closed by the fault channel when it cuts).
final class SendFaultsOnly: ByteChannel {
    private let inner: any ByteChannel
    private let faulty: FaultyChannel

    init(inner: any ByteChannel, faulty: FaultyChannel) { self.inner = inner; self.faulty = faulty }

    func write(_ bytes: [UInt8]) async throws(TransportError) { try await faulty.write(bytes) }

    func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await inner.read(atMost: atMost, timeout: timeout)
    }

    func close() async { await faulty.close() }
}
