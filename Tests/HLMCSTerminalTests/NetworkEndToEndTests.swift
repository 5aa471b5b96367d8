import Foundation
import Testing
import TmuxHarness

/// The GPRS page of `hlmcs --demo` in a real terminal (tmux): LLS set in F3, the page
/// read, the APN changed, F6 and the confirmation, then a fresh read over a new
/// association shows what the device kept. Without tmux these fail, saying to install it.
@Suite("hlmcs --demo network pages end to end in tmux", .serialized)
struct NetworkEndToEndTests {

    func keys(_ session: TmuxSession, _ keys: String...) throws {
        for key in keys { try session.send(key) }
    }

    @Test(.timeLimit(.minutes(2))) func anAPNWrittenOnTheGPRSPageIsReadBackAfterAFreshRead() throws {
        let session = try TmuxSession(name: "network-en")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("db.sqlite").path
        let hlmcs = try TmuxSession.executable(named: "hlmcs").path
        try session.type("\(hlmcs) --demo --lang en --db \(db); echo HLMCS-STATUS=$?")

        // First login.
        try expectScreen(session, "New database", "login screen")
        try firstLogin(session, .en, password: "first-pass-1")

        // F3: Security → LLS, its password, Enter.
        try session.send("F3")
        try expectScreen(session, "Connection settings", "settings window")
        try keys(session, "Down", "Right")
        try expectScreen(session, "LLS password", "LLS chosen")
        try session.send("Down")
        try session.send("admin@emis", literal: true)
        try session.send("Enter")
        let main = try expectScreen(session, "Security LLS", "LLS in the connection zone")
        #expect(!main.contains("admin@emis"), "the LLS password is on screen:\n\(main)")

        // The GPRS page: three down from Information, Enter to its values, F5.
        try keys(session, "Down", "Down", "Down", "Enter", "F5")
        // Before the read the page shows the model's defaults (no server): wait for the device's.
        let read = try expectScreen(session, "10.10.0.1:4059", "the servers after F5")
        #expect(read.contains("[internet") && read.contains("F6 Write"), "\(read)")

        // The APN: erase it, type the new one, F6 shows the change, Enter writes.
        try keys(session, "Down", "Down", "End")
        for _ in 0..<8 { try session.send("BSpace") }
        try session.send("m2m.e2e", literal: true)
        try expectScreen(session, "Changed, not written: 1", "the change marked")
        try session.send("F6")
        let dialog = try expectScreen(session, "APN: internet → m2m.e2e", "the change dialog")
        #expect(dialog.contains("Write to the concentrator"), "\(dialog)")
        try session.send("Enter")
        let written = try expectScreen(session, "Written and read back: 1", "the write")
        #expect(written.contains("write gprs apn  written 1/1"), "\(written)")

        // An edit not written, a new association (F2 twice would do; F5 reconnects), and
        // F5 asks before reading over the edit; Read shows what the device kept.
        try session.send("X", literal: true)
        try session.send("F2")
        try expectScreen(session, "not connected", "hung up")
        try session.send("F5")
        try expectScreen(session, "Unsaved changes", "F5 over an edit asks")
        try keys(session, "Left", "Enter")
        let fresh = try session.wait(seconds: 20) { $0.contains("[m2m.e2e ") && $0.contains("State    connected") }
        #expect(fresh.ok, "the APN after a fresh read:\n\(fresh.screen)")
        #expect(!fresh.screen.contains("m2m.e2eX"), "\(fresh.screen)")

        try session.send("F10")
        try expectScreen(session, "HLMCS-STATUS=0", "quit")
    }
}
