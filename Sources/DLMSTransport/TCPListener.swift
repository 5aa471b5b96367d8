import Dispatch
import Glibc
import Synchronization

/// A listening TCP socket: the simulator's `--tcp HOST:PORT`. Port 0 picks a free
/// ephemeral port, which ``port`` then reports (what tests use).
///
/// ```swift
/// let listener = try TCPListener(host: "127.0.0.1", port: 0)
/// let channel = try await listener.accept()
/// ```
public final class TCPListener: Sendable {
    private let fd: Int32
    private let closed = Atomic<Bool>(false)
    private let waiting = Atomic<Int>(0)
    private let queue = DispatchQueue(label: "hlmcs.transport.accept")
    /// The port it listens on (the one the system chose when asked for 0).
    public let port: UInt16

    /// Binds and listens (SO_REUSEADDR set).
    /// - Throws: `.notFound(host)` when the address does not resolve, `.io` for a failed
    ///   bind (EADDRINUSE) or listen.
    public init(host: String, port: UInt16) throws(TransportError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let ai = list else { throw .notFound(host) }
        defer { freeaddrinfo(list) }
        let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), ai.pointee.ai_protocol)
        guard fd >= 0 else { throw .io(errno: errno, operation: "socket") }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 else {
            let e = errno; Glibc.close(fd); throw .io(errno: e, operation: "bind")
        }
        guard listen(fd, 16) == 0 else { let e = errno; Glibc.close(fd); throw .io(errno: e, operation: "listen") }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound: UInt16 = withUnsafeMutablePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &len) }
            if Int32(p.pointee.ss_family) == AF_INET6 {
                return p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        self.fd = fd
        self.port = bound
    }

    deinit { Glibc.close(fd) }

    /// Waits for the next connection.
    /// - Throws: `.closed` once ``close()`` was called (also while waiting).
    public func accept() async throws(TransportError) -> TCPChannel {
        let result: Result<Int32, TransportError> = await withCheckedContinuation { c in
            queue.async { c.resume(returning: self.blockingAccept()) }
        }
        return TCPChannel(adopting: try result.get())
    }

    /// How many ``accept()`` calls are waiting for a connection now (a test's way to
    /// know an accept is under way without sleeping).
    public var waitingAccepts: Int { waiting.load(ordering: .acquiring) }

    private func blockingAccept() -> Result<Int32, TransportError> {
        waiting.add(1, ordering: .acquiringAndReleasing)
        defer { waiting.subtract(1, ordering: .acquiringAndReleasing) }
        while true {
            if closed.load(ordering: .acquiring) { return .failure(.closed) }
            let client = Glibc.accept(fd, nil, nil)
            if client >= 0 {
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return .success(client)
            }
            let e = errno
            // close() shuts the socket down under a waiting accept (EINVAL): that is the close.
            if closed.load(ordering: .acquiring) { return .failure(.closed) }
            switch e {
            case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED: break
            default: return .failure(.io(errno: e, operation: "accept"))
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, 50)
        }
    }

    /// Stops listening; a waiting ``accept()`` ends with `.closed`.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = shutdown(fd, Int32(SHUT_RDWR))
    }
}
