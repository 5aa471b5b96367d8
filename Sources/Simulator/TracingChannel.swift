import DLMS
import DLMSTransport

/// Writes every HDLC frame and IEC 62056-21 message that passes through to a
/// ``FrameTrace`` (`--trace FILE`): `>` what the simulator sends, `<` what it receives,
/// the LLS password bytes masked as `2a`. On a `--wrapper` link (``Framing/wrapper``)
/// one line per wrapper PDU (header included) instead.
public final class TracingChannel: ByteChannel {
    /// How the stream is cut into trace lines.
    public enum Framing: Sendable {
        /// HDLC frames by their length field; IEC 62056-21 messages up to a line feed.
        case hdlc
        /// IEC 62056-47 wrapper PDUs by their length field.
        case wrapper
    }

    private let inner: any ByteChannel
    private let trace: FrameTrace
    private let secret: [UInt8]?
    private let framing: Framing
    private let incoming: Splitter

    public init(_ inner: any ByteChannel, trace: FrameTrace, secret: [UInt8]?, framing: Framing = .hdlc) {
        self.inner = inner; self.trace = trace; self.secret = secret; self.framing = framing
        incoming = Splitter(framing)
    }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        let outgoing = Splitter(framing)
        for piece in outgoing.pieces(bytes) + [outgoing.flush()] where !piece.isEmpty {
            trace.record(.sent, piece, masking: secret)
        }
        try await inner.write(bytes)
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let bytes = try await inner.read(atMost: atMost, timeout: timeout)
        for piece in incoming.pieces(bytes) { trace.record(.received, piece, masking: secret) }
        return bytes
    }

    public func close() async { await inner.close() }

    /// Cuts a byte stream into HDLC frames (by their length field) and other messages
    /// (up to a line feed), or into wrapper PDUs.
    final class Splitter: @unchecked Sendable {
        private var buffer: [UInt8] = []
        private let framing: Framing

        init(_ framing: Framing = .hdlc) { self.framing = framing }

        func pieces(_ bytes: [UInt8]) -> [[UInt8]] {
            buffer += bytes
            var out: [[UInt8]] = []
            while let first = buffer.first {
                var end: Int
                if framing == .wrapper {
                    guard buffer.count >= WrapperCodec.headerLength else { break }
                    guard first == 0x00, buffer[1] == 0x01 else { out.append(buffer); buffer = []; break }
                    end = WrapperCodec.headerLength + (Int(buffer[6]) << 8 | Int(buffer[7]))
                    guard buffer.count >= end else { break }
                } else if first == 0x7E {
                    guard buffer.count >= 3 else { break }
                    guard buffer[1] & 0xF0 == 0xA0 else { out.append([buffer.removeFirst()]); continue }
                    end = (Int(buffer[1] & 0x07) << 8 | Int(buffer[2])) + 2
                    guard buffer.count >= end else { break }
                } else {
                    guard let lf = buffer.firstIndex(where: { $0 == 0x0A || $0 == 0x7E }) else { break }
                    end = buffer[lf] == 0x0A ? lf + 1 : lf
                }
                out.append(Array(buffer[..<end]))
                buffer.removeFirst(end)
            }
            if buffer.count > 4096 { out.append(buffer); buffer = [] }
            return out
        }

        func flush() -> [UInt8] { defer { buffer = [] }; return buffer }
    }
}
