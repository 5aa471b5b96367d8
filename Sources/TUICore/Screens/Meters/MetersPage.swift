import ES951
import Foundation

/// The meter list (SPEC F-35): up to 1000 meters joined with their poll status, the first
/// page on screen while the rest loads. Filters All / Online / Blacklist (`f`), search by
/// serial number or address (`/`, Enter the next match, `n` again later), sort by a column
/// (`s` the next column, `r` the other way), ←→ scroll the columns after point and serial,
/// F8 removes the selected meter or all of them after a typed confirmation, F4 writes the
/// rows shown to a CSV file. Only the rows on screen are drawn.
public struct MetersPage: WorkPage {
    /// What has the keys.
    enum Mode: Equatable, Sendable {
        case list
        /// `/`: the text to find, as it is typed.
        case search(TextFieldState)
        /// F8: this meter, or all of them?
        case chooseRemoval(DialogState)
        /// The word to type before a removal goes.
        case confirmRemoval(Removal, DialogState)
        /// F4: the CSV export box (file, separators), as on the data pages.
        case export(ExportPrompt)
    }

    /// What a removal removes.
    enum Removal: Equatable, Sendable {
        case one(point: Int, serial: String)
        case all(count: Int)
    }

    /// A line under the table: an outcome, or why a key did nothing.
    struct Note: Equatable, Sendable {
        var text: String
        var isError: Bool
    }

    /// Every meter read, in the device's order.
    public private(set) var lines: [MeterLine] = []
    /// True once the poll status is joined to the list (the Online and Blacklist filters
    /// need it).
    public private(set) var statusRead = false
    /// True from F5 until the whole list and its poll status are in.
    public private(set) var loading = false
    public private(set) var filter: MeterFilter = .all
    /// The sort column (nil: the device's order) and direction.
    public private(set) var sortColumn: MeterColumn?
    var table = TableState()
    /// Columns after point and serial scrolled off to the left.
    var columnOffset = 0
    /// The text found last (kept after the field closes, for `n`).
    public private(set) var searchText = ""
    var mode = Mode.list
    var note: Note?
    /// The typed word did not match (said in the dialog).
    var mismatch = false
    /// The removal sent, until its outcome comes.
    var pendingRemoval: Removal?
    /// Indices into `lines` of the rows shown: filtered, then sorted.
    public private(set) var view: [Int] = []
    /// Meters each filter shows.
    var counts: [MeterFilter: Int] = [:]
    /// The serial number column's width (the longest serial, at least 8).
    var serialWidth = 8

    public init() {}

    /// The meter on the selected row.
    public var selectedLine: MeterLine? {
        view.indices.contains(table.selected) ? lines[view[table.selected]] : nil
    }

    /// The row selected (an index into `view`).
    public var selectedRow: Int { table.selected }

    public var hasTextFocus: Bool {
        if case .export(let prompt) = mode { return prompt.focus == .path }
        return mode != .list
    }
    public var wantsEscape: Bool { mode != .list }
    public var usesTab: Bool {
        switch mode {
        case .chooseRemoval, .confirmRemoval, .export: true
        default: false
        }
    }

    // MARK: - Reading

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        mode = .list
        note = nil
        pendingRemoval = nil
        lines = []
        statusRead = false
        loading = true
        table = TableState(sortColumn: table.sortColumn, ascending: table.ascending)
        rebuild(keeping: nil)
        return [.readMeters]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        let s = context.strings
        switch result {
        case .metersPage(let rows):
            let keep = selectedLine?.meter.point
            lines += rows.map { MeterLine(meter: $0) }
            rebuild(keeping: keep)
        case .meters(let all, let status):
            let keep = selectedLine?.meter.point
            lines = MeterLine.join(all, status)
            statusRead = true
            loading = false
            rebuild(keeping: keep)
        case .written(let writes):
            guard let removal = pendingRemoval else { return }
            pendingRemoval = nil
            removed(removal, writes, s)
        case .exported:
            if case .export = mode { mode = .list }
        case .exportExists(let path):
            if case .export(var prompt) = mode { prompt.exists(path, s); mode = .export(prompt) }
        case .failed(let failure):
            loading = false
            pendingRemoval = nil
            if case .export(var prompt) = mode, prompt.writing {
                prompt.writing = false
                prompt.message = failure.text
                mode = .export(prompt)
            }
        case .stopped:
            if loading, !lines.isEmpty { note = Note(text: s["meters.note.partial", String(lines.count)], isError: true) }
            loading = false
            pendingRemoval = nil
        default:
            break
        }
    }

    /// A removal's outcome: the meters the device took off the list go from the screen too.
    mutating func removed(_ removal: Removal, _ writes: [FieldWrite], _ s: UIStrings) {
        guard let write = writes.first else { return }
        switch write.outcome {
        case .accepted:
            switch removal {
            case .one(let point, let serial):
                let keep = table.selected
                lines.removeAll { $0.meter.point == point }
                rebuild(keeping: nil)
                table.selected = min(keep, max(0, view.count - 1))
                note = Note(text: s["meters.note.removedOne", serial, String(point)], isError: false)
            case .all:
                lines = []
                rebuild(keeping: nil)
                note = Note(text: s["meters.note.removedAll"], isError: false)
            }
        case .refused(let reason):
            note = Note(text: s["meters.note.notRemoved", reason], isError: true)
        case .notTaken(let readBack):
            note = Note(text: s["meters.note.notTaken", readBack], isError: true)
        }
    }

    /// Filters, sorts and counts again; the meter on `point` stays selected when shown.
    mutating func rebuild(keeping point: Int?) {
        var counts: [MeterFilter: Int] = [.all: lines.count, .online: 0, .blacklist: 0]
        var widest = 8
        for line in lines {
            switch line.status?.state {
            case .online?: counts[.online, default: 0] += 1
            case .blacklisted?: counts[.blacklist, default: 0] += 1
            default: break
            }
            widest = max(widest, DisplayWidth.of(line.meter.serial))
        }
        self.counts = counts
        serialWidth = min(16, widest)
        var shown = lines.indices.filter { filter.admits(lines[$0]) }
        if let column = sortColumn {
            let ascending = table.ascending
            shown.sort { a, b in
                ascending ? column.ascending(lines[a], lines[b]) : column.ascending(lines[b], lines[a])
            }
        }
        view = shown
        if let point, let row = view.firstIndex(where: { lines[$0].meter.point == point }) {
            table.selected = row
        } else {
            table.selected = min(table.selected, max(0, view.count - 1))
        }
    }

    // MARK: - Keys

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        switch mode {
        case .list: return handleList(key, context)
        case .search(var field): return handleSearch(key, &field, context)
        case .export(var prompt): return handleExport(key, &prompt, context)
        case .chooseRemoval(var dialog): return handleChoice(key, &dialog, context)
        case .confirmRemoval(let removal, var dialog): return handleConfirmation(key, removal, &dialog, context)
        }
    }

    /// Rows of the table on screen (the area less the filter line, the header and the
    /// line under the table).
    func tableRows(_ context: PageContext) -> Int {
        max(1, context.area.height - 3 - (showsDetail(context.area) ? 1 : 0))
    }

    mutating func move(_ delta: Int, _ context: PageContext) {
        table.move(delta, rowCount: view.count, height: tableRows(context))
    }

    mutating func handleList(_ key: Key, _ context: PageContext) -> [PageRequest] {
        let s = context.strings
        let page = tableRows(context)
        if key != .character("n") { note = nil }
        switch key {
        case .up: move(-1, context)
        case .down: move(1, context)
        case .pageUp: move(-page, context)
        case .pageDown: move(page, context)
        case .home: move(-view.count, context)
        case .end: move(view.count, context)
        case .left: columnOffset = max(0, columnOffset - 1)
        case .right:
            if layout(width: context.area.width, s).hiddenRight { columnOffset += 1 }
        case .character("f"):
            filter = filter.next
            rebuild(keeping: selectedLine?.meter.point)
            table.offset = Scrolling.offset(table.offset, keeping: table.selected, rows: view.count, height: page)
        case .character("/"):
            mode = .search(TextFieldState())
        case .character("n"):
            if !searchText.isEmpty, !find(searchText, from: table.selected + 1, context) {
                note = Note(text: s["meters.note.notFound", searchText], isError: true)
            }
        case .character("s"):
            let all = MeterColumn.allCases
            sortColumn = sortColumn.map { all[($0.rawValue + 1) % all.count] } ?? .point
            table.ascending = true
            rebuild(keeping: selectedLine?.meter.point)
            move(0, context)
        case .character("r"):
            if sortColumn == nil { sortColumn = .point; table.ascending = false } else { table.ascending.toggle() }
            rebuild(keeping: selectedLine?.meter.point)
            move(0, context)
        case .delete:
            return startRemoval(context)
        case .function(8):
            // F8 is CSV on every page (issue 18 item 6); Del removes.
            startExport(context)
        default:
            break
        }
        return []
    }

    /// Every key of the list, for F1.
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("↑↓ PgUp PgDn Home End", s["help.page.move"]), KeyBar.Item("←→", s["meters.hint.columns"]),
                     KeyBar.Item("f", s["meters.hint.filter"]), KeyBar.Item("/", s["meters.hint.find"]),
                     KeyBar.Item("n", s["help.page.findNext"]), KeyBar.Item("s", s["help.page.sortColumn"]),
                     KeyBar.Item("r", s["help.page.sortReverse"])]
        if context.may(.export) { items.append(KeyBar.Item("F8", s["meters.hint.csv"])) }
        if context.may(.clear) { items.append(KeyBar.Item("Del", s["meters.key.remove"])) }
        return items
    }

    /// Selects the first row at or after `start` (wrapping) whose serial or address holds
    /// `text`; false when none does.
    mutating func find(_ text: String, from start: Int, _ context: PageContext) -> Bool {
        let needle = text.lowercased()
        guard !view.isEmpty, !needle.isEmpty else { return false }
        for k in 0..<view.count {
            let row = (start + k) % view.count
            if lines[view[row]].matches(needle) {
                table.selected = row
                table.offset = Scrolling.offset(table.offset, keeping: row, rows: view.count, height: tableRows(context))
                return true
            }
        }
        return false
    }

    mutating func handleSearch(_ key: Key, _ field: inout TextFieldState, _ context: PageContext) -> [PageRequest] {
        let s = context.strings
        switch key {
        case .escape:
            mode = .list
            note = nil
            return []
        case .enter:
            if !find(field.text, from: table.selected + 1, context), !field.text.isEmpty {
                note = Note(text: s["meters.note.notFound", field.text], isError: true)
            }
        case .up, .down, .pageUp, .pageDown:
            mode = .list
            let requests = handleList(key, context)
            mode = .search(field)
            return requests
        default:
            let before = field.text
            field.handle(key)
            if field.text != before {
                searchText = field.text
                note = nil
                if !field.text.isEmpty, !find(field.text, from: table.selected, context) {
                    note = Note(text: s["meters.note.notFound", field.text], isError: true)
                }
            }
        }
        mode = .search(field)
        return []
    }

    // MARK: - Removal

    mutating func startRemoval(_ context: PageContext) -> [PageRequest] {
        let s = context.strings
        guard context.may(.clear) else {
            note = Note(text: s["meters.note.notAllowed"], isError: true)
            return []
        }
        guard !lines.isEmpty, !loading else { return [] }
        guard context.lls else {
            note = Note(text: s["meters.note.needsLLS"], isError: true)
            return []
        }
        mismatch = false
        if selectedLine == nil {
            mode = .confirmRemoval(.all(count: lines.count), DialogState())
        } else {
            // Cancel has the focus: both other buttons remove (issue 18 item 11).
            mode = .chooseRemoval(DialogState(selectedButton: removalChoices().count - 1))
        }
        return []
    }

    /// The choices of the first removal dialog: the selected meter, all, cancel.
    func removalChoices() -> [Removal?] {
        var choices: [Removal?] = []
        if let line = selectedLine { choices.append(.one(point: line.meter.point, serial: line.meter.serial)) }
        choices.append(.all(count: lines.count))
        choices.append(nil)
        return choices
    }

    mutating func handleChoice(_ key: Key, _ dialog: inout DialogState, _ context: PageContext) -> [PageRequest] {
        let choices = removalChoices()
        switch key {
        case .left, .backTab, .up:
            dialog.selectedButton = (dialog.selectedButton + choices.count - 1) % choices.count
        case .right, .tab, .down:
            dialog.selectedButton = (dialog.selectedButton + 1) % choices.count
        case .escape:
            mode = .list
            return []
        case .enter:
            let picked = choices.indices.contains(dialog.selectedButton) ? choices[dialog.selectedButton] : nil
            mismatch = false
            mode = picked.map { .confirmRemoval($0, DialogState()) } ?? .list
            return []
        default:
            break
        }
        mode = .chooseRemoval(dialog)
        return []
    }

    /// The word the user types to confirm `removal`: the meter's serial number, or "ALL".
    static func confirmationWord(_ removal: Removal, _ s: UIStrings) -> String {
        switch removal {
        case .one(_, let serial): serial
        case .all: s["meters.remove.allWord"]
        }
    }

    mutating func handleConfirmation(_ key: Key, _ removal: Removal, _ dialog: inout DialogState,
                                     _ context: PageContext) -> [PageRequest] {
        let word = Self.confirmationWord(removal, context.strings)
        switch key {
        case .escape:
            mode = .list
            return []
        case .left, .right, .tab, .backTab:
            dialog.selectedButton = 1 - dialog.selectedButton
        case .backspace:
            if !dialog.typed.isEmpty { dialog.typed.removeLast() }
            mismatch = false
        case .character(let c):
            if dialog.typed.count < 32 { dialog.typed.append(c) }
            mismatch = false
        case .enter:
            guard dialog.selectedButton == 0 else {
                mode = .list
                return []
            }
            guard dialog.isConfirmed(word) else {
                mismatch = true
                break
            }
            mode = .list
            pendingRemoval = removal
            switch removal {
            case .one(let point, _): return [.removeMeter(point: point)]
            case .all: return [.removeAllMeters]
            }
        default:
            break
        }
        mode = .confirmRemoval(removal, dialog)
        return []
    }

    // MARK: - Export

    mutating func startExport(_ context: PageContext) {
        let s = context.strings
        guard context.may(.export) else {
            note = Note(text: s["meters.note.notAllowed"], isError: true)
            return
        }
        guard !lines.isEmpty, !loading else { return }
        let name = ExportName.make("meters" + Self.dayStamp(context.now), serial: context.deviceSerial)
        mode = .export(ExportPrompt(defaultPath: name, rows: view.count, russian: s.language == .ru))
    }

    /// `-20261125` (the PC's local date): a meter list is as of the day it was read.
    static func dayStamp(_ now: Date) -> String {
        let c = PCZone.system.day(now)
        return String(format: "-%04d%02d%02d", c.year, c.month, c.day)
    }

    mutating func handleExport(_ key: Key, _ prompt: inout ExportPrompt, _ context: PageContext) -> [PageRequest] {
        let outcome = prompt.handle(key, context.strings)
        mode = .export(prompt)
        switch outcome {
        case .cancel?: mode = .list
        case .write(let path, let choice)?:
            note = nil
            let shown = view.map { lines[$0] }
            return [.exportMeters(path: path, meters: shown.map(\.meter), status: shown.compactMap(\.status), choice)]
        case nil: break
        }
        return []
    }

    // MARK: - Key bar

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        // Short: the app's keys (F1…F10) must still fit in 80 columns, in Russian too; F4
        // is among the hints under the table.
        switch mode {
        case .list:
            return context.may(.clear) && !lines.isEmpty && !loading ? [KeyBar.Item("Del", s["meters.key.remove"])] : []
        case .search:
            return [KeyBar.Item("Enter", s["meters.key.next"])]
        case .export:
            return [KeyBar.Item("Enter", s["meters.key.write"])]
        case .chooseRemoval, .confirmRemoval:
            return [KeyBar.Item("Enter", s["key.choose"])]
        }
    }
}
