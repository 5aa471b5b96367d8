import ES951
extension ConnectionSettingsScreen {
    /// One line of the form as drawn.
    enum Row: Hashable, Sendable {
        case field(SettingsField)
        /// "── Profile ──" above the profile part.
        case section
        case profile(Int)
        /// "(none)" in place of an empty profile list.
        case noProfiles
    }

    var rows: [Row] {
        var out: [Row] = []
        for f in fields {
            if f == .profileName { out.append(.section) }
            out.append(.field(f))
        }
        out += profiles.isEmpty ? [.noProfiles] : profiles.indices.map(Row.profile)
        return out
    }

    var focusedRow: Row {
        switch focus {
        case .field(let f): .field(f)
        case .profile(let i): .profile(i)
        }
    }

    /// Where things go inside the window: the rows, the message line under them, the
    /// label and value columns, and the first row shown (scrolled so that the focused row
    /// stays visible).
    struct Layout {
        var rows: Rect
        var message: Rect
        var markX: Int
        var labelX: Int
        var labelWidth: Int
        var valueX: Int
        var first: Int
    }

    func layout(in area: Rect, _ strings: UIStrings) -> Layout {
        let inner = area.inset(by: 1)
        let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        let (list, message) = content.splitBottom(1)
        // Every label counts, shown or not, so the column stays put when the medium changes.
        let labels = SettingsField.allCases.map { strings[$0.labelKey] } + [strings["settings.field.profiles"]]
        let labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, max(6, content.width / 2))
        let labelX = content.x + 2
        let all = rows
        let first = Scrolling.offset(0, keeping: all.firstIndex(of: focusedRow), rows: all.count, height: list.height)
        return Layout(rows: list, message: message, markX: content.x, labelX: labelX, labelWidth: labelWidth,
                      valueX: labelX + labelWidth + 2, first: first)
    }

    /// The texts a choice steps through, and the one chosen.
    func choice(_ field: SettingsField, _ s: UIStrings) -> (options: [String], selected: Int) {
        switch field {
        case .medium:
            let all = LinkSpec.Medium.allCases
            return (all.map { s["settings.medium." + $0.rawValue] }, all.firstIndex(of: medium) ?? 0)
        case .port:
            let typed = s[ports.isEmpty ? "settings.port.noneFound" : "settings.port.typed"]
            return (ports.map(\.label) + [typed], portIndex)
        case .baud: return (bauds.map(String.init), baudIndex)
        case .dataBits: return (["7", "8"], dataBits == 7 ? 0 : 1)
        case .parity:
            let all = LinkSpec.Parity.allCases
            return (all.map { s["settings.parity." + $0.rawValue] }, all.firstIndex(of: parity) ?? 0)
        case .stopBits: return (["1", "2"], stopBits == 2 ? 1 : 0)
        case .security:
            let all = LinkSpec.Security.allCases
            return (all.map { s["settings.security." + $0.rawValue] }, all.firstIndex(of: security) ?? 0)
        default: return ([], 0)
        }
    }

    /// The dim words after a field, if any.
    func hint(_ field: SettingsField, _ s: UIStrings) -> String? {
        switch field {
        case .path, .wrapper, .keepPassword:
            return s["settings.hint." + field.rawValue]
        case .tcpPort: return s["settings.hint.tcpPort", range: SettingsRules.tcpPorts]
        case .clientSAP: return s["settings.hint.clientSAP", range: SettingsRules.clientSAPs]
        case .serverAddress: return s["settings.hint.serverAddress", range: SettingsRules.serverAddresses]
        case .logical: return s["settings.hint.logical", range: SettingsRules.logicalDevices]
        case .timeout: return s.text("settings.hint.timeout", SettingsRules.timeoutBounds(s.language))
        case .password:
            guard text(.password).isEmpty else { return nil }
            return s[passwordKnown ? "settings.hint.passwordKeep" : "settings.hint.passwordNone"]
        default:
            return nil
        }
    }

    /// The box of a text field on line `y`: the area to give `TextField` (label, box and
    /// brackets) and the column after the closing bracket.
    func textArea(_ field: SettingsField, y: Int, _ l: Layout) -> (area: Rect, end: Int) {
        guard case .text(let width) = field.kind else { return (Rect(x: 0, y: 0, width: 0, height: 0), 0) }
        let box = max(1, min(width, l.rows.maxX - l.valueX - 2))
        let area = Rect(x: l.labelX, y: y, width: l.labelWidth + 3 + box + 1, height: 1)
        return (area, area.maxX)
    }

    /// The text of a text field as drawn: the timeout with a decimal comma in Russian
    /// (both are typed and read; the cursor does not move).
    func shown(_ field: SettingsField, _ language: UILanguage) -> TextFieldState {
        var state = texts[field] ?? TextFieldState()
        if field == .timeout, language == .ru { state.text = state.text.replacingOccurrences(of: ".", with: ",") }
        return state
    }

    /// The message line: an error from outside, else the news of a loaded profile, else
    /// the problem of the focused field, else the first problem.
    func message(_ s: UIStrings) -> (text: String, style: Style)? {
        let red = Style(foreground: .red, bold: true)
        if let error { return (error, red) }
        if let loadedProfile { return (s["settings.loaded", loadedProfile], .plain) }
        if case .field(let f) = focus, let p = problem(f) { return (p.text(s), red) }
        if let p = problems.first { return (p.text(s), red) }
        return nil
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        Frame(title: s["settings.title"], lines: context.lines, style: Style(foreground: .cyan, bold: true),
              titleStyle: Style(foreground: .cyan, bold: true)).render(in: area, into: &buffer)
        let l = layout(in: area, s)
        guard !l.rows.isEmpty else { return }
        let all = rows
        for (i, row) in all.enumerated().dropFirst(l.first).prefix(l.rows.height) {
            draw(row, y: l.rows.y + i - l.first, l, &buffer, context)
        }
        // More above or below: an arrow on the right edge.
        let up = context.ascii ? "^" : "▲", down = context.ascii ? "v" : "▼"
        if l.first > 0 { buffer.write(up, x: l.rows.maxX - 1, y: l.rows.y, style: Style(dim: true)) }
        if l.first + l.rows.height < all.count {
            buffer.write(down, x: l.rows.maxX - 1, y: l.rows.maxY - 1, style: Style(dim: true))
        }
        if let m = message(s) {
            buffer.write(m.text, x: l.message.x, y: l.message.y, style: m.style, maxWidth: l.message.width)
        }
        if let question = confirmation {
            let text: String, title: String
            switch question {
            case .delete(let name):
                title = s["settings.confirm.deleteTitle"]; text = s["settings.confirm.delete", name]
            case .overwrite(let name):
                title = s["settings.confirm.overwriteTitle"]; text = s["settings.confirm.overwrite", name]
            }
            Dialog(title: title, message: [text], buttons: [s["common.yes"], s["common.no"]], state: dialog,
                   lines: context.lines).render(in: area, into: &buffer)
        }
    }

    func draw(_ row: Row, y: Int, _ l: Layout, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let s = context.strings
        let maxX = l.rows.maxX
        let focused = row == focusedRow
        if focused {
            buffer.write(context.ascii ? ">" : "▸", x: l.markX, y: y, style: Style(foreground: .cyan, bold: true))
        }
        let labelStyle = Style(bold: focused)
        func label(_ key: String) {
            buffer.write(DisplayWidth.fit(s[key], columns: l.labelWidth) + ": ", x: l.labelX, y: y,
                         style: labelStyle, maxWidth: maxX - l.labelX)
        }
        switch row {
        case .section:
            let h = context.lines.horizontal
            let title = h + h + " " + s["settings.section.profile"] + " "
            let rest = max(0, maxX - l.markX - DisplayWidth.of(title))
            buffer.write(title + String(repeating: h, count: rest), x: l.markX, y: y, style: Style(dim: true),
                         maxWidth: maxX - l.markX)
        case .noProfiles:
            label("settings.field.profiles")
            buffer.write(s["settings.profiles.none"], x: l.valueX, y: y, style: Style(dim: true),
                         maxWidth: max(0, maxX - l.valueX))
        case .profile(let i):
            if i == 0 { label("settings.field.profiles") }
            let name = profiles[i]
            let width = min(max(DisplayWidth.of(name), 24), max(0, maxX - l.valueX))
            buffer.write(DisplayWidth.fit(name, columns: width), x: l.valueX, y: y,
                         style: focused ? Style(reverse: true) : .plain, maxWidth: width)
        case .field(let field):
            let invalid = problem(field) != nil
            var end: Int
            switch field.kind {
            case .choice:
                let (options, selected) = choice(field, s)
                let padded = DisplayWidth.fit(s[field.labelKey], columns: l.labelWidth)
                ChoiceField(label: padded, options: options, selected: selected, focused: focused)
                    .render(in: Rect(x: l.labelX, y: y, width: max(0, maxX - l.labelX), height: 1), into: &buffer)
                end = min(maxX, l.valueX + DisplayWidth.of("< " + options[selected] + " >"))
            case .check:
                label(field.labelKey)
                let on = field == .wrapper ? wrapper : keepPassword
                buffer.write(on ? "[x]" : "[ ]", x: l.valueX, y: y, style: Style(underline: focused),
                             maxWidth: max(0, maxX - l.valueX))
                end = l.valueX + 3
            case .text:
                let (area, e) = textArea(field, y: y, l)
                let padded = DisplayWidth.fit(s[field.labelKey], columns: l.labelWidth)
                TextField(label: padded, kind: field == .password ? .password : .text,
                          state: shown(field, s.language), focused: focused).render(in: area, into: &buffer)
                end = e
            }
            buffer.setStyle(invalid ? Style(foreground: .red, bold: true) : labelStyle,
                            in: Rect(x: l.labelX, y: y, width: l.labelWidth, height: 1))
            if invalid, end + 1 < maxX {
                buffer.write("!", x: end, y: y, style: Style(foreground: .red, bold: true))
            }
            // A hint only when it fits whole: a cut hint says something else.
            if let hint = hint(field, s), end + 2 + DisplayWidth.of(hint) <= maxX - 1 {
                buffer.write(hint, x: end + 2, y: y, style: Style(dim: true))
            }
        }
    }

    /// The text cursor, when a text field has the focus and no question is open.
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard confirmation == nil, case .field(let field) = focus, field.isText else { return nil }
        let s = context.strings
        let l = layout(in: area, s)
        guard let index = rows.firstIndex(of: .field(field)), index >= l.first,
              index < l.first + l.rows.height else { return nil }
        let (textArea, _) = textArea(field, y: l.rows.y + index - l.first, l)
        let padded = DisplayWidth.fit(s[field.labelKey], columns: l.labelWidth)
        return TextField(label: padded, kind: field == .password ? .password : .text,
                         state: shown(field, s.language), focused: true).cursorPosition(in: textArea)
    }

    /// The keys that work now, for the key bar at the bottom of the screen.
    public func keyBar(_ strings: UIStrings) -> [KeyBar.Item] {
        let s = strings
        if confirmation != nil {
            return [KeyBar.Item("Enter", s["settings.key.answer"]), KeyBar.Item("←→", s["settings.key.choose"]),
                    KeyBar.Item("Esc", s["settings.key.cancel"])]
        }
        var items: [KeyBar.Item] = []
        if case .profile = focus {
            items += [KeyBar.Item("Enter", s["settings.key.load"]), KeyBar.Item("F8", s["settings.key.delete"])]
        } else {
            items.append(KeyBar.Item("Enter", s["settings.key.apply"]))
        }
        items.append(KeyBar.Item("F2", s["settings.key.save"]))
        if medium != .demo { items.append(KeyBar.Item("F6", s["settings.key.find"])) }
        if case .field(let f) = focus, !f.isText { items.append(KeyBar.Item("←→", s["settings.key.change"])) }
        items.append(KeyBar.Item("Esc", s["settings.key.cancel"]))
        return items
    }
}
