import Foundation
import Testing
import TmuxHarness

/// The Profiles page in a real terminal against `es951-sim` over TCP (issue 7): a new
/// user opens Commercial data → Profiles, reads point 1's daily profile with F5, writes it
/// to CSV with F8 and Enter; the file is then compared row by row with what
/// `hlmcs profile daily --point 1 --json` reads from the same simulator.
@Suite("Data pages end to end in tmux", .serialized)
struct DataEndToEndTests {

    /// Starts `es951-sim` in the background of the session's shell; its `host:port`.
    func startSimulator(_ session: TmuxSession) throws -> String? {
        let sim = try TmuxSession.executable(named: "es951-sim").path
        try session.type("\(sim) --tcp 127.0.0.1:0 > \(session.folder.path)/sim.out 2>&1 &")
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = session.file("sim.out").split(separator: "\n").first(where: { $0.hasPrefix("LISTEN tcp ") }) {
                return String(line.dropFirst("LISTEN tcp ".count))
            }
            usleep(50_000)
        }
        Issue.record("es951-sim printed no LISTEN line: \(session.file("sim.out"))")
        return nil
    }

    /// The English names of the event catalogue (`Resources/events.json`).
    static func englishEventNames() -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/events.json")
        guard let data = try? Data(contentsOf: file),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = object["events"] as? [[String: Any]] else { return [] }
        return events.compactMap { $0["english"] as? String }
    }

    @Test(.timeLimit(.minutes(2))) func aDailyProfileExportedFromTheProfilesPageIsWhatHlmcsProfileReads() throws {
        let session = try TmuxSession(name: "data-profile")
        defer { session.close() }
        guard let address = try startSimulator(session) else { return }
        let hlmcs = try TmuxSession.executable(named: "hlmcs").path
        let folder = session.folder.path
        try session.type("cd \(folder) && \(hlmcs) --tcp \(address) --lang en --db \(folder)/db.sqlite")

        // First login: the administrator and its new password, twice.
        try expectScreen(session, "New database", "login screen")
        try session.send("Administrator", literal: true)
        try session.send("Enter")
        try expectScreen(session, "Set a password for", "first-run password")
        try session.send("first-pass-1", literal: true)
        try session.send("Tab")
        try session.send("first-pass-1", literal: true)
        try session.send("Enter")
        try expectScreen(session, "Exchange log", "main window")

        // Down the tree to Commercial data → Profiles, Enter into the page.
        for _ in 0..<10 { try session.send("Down") }
        try expectScreen(session, "┌ Profiles", "the Profiles page")
        try session.send("Enter")
        let page = try expectScreen(session, "Profile: < Daily energy >", "the Profiles page's fields")
        #expect(page.contains("Point: [1"), "\(page)")

        // F5 connects over TCP and reads point 1's daily profile.
        try session.send("F5")
        let table = try expectScreen(session, "Daily energy, point 1: 89 rows", "the profile read")
        #expect(table.contains("Date-time") && table.contains("A+ (Wh)"), "\(table)")
        #expect(table.contains("F8 CSV"), "\(table)")

        // F8: the prompt offers a file name in the working folder; Enter writes it.
        try session.send("F8")
        let prompt = try expectScreen(session, "Export to CSV", "the export prompt")
        // The default name: what, point, and the days of the rows (issue 18 item 10).
        #expect(prompt.contains(".csv") && prompt.contains("89 rows"), "\(prompt)")
        try session.send("Enter")
        try expectScreen(session, "Exported 89 rows", "the export")

        // Esc back to the tree, down to Event log → Events: the concentrator's log, named.
        try session.send("Escape")
        try session.send("Down")
        try session.send("Down")
        try expectScreen(session, "┌ Events", "the Events page")
        try session.send("Enter")
        try session.send("F5")
        let events = try expectScreen(session, "Point 0: 100 events", "the event log read")
        let names = Self.englishEventNames()
        #expect(events.contains("Date-time") && events.contains("Code Event"), "\(events)")
        #expect(names.contains { events.contains($0) }, "no event name from the catalogue on screen:\n\(events)")
        try session.send("F10")
        let closed = try session.wait(seconds: 20) { !$0.contains("Exchange log") }
        #expect(closed.ok, "hlmcs did not quit:\n\(closed.screen)")

        // The command line reads the same profile from the same simulator.
        try session.type("HLMCS_USER=Administrator HLMCS_PASSWORD=first-pass-1 \(hlmcs) profile daily --point 1 --tcp \(address) --json --db \(folder)/db.sqlite > cli.json 2> cli.err; echo \"CLI=$?\"; kill %1; echo CLI-''DONE")
        let cli = try expectScreen(session, "CLI-DONE", "hlmcs profile")
        #expect(cli.contains("CLI=0"), "\(cli)\n\(session.file("cli.err"))")

        let files = try FileManager.default.contentsOfDirectory(atPath: session.folder.path)
        let fileName = try #require(files.first { $0.wholeMatch(of: /profile-daily-point1-\d{8}-\d{8}\.csv/) != nil }, "\(files)")
        let bytes = try [UInt8](Data(contentsOf: session.folder.appendingPathComponent(fileName)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "Date-time,A+ (Wh),A− (Wh),R+ (varh),R− (varh)")
        let rows = lines.dropFirst().map { $0.components(separatedBy: ",") }
        let json = session.file("cli.json").split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        #expect(rows.count == 89)
        #expect(json.count == rows.count, "\(session.file("cli.json").prefix(400))")
        let keys = ["active-energy-import", "active-energy-export", "reactive-energy-import", "reactive-energy-export"]
        for (row, object) in zip(rows, json) {
            // `2026-09-08T00:00:00+03:00` in JSON is `2026-09-08 00:00` in the CSV (the device's time).
            let time = (object["time"] as? String).map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") }
            let values = keys.map { key in (object[key] as? NSNumber)?.stringValue ?? "?" }
            #expect(row == [time ?? "?"] + values, "\(object)")
        }
    }
}
