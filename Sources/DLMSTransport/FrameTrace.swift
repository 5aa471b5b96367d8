import Glibc
import Synchronization

/// Which way a traced frame went.
public enum TraceDirection: Sendable, Hashable {
    case sent, received

    /// The mark in a trace line: `>` sent, `<` received.
    public var mark: Character { self == .sent ? ">" : "<" }
}

/// The `--trace FILE` of SPEC.md: one line per HDLC frame and per IEC 62056-21 message,
///
///     <seconds since the trace began, 6 decimals> <'>' sent | '<' received> <hex bytes>
///
/// e.g. `0.012345 > 7e a0 07 03 21 93 0f 01 7e`, the whole frame with its flags. A secret
/// (the LLS password) is written as `2a` per byte wherever it occurs in the frame, so the
/// byte count stays true.
public final class FrameTrace: Sendable {
    private let fd: Int32
    private let origin = ContinuousClock.now
    private let lock = Mutex(())

    /// Creates (or truncates) the trace file.
    /// - Throws: `.notFound`, `.permissionDenied` or `.io` when it cannot be written.
    public init(path: String) throws(TransportError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw openError(errno, path: path, operation: "open") }
        self.fd = fd
    }

    deinit { Glibc.close(fd) }

    /// Appends one line for `frame`, time-stamped now.
    public func record(_ direction: TraceDirection, _ frame: [UInt8], masking secret: [UInt8]?) {
        let elapsed = ContinuousClock.now - origin
        let line = Self.line(at: elapsed, direction, frame, masking: secret) + "\n"
        lock.withLock { _ in
            var bytes = Array(line.utf8)
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n > 0 { done += n } else if errno != EINTR { return }
            }
        }
    }

    /// The text of one trace line (without the newline).
    public static func line(at time: Duration, _ direction: TraceDirection, _ frame: [UInt8],
                            masking secret: [UInt8]?) -> String {
        let (s, atto) = time.components
        let micros = max(0, s) * 1_000_000 + max(0, atto) / 1_000_000_000_000
        let fraction = String(micros % 1_000_000)
        var text = "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
        text.append(" ")
        text.append(direction.mark)
        let hex: [Character] = Array("0123456789abcdef")
        for b in masked(frame, secret) {
            text.append(" ")
            text.append(hex[Int(b >> 4)])
            text.append(hex[Int(b & 0x0F)])
        }
        return text
    }

    /// `frame` with every occurrence of `secret` replaced by as many `0x2a` bytes.
    public static func masked(_ frame: [UInt8], _ secret: [UInt8]?) -> [UInt8] {
        guard let secret, !secret.isEmpty, frame.count >= secret.count else { return frame }
        var out = frame
        var i = 0
        while i + secret.count <= out.count {
            if frame[i..<i + secret.count].elementsEqual(secret) {
                for j in i..<i + secret.count { out[j] = 0x2A }
                i += secret.count
            } else {
                i += 1
            }
        }
        return out
    }
}
