import Accounts
import ES951
import Foundation

/// Commercial profiles (SPEC F-40…F-43): a point, one of its four profiles, the whole
/// profile or a time window; F5 reads it into a table (date-time, then each value with
/// its unit) and a chart of one column; F8 writes it to a CSV file as SPEC F-42 says.
///
/// Tab moves through Point, Profile, From, To and the result; Enter on a field reads.
/// On the result ↑↓ move, ←→ show the other columns (or chart the next column), F4
/// cycles table → chart of each number column → table. At 120×36 the table and the chart
/// are both shown and F4 picks the chart's column. `u` shows energy in Wh, kWh or MWh in
/// turn (issue 18 item 11: the table, the chart and the CSV; kept for the user).
public struct ProfilesPage: QueryPage {
    enum Focus: Int, CaseIterable { case point, profile, from, to, result }

    var point = TextFieldState(text: "1")
    var choice: ProfileChoice = .daily
    var window = TimeWindowInput()
    var focus: Focus = .point
    /// Words of a refused key (a letter in a number field), until the next key.
    var refusal: String?

    /// The profile read, oldest row first, and what it is of.
    var table: ProfileTable?
    var shown: (choice: ProfileChoice, point: Int)?
    var pending: (choice: ProfileChoice, point: Int)?
    var grid = TableState()
    var firstColumn = 0
    /// 0: the table; k: the chart of the k-th number column.
    var view = 0
    var export: ExportPrompt?

    static let points = 1...DataInput.maxPoint

    public init() {}

    /// Opens on this profile of this point, the whole of it (the jump from Meter data):
    /// F5 then reads it.
    public mutating func preset(_ choice: ProfileChoice, point: Int) {
        if let shown, shown.choice != choice || shown.point != point { table = nil; self.shown = nil }
        self.choice = choice
        self.point = TextFieldState(text: String(point))
        window = TimeWindowInput()
        focus = .point
        refusal = nil
        export = nil
    }

    // MARK: - Keys

    public var usesTab: Bool { export == nil }
    public var wantsEscape: Bool { export != nil }
    public var hasTextFocus: Bool { export != nil || [.point, .from, .to].contains(focus) }

    var chartable: [Int] { table.map(ProfileChartView.chartable) ?? [] }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        if let requests = promptKey(key, context) { return requests }
        refusal = nil
        switch key {
        case .tab: move(1); return []
        case .backTab: move(-1); return []
        case .function(4): cycleView(); return []
        case .function(8): openExport(context); return []
        // No field here takes a letter: `u` is the unit wherever the focus is.
        case .character(let c) where DataText.unitKeys.contains(c): return [.setEnergyUnit(context.energyUnit.next)]
        default: break
        }
        switch focus {
        case .point:
            return fieldOutcome(FieldKey.apply(key, to: &point, DataInput.digitProblem), context)
        case .from, .to:
            return windowKey(key, focus == .from ? .from : .to, context)
        case .profile:
            let all = ProfileChoice.allCases
            let i = all.firstIndex(of: choice) ?? 0
            switch key {
            case .left: choice = all[(i + all.count - 1) % all.count]
            case .right, .character(" "): choice = all[(i + 1) % all.count]
            case .up: move(-1)
            case .down: move(1)
            case .enter: return read(context)
            default: break
            }
            return []
        case .result:
            resultKey(key, rowsShown: gridRows(context.area))
            return []
        }
    }

    mutating func move(_ delta: Int) {
        let order: [Focus] = table == nil ? [.point, .profile, .from, .to] : Focus.allCases
        let i = order.firstIndex(of: focus) ?? 0
        focus = order[(i + delta + order.count) % order.count]
    }

    /// The table's rows on screen in `area` (the page's): below the three lines of
    /// fields, the header, and half of what is left when the chart is shown too.
    func gridRows(_ area: Rect) -> Int {
        let result = area.height - 3
        let table = result >= 18 && !chartable.isEmpty ? result / 2 : result
        return max(1, table - 1)
    }

    mutating func resultKey(_ key: Key, rowsShown height: Int) {
        let rows = table?.rows.count ?? 0
        if grid.move(key, rowCount: rows, height: height) { return }
        switch key {
        case .left:
            if view > 0 { view = view > 1 ? view - 1 : chartable.count } else { firstColumn = max(0, firstColumn - 1) }
        case .right:
            if view > 0 { view = view < chartable.count ? view + 1 : 1 } else {
                firstColumn = min(max(0, (table?.columns.count ?? 1) - 1), firstColumn + 1)
            }
        default: break
        }
    }

    mutating func cycleView() {
        guard table?.rows.isEmpty == false, !chartable.isEmpty else { return }
        view = view < chartable.count ? view + 1 : 0
    }

    /// The table as read; the CSV's energy in the unit the page shows.
    func exportRequest(path: String, _ choice: CSVChoice, _ context: PageContext) -> PageRequest? {
        var choice = choice
        choice.energyUnit = context.energyUnit
        return table.map { .exportProfile(path: path, $0, choice) }
    }

    mutating func openExport(_ context: PageContext) {
        guard let table, let shown, context.may(.export) else { return }
        let name = ExportName.make("profile-" + ProfileKindName.of(shown.choice) + "-point\(shown.point)",
                                   serial: context.deviceSerial, times: table.rows.map(\.time))
        export = ExportPrompt(defaultPath: name, rows: table.rows.count, russian: context.strings.language == .ru)
    }

    // MARK: - Reading

    /// F5: the profile chosen, whole or in the window; nothing (the field shown with its
    /// problem) while a field is wrong.
    public mutating func read(_ context: PageContext) -> [PageRequest] {
        let s = context.strings
        refusal = nil
        guard export == nil else { return [] }   // the prompt is about the rows shown
        guard let n = DataInput.point(point.text, in: Self.points) else {
            focus = .point
            return []
        }
        if let problem = window.problem(s) {
            focus = problem.side == .from ? .from : .to
            return []
        }
        guard let dates = window.dates else { return [] }
        pending = (choice, n)
        return [.readProfile(choice, point: n, from: dates.from, to: dates.to)]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        switch result {
        case .profile(let t):
            table = DataText.oldestFirst(t)
            shown = pending ?? (choice, DataInput.point(point.text, in: Self.points) ?? 0)
            grid = TableState()
            firstColumn = 0
            if view > chartable.count { view = 0 }
        default: receiveExport(result, context.strings)
        }
    }

    // MARK: - Drawing

    /// The words under the fields: a problem of the focused field, a refused key, or what
    /// the table holds (and that ←→ show more columns, when `width` hides some).
    func messageLine(_ s: UIStrings, width: Int = .max, energy: EnergyUnit = .wh) -> (text: String, problem: Bool)? {
        if let refusal { return (refusal, true) }
        switch focus {
        case .point:
            if let p = DataInput.pointProblem(point.text, in: Self.points, s) { return (p, true) }
        case .from, .to:
            if let problem = windowProblem(s) { return problem }
            if window.from.text.isEmpty, window.to.text.isEmpty { return (s["data.hint.window"], false) }
        default: break
        }
        if let table, let shown {
            var text = s["data.summary.profile", DataText.profileName(shown.choice, s), String(shown.point), String(table.rows.count)]
            let widths = ProfileGrid(table: table, state: grid, firstColumn: 0, strings: s, energy: energy).widths
            if focus == .result, view == 0, ProfileGrid.fitting(widths, from: 0, width: width) < widths.count {
                text += "  " + s["data.summary.columns"]
            }
            return (text, false)
        }
        return nil
    }

    func fieldLines(_ s: UIStrings) -> (InlineFields, InlineFields) {
        (InlineFields(items: [.text(label: s["data.field.point"], state: point, box: 5),
                              .choice(label: s["data.field.profile"], value: DataText.profileName(choice, s))]),
         InlineFields(items: [.text(label: s["data.field.from"], state: window.from, box: 17),
                              .text(label: s["data.field.to"], state: window.to, box: 17)]))
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard area.height >= 4 else { return }
        let s = context.strings
        let f = focused && export == nil ? focus : nil
        let result = renderQuery(fieldLines(s), focus: (f == .point ? 0 : f == .profile ? 1 : nil, f == .from ? 0 : f == .to ? 1 : nil),
                                 message: messageLine(s, width: area.width, energy: page.energyUnit), in: area, into: &buffer)
        renderResult(in: result, into: &buffer, context: context, energy: page.energyUnit, focused: focused && focus == .result)
        if let export { export.render(in: area, into: &buffer, context: context) }
    }

    func renderResult(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, energy: EnergyUnit, focused: Bool) {
        let s = context.strings
        guard let table else {
            buffer.write(s["data.hint.readFirst"], x: area.x, y: area.y + 1, style: Style(dim: true), maxWidth: area.width)
            return
        }
        guard !table.rows.isEmpty else {
            buffer.write(s["data.hint.noRows"], x: area.x, y: area.y + 1, maxWidth: area.width)
            return
        }
        let columns = chartable
        let gridView = ProfileGrid(table: table, state: grid, firstColumn: firstColumn, strings: s, energy: energy)
        if area.height >= 18, !columns.isEmpty {
            // Room for both: the table above, the chart below.
            let (top, rest) = area.splitTop(area.height / 2)
            gridView.render(in: top, into: &buffer, focused: focused)
            let column = columns[max(0, min(columns.count - 1, view - 1))]
            ProfileChartView(table: table, column: column, strings: s, energy: energy)
                .render(in: Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: rest.height - 1), into: &buffer, context: context)
        } else if view > 0, view <= columns.count {
            ProfileChartView(table: table, column: columns[view - 1], strings: s, energy: energy).render(in: area, into: &buffer, context: context)
        } else {
            gridView.render(in: area, into: &buffer, focused: focused)
        }
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if export != nil { return [KeyBar.Item("Enter", s["data.key.write"]), KeyBar.Item("Esc", s["data.key.cancel"])] }
        var items: [KeyBar.Item] = []
        if table?.rows.isEmpty == false, !chartable.isEmpty { items.append(KeyBar.Item("F4", s["data.key.view"])) }
        if table != nil, context.may(.export) { items.append(KeyBar.Item("F8", s["data.key.csv"])) }
        if let table, DataText.hasEnergy(table) { items.append(KeyBar.Item("u", s["data.key.unit"])) }
        return items
    }

    /// Every key of the page, for F1.
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("Tab Shift+Tab", s["data.help.fields"]), KeyBar.Item("Enter", s["data.help.read"]),
                     KeyBar.Item("←→ " + s["help.page.spaceKey"], s["data.help.profile"]),
                     KeyBar.Item("↑↓ PgUp PgDn Home End", s["help.page.move"]), KeyBar.Item("←→", s["data.help.columns"]),
                     KeyBar.Item("F4", s["data.help.view"])]
        if context.may(.export) { items.append(KeyBar.Item("F8", s["data.help.csvProfile"])) }
        items.append(KeyBar.Item("u", s["data.help.unit"]))
        return items
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        if let export { return export.cursorPosition(in: area, context: context) }
        let (first, second) = fieldLines(context.strings)
        switch focus {
        case .point: return first.cursor(0, in: area)
        case .from: return second.cursor(0, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1))
        case .to: return second.cursor(1, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1))
        default: return nil
        }
    }
}

/// The names `hlmcs profile` gives the profiles (`daily`, `active-max`), for file names.
enum ProfileKindName {
    static func of(_ choice: ProfileChoice) -> String {
        switch choice {
        case .daily: "daily"
        case .monthly: "monthly"
        case .activeMax: "active-max"
        case .reactiveMax: "reactive-max"
        }
    }
}
