/// A raw, bidirectional byte stream: a TCP connection, a serial line or pty, an in-memory
/// pair, or a decorator over one of those (``PacedChannel``, ``FaultyChannel``).
///
/// Framing is not its business: HDLC frames, IEC 62056-21 messages and wrapper PDUs are
/// found in the stream by the protocol layer (module `DLMS`), in the manner of
/// dlms-cosem's `IoImplementation` below its `DlmsTransport`.
///
/// Reads wait for at least one byte up to a timeout and return what is there. They are
/// not interrupted by task cancellation: they finish by their timeout, so a driver that
/// must notice cancellation promptly reads in short slices (``DLMSConnection`` does).
///
/// ```swift
/// let channel = try await TCPChannel.connect(host: "127.0.0.1", port: 4059, timeout: .seconds(5))
/// try await channel.write(snrm)
/// let answer = try await channel.read(atMost: 4096, timeout: .seconds(5))
/// ```
public protocol ByteChannel: Sendable {
    /// Writes all of `bytes` (in order, whole).
    /// - Throws: `.closed` when either end is closed, `.cut`, `.io` for a system error.
    func write(_ bytes: [UInt8]) async throws(TransportError)
    /// Waits up to `timeout` for at least one byte; returns what is there (≤ atMost).
    /// Throws .timedOut when nothing came, .closed when the peer closed.
    func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8]
    /// Closes the channel; the peer's reads then end with `.closed` once it has read what
    /// was sent before. Closing twice is harmless.
    func close() async
}
