import Synchronization

/// How many faults a ``FaultyChannel`` made.
public struct FaultCounters: Sendable, Equatable {
    public var framesSent = 0
    public var framesReceived = 0
    public var corrupted = 0
    public var dropped = 0
    public var delayed = 0
    public var cuts = 0
    public init() {}
}

/// Fault injection on a channel (the simulator's `--faults`, SPEC.md): per frame it
/// writes and per frame it reads, a seeded, deterministic choice to drop it or corrupt it
/// (flip one byte between the flags); a fixed delay before each frame it writes; and,
/// with `cutAfter: N`, after the N-th frame written the channel is cut once: the inner
/// channel is closed (the peer sees `.closed`) and reads and writes here throw `.cut`.
///
/// Framing: both directions are split into HDLC frames by their flags and length field
/// (``FrameSplitter``), so a write that carries a whole window (the simulator answers so)
/// meets its faults frame by frame, and `cut-after` counts frames, not writes. Bytes
/// outside frames (an IEC 62056-21 sign-on) pass unharmed; a write with no HDLC frame in
/// it at all (an IEC 62056-47 wrapper message) counts as one frame.
///
/// Random draws, in order, per frame: one for drop; when kept, one for corrupt; when
/// corrupted, one for the byte and one for the bit pattern — a `SplitMix64(seed:)` shared
/// by both directions.
public final class FaultyChannel: ByteChannel {
    private struct State {
        var rng: SplitMix64
        var counters = FaultCounters()
        var isCut = false
        var splitter = FrameSplitter()
        var ready: [UInt8] = []
    }

    private let inner: any ByteChannel
    public let faults: FaultSpec
    private let state: Mutex<State>

    public init(_ inner: any ByteChannel, faults: FaultSpec) {
        self.inner = inner
        self.faults = faults
        self.state = Mutex(State(rng: SplitMix64(seed: faults.seed)))
    }

    /// The faults made so far.
    public var counters: FaultCounters { state.withLock { $0.counters } }

    /// Decides a frame's fate: nil to drop it, else the bytes to pass on.
    private static func mangle(_ frame: [UInt8], _ faults: FaultSpec, _ s: inout State) -> [UInt8]? {
        if faults.drop > 0, s.rng.unit() < faults.drop {
            s.counters.dropped += 1
            return nil
        }
        guard faults.corrupt > 0, s.rng.unit() < faults.corrupt, frame.count > 2 else { return frame }
        var out = frame
        let index = 1 + Int(s.rng.next() % UInt64(frame.count - 2))
        out[index] ^= UInt8(1 + s.rng.next() % 255)
        s.counters.corrupted += 1
        return out
    }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        let faults = self.faults
        let units = Self.frames(in: bytes)
        let frameCount = units.filter(\.isFrame).count
        let decision: (out: [UInt8], cut: Bool)? = state.withLock { s in
            if s.isCut { return nil }
            var out: [UInt8] = []
            for unit in units {
                guard unit.isFrame else { out += unit.bytes; continue }
                s.counters.framesSent += 1
                if let kept = Self.mangle(unit.bytes, faults, &s) { out += kept }
                if let n = faults.cutAfter, s.counters.framesSent >= n {
                    s.isCut = true
                    s.counters.cuts += 1
                    return (out, true)
                }
            }
            return (out, false)
        }
        guard let decision else { throw .cut }
        if faults.delay > .zero, frameCount > 0 {
            state.withLock { $0.counters.delayed += frameCount }
            await sleepUninterrupted(until: .now.advanced(by: faults.delay * frameCount))
        }
        if !decision.out.isEmpty { try await inner.write(decision.out) }
        if decision.cut { await inner.close() }
    }

    /// A write's bytes as units of fate: its HDLC frames, and the bytes between them
    /// (which pass unharmed); a write with no HDLC frame is one frame as a whole.
    private static func frames(in bytes: [UInt8]) -> [(bytes: [UInt8], isFrame: Bool)] {
        var splitter = FrameSplitter()
        splitter.append(bytes)
        var units: [(bytes: [UInt8], isFrame: Bool)] = []
        while let piece = splitter.next() {
            switch piece {
            case .frame(let frame): units.append((frame, true))
            case .other(let other): units.append((other, false))
            }
        }
        let rest = splitter.flush()
        if !rest.isEmpty { units.append((rest, false)) }
        if !units.contains(where: \.isFrame) { return bytes.isEmpty ? [] : [(bytes, true)] }
        return units
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let out = try takeReady(atMost) { return out }
            let remaining = deadline - .now
            let chunk: [UInt8]
            do {
                chunk = try await inner.read(atMost: 4096, timeout: max(remaining, .zero))
            } catch {
                if state.withLock({ $0.isCut }) { throw .cut }
                // Nothing more is coming now: hand over a partial frame as it is.
                state.withLock { s in s.ready += s.splitter.flush() }
                if let out = try takeReady(atMost) { return out }
                throw error
            }
            let faults = self.faults
            state.withLock { s in
                s.splitter.append(chunk)
                while let piece = s.splitter.next() {
                    switch piece {
                    case .other(let bytes):
                        s.ready += bytes
                    case .frame(let frame):
                        s.counters.framesReceived += 1
                        if let kept = Self.mangle(frame, faults, &s) { s.ready += kept }
                    }
                }
            }
            if ContinuousClock.now >= deadline, let out = try takeReady(atMost) { return out }
        }
    }

    /// Up to `n` bytes ready for the reader; `.cut` once cut.
    private func takeReady(_ n: Int) throws(TransportError) -> [UInt8]? {
        let result: Result<[UInt8]?, TransportError> = state.withLock { s in
            if s.isCut { return .failure(.cut) }
            guard !s.ready.isEmpty else { return .success(nil) }
            let k = min(max(n, 1), s.ready.count)
            let out = Array(s.ready[0..<k])
            s.ready.removeFirst(k)
            return .success(out)
        }
        return try result.get()
    }

    public func close() async { await inner.close() }
}
