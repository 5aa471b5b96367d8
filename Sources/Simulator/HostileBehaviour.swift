import DLMS
import DLMSTransport

/// How es951-sim misbehaves on purpose (`--answer`, `--hostile`), so that tests can show
/// a client survives a broken or malicious concentrator (issue 14). Empty (the default):
/// the device as it is, byte for byte.
///
/// Two layers read it:
/// - the application (``ServerApplication/hostile``, HostileApplication.swift): canned
///   answers, `endless-blocks`, `huge-array`; these work on HDLC and on the wrapper;
/// - the link (``SimulatorServer/Options/hostile``, ``HostileSession``):
///   `endless-segments`, `ignore-release`, `silent-after-association` (HDLC only), and
///   `slow-drip` around the channel (``wrapping(_:)``, ``HostileDripChannel``).
///
/// ```swift
/// var behaviour = HostileBehaviour(modes: [.endlessBlocks])
/// behaviour.answers[CosemAttributeDescriptor("1/0.0.94.7.141.255/2")!] = [0x15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
/// application.hostile = behaviour
/// ```
public struct HostileBehaviour: Sendable, Equatable {
    public enum Mode: String, CaseIterable, Sendable {
        /// After the association, a GET's answer goes out as I-frames with the
        /// segmentation bit always set: each RR gets another segment, forever.
        case endlessSegments = "endless-segments"
        /// A GET's answer is a GET-Response-With-Datablock that is never the last: each
        /// GET-Request-Next gets the next block number, forever.
        case endlessBlocks = "endless-blocks"
        /// A GET whose answer is an array claims 0xFFFFFFFF entries (`01 84 FF FF FF FF`)
        /// and streams entries in blocks for as long as the client asks.
        case hugeArray = "huge-array"
        /// RLRQ and DISC are never answered (no RLRE, no UA or DM).
        case ignoreRelease = "ignore-release"
        /// SNRM and AARQ are answered; after an accepted AARE nothing is, until the next SNRM.
        case silentAfterAssociation = "silent-after-association"
        /// Every byte sent goes out alone, ``HostileBehaviour/dripInterval`` after the last.
        case slowDrip = "slow-drip"
    }

    /// The modes that act on HDLC frames (not available on the wrapper).
    public static let linkModes: Set<Mode> = [.endlessSegments, .ignoreRelease, .silentAfterAssociation]

    /// The byte that pads endless answers (null-data in A-XDR).
    public static let filler: UInt8 = 0x00

    /// GETs of these attributes are answered with these A-XDR bytes (the encoded Data, sent
    /// as they are: not checked, so malformed data can be sent too), whatever the device
    /// holds and whoever asks; also inside a GET-with-list and with selective access.
    public var answers: [CosemAttributeDescriptor: [UInt8]]
    public var modes: Set<Mode>
    /// The pause before each byte with ``Mode/slowDrip``.
    public var dripInterval: Duration

    public init(answers: [CosemAttributeDescriptor: [UInt8]] = [:], modes: Set<Mode> = [],
                dripInterval: Duration = .seconds(1)) {
        self.answers = answers; self.modes = modes; self.dripInterval = dripInterval
    }

    /// Nothing hostile: the device as it is.
    public var isEmpty: Bool { answers.isEmpty && modes.isEmpty }

    /// Something for ``ServerApplication`` to do.
    var touchesApplication: Bool { !answers.isEmpty || modes.contains(.endlessBlocks) || modes.contains(.hugeArray) }

    /// Something for ``HostileSession`` to do.
    var touchesLink: Bool { !modes.isDisjoint(with: Self.linkModes) }

    /// `wrap` (``SimulatorServer/Options/wrap``) with, under it, the slow drip when asked for:
    /// the drip sits next to the raw channel, so pacing, faults and the trace see whole writes.
    public func wrapping(_ wrap: (@Sendable (any ByteChannel) -> any ByteChannel)?)
        -> (@Sendable (any ByteChannel) -> any ByteChannel)? {
        guard modes.contains(.slowDrip) else { return wrap }
        let interval = dripInterval
        return { @Sendable channel in
            let drip = HostileDripChannel(channel, interval: interval)
            return wrap?(drip) ?? drip
        }
    }

    /// One line for the log: what is hostile.
    public var summary: String {
        var parts = Mode.allCases.filter { modes.contains($0) }.map { mode -> String in
            mode == .slowDrip ? "slow-drip (\(dripInterval) a byte)" : mode.rawValue
        }
        parts += answers.keys.sorted { $0.description < $1.description }.map { "answer \($0) (\(answers[$0]!.count) bytes)" }
        return "hostile device: " + parts.joined(separator: ", ")
    }
}

/// `--hostile slow-drip`: each byte written goes out alone, `interval` after the one
/// before (the first one `interval` after the write began). Reads pass straight through.
/// A write cancelled during a pause ends with `.closed`.
public final class HostileDripChannel: ByteChannel {
    private let inner: any ByteChannel
    public let interval: Duration

    public init(_ inner: any ByteChannel, interval: Duration) {
        self.inner = inner; self.interval = interval
    }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        for byte in bytes {
            do { try await Task.sleep(for: interval) } catch { throw .closed }
            try await inner.write([byte])
        }
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await inner.read(atMost: atMost, timeout: timeout)
    }

    public func close() async { await inner.close() }
}
