/// When each byte written to an emulated line of `baud` bit/s arrives at the far end: the
/// pure half of ``PacedChannel``, so the timing can be checked exactly without a clock.
///
/// A byte takes 10 bit times (start, 8 data, stop: SPEC.md "es951-sim details"). The
/// bytes of a burst are back to back: the k-th byte of a burst that began at t0 is
/// delivered at t0 + k × 10/baud s (k from 1; its last bit), computed from t0 each time,
/// so rounding never accumulates. A write continues the burst when the line has not been
/// idle for a whole byte time (the frames of a window go back to back even when the
/// writer is a little late); otherwise a new burst begins at the write's time.
///
/// Turnaround, once per change of direction: after something was read, the first write
/// begins its burst no earlier than (the time of the last byte read + `turnaround`); the
/// writes after it continue normally until something is read again.
///
/// ```swift
/// var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
/// line.received(at: .milliseconds(100))
/// line.schedule(2, at: .milliseconds(101))   // [120 ms + 1/960 s, 120 ms + 2/960 s]
/// ```
/// Times are `Duration`s since any fixed origin.
public struct LineSchedule: Sendable, Equatable {
    public let baud: Int
    public let turnaround: Duration
    /// Start of the current burst (nil before the first write).
    public private(set) var burstStart: Duration?
    /// Bytes scheduled in the current burst.
    public private(set) var bytesInBurst = 0
    /// When the last byte was read, if something was read since the last write.
    public private(set) var pendingTurnaroundFrom: Duration?
    /// The incoming direction: start of the current incoming burst and its byte count.
    public private(set) var incomingBurstStart: Duration?
    public private(set) var incomingBytesInBurst = 0

    public init(baud: Int, turnaround: Duration) {
        precondition(baud > 0, "baud must be positive")
        self.baud = baud
        self.turnaround = turnaround
    }

    /// The line time of one byte: 10 bits.
    public var byteTime: Duration { .seconds(10) / baud }

    /// When the last scheduled byte has been delivered (nil before the first write).
    public var lineFreeAt: Duration? { burstStart.map { deadline(start: $0, byte: bytesInBurst) } }

    private func deadline(start: Duration, byte k: Int) -> Duration {
        start + .seconds(10) * k / baud
    }

    /// `count` bytes reached us at `now` faster than the emulated line carries them (over
    /// TCP or a pty, all at once): returns when the last of them arrives on the line.
    /// They follow the bytes before them back to back while those are still arriving;
    /// otherwise they begin at `now`. Deadlines count from the burst's start, like writes.
    public mutating func arrival(of count: Int, at now: Duration) -> Duration {
        let free = incomingBurstStart.map { deadline(start: $0, byte: incomingBytesInBurst) }
        if let free, now <= free {
            incomingBytesInBurst += count
        } else {
            incomingBurstStart = now
            incomingBytesInBurst = count
        }
        return deadline(start: incomingBurstStart!, byte: incomingBytesInBurst)
    }

    /// Bytes were read from the line at `time`: the next write is a change of direction.
    public mutating func received(at time: Duration) {
        pendingTurnaroundFrom = time
    }

    /// Schedules `count` bytes written at `now`; returns the delivery deadline of each.
    public mutating func schedule(_ count: Int, at now: Duration) -> [Duration] {
        let free = lineFreeAt
        let continues = pendingTurnaroundFrom == nil && free.map { now <= $0 + byteTime } ?? false
        if !continues {
            var start = now
            if let free, free > start { start = free }   // still sending: wait for the line
            if let read = pendingTurnaroundFrom { start = max(start, read + turnaround) }
            burstStart = start
            bytesInBurst = 0
        }
        pendingTurnaroundFrom = nil
        guard let start = burstStart else { return [] }
        var out: [Duration] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            bytesInBurst += 1
            out.append(deadline(start: start, byte: bytesInBurst))
        }
        return out
    }
}
