import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Signals as events that are never lost: a C handler writes the signal's number into a
/// pipe, a dispatch source reads it and calls the Swift handler.
///
/// Why not `signal(SIG, SIG_IGN)` and a `DispatchSource.makeSignalSource`: on Linux the
/// signal is delivered to any thread that does not block it, and with `SIG_IGN` a thread
/// that does not (the main thread parked in `dispatch_main`, a worker) discards it — the
/// program then never hears its SIGINT (seen: es951-sim waiting forever after the
/// tests' interrupt, under load). A real handler runs whichever thread the kernel picks.
public enum SignalWatch {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var source: (any DispatchSourceRead)?

    /// Calls `handler` on a global queue with each of `signals` received. Once per
    /// process (a later call is ignored).
    public static func start(_ signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        guard writeEnd < 0 else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        writeEnd = fds[1]
        let readEnd = fds[0]
        let source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: .global())
        source.setEventHandler {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 { handler(Int32(byte)) }
        }
        source.resume()
        self.source = source
        for number in signals {
            // Async-signal-safe: one write(2) of one byte to a non-blocking pipe.
            _ = signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(SignalWatch.writeEnd, &byte, 1)
            }
        }
    }
}
