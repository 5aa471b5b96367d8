import DLMS
import ES951

/// The Concentrator information screen (SPEC F-30): a list of items with check boxes, all
/// checked at first; F5 reads the checked ones in one request, Esc stops.
public struct InfoPage: WorkPage, Sendable {
    /// One line of the screen. Some lines need two attributes (a value and its scaler).
    public enum Line: String, CaseIterable, Sendable, Hashable {
        case serialNumber, model, firmwareVersion, manufacturer, hardwareVersion, logicalDeviceName
        case logicalAddressRS485, logicalAddressOptical, rs485Speed, meterCounts, clock, timeZone
        case batteryUseTime, batteryVoltage

        /// The items of the information read this line needs.
        public var items: [ConcentratorInfo.Item] {
            switch self {
            case .serialNumber: [.serialNumber]
            case .model: [.model]
            case .firmwareVersion: [.firmwareVersion]
            case .manufacturer: [.manufacturer]
            case .hardwareVersion: [.hardwareVersion]
            case .logicalDeviceName: [.logicalDeviceName]
            case .logicalAddressRS485: [.logicalAddressRS485]
            case .logicalAddressOptical: [.logicalAddressOptical]
            case .rs485Speed: [.rs485Speed]
            case .meterCounts: [.meterCounts]
            case .clock: [.clock]
            case .timeZone: [.timeZone]
            case .batteryUseTime: [.batteryUseTime, .batteryUseTimeScalerUnit]
            case .batteryVoltage: [.batteryVoltage, .batteryVoltageScalerUnit]
            }
        }

        /// The key of its label in `Resources/ui/info.json`.
        public var labelKey: String { "info.item." + rawValue }
    }

    public var checked: Set<Line>
    public var selected: Int
    /// The last values read (nil before the first read).
    public var values: ConcentratorInfo?
    /// Lines of the last read whose object the device does not have at all.
    var absent: Set<Line> = []
    /// Lines asked for in the last read that came back empty (refused by the device).
    public var missing: Set<Line>

    /// Why the last F5 asked nothing.
    var notice: String?

    public init() {
        checked = Set(Line.allCases)
        selected = 0
        values = nil
        missing = []
    }

    // MARK: - WorkPage

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        _ = handle(key)
        return []
    }

    /// F5: the checked items in one request; none checked is said, not sent.
    public mutating func read(_ context: PageContext) -> [PageRequest] {
        let items = itemsToRead
        guard !items.isEmpty else {
            notice = context.strings["info.nothingChecked"]
            return []
        }
        return [.readInfo(items)]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        if case .info(let values, let asked) = result { received(values, asked: asked) }
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        render(in: area, into: &buffer, context: context, focused: focused)
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] { [] }
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("↑↓", s["help.page.move"]), KeyBar.Item(s["help.page.spaceKey"], s["help.page.check"]),
                KeyBar.Item("+ -", s["help.page.checkAll"]), KeyBar.Item("F5", s["help.key.readChecked"])]
    }
    public var hasTextFocus: Bool { false }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
    public func hint(_ context: PageContext) -> String? { context.strings["info.hint"] }
    /// About 24 bytes an item and the request's own, for the progress bar.
    public var expectedBytes: Int? { max(200, itemsToRead.count * 24 + 40) }
    public var leftReturnsToTree: Bool { true }

    public mutating func takeNotice() -> String? {
        defer { notice = nil }
        return notice
    }

    /// The items of the checked lines, in screen order.
    public var itemsToRead: [ConcentratorInfo.Item] {
        Line.allCases.filter(checked.contains).flatMap(\.items)
    }

    /// Up/Down move, Space toggles the line, `+` checks all, `-` clears all (Insert
    /// toggles and moves down, as in Midnight Commander). Returns whether the key was used.
    public mutating func handle(_ key: Key) -> Bool {
        let lines = Line.allCases
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(lines.count - 1, selected + 1)
        case .home, .pageUp: selected = 0
        case .end, .pageDown: selected = lines.count - 1
        case .character(" "): toggle(lines[selected])
        case .insert:
            toggle(lines[selected])
            selected = min(lines.count - 1, selected + 1)
        case .character("+"): checked = Set(lines)
        case .character("-"): checked = []
        default: return false
        }
        return true
    }

    mutating func toggle(_ line: Line) {
        if checked.contains(line) { checked.remove(line) } else { checked.insert(line) }
    }

    /// Keeps the values read: lines asked for that came back empty are marked.
    public mutating func received(_ info: ConcentratorInfo, asked: [ConcentratorInfo.Item]) {
        values = info
        missing = Set(Line.allCases.filter { line in
            line.items.contains(where: asked.contains) && Self.text(line, info, strings: nil) == nil
        })
        absent = Set(Line.allCases.filter { line in
            missing.contains(line) && line.items.contains(where: info.lacking.contains)
        })
    }

    /// The value of `line` as text (numbers and units in the language of `strings`), or
    /// nil when not read.
    public static func text(_ line: Line, _ info: ConcentratorInfo, strings: UIStrings?) -> String? {
        let decimal = strings?.language == .ru ? "," : "."
        switch line {
        case .serialNumber: return info.serialNumber
        case .model: return info.model
        case .firmwareVersion: return info.firmwareVersion
        case .manufacturer: return info.manufacturer
        case .hardwareVersion: return info.hardwareVersion
        case .logicalDeviceName: return info.logicalDeviceNameText
        case .logicalAddressRS485: return info.logicalAddressRS485.map(String.init)
        case .logicalAddressOptical: return info.logicalAddressOptical.map(String.init)
        case .rs485Speed: return info.rs485Baud.map(String.init)
        case .meterCounts:
            return info.meterCounts.map { "\($0.configured) / \($0.online) / \($0.blacklisted)" }
        case .clock: return info.clock.flatMap(dateTimeText)
        case .timeZone: return info.timeZone.map { zoneText(-Int($0)) }
        case .batteryUseTime:
            return info.batteryUseTime.map { v in
                v.unit?.symbol == "s" ? (duration(v.doubleValue, strings) ?? scaled(v, decimal: decimal, strings)) : scaled(v, decimal: decimal, strings)
            }
        case .batteryVoltage: return info.batteryVoltage.map { scaled($0, decimal: decimal, strings) }
        }
    }

    /// The value with its unit as people of the interface language write it (`3,07 В`,
    /// as the commands do); `strings` nil: the SI symbol.
    static func scaled(_ v: ScaledValue, decimal: String, _ strings: UIStrings? = nil) -> String {
        let symbol: String = v.unit.flatMap { unit in strings.flatMap { DataText.unitSymbol(unit, $0) } ?? unit.symbol } ?? ""
        return v.text(decimalSeparator: decimal) + (symbol.isEmpty ? "" : " " + symbol)
    }

    /// "354 d 22 h" (days and hours; minutes under a day) for a time in seconds; nil for
    /// one that is no duration (negative, NaN, or beyond ten thousand years): the caller
    /// shows the number as it came.
    static func duration(_ seconds: Double, _ strings: UIStrings?) -> String? {
        guard seconds.isFinite, (0...3.2e11).contains(seconds) else { return nil }
        let total = Int(seconds)
        let (d, h, m) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60)
        func w(_ key: String, _ fallback: String) -> String { strings.map { $0[key] } ?? fallback }
        if d > 0 { return "\(d) \(w("unit.days", "d")) \(h) \(w("unit.hours", "h"))" }
        return "\(h) \(w("unit.hours", "h")) \(m) \(w("unit.minutes", "min"))"
    }

    /// "2026-11-25 10:04:05" (the device's local time), nil for an unspecified date.
    public static func dateTimeText(_ value: COSEMDateTime) -> String? {
        let d = value.date, t = value.time
        guard d.year != 0xFFFF, (1...12).contains(d.month), (1...31).contains(d.dayOfMonth),
              t.hour <= 23, t.minute <= 59, t.second <= 59 else { return nil }
        func p(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return p(Int(d.year), 4) + "-" + p(Int(d.month), 2) + "-" + p(Int(d.dayOfMonth), 2) + " "
            + p(Int(t.hour), 2) + ":" + p(Int(t.minute), 2) + ":" + p(Int(t.second), 2)
    }

    /// "UTC+03:00" for +180 minutes east of UTC.
    public static func zoneText(_ minutesEast: Int) -> String { TimeZoneRule.text(minutesEast, .screen) }

    /// The list: "[x] Label ........ value", the selected line reversed when `focused`.
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        let lines = Line.allCases
        let labelWidth = min(max(12, area.width - 20), (lines.map { DisplayWidth.of(s[$0.labelKey]) }.max() ?? 0) + 5)
        let first = Scrolling.offset(0, keeping: selected, rows: lines.count, height: area.height)
        for (row, line) in lines.enumerated().dropFirst(first).prefix(area.height) {
            let y = area.y + row - first
            let mark = checked.contains(line) ? "[x] " : "[ ] "
            let label = DisplayWidth.fit(mark + s[line.labelKey], columns: labelWidth)
            let style = focused && row == selected ? Style(reverse: true) : Style.plain
            buffer.write(label, x: area.x, y: y, style: style, maxWidth: area.width)
            let valueX = area.x + labelWidth + 1
            guard valueX < area.maxX else { continue }
            var value = values.flatMap { Self.text(line, $0, strings: s) } ?? ""
            var valueStyle = Style(bold: true)
            if value.isEmpty, missing.contains(line) {
                value = absent.contains(line) ? s["info.absent"] : s["info.refused"]
                valueStyle = Style(foreground: .red, dim: true)
            }
            buffer.write(value, x: valueX, y: y, style: valueStyle, maxWidth: area.maxX - valueX)
        }
    }
}
