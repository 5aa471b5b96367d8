import Foundation
import Testing
import TmuxHarness

/// Issue 18 item 9 in a real terminal: the shell gets its screen back clean after the
/// window grew, and under TERM=vt100 (no alternate screen, F-keys its terminfo does not
/// know); Esc 0 is F10 for keyboards that keep the F-keys (issue 18 item 6).
@Suite("the terminal given back, in tmux", .serialized)
struct TerminalRestoreEndToEndTests {
    func start(_ session: TmuxSession, _ prefix: String = "") throws {
        try startDemoFromTheShell(session, before: "clear; echo BEFORE; " + prefix)
    }

    @Test(.timeLimit(.minutes(1))) func growingTheWindowThenQuittingLeavesNoUIBehind() throws {
        let session = try TmuxSession(name: "grow")
        defer { session.close() }
        try start(session)
        try session.resize(width: 120, height: 40)
        // Redrawn with no key pressed (issue 19: the loop sleeps with no timeout; the
        // resize signal wakes it through the terminal's pipe): the key bar on row 40.
        let redrawn = try session.wait(seconds: 5) { $0.components(separatedBy: "\n").dropFirst(39).first?.contains("F10 Quit") == true }
        #expect(redrawn.ok, "not redrawn at 120×40:\n\(redrawn.screen)")
        try session.send("F10")
        let done = try expectScreen(session, "HLMCS-STATUS=0", "quit")
        #expect(!done.contains("Login") && !done.contains("│"), "UI left on the shell's screen:\n\(done)")
        #expect(done.components(separatedBy: "\n").first?.hasPrefix("BEFORE") == true, "\(done)")
    }

    @Test(.timeLimit(.minutes(1))) func vt100QuitsWithF10AndLeavesAClearScreen() throws {
        let session = try TmuxSession(name: "vt100")
        defer { session.close() }
        try start(session, "TERM=vt100 ")
        try session.send("F10")
        let done = try expectScreen(session, "HLMCS-STATUS=0", "F10 under vt100")
        #expect(!done.contains("Login") && !done.contains("F10 Quit"), "the last frame stayed:\n\(done)")
    }

    /// Alt+letter is the other way to an F-key (issue 18 item 6): the terminal sends
    /// Esc q for Alt-Q, and that is F10.
    @Test(.timeLimit(.minutes(1))) func altQIsF10() throws {
        let session = try TmuxSession(name: "altq")
        defer { session.close() }
        try start(session)
        try session.send("M-q")
        try expectScreen(session, "HLMCS-STATUS=0", "Alt-Q quits as F10 does")
    }

    @Test(.timeLimit(.minutes(1))) func escThenZeroIsF10() throws {
        let session = try TmuxSession(name: "esc0")
        defer { session.close() }
        try start(session)
        try session.send("Escape")
        try session.send("0", literal: true)
        try expectScreen(session, "HLMCS-STATUS=0", "Esc 0 quits as F10 does")
    }
}
