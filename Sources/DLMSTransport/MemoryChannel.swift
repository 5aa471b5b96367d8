/// One end of an in-memory byte pipe: what one end writes, the other reads. For tests
/// and for the built-in demo (client and simulator in one process).
///
/// ```swift
/// let (client, server) = MemoryChannel.pair()
/// try await client.write([0x7E])
/// let b = try await server.read(atMost: 16, timeout: .milliseconds(100))   // [0x7E]
/// ```
/// Closing either end ends the stream both ways: the peer reads what was already sent,
/// then `.closed`; writes after that throw `.closed`.
public final class MemoryChannel: ByteChannel {
    private let inbound: ByteQueue
    private let outbound: ByteQueue

    private init(inbound: ByteQueue, outbound: ByteQueue) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Two connected ends.
    public static func pair() -> (MemoryChannel, MemoryChannel) {
        let a = ByteQueue(), b = ByteQueue()
        return (MemoryChannel(inbound: a, outbound: b), MemoryChannel(inbound: b, outbound: a))
    }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        guard !inbound.isClosed, outbound.push(bytes) else { throw .closed }
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await inbound.pop(atMost: atMost, timeout: timeout)
    }

    /// Reads of this end waiting for bytes right now: a test that must write or close
    /// while a read waits waits for this, not for a guessed time.
    public var waitingReaders: Int { inbound.waitingReaders }

    public func close() async {
        inbound.close()
        outbound.close()
    }
}
