import DLMS
import DLMSTransport
import Synchronization

/// Traffic of a channel: bytes and HDLC frames each way, with an observer told of every
/// frame. Shared between a ``CountingChannel`` and whoever reads the figures (the
/// ``Concentrator`` for its log and progress).
public final class TrafficCounter: Sendable {
    public struct Totals: Equatable, Sendable {
        public var bytesSent = 0, bytesReceived = 0, framesSent = 0, framesReceived = 0
        public var bytes: Int { bytesSent + bytesReceived }
        public var frames: Int { framesSent + framesReceived }
        public init() {}
    }
    private struct State {
        var totals = Totals()
        var sentDecoder = HDLCStreamDecoder()
        var receivedDecoder = HDLCStreamDecoder()
        var observer: (@Sendable (Totals) -> Void)?
    }
    private let state = Mutex(State())

    public init() {}

    public var totals: Totals { state.withLock { $0.totals } }

    /// Called after each frame (sent or received) with the totals so far.
    public func observe(_ observer: (@Sendable (Totals) -> Void)?) { state.withLock { $0.observer = observer } }

    func count(_ bytes: [UInt8], sent: Bool) {
        let (totals, observer, frames) = state.withLock { s -> (Totals, (@Sendable (Totals) -> Void)?, Int) in
            var frames = 0
            if sent {
                s.totals.bytesSent += bytes.count
                s.sentDecoder.append(bytes)
                while s.sentDecoder.next() != nil { frames += 1 }
                s.totals.framesSent += frames
            } else {
                s.totals.bytesReceived += bytes.count
                s.receivedDecoder.append(bytes)
                while s.receivedDecoder.next() != nil { frames += 1 }
                s.totals.framesReceived += frames
            }
            return (s.totals, s.observer, frames)
        }
        if frames > 0 { observer?(totals) }
    }
}

/// A channel that counts what passes through it (bytes, HDLC frames) into a
/// ``TrafficCounter``.
///
/// ```swift
/// let counter = TrafficCounter()
/// let link = DLMSConnection(channel: CountingChannel(tcp, counter: counter), configuration: config)
/// let c = Concentrator(connection: link, map: map, traffic: counter)
/// ```
public final class CountingChannel: ByteChannel {
    public let base: any ByteChannel
    public let counter: TrafficCounter

    public init(_ base: any ByteChannel, counter: TrafficCounter) { self.base = base; self.counter = counter }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        try await base.write(bytes)
        counter.count(bytes, sent: true)
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let bytes = try await base.read(atMost: atMost, timeout: timeout)
        counter.count(bytes, sent: false)
        return bytes
    }

    public func close() async { await base.close() }
}
