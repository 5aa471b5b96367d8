import Foundation
import Testing
import TmuxHarness

/// The Meter list and PLC network pages in a real terminal against `hlmcs --demo
/// --demo-meters 1000`: read the list, page through it with PageDown to the last meter,
/// filter the blacklist, open the PLC tree and a node. No test measures time.
@Suite("Meter list and PLC network end to end in tmux", .serialized)
struct MetersEndToEndTests {
    static func hlmcs() throws -> String { try TmuxSession.executable(named: "hlmcs").path }

    @discardableResult
    func expectScreen(_ session: TmuxSession, _ needle: String, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let seen = try session.wait(for: needle, seconds: 30)
        #expect(seen.ok, "\(what): no \"\(needle)\" on screen:\n\(seen.screen)", sourceLocation: sourceLocation)
        return seen.screen
    }

    /// The rows of the work area's table (between the header and the hints).
    func tableRows(_ screen: String) -> [String] {
        screen.components(separatedBy: "\n").compactMap { line -> String? in
            // The work area's inside starts at column 27 in 80 columns.
            guard line.count > 27 else { return nil }
            let work = String(line.dropFirst(27))
            // "  987 27816053 …": a point number, then a serial.
            let fields = work.split(separator: " ")
            guard fields.count >= 2, Int(fields[0]) != nil, fields[1].count >= 8, Int(fields[1]) != nil else { return nil }
            return work
        }
    }

    @Test(.timeLimit(.minutes(3))) func pageThrough1000MetersFilterTheBlacklistAndOpenThePLCTree() throws {
        let session = try TmuxSession(name: "meters-en")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("hlmcs.sqlite").path
        try session.type("\(try Self.hlmcs()) --demo --demo-meters 1000 --lang en --db \(db)")
        try expectScreen(session, "HLMCS — ES-951", "login screen")
        try firstLogin(session, .en, password: "first-pass-1")

        // Tree: Information → … → Meter list, into the work area, F5.
        for _ in 0..<5 { try session.send("Down") }
        try session.send("Enter")
        try expectScreen(session, "F5 reads the meter list", "meter list page")
        try session.send("F5")
        let whole = try session.wait(seconds: 30) { $0.contains("All 1000") && !$0.contains("Online …") }
        #expect(whole.ok, "the whole list and its poll status:\n\(whole.screen)")
        let read = whole.screen
        #expect(tableRows(read).first?.hasPrefix("    1 ") == true, "\(read)")

        // PageDown to the end: point 1000 on screen, point 1 gone.
        var last: String
        for _ in 0..<100 { try session.send("PageDown") }
        let end = try session.wait(seconds: 30) { screen in self.tableRows(screen).last?.hasPrefix(" 1000 ") == true }
        last = end.screen
        #expect(end.ok, "not at the end after PageDown:\n\(last)")
        let rows = tableRows(last)
        #expect(rows.count >= 10 && !rows.contains { $0.hasPrefix("    1 ") }, "\(last)")
        #expect(rows.map { Int($0.split(separator: " ")[0]) ?? 0 } == Array((1001 - rows.count)...1000), "\(last)")

        // The blacklist: every row is blacklisted.
        try session.send("f", literal: true)
        try session.send("f", literal: true)
        let black = try session.wait(seconds: 20) { screen in
            let r = self.tableRows(screen)
            return !r.isEmpty && r.allSatisfy { $0.contains("blacklist") }
        }
        #expect(black.ok, "the blacklist filter:\n\(black.screen)")
        #expect(tableRows(black.screen).count >= 10)

        // The PLC tree: back to the tree, down one, in, F5.
        try session.send("Escape")
        _ = try session.wait(seconds: 0.5) { _ in false }     // Escape alone, not Alt+Down
        try session.send("Down")
        try expectScreen(session, "F5 reads the PLC network", "PLC page")
        try session.send("Enter")
        try session.send("F5")
        let tree = try expectScreen(session, "0000 · concentrator", "the PLC tree")
        #expect(tree.contains("1000 nodes"), "\(tree)")
        #expect(tree.contains("LQI"), "\(tree)")
        // A first hop, opened, and one node under it.
        try session.send("Down")
        try session.send("Right")
        try session.send("Down")
        try session.send("Enter")
        let node = try expectScreen(session, "Route", "a node")
        #expect(node.contains("Short address") && node.contains("Hops"), "\(node)")
        // By address: the meter of point 1000, typed.
        // (A key right after Escape would reach the program as Alt+key: wait for the tree.)
        try session.send("Escape")
        try expectScreen(session, "a Address", "back to the tree")
        try session.send("a", literal: true)
        try expectScreen(session, "Meter address", "the address field")
        let address = try #require(tableRowsAddress(last))
        try session.send(address, literal: true)
        try session.send("Enter")
        let found = try expectScreen(session, ", point 1000", "the node of point 1000")
        #expect(found.contains("Route"), "\(found)")

        try session.send("F10")
        let quit = try session.wait(seconds: 20) { !$0.contains("Exchange log") }
        #expect(quit.ok, "F10 did not quit:\n\(quit.screen)")
        try session.type("echo \"STATUS=$?\"; echo HLMCS-''DONE")
        let done = try expectScreen(session, "HLMCS-DONE", "after quitting")
        #expect(done.contains("STATUS=0"), "\(done)")
    }

    @Test(.timeLimit(.minutes(2))) func inRussianOneMeterIsRemovedAfterItsSerialIsTyped() throws {
        let session = try TmuxSession(name: "meters-ru")
        defer { session.close() }
        let db = session.folder.appendingPathComponent("hlmcs.sqlite").path
        try session.type("\(try Self.hlmcs()) --demo --demo-meters 40 --lang ru --db \(db)")
        try expectScreen(session, "HLMCS — конфигуратор", "login screen")
        try firstLogin(session, .ru, password: "pervyi-parol")

        try chooseLLS(session, .ru)

        for _ in 0..<5 { try session.send("Down") }
        try session.send("Enter")
        try expectScreen(session, "F5 — прочитать список ПУ", "meter list page")
        try session.send("F5")
        let read = try session.wait(seconds: 30) { $0.contains("Все 40") && !$0.contains("На связи …") }
        #expect(read.ok, "the list:\n\(read.screen)")
        // Point 5, its serial from the screen.
        for _ in 0..<4 { try session.send("Down") }
        let row = try #require(tableRows(read.screen).first { $0.hasPrefix("    5 ") })
        let serial = String(row.split(separator: " ")[1])
        try session.send("DC")
        try expectScreen(session, "Удалить из списка концентратора", "the removal choice")
        try session.send("Left")
        try session.send("Left")
        try session.send("Enter")
        try expectScreen(session, "Введите \(serial):", "the typed confirmation")
        try session.send(String(serial.dropLast()), literal: true)
        try session.send("Enter")
        try expectScreen(session, "Введено не то слово", "a wrong word refused")
        try session.send(String(serial.last!), literal: true)
        try session.send("Enter")
        let removed = try expectScreen(session, "ПУ \(serial) (точка 5) удалён.", "the removal")
        #expect(removed.contains("Все 39"), "\(removed)")
        #expect(!tableRows(removed).contains { $0.hasPrefix("    5 ") }, "\(removed)")
        // Read again from the device: 39 meters, point 5 gone.
        try session.send("F5")
        let again = try session.wait(seconds: 30) { $0.contains("Все 39") && !$0.contains("На связи …") && $0.contains("Прочитано.") }
        #expect(again.ok, "read again:\n\(again.screen)")
        #expect(!tableRows(again.screen).contains { $0.hasPrefix("    5 ") }, "\(again.screen)")
        try session.send("F10")
        let quit = try session.wait(seconds: 20) { !$0.contains("Журнал обмена") }
        #expect(quit.ok, "F10 did not quit:\n\(quit.screen)")
    }

    /// Point 1000's address (16 hex digits in the table's address column).
    func tableRowsAddress(_ screen: String) -> String? {
        tableRows(screen).last { $0.hasPrefix(" 1000 ") }.map { String($0.split(separator: " ")[2]) }
    }
}
