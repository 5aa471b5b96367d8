import Foundation
import Testing
import TmuxHarness

/// `hlmcs --demo` in tmux: LLS set in the settings (F3), the Basic parameters page reads
/// the demo's serial number and address; the Clock page is read, set years back from
/// the form, then synchronised with the PC (Set to the PC's time, F6) — afterwards the difference is about 0 s.
@Suite("Parameters pages end to end in tmux", .serialized)
struct ParametersEndToEndTests {

    /// The seconds of the Difference line ("0 s, in step…" is 0; "device ahead by 2 s"
    /// is 2, behind is negative), nil when the line shows no whole seconds.
    static func difference(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Difference") }) else { return nil }
        if line.contains("in step with the PC") { return 0 }
        guard let m = line.firstMatch(of: #/device (ahead|behind) by (\d+) s\b/#), let n = Int(m.2) else { return nil }
        return m.1 == "ahead" ? n : -n
    }

    @Test(.timeLimit(.minutes(2))) func llsThenTheClockIsSynchronisedWithThePC() throws {
        let session = try TmuxSession(name: "params-en")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("db.sqlite").path
        try session.type("\(try TmuxSession.executable(named: "hlmcs").path) --demo --lang en --db \(db)")
        try expectScreen(session, "New database", "login screen")
        try firstLogin(session, .en, password: "first-pass-1")

        try chooseLLS(session, .en)

        // Basic parameters: F5 reads the demo's serial number and logical address.
        try session.send("Down")
        try expectScreen(session, "┌ Basic parameters", "Basic parameters page")
        try session.send("Enter")
        try session.send("F5")
        let basic = try expectScreen(session, "95100001", "serial number")
        #expect(basic.contains("Logical address RS-485   1001"), "\(basic)")

        // Clock: F5, a time written, then Set to the PC's time.
        try session.send("Escape")
        try session.send("Down")
        try expectScreen(session, "┌ Clock", "Clock page")
        try session.send("Enter")
        try session.send("F5")
        try expectScreen(session, "read at", "clock read")
        // First the clock is set far off (so the sync has something to do)…
        for _ in 0..<19 { try session.send("BSpace") }
        try session.send("2020-01-01 00:00:00", literal: true)
        try session.send("F6")
        try expectScreen(session, "Set the device clock", "set dialog")
        try session.send("Enter")
        let off = try expectScreen(session, "Clock set", "set outcome")
        #expect(off.contains("device behind by"), "\(off)")
        #expect(Self.difference(off) == nil, "the difference is days, not seconds:\n\(off)")
        // …then synchronised with the PC.
        try session.send("Down")
        try session.send("Down")        // the third row: Set to the PC's time
        try session.send("F6")
        try expectScreen(session, "Synchronise with the PC", "sync dialog")
        try session.send("Enter")
        let synced = try expectScreen(session, "Clock synchronised with the PC", "sync outcome")
        // The PC's time on the page is that of the last tick (each second) and the device
        // keeps whole seconds: "about 0" is within two seconds either way.
        let seconds = Self.difference(synced)
        #expect(seconds.map { abs($0) <= 2 } == true, "difference after sync:\n\(synced)")
        #expect(synced.contains("Time zone    UTC+03:00"), "\(synced)")

        try session.send("F10")
        // Typing before hlmcs has given the terminal back would lose the keys.
        let closed = try session.wait(seconds: 20) { !$0.contains("Exchange log") }
        #expect(closed.ok, "hlmcs did not quit:\n\(closed.screen)")
        try session.type("echo HLMCS-''DONE")
        try expectScreen(session, "HLMCS-DONE", "after quitting")
    }
}
