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

    static func ending(_ signal: Int32) {
        if signal == SIGINT, interceptInterrupt != 0, pendingInterrupt == 0, active != 0 {
            pendingInterrupt = 1
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
