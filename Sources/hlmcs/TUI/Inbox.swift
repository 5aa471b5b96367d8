#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import TUICore

/// Messages from the effects (which run on other threads) to the UI loop, which drains
/// them between keys. A post also writes a byte to a pipe the loop waits on with the
/// terminal (``wakeDescriptor``), so the loop sleeps until a key, a message or the next
/// tick it needs, instead of waking every few milliseconds (issue 19: idle CPU).
final class Inbox: Sendable {
    private let messages = Mutex<[Msg]>([])
    /// The pipe's ends: the loop polls `read`, posts write to `write`.
    private let pipeEnds: (read: Int32, write: Int32)

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            pipeEnds = (fds[0], fds[1])
        } else {
            pipeEnds = (-1, -1)
        }
    }

    deinit {
        if pipeEnds.read >= 0 { close(pipeEnds.read) }
        if pipeEnds.write >= 0 { close(pipeEnds.write) }
    }

    /// Readable after a post, until ``drain()``; -1 when no pipe could be made (the loop
    /// then falls back to short waits).
    var wakeDescriptor: Int32 { pipeEnds.read }

    func post(_ msg: Msg) {
        messages.withLock { $0.append(msg) }
        if pipeEnds.write >= 0 {
            var byte: UInt8 = 1
            _ = write(pipeEnds.write, &byte, 1)      // a full pipe already wakes the loop
        }
    }

    func drain() -> [Msg] {
        if pipeEnds.read >= 0 {
            var sink = [UInt8](repeating: 0, count: 256)
            while read(pipeEnds.read, &sink, sink.count) > 0 {}
        }
        return messages.withLock { m in
            let all = m
            m.removeAll(keepingCapacity: true)
            return all
        }
    }
}
