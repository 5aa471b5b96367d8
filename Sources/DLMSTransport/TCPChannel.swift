import Dispatch
import Glibc

/// A TCP connection carrying HDLC frames (or, above it, the IEC 62056-47 wrapper).
/// `TCP_NODELAY` is set: DLMS frames are small and each waits for an answer, so Nagle's
/// algorithm would only add delay.
///
/// ```swift
/// let channel = try await TCPChannel.connect(host: "127.0.0.1", port: 4059, timeout: .seconds(5))
/// ```
public final class TCPChannel: ByteChannel {
    private let io: DescriptorIO

    /// Wraps a connected socket (e.g. one a ``TCPListener`` accepted); it is owned from now on.
    public init(adopting fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        io = DescriptorIO(fd: fd, isSocket: true)
    }

    /// Connects to `host:port` (a name or a numeric address, IPv4 or IPv6), trying each
    /// address the name resolves to until one answers, within `timeout` overall.
    /// - Throws: `.notFound(host)` when the name does not resolve, `.timedOut` when no
    ///   address answered in time, `.io(errno:operation: "connect")` (e.g. ECONNREFUSED).
    public static func connect(host: String, port: UInt16, timeout: Duration) async throws(TransportError) -> TCPChannel {
        let result: Result<Int32, TransportError> = await withCheckedContinuation { c in
            DispatchQueue(label: "hlmcs.transport.connect").async {
                c.resume(returning: blockingConnect(host: host, port: port, timeout: timeout))
            }
        }
        return TCPChannel(adopting: try result.get())
    }

    private static func blockingConnect(host: String, port: UInt16, timeout: Duration) -> Result<Int32, TransportError> {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            return .failure(.notFound(host))
        }
        defer { freeaddrinfo(list) }
        var lastError = TransportError.notFound(host)
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let ai = cursor {
            cursor = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), ai.pointee.ai_protocol)
            guard fd >= 0 else { lastError = .io(errno: errno, operation: "socket"); continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return .success(fd) }
            guard errno == EINPROGRESS else {
                lastError = .io(errno: errno, operation: "connect"); Glibc.close(fd); continue
            }
            while true {
                let now = ContinuousClock.now
                guard now < deadline else { Glibc.close(fd); return .failure(.timedOut(after: timeout)) }
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let ms = Int32(max(1, min(50, ((deadline - now).seconds * 1000).rounded(.up))))
                let r = poll(&p, 1, ms)
                if r < 0, errno != EINTR { lastError = .io(errno: errno, operation: "poll"); Glibc.close(fd); break }
                guard r > 0 else { continue }
                var soError: Int32 = 0
                var len = socklen_t(MemoryLayout<Int32>.size)
                _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len)
                if soError == 0 { return .success(fd) }
                lastError = .io(errno: soError, operation: "connect")
                Glibc.close(fd)
                break
            }
        }
        return .failure(lastError)
    }

    public func write(_ bytes: [UInt8]) async throws(TransportError) { try await io.write(bytes) }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await io.read(atMost: atMost, timeout: timeout)
    }

    /// Shuts the connection down (the peer reads end-of-stream: `.closed`).
    public func close() async { io.close() }
}
