import Synchronization

/// A channel that behaves like a line of `baud` bit/s in both directions: each byte
/// written reaches the inner channel at its time on that line (``LineSchedule``); bytes
/// read are handed over when the last of them would have arrived on it; and the first
/// write after a read waits for the `turnaround` (a device's pause between the last byte
/// of a request and the first byte of its reply). The simulator's `--baud` and
/// `--turnaround` (SPEC.md).
///
/// `write` returns once its last byte has been delivered, as a serial write followed by
/// `tcdrain` would. Sleeps aim at absolute deadlines, so lateness never accumulates: the
/// bytes due when the task wakes go out together. Writes should not overlap in time.
///
/// ```swift
/// let line = PacedChannel(tcp, baud: 9600, turnaround: .milliseconds(20))
/// ```
public final class PacedChannel: ByteChannel {
    private let inner: any ByteChannel
    private let origin = ContinuousClock.now
    private let line: Mutex<LineSchedule>

    public init(_ inner: any ByteChannel, baud: Int, turnaround: Duration) {
        self.inner = inner
        self.line = Mutex(LineSchedule(baud: max(1, baud), turnaround: turnaround))
    }

    private var now: Duration { ContinuousClock.now - origin }

    public func write(_ bytes: [UInt8]) async throws(TransportError) {
        guard !bytes.isEmpty else { return }
        let at = now
        let deadlines = line.withLock { $0.schedule(bytes.count, at: at) }
        var i = 0
        while i < bytes.count {
            await sleepUninterrupted(until: origin + deadlines[i])
            let t = now
            var j = i + 1
            while j < bytes.count, deadlines[j] <= t { j += 1 }
            try await inner.write(Array(bytes[i..<j]))
            i = j
        }
    }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let bytes = try await inner.read(atMost: atMost, timeout: timeout)
        if !bytes.isEmpty {
            // Incoming bytes too take their time on the line: hand them over when the
            // last of them would have arrived, and count the turnaround from then.
            let at = now
            let due = line.withLock { $0.arrival(of: bytes.count, at: at) }
            await sleepUninterrupted(until: origin + due)
            line.withLock { $0.received(at: due) }
        }
        return bytes
    }

    public func close() async { await inner.close() }
}
