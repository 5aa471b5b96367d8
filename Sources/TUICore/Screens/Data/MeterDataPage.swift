import Accounts
import ES951

/// Meter data (SPEC F-38): a metering point's current readings, each with its unit (`u`:
/// energy in Wh, kWh or MWh in turn; issue 18 item 11); F4 opens its profiles, daily
/// first (the Profiles page, preset, F5 there reads).
public struct MeterDataPage: WorkPage {
    var point = TextFieldState(text: "1")
    var refusal: String?
    /// The readings read (one row) and the point they are of.
    var readings: ProfileTable?
    var shownPoint: Int?
    var pendingPoint: Int?

    static let points = 1...DataInput.maxPoint

    public init() {}

    public var hasTextFocus: Bool { true }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        refusal = nil
        switch key {
        case .enter: return read(context)
        // F4 is "view" on every page (issue 18 item 6): here the point's profiles, daily
        // first (the Profiles page chooses monthly). F8 stays CSV everywhere.
        case .function(4):
            guard let n = DataInput.point(point.text, in: Self.points) else {
                refusal = DataInput.pointProblem(point.text, in: Self.points, context.strings)
                return []
            }
            return [.showProfile(.daily, point: n)]
        // The point takes digits only: `u` is the unit.
        case .character(let c) where DataText.unitKeys.contains(c):
            return [.setEnergyUnit(context.energyUnit.next)]
        case .character(let c):
            if let p = DataInput.digitProblem(c) { refusal = context.strings[p] } else { point.handle(key) }
        default:
            point.handle(key)
        }
        return []
    }

    /// F5: the current readings of the point; nothing while the point is wrong.
    public mutating func read(_ context: PageContext) -> [PageRequest] {
        refusal = nil
        guard let n = DataInput.point(point.text, in: Self.points) else { return [] }
        pendingPoint = n
        return [.readCurrent(point: n)]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        if case .current(let table) = result {
            readings = DataText.oldestFirst(table)
            shownPoint = pendingPoint
        }
    }

    func fields(_ s: UIStrings) -> InlineFields {
        InlineFields(items: [.text(label: s["data.field.point"], state: point, box: 5)])
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard area.height >= 3 else { return }
        let s = context.strings
        fields(s).render(in: area, focus: focused ? 0 : nil, into: &buffer)
        if let message = refusal ?? DataInput.pointProblem(point.text, in: Self.points, s) {
            buffer.write(message, x: area.x, y: area.y + 1, style: Style(foreground: .red), maxWidth: area.width)
        } else {
            buffer.write(s["data.hint.jump"], x: area.x, y: area.y + 1, style: Style(dim: true), maxWidth: area.width)
        }
        guard let readings, let shownPoint else {
            buffer.write(s["data.hint.readFirst"], x: area.x, y: area.y + 3, style: Style(dim: true), maxWidth: area.width)
            return
        }
        buffer.write(s["data.meter.title", String(shownPoint)], x: area.x, y: area.y + 3, style: Style(bold: true), maxWidth: area.width)
        guard let last = readings.rows.last else {
            // No row: no meter at the point (issue 18 item 8: blank values and "Read.").
            for (i, line) in TextWrap.lines(s["data.meter.none", String(shownPoint)], width: area.width).enumerated() where 4 + i < area.height {
                buffer.write(line, x: area.x, y: area.y + 4 + i, style: Style(foreground: .red), maxWidth: area.width)
            }
            return
        }
        let row: ProfileTable.Row? = last
        var lines: [(String, String)] = [(s["data.meter.readAt"], DataText.dateTime(row?.time))]
        for (i, column) in readings.columns.enumerated() {
            let value = row.map { i < $0.values.count ? DataText.cell($0.values[i], s, page.energyUnit) : "" } ?? ""
            lines.append((DataText.title(column, s, page.energyUnit), value))
        }
        let labelWidth = min(area.width / 2, (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        for (i, line) in lines.enumerated() where 4 + i < area.height {
            let y = area.y + 4 + i
            buffer.write(DisplayWidth.fit(line.0, columns: labelWidth), x: area.x, y: y, style: Style(dim: true), maxWidth: area.width)
            buffer.write(line.1, x: area.x + labelWidth, y: y, style: Style(bold: true), maxWidth: max(0, area.width - labelWidth))
        }
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("F4", s["data.key.daily"])]
        if let readings, DataText.hasEnergy(readings) { items.append(KeyBar.Item("u", s["data.key.unit"])) }
        return items
    }

    /// Every key of the page, for F1.
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("Enter", s["data.help.readPoint"]), KeyBar.Item("F4", s["data.help.profiles"]),
                KeyBar.Item("u", s["data.help.unit"])]
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        fields(context.strings).cursor(0, in: area)
    }
}
