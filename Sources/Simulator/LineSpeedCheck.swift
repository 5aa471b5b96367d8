import DLMSTransport

/// A serial line whose two ends run at different speeds, as es951-sim plays it on a pty
/// (`--pty` with `--baud`): a pty has no speed of its own, but the speed the client sets
/// is there to read (the pair shares one termios). When the client's speed is not the
/// line's, every byte either way arrives garbled — as a UART at the wrong speed reads
/// noise — so no frame gets through and the client must find the right speed
/// (`hlmcs detect`). 300 baud is left alone: the optical sign-on starts there.
///
/// ```swift
/// let line = LineSpeedCheck(terminal.channel, baud: 19200)   // a client at 9600 hears noise
/// ```
public final class LineSpeedCheck: ByteChannel {
    private let inner: SerialChannel
    public let baud: Int

    public init(_ inner: SerialChannel, baud: Int) { self.inner = inner; self.baud = baud }

    /// Whether the client's end now runs at another speed than the line.
    var mismatched: Bool {
        guard let speed = try? inner._settingsInForce().baud else { return false }
        return speed != baud && speed != 300
    }

    /// Noise for `bytes`: each one changed, flags included, so nothing decodes.
    static func garbled(_ bytes: [UInt8]) -> [UInt8] { bytes.map { $0 ^ 0xA5 } }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        try await inner.write(mismatched ? Self.garbled(bytes) : bytes)
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let bytes = try await inner.read(atMost: atMost, timeout: timeout)
        return mismatched ? Self.garbled(bytes) : bytes
    }

    public func close() async { await inner.close() }
}
