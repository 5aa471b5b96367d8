import DLMS
import ES951
import Foundation

/// The real-time clock (SPEC F-32; manual В3.3): the device's time, the PC's time and the
/// difference, live (between reads the device time advances with the PC's, so it ticks
/// too; the time of the read is shown); F5 reads again. For a user with `set-clock`: set
/// the time from a form (`YYYY-MM-DD HH:MM:SS`, the device's local time), the time zone
/// as a choice (UTC−12…UTC+14, whole and half hours), or "Set to the PC's time". Up/Down
/// move between the three (Tab goes back to the tree), F6 or Enter writes the one in
/// focus (F4 is "view" on every page: issue 18 item 6), and every write shows the change
/// first. A difference of a second either way is "in step": the device keeps whole
/// seconds (issue 18 item 11: "ahead by 1 s" right after a sync).
public struct ClockPage: WorkPage {
    enum Field: Int, CaseIterable, Sendable {
        case time, zone, sync
        var labelKey: String { "parameters.clock.field." + String(describing: self) }
    }

    enum Pending: Sendable, Equatable { case time, zone, sync }

    /// The last reading, and the PC's time when it arrived.
    public internal(set) var reading: ClockReading?
    var readAt: Date?
    /// The PC's time zone (the test pins it; the program uses the system's).
    public var pcZone: PCZone = .system
    var timeText = TextFieldState()
    /// The zone chosen in the form, minutes east of UTC (the device's after a read).
    var zone: Int?
    var problems: [Field: ParameterProblem] = [:]
    var focus: Field = .time
    var confirmation: PendingConfirmation?
    var pending: Pending?
    var outcome: (text: ParameterProblem, bad: Bool)?
    var maySet = true

    public init() {}

    public var wantsEscape: Bool { confirmation != nil }
    /// Tab leaves the page for the tree, as everywhere; in a dialog it chooses the button.
    public var usesTab: Bool { confirmation != nil }
    public var hasTextFocus: Bool { maySet && confirmation == nil && focus == .time }

    /// The device's zone, minutes east of UTC (Blue Book sign turned round).
    var deviceOffset: Int? { reading.map { $0.time.utcOffsetMinutes ?? -Int($0.timeZone) } }

    /// The zones offered: the usual ones, and the device's when it is another.
    var zones: [Int] {
        guard let device = reading.map({ -Int($0.timeZone) }), !ParameterRules.zones.contains(device) else { return ParameterRules.zones }
        return (ParameterRules.zones + [device]).sorted()
    }

    /// The device's clock now (seconds since 1970, UTC): the reading advanced by the PC's
    /// time since it arrived.
    func deviceSeconds(at now: Date) -> Int64? {
        guard let reading, let readAt else { return nil }
        var t = reading.time
        if t.deviation == nil { t.deviation = reading.timeZone }
        guard let base = t.secondsSince1970() else { return nil }
        return base + Int64(now.timeIntervalSince1970.rounded(.down)) - Int64(readAt.timeIntervalSince1970.rounded(.down))
    }

    /// Device minus PC, in whole seconds (positive: the device is ahead).
    func difference(at now: Date) -> Int64? {
        deviceSeconds(at: now).map { $0 - Int64(now.timeIntervalSince1970.rounded(.down)) }
    }

    func differenceText(at now: Date, _ s: UIStrings) -> String? {
        guard let d = difference(at: now) else { return nil }
        if abs(d) <= 1 { return s["parameters.clock.inStep"] }
        return s[d > 0 ? "parameters.clock.ahead" : "parameters.clock.behind", ParameterText.span(abs(d), s)]
    }

    func deviceText(at now: Date) -> String? {
        guard let seconds = deviceSeconds(at: now), let offset = deviceOffset else { return nil }
        return ParameterText.time(seconds, utcOffsetMinutes: offset) + " " + InfoPage.zoneText(offset)
    }

    func pcText(at now: Date) -> String {
        let offset = pcZone.minutesEast(at: now)
        return ParameterText.time(Int64(now.timeIntervalSince1970.rounded(.down)), utcOffsetMinutes: offset)
            + " " + InfoPage.zoneText(offset)
    }

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        maySet = context.may(.setClock)
        return [.readClock]
    }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        maySet = context.may(.setClock)
        if var dialog = confirmation {
            switch dialog.handle(key) {
            case nil: confirmation = dialog; return []
            case .cancelled?: confirmation = nil; return []
            case .confirmed(let request)?:
                confirmation = nil
                switch request {
                case .setClock: pending = .time
                case .setTimeZone: pending = .zone
                default: pending = .sync
                }
                outcome = nil
                return [request]
            }
        }
        guard maySet else { return [] }
        switch key {
        case .tab, .down:
            focus = Field(rawValue: (focus.rawValue + 1) % Field.allCases.count)!; return []
        case .backTab, .up:
            focus = Field(rawValue: (focus.rawValue + Field.allCases.count - 1) % Field.allCases.count)!; return []
        case .function(6), .enter:
            if focus == .sync { askSync(context) } else { submit(context) }
            return []
        default: break
        }
        if focus == .sync { return [] }
        if focus == .zone {
            guard reading != nil else {
                if key == .left || key == .right { problems[.zone] = ParameterProblem(key: "parameters.clock.readFirst") }
                return []
            }
            let list = zones
            guard !list.isEmpty else { return [] }
            let i = list.firstIndex(of: zone ?? 0) ?? list.firstIndex(of: 0) ?? 0
            switch key {
            case .left: zone = list[(i + list.count - 1) % list.count]
            case .right, .character(" "): zone = list[(i + 1) % list.count]
            default: return []
            }
            problems[.zone] = nil
            return []
        }
        if case .character(let c) = key, let problem = ParameterRules.timeKeyProblem(c, current: timeText.text) {
            problems[.time] = problem
            return []
        }
        if timeText.handle(key) { problems[.time] = nil }
        return []
    }

    mutating func askSync(_ context: PageContext) {
        let s = context.strings
        var lines = [s["parameters.clock.syncLine"]]
        if let d = differenceText(at: context.now, s) { lines.append(s["parameters.clock.differenceNow", d]) }
        confirmation = PendingConfirmation(titleKey: "parameters.clock.confirmSync", lines: lines, request: .syncClock)
    }

    mutating func submit(_ context: PageContext) {
        let s = context.strings
        guard let offset = deviceOffset, let reading else {
            problems[focus] = ParameterProblem(key: "parameters.clock.readFirst")
            return
        }
        switch focus {
        case .sync: askSync(context)
        case .time:
            switch ParameterRules.time(timeText.text, utcOffsetMinutes: offset) {
            case .failure(let e): problems[.time] = e.problem
            case .success(let t):
                let old = deviceSeconds(at: context.now).map { ParameterText.time($0, utcOffsetMinutes: offset) } ?? "?"
                confirmation = PendingConfirmation(
                    titleKey: "parameters.clock.confirmSet",
                    lines: [old + " → " + timeText.text, s["parameters.clock.inZone", InfoPage.zoneText(offset)]],
                    request: .setClock(t))
            }
        case .zone:
            let device = -Int(reading.timeZone)
            guard let chosen = zone, chosen != device else {
                problems[.zone] = ParameterProblem(key: "parameters.clock.zoneSame")
                return
            }
            confirmation = PendingConfirmation(
                titleKey: "parameters.clock.confirmZone",
                lines: [s["parameters.clock.zoneChange", InfoPage.zoneText(device), InfoPage.zoneText(chosen)]],
                request: .setTimeZone(minutes: Int16(-chosen)))
        }
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        maySet = context.may(.setClock)
        switch result {
        case .clock(let r):
            reading = r
            readAt = context.now
            zone = -Int(r.timeZone)
            problems[.zone] = nil
            if timeText.text.isEmpty, let offset = deviceOffset, let seconds = deviceSeconds(at: context.now) {
                timeText = TextFieldState(text: ParameterText.time(seconds, utcOffsetMinutes: offset))
            }
        case .written(let writes):
            let key: String = switch pending {
            case .time?: "parameters.clock.timeWritten"
            case .zone?: "parameters.clock.zoneWritten"
            case .sync?: "parameters.clock.synced"
            case nil: "parameters.clock.timeWritten"
            }
            if let w = writes.first, let why = ParameterText.notTaken(w.outcome, context.strings) {
                outcome = (ParameterProblem(key: "parameters.clock.notTaken", arguments: [why]), true)
            } else {
                outcome = (ParameterProblem(key: key), false)
            }
            pending = nil
        case .failed, .stopped:
            pending = nil
        default: break
        }
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("F5", s["help.page.readAgain"])]
        guard context.may(.setClock) else { return items }
        items += [KeyBar.Item("\u{2191}\u{2193} Tab", s["help.page.clockFields"]),
                  KeyBar.Item("\u{2190}\u{2192} " + s["help.page.spaceKey"], s["help.page.zone"]),
                  KeyBar.Item("F6 Enter", s["help.page.writeFocused"])]
        return items
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if confirmation != nil { return [KeyBar.Item("Esc", s["common.cancel"])] }
        guard context.may(.setClock) else { return [] }
        // F4 (sync with the PC) is named on the page: with it the bar would not fit 80
        // columns in Russian.
        return [KeyBar.Item("F6", s["parameters.key.write"])]
    }

    func labelWidth(_ s: UIStrings, area: Rect) -> Int {
        let keys = ["parameters.clock.device", "parameters.clock.pc", "parameters.clock.difference",
                    "parameters.clock.zone", "parameters.clock.status", Field.time.labelKey, Field.zone.labelKey]
        return min((keys.map { DisplayWidth.of(s[$0]) }.max() ?? 0) + 1, max(8, area.width / 2))
    }

    func statusText(_ s: UIStrings) -> String? {
        guard let reading else { return nil }
        let status = reading.status ?? 0
        let word = status == 0 || status == 0xFF ? s["parameters.clock.statusOK"] : String(format: "0x%02x", status)
        guard let readAt else { return word }
        let offset = pcZone.minutesEast(at: readAt)
        return s["parameters.clock.readAt", word, ParameterText.clockTime(Int64(readAt.timeIntervalSince1970.rounded(.down)), utcOffsetMinutes: offset)]
    }

    static let timeRow = 6, zoneRow = 8

    func timeField(_ s: UIStrings, labelWidth: Int, focused: Bool) -> TextField {
        TextField(label: DisplayWidth.fit(s[Field.time.labelKey], columns: max(0, labelWidth - 1)),
                  state: timeText, focused: focused && focus == .time)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        let w = labelWidth(s, area: area)
        let now = page.now
        let rows: [(String, String?)] = [
            ("parameters.clock.device", deviceText(at: now)),
            ("parameters.clock.pc", pcText(at: now)),
            ("parameters.clock.difference", differenceText(at: now, s)),
            ("parameters.clock.zone", reading.map { InfoPage.zoneText(-Int($0.timeZone)) }),
            ("parameters.clock.status", statusText(s)),
        ]
        for (i, (key, value)) in rows.enumerated() {
            LabelledLines.draw(s[key], value ?? "—", labelWidth: w, y: area.y + i, in: area, into: &buffer)
        }
        if let outcome {
            buffer.write(outcome.text.text(s), x: area.x, y: area.y + 5,
                         style: outcome.bad ? Style(foreground: .red) : Style(foreground: .green), maxWidth: area.width)
        } else if reading == nil {
            buffer.write(s["parameters.hint.read"], x: area.x, y: area.y + 5, style: Style(dim: true), maxWidth: area.width)
        }
        guard page.may(.setClock) else {
            for (i, line) in ParameterText.wrap(s["parameters.clock.readOnly"], width: area.width).enumerated() {
                buffer.write(line, x: area.x, y: area.y + Self.timeRow + i, style: Style(dim: true), maxWidth: area.width)
            }
            return
        }
        LabelledLines.field(timeField(s, labelWidth: w, focused: focused), problem: problems[.time]?.text(s),
                            hint: timeText.text.count < ParameterRules.timeFormat.count ? ParameterRules.timeFormat : nil,
                            y: area.y + Self.timeRow, in: area, into: &buffer)
        let zoneArea = Rect(x: area.x, y: area.y + Self.zoneRow, width: area.width, height: 2).intersection(area)
        if !zoneArea.isEmpty {
            let options = zone == nil ? ["—"] : zones.map(InfoPage.zoneText)
            let selected = zone.flatMap { zones.firstIndex(of: $0) } ?? 0
            ChoiceField(label: DisplayWidth.fit(s[Field.zone.labelKey], columns: max(0, w - 1)), options: options,
                        selected: selected, focused: focused && focus == .zone).render(in: zoneArea, into: &buffer)
            if let p = problems[.zone], zoneArea.height >= 2 {
                LabelledLines.note(p.text(s), under: area.x + w + 1, y: zoneArea.y + 1, in: zoneArea, into: &buffer,
                                   style: Style(foreground: .red))
            }
        }
        let syncY = area.y + Self.zoneRow + 2
        if syncY < area.maxY {
            // The focus shows without colour too: a marker and reverse video.
            let on = focused && focus == .sync
            buffer.write((on ? "\u{25B8} " : "  ") + "[ " + s["parameters.clock.field.sync"] + " ]", x: area.x + w - 1, y: syncY,
                         style: on ? Style(reverse: true) : .plain, maxWidth: max(0, area.width - w + 1))
        }
        let hintY = area.y + Self.zoneRow + 4
        for (i, line) in ParameterText.wrap(s["parameters.clock.syncHint"], width: area.width).enumerated() where hintY + i < area.maxY {
            buffer.write(line, x: area.x, y: hintY + i, style: Style(dim: true), maxWidth: area.width)
        }
        confirmation?.render(in: area, into: &buffer, context: context)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard hasTextFocus else { return nil }
        let w = labelWidth(context.strings, area: area)
        let r = Rect(x: area.x, y: area.y + Self.timeRow, width: area.width, height: 2).intersection(area)
        guard !r.isEmpty else { return nil }
        return timeField(context.strings, labelWidth: w, focused: true).cursorPosition(in: r)
    }
}
