import Foundation
import Testing
import TmuxHarness

/// Issue 18 item 2 in a real terminal: Ctrl-C while the 1000-meter list is being read
/// (the demo paced like a 1200 bit/s line) asks "Stop?" instead of ending the program;
/// Esc goes on reading; F10 asks "Quit hlmcs?"; a second Ctrl-C quits, exit status 0,
/// the terminal given back.
@Suite("quitting asks first, in tmux", .serialized)
struct LeaveEndToEndTests {
    @Test(.timeLimit(.minutes(2))) func ctrlCDuringAReadAsksAndASecondOneQuits() throws {
        let session = try TmuxSession(name: "leave-en")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("hlmcs.sqlite").path
        let hlmcs = try TmuxSession.executable(named: "hlmcs").path
        try session.type("\(hlmcs) --demo --demo-meters 1000 --demo-baud 1200 --lang en --db \(db); echo HLMCS-STATUS=$?")
        try expectScreen(session, "HLMCS — ES-951", "login screen")
        try firstLogin(session, .en, password: "first-pass-1")

        for _ in 0..<5 { try session.send("Down") }
        try session.send("Enter")
        try expectScreen(session, "F5 reads the meter list", "meter list page")
        try session.send("F5")
        try expectScreen(session, "Esc Stop", "the read in flight")

        try session.send("C-c")
        let asked = try expectScreen(session, "Stop?", "Ctrl-C asks")
        #expect(asked.contains("In progress on Meter list: it will be stopped."), "\(asked)")
        #expect(!asked.contains("HLMCS-STATUS"), "the program went on")
        try session.send("Escape")
        let going = try session.wait(seconds: 10) { !$0.contains("Stop?") && $0.contains("Esc Stop") }
        #expect(going.ok, "Esc closes the question, the read goes on:\n\(going.screen)")

        try session.send("F10")
        try expectScreen(session, "Quit hlmcs?", "F10 asks too")
        try session.send("Escape")
        try session.send("C-c")
        try expectScreen(session, "Stop?", "Ctrl-C asks again")
        try session.send("C-c")
        let done = try expectScreen(session, "HLMCS-STATUS=0", "a second Ctrl-C quits")
        #expect(!done.contains("Meter list"), "the UI is gone from the shell's screen:\n\(done)")
    }
}
