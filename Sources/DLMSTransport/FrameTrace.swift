import DLMS
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
/// byte count stays true; so is the whole information field of the frames of a request
/// that reads or writes a secret attribute (``maskingInformation(_:)``).
///
/// The file is created 0600 (a trace shows the device's data), and a write that fails
/// (a full disk, `/dev/full`) is remembered in ``writeFailure``: the connection stops
/// rather than go on without the trace that was asked for.
public final class FrameTrace: Sendable {
    private let fd: Int32
    private let sink: (@Sendable (String) -> Void)?
    private let origin = ContinuousClock.now
    private let lock = Mutex(())
    private let failure = Mutex<Int32?>(nil)
    /// The file's path (nil for a sink).
    public let path: String?

    /// Creates (or truncates) the trace file, mode 0600 whatever it had.
    /// - Throws: `.notFound`, `.permissionDenied` or `.io` when it cannot be written.
    public init(path: String) throws(TransportError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o600)
        guard fd >= 0 else { throw openError(errno, path: path, operation: "open") }
        var status = stat()
        if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG { fchmod(fd, 0o600) }
        self.fd = fd
        self.path = path
        sink = nil
    }

    /// The errno of the first write that failed, nil while every line was written.
    public var writeFailure: Int32? { failure.withLock { $0 } }

    /// A trace that hands each line (already masked, without the newline) to `sink`
    /// instead of a file: the terminal UI shows them in its exchange log.
    public init(sink: @escaping @Sendable (String) -> Void) {
        fd = -1
        path = nil
        self.sink = sink
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Appends one line for `frame`, time-stamped now.
    public func record(_ direction: TraceDirection, _ frame: [UInt8], masking secret: [UInt8]?,
                       splitAcrossFrames: Bool = false) {
        let elapsed = ContinuousClock.now - origin
        let text = Self.line(at: elapsed, direction, frame, masking: secret, splitAcrossFrames: splitAcrossFrames)
        if let sink { sink(text); return }
        let line = text + "\n"
        lock.withLock { _ in
            var bytes = Array(line.utf8)
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                    let code = n < 0 ? errno : ENOSPC
                    failure.withLock { if $0 == nil { $0 = code } }
                    return
                }
            }
        }
    }

    /// The text of one trace line (without the newline).
    public static func line(at time: Duration, _ direction: TraceDirection, _ frame: [UInt8],
                            masking secret: [UInt8]?, splitAcrossFrames: Bool = false) -> String {
        let (s, atto) = time.components
        let micros = max(0, s) * 1_000_000 + max(0, atto) / 1_000_000_000_000
        let fraction = String(micros % 1_000_000)
        var text = "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
        text.append(" ")
        text.append(direction.mark)
        let hex: [Character] = Array("0123456789abcdef")
        for b in masked(frame, secret, splitAcrossFrames: splitAcrossFrames) {
            text.append(" ")
            text.append(hex[Int(b >> 4)])
            text.append(hex[Int(b & 0x0F)])
        }
        return text
    }

    /// `frame` with its whole information field replaced by as many `0x2a` bytes (header,
    /// checks and flags kept, so the trace still shows the exchange and its size). For a
    /// request that reads or writes a secret (an LLS secret, a PPP or DPD password, a
    /// key), whose value no pattern can find. A frame that does not decode is masked
    /// whole but its flags.
    public static func maskingInformation(_ frame: [UInt8]) -> [UInt8] {
        var out = frame
        guard let decoded = try? HDLCFrame(decoding: frame) else {
            for i in out.indices.dropFirst().dropLast() { out[i] = 0x2A }
            return out
        }
        let end = frame.count - 3
        for i in (end - decoded.information.count)..<end { out[i] = 0x2A }
        return out
    }

    /// `frame` with every occurrence of `secret` replaced by as many `0x2a` bytes.
    ///
    /// With `splitAcrossFrames`, a secret cut in two by HDLC segmentation is masked too:
    /// the longest end of the information field that begins the secret, and the longest
    /// start of it that ends the secret. Pass it for the frames of the association
    /// request only (the one APDU that carries the password), where masking a byte too
    /// many is harmless and a byte too few is a leak.
    public static func masked(_ frame: [UInt8], _ secret: [UInt8]?, splitAcrossFrames: Bool = false) -> [UInt8] {
        guard let secret, !secret.isEmpty else { return frame }
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
        guard splitAcrossFrames, let decoded = try? HDLCFrame(decoding: frame), !decoded.information.isEmpty else {
            return out
        }
        let end = frame.count - 3                       // FCS (2) and the closing flag
        let start = end - decoded.information.count
        let info = frame[start..<end]
        // Tail of this segment = head of the secret.
        for n in stride(from: min(secret.count - 1, info.count), through: 1, by: -1)
        where info.suffix(n).elementsEqual(secret.prefix(n)) {
            for j in end - n..<end { out[j] = 0x2A }
            break
        }
        // Head of this segment = tail of the secret.
        for n in stride(from: min(secret.count - 1, info.count), through: 1, by: -1)
        where info.prefix(n).elementsEqual(secret.suffix(n)) {
            for j in start..<start + n { out[j] = 0x2A }
            break
        }
        return out
    }
}
