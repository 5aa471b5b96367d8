import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Waiting for child processes without holding a thread of Swift's cooperative pool (two
// threads on a 2-core machine): a test that blocked in `waitUntilExit`, a pipe read or a
// `usleep` loop would starve the asynchronous tests running beside it. Each wait here is
// a continuation, resumed by the event (a child's exit, a pipe's end, a line) or by a
// timer at its deadline: a hung child fails its test, it does not hang the suite.
// A small library target of its own (like TmuxHarness), shared by the test targets that
// run child processes.

/// A wait that reached its deadline.
public struct WaitTimedOut: Error, CustomStringConvertible {
    public var what: String
    public var seconds: Double
    public init(what: String, seconds: Double) { self.what = what; self.seconds = seconds }
    public var description: String { "\(what): nothing within \(seconds) s" }
}

/// Something that happens once (a child's exit, the end of its output, a line it
/// prints), awaited with a deadline. The first delivery counts; later ones are ignored.
public final class Arrival<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private var arrived = false
    private var waiters: [Int: CheckedContinuation<Value?, Never>] = [:]
    private var nextWaiter = 0

    public init() {}

    /// The value, if it has come.
    public var current: Value? { lock.withLock { value } }
    var hasArrived: Bool { lock.withLock { arrived } }

    public func deliver(_ newValue: Value) {
        let resumed: [CheckedContinuation<Value?, Never>] = lock.withLock {
            guard !arrived else { return [] }
            arrived = true
            value = newValue
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        for waiter in resumed { waiter.resume(returning: newValue) }
    }

    /// The value, or nil when it has not come within `seconds`.
    public func wait(seconds: Double) async -> Value? {
        await withCheckedContinuation { continuation in
            let id: Int? = lock.withLock {
                guard !arrived else { return nil }
                nextWaiter += 1
                waiters[nextWaiter] = continuation
                return nextWaiter
            }
            guard let id else { return continuation.resume(returning: current) }
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) { [self] in
                lock.withLock { waiters.removeValue(forKey: id) }?.resume(returning: nil)
            }
        }
    }

    /// The value, or `WaitTimedOut` naming `what`.
    public func value(within seconds: Double, _ what: @autoclosure () -> String) async throws -> Value {
        guard let value = await wait(seconds: seconds) else { throw WaitTimedOut(what: what(), seconds: seconds) }
        return value
    }
}

extension Process {
    /// Runs the process; its termination status arrives when it ends (its
    /// `terminationHandler`, set here, delivers it).
    public func start() throws -> Arrival<Int32> {
        let exit = Arrival<Int32>()
        terminationHandler = { exit.deliver($0.terminationStatus) }
        try run()
        return exit
    }

    /// SIGKILL, unless it has ended.
    public func kill() {
        if isRunning { Glibc.kill(processIdentifier, SIGKILL) }
    }
}

extension FileHandle {
    /// Everything read until the end of file, on a thread of its own (a blocking read,
    /// off the cooperative pool). Start it before waiting for the writer to end, so that
    /// a full pipe cannot block it.
    public func readToEndOnThread() -> Arrival<Data> {
        let data = Arrival<Data>()
        let thread = Thread { data.deliver(self.readDataToEndOfFile()) }
        thread.start()
        return data
    }

    /// Reads to the end of file on a thread of its own, appending what comes to `copy`
    /// (when given); each line is offered to `line`, and the first for which it returns a
    /// value is delivered (nil at the end of file if none did).
    public func watchLines<T: Sendable>(copyTo copy: FileHandle? = nil, _ line: @escaping @Sendable (Substring) -> T?) -> Arrival<T?> {
        let found = Arrival<T?>()
        let thread = Thread {
            var pending = Data()
            while true {
                let chunk = self.availableData
                if chunk.isEmpty { break }
                copy?.write(chunk)
                guard !found.hasArrived else { continue }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let text = String(decoding: pending[pending.startIndex ..< newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex ... newline)
                    if let value = line(text[...]) { found.deliver(value); break }
                }
            }
            found.deliver(nil)
            try? copy?.close()
        }
        thread.start()
        return found
    }
}

/// Waits until `condition` holds for the files in `folder`, checking it again each time
/// the kernel reports a change there (inotify: a file created, written, moved in or
/// closed); false when it still does not hold after `seconds`.
public func waitForFiles(in folder: String, seconds: Double, until condition: @escaping @Sendable () -> Bool) async -> Bool {
    if condition() { return true }
    let watch = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
    guard watch >= 0 else { return false }
    let events = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO)
    guard inotify_add_watch(watch, folder, events) >= 0 else { close(watch); return false }
    var wake: [Int32] = [0, 0]
    guard pipe(&wake) == 0 else { close(watch); return false }
    let held = Arrival<Bool>()
    let (stopRead, stopWrite) = (wake[0], wake[1])
    let thread = Thread {
        var buffer = [UInt8](repeating: 0, count: 4096)
        // The condition is checked once more after the watch is in place: a change made
        // before it would otherwise go unseen.
        while !condition() {
            var fds = [pollfd(fd: watch, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
            if fds[1].revents != 0 { break }
            while buffer.withUnsafeMutableBytes({ read(watch, $0.baseAddress, $0.count) }) > 0 {}
        }
        held.deliver(condition())
        close(watch)
        close(stopRead)
    }
    thread.start()
    let result = await held.wait(seconds: seconds)
    close(stopWrite)   // the thread sees the end of the pipe and stops
    return result ?? condition()
}
