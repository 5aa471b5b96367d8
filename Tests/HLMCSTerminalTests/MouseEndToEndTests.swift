import Foundation
import Testing
import TmuxHarness

/// Issue 18 item 6 in a real terminal: hlmcs asks the terminal for mouse presses, and a
/// press on a menu title and then on an item does what the keys would; `--no-mouse`
/// leaves the mouse to the terminal (tmux says whether the program asked for it).
@Suite("the mouse, in tmux", .serialized)
struct MouseEndToEndTests {
    func start(_ session: TmuxSession, _ extra: String = "") throws {
        try startDemoFromTheShell(session, options: extra)
        try firstLogin(session, .en, password: "mouse-pass-1")
    }

    /// A left press and its release at column `x`, row `y` (from 0), as a terminal sends
    /// them in the normal (X10) mouse encoding, which tmux's terminfo names.
    func press(_ session: TmuxSession, x: Int, y: Int) throws {
        let at = String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        try session.send("\u{1B}[M " + at + "\u{1B}[M#" + at, literal: true)
    }

    func mouseAsked(_ session: TmuxSession) throws -> Bool {
        try session.tmux(["display-message", "-p", "-t", session.name, "#{mouse_any_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    @Test(.timeLimit(.minutes(1))) func aPressOnAMenuThenOnAnItemOpensIt() throws {
        let session = try TmuxSession(name: "mouse")
        defer { session.close() }
        try start(session)
        #expect(try mouseAsked(session))
        try press(session, x: 12, y: 0)                    // "Settings" on the menu bar
        let menu = try expectScreen(session, "Exchange log…", "Settings menu open")
        guard let row = menu.components(separatedBy: "\n").firstIndex(where: { $0.contains("Exchange log…") }) else { return }
        try press(session, x: 14, y: row)
        try expectScreen(session, "F2 Save", "the exchange log window")
        try session.send("Escape")
        try session.send("F10")
        try expectScreen(session, "HLMCS-STATUS=0", "quit")
    }

    @Test(.timeLimit(.minutes(1))) func noMouseLeavesItToTheTerminal() throws {
        let session = try TmuxSession(name: "nomouse")
        defer { session.close() }
        try start(session, "--no-mouse")
        #expect(try !mouseAsked(session))
        try session.send("F10")
        try expectScreen(session, "HLMCS-STATUS=0", "quit")
    }
}
