import Accounts
import Foundation
import TextSafety

/// The audit log in a window of its own (issue 18 item 11; System ▸ Audit log, for those
/// who may manage users): who did what and when, one row per entry, the newest first —
/// time (the PC's clock), user, action, target, outcome. ↑↓ PageUp/PageDown Home/End
/// move; `/` or `f` types a filter (part of the user, action or target, any case) that
/// narrows the rows as it is typed, Enter keeps it, Esc clears it; F5 loads the log
/// again; F8 writes the rows shown to a new CSV file (the export box of the Data pages).
///
/// The user, action and target are stored text a login or a path put there: they are
/// shown in their terminal form (`OutsideText.forTerminal`: ESC as `\x1b`); a cell too
/// long for its column ends in `…`, and the selected entry is then shown whole under the
/// table. The window only asks (``Outcome``); the app loads and writes.
public struct AuditWindow: Sendable, Equatable {
    public enum Outcome: Equatable, Sendable {
        case close
        /// Load the log again.
        case reload
        /// Write the rows shown to a CSV file at `path` (never over an existing one).
        case export(path: String, CSVChoice)
    }

    /// An entry with its texts in terminal form, and what the filter looks in.
    struct Row: Sendable, Equatable {
        let entry: AuditEntry
        let user: String
        let action: String
        let target: String
        /// User, action and target, lowercased, for the filter.
        let haystack: String

        init(_ entry: AuditEntry) {
            self.entry = entry
            user = OutsideText.forTerminal(entry.user, limit: nil)
            action = OutsideText.forTerminal(entry.action, limit: nil)
            target = OutsideText.forTerminal(entry.target, limit: nil)
            haystack = [user, action, target].joined(separator: "\u{0}").lowercased()
        }
    }

    /// Every entry, newest first (as loaded).
    private(set) var rows: [Row]
    /// The indices in `rows` of those the filter keeps, in order.
    private(set) var shown: [Int]
    var list = TableState()
    /// The filter; typed while `filtering`.
    private(set) var filter = TextFieldState()
    private(set) var filtering = false
    var export: ExportPrompt?
    /// The outcome of the last export or reload, or why it failed.
    struct Notice: Equatable, Sendable {
        var text: String
        var bad: Bool
    }
    var notice: Notice?
    /// Whether F8 is offered (the user may export CSV); the store decides anyway.
    let mayExport: Bool
    /// The zone the times are shown in: the PC's, pinned in tests.
    public var zone: PCZone

    /// - Parameter entries: the log, newest first.
    /// The most entries the window loads, the newest (`hlmcs audit` lists them all).
    public static let limit = 10_000

    public init(entries: [AuditEntry], mayExport: Bool, zone: PCZone = .system) {
        rows = entries.map(Row.init)
        shown = Array(rows.indices)
        self.mayExport = mayExport
        self.zone = zone
    }

    public var hasTextFocus: Bool { filtering || export != nil }

    /// The entries shown (the filter applied), newest first.
    public var shownEntries: [AuditEntry] { shown.map { rows[$0].entry } }

    /// The log loaded again: the filter stays, the selection keeps its place if it can.
    public mutating func reload(_ entries: [AuditEntry]) {
        rows = entries.map(Row.init)
        notice = nil
        refilter(keepSelection: true)
    }

    /// The default CSV name: the time, so two exports never meet.
    func defaultName(_ now: Date) -> String {
        let digits = zone.dateTime(now).filter(\.isNumber)
        return "audit-" + digits.prefix(8) + "-" + digits.dropFirst(8) + ".csv"
    }

    mutating func refilter(keepSelection: Bool = false) {
        let needle = OutsideText.forTerminal(filter.text, limit: nil).lowercased()
        shown = rows.indices.filter { needle.isEmpty || rows[$0].haystack.contains(needle) }
        list.selected = keepSelection ? min(list.selected, max(0, shown.count - 1)) : 0
        if !keepSelection { list.offset = 0 }
    }

    /// - Parameter page: the rows one screen of the window holds.
    public mutating func handle(_ key: Key, page: Int, now: Date, _ s: UIStrings) -> Outcome? {
        if var prompt = export {
            let outcome = prompt.handle(key, s)
            export = prompt
            switch outcome {
            case .cancel?: export = nil
            case .write(let path, let choice)?: return .export(path: path, choice)
            case nil: break
            }
            return nil
        }
        if filtering {
            switch key {
            case .escape:
                filter = TextFieldState()
                filtering = false
                refilter()
            case .enter, .tab:
                filtering = false
            case .up, .down, .pageUp, .pageDown:
                _ = list.move(key, rowCount: shown.count, height: max(1, page))
            case .character(let c) where c.unicodeScalars.contains { $0.properties.generalCategory == .control }:
                break
            default:
                if filter.handle(key) { refilter() }
            }
            return nil
        }
        if list.move(key, rowCount: shown.count, height: max(1, page)) { return nil }
        switch key {
        case .escape, .character("q"): return .close
        case .character("/"), .character("f"):
            filtering = true
            notice = nil
        case .function(5):
            return .reload
        case .function(8) where mayExport && !shown.isEmpty:
            notice = nil
            export = ExportPrompt(defaultPath: defaultName(now), rows: shown.count, russian: s.language == .ru)
        default: break
        }
        return nil
    }

    /// After the app wrote the file (the box closes) or failed to (the box says why).
    public mutating func exported(_ text: String, failed: Bool) {
        if failed, export != nil {
            export?.writing = false
            export?.message = text
        } else {
            export = nil
            notice = Notice(text: text, bad: failed)
        }
    }

    /// A reload that failed, said in the window.
    public mutating func failed(_ text: String) { notice = Notice(text: text, bad: true) }

    public func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        if export != nil { return [KeyBar.Item("Enter", s["data.key.write"]), KeyBar.Item("Esc", s["data.key.cancel"])] }
        if filtering { return [KeyBar.Item("Enter", s["audit.key.done"]), KeyBar.Item("Esc", s["audit.key.clear"])] }
        var items = [KeyBar.Item("↑↓ PgUp PgDn", s["key.scroll"]), KeyBar.Item("/", s["audit.key.filter"]),
                     KeyBar.Item("F5", s["audit.key.refresh"])]
        if mayExport { items.append(KeyBar.Item("F8", s["data.key.csv"])) }
        items.append(KeyBar.Item("Esc", s["key.close"]))
        return items
    }

    // MARK: - Texts

    static func outcome(_ outcome: AuditEntry.Outcome, _ s: UIStrings) -> String {
        switch outcome {
        case .success: s["audit.outcome.success"]
        case .failure: s["audit.outcome.failure"]
        case .denied: s["audit.outcome.denied"]
        case .started: s["audit.outcome.started"]
        }
    }

    /// The column titles: time, user, action, target, outcome.
    static func titles(_ s: UIStrings) -> [String] {
        [s["audit.column.time"], s["audit.column.user"], s["audit.column.action"], s["audit.column.target"],
         s["audit.column.outcome"]]
    }

    /// The CSV of the rows shown, as on screen (the stored texts: the CSV writer applies
    /// the spreadsheet rule to them).
    public func csv(_ s: UIStrings) -> (header: [String], rows: [[String]]) {
        (Self.titles(s), shown.map { i in
            let e = rows[i].entry
            return [zone.dateTime(e.time), e.user, e.action, e.target, Self.outcome(e.outcome, s)]
        })
    }

    /// `text` in `columns`, ending in `…` when it had to be cut.
    static func cell(_ text: String, _ columns: Int) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        return columns > 1 ? DisplayWidth.prefix(text, columns: columns - 1) + "…" : ""
    }

    /// Column widths for a body `width` wide (one space between columns): the time's
    /// fixed, the outcome's its longest word, user and action their longest text in the
    /// whole log (so the columns stay put as the filter changes) up to a third of what is
    /// left each, the target the rest.
    func widths(_ width: Int, _ s: UIStrings) -> [Int] {
        let title = Self.titles(s).map(DisplayWidth.of)
        let time = 19
        let outcome = ([title[4]] + [AuditEntry.Outcome.success, .failure, .denied, .started].map {
            DisplayWidth.of(Self.outcome($0, s))
        }).max() ?? 8
        let room = max(0, width - time - outcome - 4)
        let user = min(rows.reduce(title[1]) { max($0, DisplayWidth.of($1.user)) }, max(6, room / 3))
        let action = min(rows.reduce(title[2]) { max($0, DisplayWidth.of($1.action)) }, max(6, room / 3))
        return [time, user, action, max(1, room - user - action), outcome]
    }

    // MARK: - Drawing

    /// The lines under the table: the selected entry whole when its row cuts it, the
    /// filter being typed, the outcome of an export.
    static let footer = 2

    /// The rows of the table a window `height` high holds (less the frame, the count
    /// line, the header and the footer).
    public static func pageRows(height: Int) -> Int { max(1, height - 4 - footer) }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard area.width > 4, area.height > 4 else { return }
        let s = context.strings
        buffer.clear(area)
        let frame = Frame(title: s["audit.title"], lines: context.lines, titleStyle: Style(bold: true))
        frame.render(in: area, into: &buffer)
        let inner = frame.inner(area)
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let filterText = OutsideText.forTerminal(filter.text, limit: 40)
        let count = !filterText.isEmpty ? s["audit.countFiltered", String(shown.count), String(rows.count), filterText]
            : rows.count >= Self.limit ? s["audit.countLimited", String(rows.count)]
            : s.counted("audit.count", rows.count)
        buffer.write(count, x: body.x, y: body.y, style: Style(dim: true), maxWidth: body.width)
        let table = Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1 - Self.footer))
        var footer: [(text: String, style: Style)] = []
        if shown.isEmpty {
            buffer.write(s[rows.isEmpty ? "audit.empty" : "audit.noMatch"], x: table.x, y: table.y,
                         style: Style(dim: true), maxWidth: table.width)
        } else {
            let widths = widths(table.width, s)
            let columns = zip(Self.titles(s), widths).map { TableColumn($0, width: $1) }
            TableView(columns: columns, rowCount: shown.count, state: list) { i in
                let row = rows[shown[i]]
                return zip([zone.dateTime(row.entry.time), row.user, row.action, row.target, Self.outcome(row.entry.outcome, s)],
                           widths).map { Self.cell($0, $1) }
            }.render(in: table, into: &buffer)
            // The selected entry whole, under the table, when its row had to cut it.
            let row = rows[shown[min(max(0, list.selected), shown.count - 1)]]
            if zip([row.user, row.action, row.target], widths[1...3]).contains(where: { DisplayWidth.of($0) > $1 }) {
                let room = filtering || notice != nil ? Self.footer - 1 : Self.footer
                var lines = TextWrap.lines([row.user, row.action, row.target].filter { !$0.isEmpty }.joined(separator: " · "),
                                           width: body.width, keepSpaces: true)
                if lines.count > room {
                    lines = Array(lines.prefix(room))
                    lines[room - 1] = Self.cell(lines[room - 1] + "…", body.width)
                }
                footer = lines.map { ($0, Style(dim: true)) }
            }
        }
        if filtering {
            footer = Array(footer.prefix(Self.footer - 1)) + [("", .plain)]
        } else if let notice {
            footer = Array(footer.prefix(Self.footer - 1))
                + [(notice.text, notice.bad ? Style(foreground: .red, bold: true) : Style(foreground: .green))]
        }
        let top = inner.maxY - footer.count
        for (i, line) in footer.enumerated() {
            buffer.write(line.text, x: body.x, y: top + i, style: line.style, maxWidth: body.width)
        }
        if filtering {
            TextField(label: s["audit.filter"], state: filter, focused: true)
                .render(in: Rect(x: body.x, y: inner.maxY - 1, width: body.width, height: 1), into: &buffer)
        }
        export?.render(in: area, into: &buffer, context: context)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        if let export { return export.cursorPosition(in: area, context: context) }
        guard filtering else { return nil }
        let inner = Frame().inner(area)
        return TextField(label: context.strings["audit.filter"], state: filter, focused: true)
            .cursorPosition(in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1))
    }
}
