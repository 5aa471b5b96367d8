import Dispatch
import Glibc
import Synchronization

/// Non-blocking reads and writes on a file descriptor (a socket, a tty, a pty master),
/// done on dedicated dispatch queues so a blocking poll(2) never holds a thread of the
/// Swift cooperative pool. poll waits in slices of at most 50 ms, so `close()` (which
/// sets a flag, and shuts a socket down) ends a waiting read promptly.
///
/// The descriptor itself is closed when this object goes away, never while a read may
/// still be polling it (no descriptor-reuse race).
final class DescriptorIO: Sendable {
    let fd: Int32
    let isSocket: Bool
    private let closed = Atomic<Bool>(false)
    private let readQueue = DispatchQueue(label: "hlmcs.transport.read")
    private let writeQueue = DispatchQueue(label: "hlmcs.transport.write")
    /// How long a write may wait for room in the kernel's buffer before `.timedOut`.
    static let writeTimeout: Duration = .seconds(30)
    static let slice: Duration = .milliseconds(50)

    init(fd: Int32, isSocket: Bool) {
        self.fd = fd
        self.isSocket = isSocket
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { Glibc.close(fd) }

    var isClosed: Bool { closed.load(ordering: .acquiring) }

    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if isSocket { _ = shutdown(fd, Int32(SHUT_RDWR)) }
    }

    func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        let result: Result<[UInt8], TransportError> = await withCheckedContinuation { c in
            readQueue.async { c.resume(returning: self.blockingRead(atMost: max(1, atMost), timeout: timeout)) }
        }
        return try result.get()
    }

    func write(_ bytes: [UInt8]) async throws(TransportError) {
        guard !bytes.isEmpty else {
            if isClosed { throw .closed }
            return
        }
        let result: Result<Void, TransportError> = await withCheckedContinuation { c in
            writeQueue.async { c.resume(returning: self.blockingWrite(bytes)) }
        }
        try result.get()
    }

    // MARK: - Blocking halves (on the queues)

    private func blockingRead(atMost: Int, timeout: Duration) -> Result<[UInt8], TransportError> {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var buffer = [UInt8](repeating: 0, count: atMost)
        while true {
            if isClosed { return .failure(.closed) }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, atMost) }
            if n > 0 { return .success(Array(buffer[0..<n])) }
            if n == 0 { return .failure(.closed) }
            let e = errno
            switch e {
            case EAGAIN, EWOULDBLOCK, EINTR: break
            case EIO, ECONNRESET, EPIPE, ENOTCONN: return .failure(.closed)   // EIO: pty peer gone
            default: return .failure(.io(errno: e, operation: "read"))
            }
            let now = ContinuousClock.now
            guard now < deadline else { return .failure(.timedOut(after: timeout)) }
            if let failure = pollOnce(events: POLLIN, for: min(deadline - now, Self.slice)) { return .failure(failure) }
        }
    }

    private func blockingWrite(_ bytes: [UInt8]) -> Result<Void, TransportError> {
        let deadline = ContinuousClock.now.advanced(by: Self.writeTimeout)
        var done = 0
        while done < bytes.count {
            if isClosed { return .failure(.closed) }
            let n = bytes.withUnsafeBytes { raw -> Int in
                let p = raw.baseAddress! + done
                return isSocket ? send(fd, p, bytes.count - done, Int32(MSG_NOSIGNAL)) : Glibc.write(fd, p, bytes.count - done)
            }
            if n > 0 { done += n; continue }
            let e = errno
            switch e {
            case EAGAIN, EWOULDBLOCK, EINTR: break
            case EPIPE, ECONNRESET, EIO, ENOTCONN: return .failure(.closed)
            default: return .failure(.io(errno: e, operation: "write"))
            }
            let now = ContinuousClock.now
            guard now < deadline else { return .failure(.timedOut(after: Self.writeTimeout)) }
            if let failure = pollOnce(events: POLLOUT, for: min(deadline - now, Self.slice)) { return .failure(failure) }
        }
        return .success(())
    }

    /// One poll(2) of at most `duration`; a failure only for a real poll error.
    private func pollOnce(events: Int32, for duration: Duration) -> TransportError? {
        var p = pollfd(fd: fd, events: Int16(events), revents: 0)
        let ms = Int32(max(1, min(Self.slice.seconds * 1000, (duration.seconds * 1000).rounded(.up))))
        let r = poll(&p, 1, ms)
        if r < 0, errno != EINTR { return .io(errno: errno, operation: "poll") }
        if r > 0, p.revents & Int16(POLLNVAL) != 0 { return .closed }
        return nil
    }
}

/// The errno of the last failed call as a ``TransportError``, for opening devices.
func openError(_ e: Int32, path: String, operation: String) -> TransportError {
    switch e {
    case ENOENT, ENXIO, ENODEV: return .notFound(path)
    case EACCES, EPERM: return .permissionDenied(path)
    case EBUSY, EWOULDBLOCK: return .busy(path)
    default: return .io(errno: e, operation: operation)
    }
}
