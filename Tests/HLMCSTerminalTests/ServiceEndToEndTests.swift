import Foundation
import Testing
import TmuxHarness

/// The Settings file page of `hlmcs --demo` in a real terminal (tmux): LLS set in F3, the
/// device's settings exported to a file, the file edited, Enter on its path previews the
/// change old → new, F6 and the confirmation write it, and a second preview finds nothing
/// left to change. Without tmux these fail, saying to install it.
@Suite("hlmcs --demo service pages end to end in tmux", .serialized)
struct ServiceEndToEndTests {

    func keys(_ session: TmuxSession, _ keys: String...) throws {
        for key in keys { try session.send(key) }
    }

    @Test(.timeLimit(.minutes(2))) func aSettingsFileExportedEditedPreviewedAndImported() throws {
        let session = try TmuxSession(name: "service-en")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("db.sqlite").path
        let file = session.folder.appendingPathComponent("e2e.set").path
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
        try expectScreen(session, "Security LLS", "LLS in the connection zone")

        // The Settings file page: the last group, four up from its last page.
        try keys(session, "End", "Up", "Up", "Up", "Up")
        let tree = try expectScreen(session, "Settings file", "the Service group")
        #expect(tree.contains("Service") && tree.contains("Firmware update"), "\(tree)")
        try session.send("Enter")
        try expectScreen(session, "Export to", "the settings file page")

        // Export: the default name replaced by a file of the session folder, Enter.
        for _ in 0..<30 { try session.send("BSpace") }
        try session.send(file, literal: true)
        try session.send("Enter")
        try expectScreen(session, "settings exported to", "the export")
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(exported.contains("gprs.apn = internet"), "\(exported)")
        try exported.replacingOccurrences(of: "gprs.apn = internet", with: "gprs.apn = m2m.e2e")
            .write(toFile: file, atomically: true, encoding: .utf8)

        // Import: its path, Enter previews (nothing written), F6 asks, Enter writes.
        try session.send("Down")
        try session.send(file, literal: true)
        try session.send("Enter")
        let preview = try expectScreen(session, "gprs.apn: internet → m2m.e2e", "the preview")
        #expect(preview.contains("Changes (1)") && preview.contains("F6 Write"), "\(preview)")
        try session.send("F6")
        try expectScreen(session, "Write these 1 settings?", "the confirmation")
        try session.send("Enter")
        try expectScreen(session, "1 settings written and read back", "the import")
        try expectScreen(session, "✓ gprs.apn", "the change marked written")

        // A second preview: the device has the file's settings now.
        try session.send("Enter")
        try expectScreen(session, "already has these settings", "nothing left to change")

        try session.send("F10")
        try expectScreen(session, "HLMCS-STATUS=0", "quit")
    }

    /// All objects (issue 17): F5 lists the demo's 54 objects by class with their roles,
    /// End and Enter read the last one's attributes by name, Esc goes back to the list.
    @Test(.timeLimit(.minutes(2))) func allObjectsListsReadsOneAndGoesBack() throws {
        let session = try TmuxSession(name: "allobjects-en")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("db.sqlite").path
        let hlmcs = try TmuxSession.executable(named: "hlmcs").path
        try session.type("\(hlmcs) --demo --lang en --db \(db); echo HLMCS-STATUS=$?")
        try expectScreen(session, "New database", "login screen")
        try firstLogin(session, .en, password: "first-pass-1")

        // The last page of the tree, Enter gives it the keys, F5 reads the list.
        try keys(session, "End")
        try expectScreen(session, "All objects", "the All objects node")
        try session.send("Enter")
        try session.send("F5")
        let list = try expectScreen(session, "54 objects; Enter reads one", "the object list")
        #expect(list.contains("Class 1 Data") && list.contains("hardware-version"), "\(list)")
        // The last object (the G3 adaptation layer, class 92) by name.
        try keys(session, "End", "Enter")
        let object = try expectScreen(session, "max-hops", "its attributes")
        #expect(object.contains("92/0.0.29.2.0.255") && object.contains("routing-table"), "\(object)")
        try session.send("Escape")
        try expectScreen(session, "54 objects; Enter reads one", "back to the list")

        try session.send("F10")
        try expectScreen(session, "HLMCS-STATUS=0", "quit")
    }
}
