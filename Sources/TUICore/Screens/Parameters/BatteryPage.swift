import ES951
import Foundation

/// The backup battery (SPEC F-37; manual В3.7): F5 reads its use time (days and hours,
/// and the seconds the device counts) and voltage, with a verdict (good, low, replace)
/// against the device map's limits (issue 18 item 11). The manual names no voltage at
/// which the battery is low: the limits are the map's, and the page says so; a map
/// without them gets the value alone.
public struct BatteryPage: WorkPage {
    public internal(set) var useTime: ScaledValue?
    public internal(set) var voltage: ScaledValue?
    var limits: BatteryLimits?
    /// Whether a read has come back (values the device refused stay nil).
    var read = false
    /// The PC's time when the values arrived.
    var readAt: Date?
    /// The PC's time zone (the test pins it; the program uses the system's).
    public var pcZone: PCZone = .system

    public init() {}

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] { [] }

    public mutating func read(_ context: PageContext) -> [PageRequest] { [.readBattery] }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        guard case .battery(let time, let volts, let limits) = result else { return }
        useTime = time
        voltage = volts
        self.limits = limits
        read = true
        readAt = context.now
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("F5", s["help.page.readAgain"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] { [] }

    /// The verdict on the voltage read, in words and colour; nil without limits or a
    /// voltage in volts.
    func verdict(_ s: UIStrings) -> (text: String, style: Style)? {
        guard let limits, let voltage, voltage.unit?.symbol == "V" else { return nil }
        let volts = voltage.doubleValue
        guard volts.isFinite else { return nil }
        let decimal = s.language == .ru ? "," : "."
        func v(_ x: Double) -> String { String(format: "%.2f", x).replacingOccurrences(of: ".", with: decimal) }
        return switch limits.verdict(volts: volts) {
        case .good: (s["parameters.battery.good", v(limits.lowVolts)], Style(foreground: .green, bold: true))
        case .low: (s["parameters.battery.low", v(limits.lowVolts)], Style(foreground: .yellow, bold: true))
        case .replace: (s["parameters.battery.replace", v(limits.replaceVolts)], Style(foreground: .red, bold: true))
        }
    }
    public var hasTextFocus: Bool { false }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }

    /// "354 d 22 h" for a use time in seconds; the scaled value with its unit otherwise.
    static func useTimeText(_ v: ScaledValue, _ s: UIStrings) -> String {
        v.unit?.symbol == "s" ? (InfoPage.duration(v.doubleValue, s) ?? InfoPage.scaled(v, decimal: s.language == .ru ? "," : ".", s)) : InfoPage.scaled(v, decimal: s.language == .ru ? "," : ".", s)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        let decimal = s.language == .ru ? "," : "."
        let keys = ["parameters.battery.useTime", "parameters.battery.voltage", "parameters.battery.readAt"]
        let w = min((keys.map { DisplayWidth.of(s[$0]) }.max() ?? 0) + 1, max(8, area.width / 2))
        let refused = s["parameters.refused"]
        func style(_ v: ScaledValue?) -> Style { v == nil && read ? Style(foreground: .red, dim: true) : Style(bold: true) }
        var y = area.y
        LabelledLines.draw(s[keys[0]], useTime.map { Self.useTimeText($0, s) } ?? (read ? refused : "—"),
                           labelWidth: w, y: y, in: area, into: &buffer, valueStyle: style(useTime))
        y += 1
        if let useTime, useTime.unit?.symbol == "s" {
            LabelledLines.draw("", s["parameters.battery.seconds", useTime.text(decimalSeparator: decimal)],
                               labelWidth: w, y: y, in: area, into: &buffer, valueStyle: Style(dim: true))
            y += 1
        }
        LabelledLines.draw(s[keys[1]], voltage.map { InfoPage.scaled($0, decimal: decimal, s) } ?? (read ? refused : "—"),
                           labelWidth: w, y: y, in: area, into: &buffer, valueStyle: style(voltage))
        y += 1
        if let readAt {
            let offset = pcZone.minutesEast(at: readAt)
            LabelledLines.draw(s[keys[2]], ParameterText.clockTime(Int64(readAt.timeIntervalSince1970.rounded(.down)), utcOffsetMinutes: offset),
                               labelWidth: w, y: y, in: area, into: &buffer, valueStyle: .plain)
        } else {
            buffer.write(s["parameters.hint.read"], x: area.x, y: y, style: Style(dim: true), maxWidth: area.width)
        }
        if let verdict = verdict(s) {
            y += 1
            LabelledLines.draw(s["parameters.battery.verdict"], verdict.text, labelWidth: w, y: y, in: area, into: &buffer,
                               valueStyle: verdict.style)
        }
        y += 2
        let note = limits == nil ? "parameters.battery.noThreshold" : "parameters.battery.limitsNote"
        for line in ParameterText.wrap(s[note], width: area.width) where y < area.maxY {
            buffer.write(line, x: area.x, y: y, style: Style(dim: true), maxWidth: area.width)
            y += 1
        }
    }
}
