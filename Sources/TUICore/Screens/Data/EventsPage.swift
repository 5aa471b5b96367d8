import Accounts
import ES951
import Foundation

/// The grid event log (SPEC F-50, F-51): a point (0 = the concentrator itself), a time
/// window and event codes (comma-separated, their names shown as they are typed; empty:
/// all); F5 reads the log into a table of time, code and the event's name from the
/// catalogue in the interface language; F8 writes it to a CSV file (the rules of F-42).
///
/// Tab moves through Point, Code, From, To and the table; Enter on a field reads. Ins or
/// `+` on the Code field opens the list of every code with its name to mark some
/// (``EventCodePicker``; issue 18 item 11). On the table ↑↓ move, and the line under the
/// fields gives the selected event's whole name.
///
/// The device does not filter by code: the log of the window is read whole (one read,
/// whatever the codes) and the program keeps the records of the codes chosen — the table,
/// its count and the CSV alike.
public struct EventsPage: QueryPage {
    enum Focus: Int, CaseIterable { case point, code, from, to, result }

    var point = TextFieldState(text: "0")
    var code = TextFieldState()
    var window = TimeWindowInput()
    var focus: Focus = .point
    var refusal: String?

    /// The records read, oldest first (as the CSV has them, F-42/F-51), and the point
    /// they are of.
    var records: [EventRecord]?
    /// The codes the records shown were kept by (empty: all), and those of the read in
    /// flight: editing the field afterwards does not change what the table is of.
    var shownCodes: Set<Int> = []
    var pendingCodes: Set<Int> = []
    /// The list of codes, while it is open.
    var picker: EventCodePicker?
    /// The records as the screen lists them: newest first, what a field engineer looks
    /// for (issue 18 item 10).
    var shown: [EventRecord]? { records.map { Array($0.reversed()) } }
    var shownPoint: Int?
    var pendingPoint: Int?
    var list = TableState()
    var export: ExportPrompt?

    static let points = 0...DataInput.maxPoint

    public init() {}

    public var usesTab: Bool { export == nil }
    public var wantsEscape: Bool { export != nil || picker != nil }
    public var hasTextFocus: Bool { export != nil || picker != nil || focus != .result }

    // MARK: - Keys

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        if picker != nil { pickerKey(key, context); return [] }
        if let requests = promptKey(key, context) { return requests }
        refusal = nil
        switch key {
        case .tab: move(1); return []
        case .backTab: move(-1); return []
        case .function(8): openExport(context); return []
        default: break
        }
        switch focus {
        case .point: return fieldOutcome(FieldKey.apply(key, to: &point, DataInput.digitProblem), context)
        case .code:
            if key == .insert || key == .character("+") {
                // The codes typed are marked (none when the text is wrong).
                picker = EventCodePicker(checked: (try? DataInput.codes(code.text).get()) ?? [])
                return []
            }
            return fieldOutcome(FieldKey.apply(key, to: &code, DataInput.codeCharacterProblem), context)
        case .from, .to:
            return windowKey(key, focus == .from ? .from : .to, context)
        case .result:
            let rows = records?.count ?? 0
            // On screen: the page's height less the three lines of fields and the header.
            let height = max(1, context.area.height - 4)
            _ = list.move(key, rowCount: rows, height: height)
            return []
        }
    }

    /// A key of the open list of codes: Enter puts the codes marked in the field.
    mutating func pickerKey(_ key: Key, _ context: PageContext) {
        guard var open = picker else { return }
        let outcome = open.handle(key, height: open.listHeight(in: context.area))
        picker = open
        switch outcome {
        case .apply(let codes)?:
            code = TextFieldState(text: DataInput.codesText(codes))
            picker = nil
        case .cancel?: picker = nil
        case nil: break
        }
    }

    mutating func move(_ delta: Int) {
        let order: [Focus] = records == nil ? [.point, .code, .from, .to] : Focus.allCases
        let i = order.firstIndex(of: focus) ?? 0
        focus = order[(i + delta + order.count) % order.count]
    }

    func exportRequest(path: String, _ choice: CSVChoice, _ context: PageContext) -> PageRequest? {
        records.map { .exportEvents(path: path, $0, choice) }
    }

    mutating func openExport(_ context: PageContext) {
        guard let records, let shownPoint, context.may(.export) else { return }
        export = ExportPrompt(defaultPath: ExportName.make("events-point\(shownPoint)", serial: context.deviceSerial, times: records.map(\.time)),
                              rows: records.count, russian: context.strings.language == .ru)
    }

    // MARK: - Reading

    /// F5: the log of the point in the window, of the codes chosen; nothing (the field
    /// shown with its problem) while a field is wrong. One code is asked of the
    /// concentrator's read as before; several are read as all and kept on receipt.
    public mutating func read(_ context: PageContext) -> [PageRequest] {
        refusal = nil
        guard export == nil, picker == nil else { return [] }   // the prompt is about the rows shown
        guard let n = DataInput.point(point.text, in: Self.points) else { focus = .point; return [] }
        guard case .success(let codes) = DataInput.codes(code.text) else { focus = .code; return [] }
        if let problem = window.problem(context.strings) {
            focus = problem.side == .from ? .from : .to
            return []
        }
        guard let dates = window.dates else { return [] }
        pendingPoint = n
        pendingCodes = codes
        return [.readEvents(point: n, from: dates.from, to: dates.to, code: codes.count == 1 ? codes.first : nil)]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        switch result {
        case .events(let r):
            records = Self.kept(DataText.oldestFirst(r), codes: pendingCodes)
            shownCodes = pendingCodes
            shownPoint = pendingPoint ?? DataInput.point(point.text, in: Self.points)
            list = TableState()
        default: receiveExport(result, context.strings)
        }
    }

    /// The records of `codes` (all for none), in their order.
    static func kept(_ records: [EventRecord], codes: Set<Int>) -> [EventRecord] {
        codes.isEmpty ? records : records.filter { codes.contains($0.code) }
    }

    // MARK: - Drawing

    /// The name of the one code typed, how many for several, or "all codes" for none.
    func codeNote(_ s: UIStrings) -> String {
        switch DataInput.codes(code.text) {
        case .success(let codes) where codes.isEmpty: s["data.hint.allCodes"]
        case .success(let codes) where codes.count == 1: DataText.eventName(code: codes.first!, s) ?? ""
        case .success(let codes): s["data.hint.codes", String(codes.count)]
        case .failure: ""
        }
    }

    func fieldLines(_ s: UIStrings) -> (InlineFields, InlineFields) {
        (InlineFields(items: [.text(label: s["data.field.point"], state: point, box: 5),
                              .text(label: s["data.field.code"], state: code, box: 8),
                              .note(codeNote(s))]),
         InlineFields(items: [.text(label: s["data.field.from"], state: window.from, box: 17),
                              .text(label: s["data.field.to"], state: window.to, box: 17)]))
    }

    func messageLine(_ s: UIStrings) -> (text: String, problem: Bool)? {
        if let refusal { return (refusal, true) }
        switch focus {
        case .point:
            if let p = DataInput.pointProblem(point.text, in: Self.points, s) { return (p, true) }
            if records == nil { return (s["data.hint.pointZero"], false) }
        case .code:
            switch DataInput.codes(code.text) {
            case .failure(let e): return (s[e.key], true)
            case .success(let codes) where !codes.isEmpty:
                // In full: "3: name" for one, "3: name; 7: name" for several.
                return (codes.sorted().map { "\($0): " + (DataText.eventName(code: $0, s) ?? "") }.joined(separator: "; "), false)
            case .success: break
            }
        case .from, .to:
            if let problem = windowProblem(s) { return problem }
            if window.from.text.isEmpty, window.to.text.isEmpty { return (s["data.hint.eventWindow"], false) }
        case .result:
            // The selected event in full (its name may be cut in the table).
            if let shown, shown.indices.contains(list.selected) {
                let r = shown[list.selected]
                return ("\(r.code): " + DataText.eventName(r, s), false)
            }
        }
        if let records, let shownPoint {
            if !shownCodes.isEmpty {
                return (s["data.summary.eventsOf", String(shownPoint), String(records.count), DataInput.codesText(shownCodes)], false)
            }
            return (s["data.summary.events", String(shownPoint), String(records.count)], false)
        }
        return nil
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard area.height >= 4 else { return }
        let s = context.strings
        let f = focused && export == nil && picker == nil ? focus : nil
        let result = renderQuery(fieldLines(s), focus: (f == .point ? 0 : f == .code ? 1 : nil, f == .from ? 0 : f == .to ? 1 : nil),
                                 message: messageLine(s), in: area, into: &buffer)
        renderTable(in: result, into: &buffer, s)
        if let export { export.render(in: area, into: &buffer, context: context) }
        if let picker { picker.render(in: area, into: &buffer, context: context) }
    }

    func renderTable(in area: Rect, into buffer: inout ScreenBuffer, _ s: UIStrings) {
        guard let records else {
            buffer.write(s["data.hint.readFirst"], x: area.x, y: area.y + 1, style: Style(dim: true), maxWidth: area.width)
            return
        }
        guard !records.isEmpty else {
            buffer.write(s["data.hint.noEvents"], x: area.x, y: area.y + 1, maxWidth: area.width)
            return
        }
        let nameWidth = max(8, area.width - ProfileGrid.timeWidth - 6)
        let columns = [TableColumn(s["data.column.dateTime"], width: ProfileGrid.timeWidth),
                       TableColumn(s["data.column.code"], width: 4, alignment: .right),
                       TableColumn(s["data.column.event"], width: nameWidth)]
        let newestFirst = shown ?? []
        TableView(columns: columns, rowCount: newestFirst.count, state: list) { i in
            let r = newestFirst[i]
            return [DataText.dateTime(r.time), String(r.code), DataText.eventName(r, s)]
        }.render(in: area, into: &buffer)
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if let picker { return picker.keyBar(s) }
        if export != nil { return [KeyBar.Item("Enter", s["data.key.write"]), KeyBar.Item("Esc", s["data.key.cancel"])] }
        var items: [KeyBar.Item] = []
        if focus == .code { items.append(KeyBar.Item("Ins", s["data.key.codes"])) }
        if records != nil, context.may(.export) { items.append(KeyBar.Item("F8", s["data.key.csv"])) }
        return items
    }

    /// Every key of the page, the list of codes' too, for F1.
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("Tab Shift+Tab", s["data.help.fields"]), KeyBar.Item("Enter", s["data.help.read"]),
                     KeyBar.Item("Ins +", s["data.help.codes"]),
                     KeyBar.Item(s["help.page.spaceKey"] + " Ins", s["data.help.mark"]),
                     KeyBar.Item("a +  n -", s["data.help.allNone"]), KeyBar.Item("Enter", s["data.help.apply"]),
                     KeyBar.Item("Esc", s["data.help.cancel"]),
                     KeyBar.Item("↑↓ PgUp PgDn Home End", s["help.page.move"])]
        if context.may(.export) { items.append(KeyBar.Item("F8", s["data.help.csv"])) }
        return items
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        if let export { return export.cursorPosition(in: area, context: context) }
        if picker != nil { return nil }
        let (first, second) = fieldLines(context.strings)
        let line2 = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
        switch focus {
        case .point: return first.cursor(0, in: area)
        case .code: return first.cursor(1, in: area)
        case .from: return second.cursor(0, in: line2)
        case .to: return second.cursor(1, in: line2)
        case .result: return nil
        }
    }
}
