#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Puts the terminal back on every way out of the program: the signals that end it
/// (SIGINT, SIGTERM, SIGHUP, and the crash signals), `exit` (an `atexit` hook), and a stop
/// with Ctrl-Z (SIGTSTP: restore, stop, and repaint after `fg`).
///
/// The handlers only read a flag, call `endwin` (what ncurses' own handlers do), put the
/// previous disposition back and raise the signal again, so the process ends (or stops,
/// or reaches Swift's backtracer) exactly as it would have without us.
enum TerminalRestore {
    /// 1 while ncurses owns the terminal. Read by signal handlers.
    nonisolated(unsafe) static var active: sig_atomic_t = 0
    nonisolated(unsafe) static var atexitInstalled = false
    nonisolated(unsafe) static var previous = [sighandler_t?](repeating: nil, count: 65)

    /// 1 when Ctrl-C (SIGINT) is a key for the program ("Stop?") rather than the end.
    nonisolated(unsafe) static var interceptInterrupt: sig_atomic_t = 0
    /// 1 from a SIGINT until the program takes it as a key. A second SIGINT while the
    /// first is not taken (the program does not answer) ends the program as before.
    nonisolated(unsafe) static var pendingInterrupt: sig_atomic_t = 0

    /// The pipe a signal the UI loop must see writes a byte to: a resize (SIGWINCH) or a
    /// Ctrl-C taken as a key. The kernel gives a process's signal to any of its threads
    /// that does not block it, and Swift's threads do not: the byte wakes the loop's poll
    /// whichever thread took the signal, so the loop sleeps with no timeout (issue 19).
    /// -1 when closed.
    nonisolated(unsafe) static var wakeRead: Int32 = -1
    nonisolated(unsafe) static var wakeWrite: Int32 = -1
    /// ncurses' own SIGWINCH handler (it notes the new size for the next read), which ours
    /// calls first.
    nonisolated(unsafe) static var ncursesResize: sighandler_t?

    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE]

    static func install() {
        if !atexitInstalled {
            atexitInstalled = true
            atexit { TerminalRestore.restoreNow() }
        }
        for signal in endingSignals + crashSignals {
            previous[Int(signal)] = Glibc.signal(signal, { TerminalRestore.ending($0) })
        }
        previous[Int(SIGTSTP)] = Glibc.signal(SIGTSTP, { TerminalRestore.suspend($0) })
    }

    static func uninstall() {
        for signal in endingSignals + crashSignals + [SIGTSTP] {
            _ = Glibc.signal(signal, previous[Int(signal)] ?? SIG_DFL)
        }
    }

    /// Leaves curses mode if it is on; safe to call twice.
    static func restoreNow() {
        if active != 0 {
            active = 0
            endwin()
        }
    }

    /// Opens the wake pipe (non-blocking both ends) and puts our SIGWINCH handler in
    /// front of the one ncurses installed in `newterm`. False when no pipe could be made:
    /// the loop then wakes on a timer.
    static func installWake() -> Bool {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = ends[0]; wakeWrite = ends[1]
        ncursesResize = Glibc.signal(SIGWINCH, { TerminalRestore.resized($0) })
        return true
    }

    static func uninstallWake() {
        guard wakeRead >= 0 else { return }
        _ = Glibc.signal(SIGWINCH, ncursesResize ?? SIG_DFL)
        ncursesResize = nil
        let (r, w) = (wakeRead, wakeWrite)
        wakeRead = -1; wakeWrite = -1
        close(r); close(w)
    }

    /// One byte into the pipe; async-signal-safe, errno kept. A full pipe already wakes.
    static func wake() {
        let fd = wakeWrite
        guard fd >= 0 else { return }
        let saved = errno
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
        errno = saved
    }

    /// Empties the pipe (after the poll woke): the signals it stood for are then read as
    /// keys (KEY_RESIZE, the pending Ctrl-C).
    static func drainWake() {
        guard wakeRead >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    static func resized(_ signal: Int32) {
        if let handler = ncursesResize, !isDefaultOrIgnore(handler) { handler(signal) }
        wake()
    }

    /// SIG_DFL and SIG_IGN are the numbers 0 and 1, not functions to call.
    static func isDefaultOrIgnore(_ handler: sighandler_t) -> Bool {
        UInt(bitPattern: unsafeBitCast(handler, to: Int.self)) <= 1
    }

    static func ending(_ signal: Int32) {
        if signal == SIGINT, interceptInterrupt != 0, pendingInterrupt == 0, active != 0 {
            pendingInterrupt = 1
            wake()
            return
        }
        restoreNow()
        _ = Glibc.signal(signal, previous[Int(signal)] ?? SIG_DFL)
        unblock(signal)
        raise(signal)
    }

    /// A signal is blocked while its handler runs: unblock it so `raise` acts at once.
    static func unblock(_ signal: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    static func suspend(_ signal: Int32) {
        let wasActive = active != 0
        if wasActive { endwin() }
        _ = Glibc.signal(SIGTSTP, SIG_DFL)
        unblock(SIGTSTP)
        raise(SIGTSTP)   // stops here; returns after SIGCONT (`fg`)
        _ = Glibc.signal(SIGTSTP, { TerminalRestore.suspend($0) })
        if wasActive, let screen = cnc_stdscr() {
            // A refresh after endwin puts the terminal back in program mode.
            clearok(screen, true)
            wrefresh(screen)
        }
    }
}
