import Foundation
import TUICore

/// The terminal UI's figures: start to login, key to redraw (in-process and through a
/// pty mid-read), the first page of 1000 meters at 9600 baud, memory with 1000 meters.
enum TUIFigures {
    static func run(_ tools: Tools, _ report: Report) {
        report.section("Terminal UI (hlmcs --demo on a pseudo-terminal, 80x24)")
        let database = { (name: String) in tools.scratch + "/tui-\(name).sqlite" }
        if let first = TUISessions.startToLogin(hlmcs: tools.hlmcs, database: database("start")) {
            report.figure("start to login screen, new database", first * 1000, "ms", goal: .atMost(100))
        } else {
            report.failed("start to login screen", "the login screen did not appear within 20 s")
        }
        let starts = (0..<20).compactMap { _ in TUISessions.startToLogin(hlmcs: tools.hlmcs, database: database("start")) }
        report.figure("start to login screen, median of \(starts.count)", percentile(starts, 0.5) * 1000, "ms", goal: .atMost(100))
        report.figure("start to login screen, slowest of \(starts.count)", (starts.max() ?? .nan) * 1000, "ms", goal: .atMost(100))

        let midRead = TUISessions.keysDuringARead(hlmcs: tools.hlmcs, database: database("keys"))
        if midRead.isEmpty {
            report.failed("key to redraw mid-read", "hlmcs did not reach a read in flight")
        } else {
            report.figure("key to first redraw byte, mid-read (pty), median", percentile(midRead.map(\.first), 0.5) * 1000, "ms", goal: .atMost(5))
            report.figure("key to first redraw byte, mid-read (pty), p95", percentile(midRead.map(\.first), 0.95) * 1000, "ms", goal: .atMost(5))
            report.figure("key to redraw written, mid-read (pty), median", percentile(midRead.map(\.last), 0.5) * 1000, "ms")
        }

        // Each database twice: a device met for the first time, then the same device known.
        var unknown: [Double] = [], known: [Double] = []
        for i in 0..<3 {
            guard let first = TUISessions.firstMeterPage(hlmcs: tools.hlmcs, database: database("page\(i)"), known: false) else { continue }
            unknown.append(first)
            if let again = TUISessions.firstMeterPage(hlmcs: tools.hlmcs, database: database("page\(i)"), known: true) { known.append(again) }
        }
        if known.isEmpty {
            report.failed("first page of 1000 meters", "the rows did not appear")
        } else {
            report.figure("first 20 of 1000 meters at 9600 baud, F5 on an open association, known device, median of \(known.count)",
                          percentile(known, 0.5), "s", goal: .atMost(1.5))
            // The object list is 2797 B: 2.91 s on the wire at 9600 baud (10 bits a byte).
            report.figure("the same, device met for the first time (learns its object list), median of \(unknown.count)",
                          percentile(unknown, 0.5), "s", goal: .atMost(1.5 + 2.91 * 1.1))
        }

        if let memory = TUISessions.memoryWithMeters(hlmcs: tools.hlmcs, database: database("memory")) {
            report.figure("resident memory, 1000 meters loaded, executable read from disk (VmRSS)", memory.resident, "MB", goal: .atMost(30), places: 1)
            report.figure("resident memory, peak (VmHWM)", memory.peak, "MB", goal: .atMost(30), places: 1)
            report.figure("resident memory, the program's own (RssAnon)", memory.anonymous, "MB", places: 1)
        } else {
            report.failed("resident memory with 1000 meters", "the meter list did not finish loading")
        }
        redrawFigures(report)
    }

    /// Key to redraw without the terminal: `move`/`update`, `render` into a new buffer and
    /// the diff against the previous screen (what the terminal layer then writes).
    static func redrawFigures(_ report: Report) {
        let rows = (0..<1000).map { i in
            ["\(i + 1)", String(95_200_000 + i * 7), "CE 102M", i % 9 == 0 ? "blacklist" : "online",
             "2026-11-25 0\(i % 10):15", "\(i % 4)"]
        }
        let columns = [TableColumn("№", width: 5, alignment: .right), TableColumn("Serial", width: 10),
                       TableColumn("Type", width: 10), TableColumn("State", width: 10),
                       TableColumn("Last poll", width: 16), TableColumn("Fails", width: 5, alignment: .right)]
        var table = TableState()
        var previous = ScreenBuffer(width: 120, height: 36)
        var keyTimes: [Double] = []
        for _ in 0..<2000 {
            let start = ContinuousClock.now
            table.move(table.selected == 999 ? -999 : 1, rowCount: rows.count, height: 33)
            var screen = ScreenBuffer(width: 120, height: 36)
            TableView(columns: columns, rowCount: rows.count, state: table) { rows[$0] }
                .render(in: Rect(x: 0, y: 1, width: 120, height: 34), into: &screen)
            _ = screen.changes(from: previous)
            previous = screen
            keyTimes.append(seconds(ContinuousClock.now - start))
        }
        report.figure("key to redraw, 1000-row table 120x36, median", percentile(keyTimes, 0.5) * 1000, "ms", goal: .atMost(5))
        report.figure("key to redraw, 1000-row table 120x36, p99", percentile(keyTimes, 0.99) * 1000, "ms", goal: .atMost(5))

        guard let ru = try? UIStrings.bundled(.ru), let en = try? UIStrings.bundled(.en) else {
            report.failed("key to redraw, main window", "the bundled strings did not load")
            return
        }
        var state = AppState(width: 120, height: 36, language: .ru, strings: [.ru: ru, .en: en])
        _ = state.update(.loggedIn(SessionInfo(user: "Администратор", role: .administrator, permissions: [])))
        let context = DrawContext(strings: ru)
        previous = state.render(context)
        var mainTimes: [Double] = []
        for i in 0..<2000 {
            let start = ContinuousClock.now
            _ = state.update(.key(i % 20 < 10 ? .down : .up))
            let screen = state.render(context)
            _ = screen.changes(from: previous)
            previous = screen
            mainTimes.append(seconds(ContinuousClock.now - start))
        }
        report.figure("key to redraw, main window 120x36, median", percentile(mainTimes, 0.5) * 1000, "ms", goal: .atMost(5))
        report.figure("key to redraw, main window 120x36, p99", percentile(mainTimes, 0.99) * 1000, "ms", goal: .atMost(5))
    }
}
