import Synchronization

/// One direction of an in-memory byte stream: a buffer, a closed flag, and the readers
/// waiting for bytes. Readers park on a continuation (no polling); a writer or `close()`
/// wakes them, and so does a timer task at their deadline.
final class ByteQueue: Sendable {
    private struct Waiter {
        var continuation: CheckedContinuation<Void, Never>
        var timer: Task<Void, Never>?
    }

    private struct State {
        var bytes: [UInt8] = []
        var head = 0
        var closed = false
        var waiters: [UInt64: Waiter] = [:]
        var nextID: UInt64 = 0
        var available: Int { bytes.count - head }

        mutating func takeWaiters() -> [Waiter] {
            let all = Array(waiters.values)
            waiters.removeAll()
            return all
        }
    }

    private enum Take { case bytes([UInt8]), closed, empty }

    private let state = Mutex(State())

    var isClosed: Bool { state.withLock { $0.closed } }
    /// Readers waiting for bytes now (tests wait for one instead of sleeping).
    var waitingReaders: Int { state.withLock { $0.waiters.count } }

    /// Appends bytes; false when the queue is closed (nothing appended).
    func push(_ new: [UInt8]) -> Bool {
        let woken: [Waiter]? = state.withLock { s in
            guard !s.closed else { return nil }
            if s.head > 0, s.head == s.bytes.count {
                s.bytes.removeAll(keepingCapacity: true)
                s.head = 0
            }
            s.bytes.append(contentsOf: new)
            return s.takeWaiters()
        }
        guard let woken else { return false }
        Self.wake(woken)
        return true
    }

    /// Marks the end of the stream: readers get what is buffered, then `.closed`.
    func close() {
        let woken = state.withLock { s in
            s.closed = true
            return s.takeWaiters()
        }
        Self.wake(woken)
    }

    private static func wake(_ waiters: [Waiter]) {
        for w in waiters {
            w.timer?.cancel()
            w.continuation.resume()
        }
    }

    func pop(atMost n: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let taken: Take = state.withLock { s in
                if s.available > 0 {
                    let end = s.head + min(max(n, 1), s.available)
                    let out = Array(s.bytes[s.head..<end])
                    s.head = end
                    return .bytes(out)
                }
                return s.closed ? .closed : .empty
            }
            switch taken {
            case .bytes(let b): return b
            case .closed: throw .closed
            case .empty: break
            }
            guard ContinuousClock.now < deadline else { throw .timedOut(after: timeout) }
            await waitForChange(until: deadline)
        }
    }

    /// Parks until bytes arrive, the queue closes, or `deadline` passes.
    private func waitForChange(until deadline: ContinuousClock.Instant) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let id: UInt64? = state.withLock { s in
                if s.available > 0 || s.closed { return nil }
                let id = s.nextID
                s.nextID &+= 1
                s.waiters[id] = Waiter(continuation: c, timer: nil)
                return id
            }
            guard let id else { c.resume(); return }
            let timer = Task { [self] in
                try? await Task.sleep(until: deadline, tolerance: .zero, clock: .continuous)
                self.timeUp(id)
            }
            // Keep the timer so a writer can cancel it; if it already fired, cancel it now.
            let stillWaiting = state.withLock { s in
                guard s.waiters[id] != nil else { return false }
                s.waiters[id]?.timer = timer
                return true
            }
            if !stillWaiting { timer.cancel() }
        }
    }

    private func timeUp(_ id: UInt64) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.continuation.resume()
    }
}
