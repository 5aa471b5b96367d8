#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import TUINcurses

/// Issue 19 (no idle wake-ups): the UI loop polls with no timeout, so a resize or a
/// Ctrl-C taken as a key must wake it through the signal pipe whichever thread the kernel
/// hands the signal to, and ncurses' own resize handler must still run.
@Suite(.serialized) struct SignalWakeTests {
    nonisolated(unsafe) static var ncursesCalls: sig_atomic_t = 0

    func readable(_ milliseconds: Int32) -> Bool {
        var p = [pollfd(fd: TerminalRestore.wakeRead, events: Int16(POLLIN), revents: 0)]
        return poll(&p, 1, milliseconds) == 1
    }

    @Test func aResizeFromAnotherThreadWakesThePollAndReachesNcursesHandler() {
        let before = Glibc.signal(SIGWINCH, { _ in SignalWakeTests.ncursesCalls += 1 })   // stands for ncurses'
        defer { _ = Glibc.signal(SIGWINCH, before) }
        Self.ncursesCalls = 0
        #expect(TerminalRestore.installWake())
        defer { TerminalRestore.uninstallWake() }
        #expect(!readable(0))
        let sender = Thread {
            var mask = sigset_t()
            sigemptyset(&mask)
            sigaddset(&mask, SIGWINCH)
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            kill(getpid(), SIGWINCH)
        }
        sender.start()
        #expect(readable(5000), "the signal pipe woke the poll")
        #expect(Self.ncursesCalls == 1)
        TerminalRestore.drainWake()
        #expect(!readable(0), "drained: the next poll sleeps again")
    }

    @Test func aCtrlCTakenAsAKeyWakesThePoll() {
        #expect(TerminalRestore.installWake())
        defer { TerminalRestore.uninstallWake() }
        let (active, intercept) = (TerminalRestore.active, TerminalRestore.interceptInterrupt)
        TerminalRestore.active = 1; TerminalRestore.interceptInterrupt = 1; TerminalRestore.pendingInterrupt = 0
        defer { TerminalRestore.active = active; TerminalRestore.interceptInterrupt = intercept; TerminalRestore.pendingInterrupt = 0 }
        TerminalRestore.ending(SIGINT)      // what the SIGINT handler runs
        #expect(TerminalRestore.pendingInterrupt == 1)
        #expect(readable(0))
    }

    @Test func closedThePipeIsGoneAndAWakeIsHarmless() {
        #expect(TerminalRestore.installWake())
        let fd = TerminalRestore.wakeRead
        TerminalRestore.uninstallWake()
        #expect(TerminalRestore.wakeRead == -1 && TerminalRestore.wakeWrite == -1)
        #expect(fcntl(fd, F_GETFD) == -1)
        TerminalRestore.wake()
        TerminalRestore.drainWake()
    }
}
