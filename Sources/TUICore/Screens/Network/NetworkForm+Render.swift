/// Drawing a network page: one line per value ("▸Label [value] mark"), then what is wrong
/// or was not taken, in words, the focused value first, and a note on the last line; an
/// open dialog over it all. Marks: `!` invalid, `✗` not taken by the device, `*` changed
/// and not written.
extension NetworkForm {
    /// Widest box for a value (an APN scrolls inside it).
    static var maximumBox: Int { 48 }

    /// Where the box of row `index` starts and how wide it is, in `area`.
    func box(_ index: Int, in area: Rect, strings: UIStrings) -> (x: Int, y: Int, width: Int) {
        let labelWidth = rows.map { DisplayWidth.of(strings[$0.labelKey]) }.max() ?? 0
        let x = area.x + 1 + labelWidth + 2
        let width = max(1, min(Self.maximumBox, area.maxX - x - 3))
        return (x, area.y + index, width)
    }

    /// What is shown of `text` in a box `width` wide: scrolled so the cursor shows when
    /// focused, from the start otherwise.
    static func visible(_ shown: [Character], cursor: Int?, width: Int) -> String {
        var start = 0
        if let cursor {
            let c = min(max(0, cursor), shown.count)
            while start < c, DisplayWidth.of(String(shown[start..<c])) + 1 > width { start += 1 }
        }
        return String(shown[start...])
    }

    func shown(_ row: NetworkRow<Field>, strings: UIStrings) -> [Character] {
        let t = text(row.field)
        switch row.kind {
        case .secret: return Array(repeating: "•", count: t.count)
        case .toggle: return Array("< " + strings[t == "on" ? "common.on" : "common.off"] + " >")
        case .text, .readOnly: return Array(t)
        }
    }

    /// The text cursor of the focused value when it is typed.
    func cursorPosition(in area: Rect, strings: UIStrings, editable: Bool) -> (x: Int, y: Int)? {
        guard dialog == nil, editable, let row = focusedRow, focus < area.height else { return nil }
        switch row.kind {
        case .text, .secret: break
        case .toggle, .readOnly: return nil
        }
        let b = box(focus, in: area, strings: strings)
        let chars = shown(row, strings: strings)
        let cursor = min(max(0, texts[row.field]?.cursor ?? 0), chars.count)
        let visible = Self.visible(chars, cursor: cursor, width: b.width)
        let before = visible.prefix(cursor - (chars.count - visible.count))
        return (b.x + DisplayWidth.of(String(before)), b.y)
    }

    /// The lines of words under the values: what is wrong with each value or what became
    /// of it at the last write, the focused value first.
    func messages(problems: [Field: NetworkProblem], strings s: UIStrings) -> [(text: String, style: Style)] {
        var order = rows.indices.map { $0 }
        if rows.indices.contains(focus) { order.removeAll { $0 == focus }; order.insert(focus, at: 0) }
        var lines: [(String, Style)] = []
        let red = Style(foreground: .red)
        for i in order {
            let row = rows[i]
            let label = s[row.labelKey]
            if i == focus, let c = refusedCharacter, case let .text(chars) = row.kind {
                lines.append((s["network.problem.refusedCharacter", label, String(c), s[chars.hintKey]], red))
            } else if i == focus, refusedCharacter != nil, case let .secret(chars) = row.kind {
                lines.append((s["network.problem.refusedHidden", label, s[chars.hintKey]], red))
            }
            if let p = problems[row.field] {
                lines.append((label + ": " + p.text(s), red))
            } else if let mark = marks[row.field] {
                switch mark {
                case .notTaken where NetworkForm.isSecret(row):
                    lines.append((s["network.notTakenSecret", label], red))
                case .notTaken(let back):
                    let shown = back.isEmpty ? s["network.empty"]
                        : row.kind == .toggle && ["on", "off"].contains(back) ? s["common." + back] : back
                    lines.append((s["network.notTaken", label, shown], red))
                case .refused(let why):
                    lines.append((s["network.refused", label, why], red))
                case .accepted: break
                }
            }
        }
        return lines
    }

    /// Draws the values, the messages and `note` (the last line), and the dialog.
    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, focused: Bool,
                editable: Bool, problems: [Field: NetworkProblem], note: String?) {
        guard !area.isEmpty else { return }
        let s = context.strings
        let labelWidth = rows.map { DisplayWidth.of(s[$0.labelKey]) }.max() ?? 0
        for (i, row) in rows.enumerated() where i < area.height {
            let y = area.y + i
            let isFocus = focused && i == focus && dialog == nil
            buffer.write(isFocus ? (context.ascii ? ">" : "▸") : " ", x: area.x, y: y, style: Style(foreground: .cyan, bold: true))
            let dim = row.kind == .readOnly || locked.contains(row.field)
            buffer.write(DisplayWidth.fit(s[row.labelKey], columns: labelWidth), x: area.x + 1, y: y,
                         style: Style(dim: dim), maxWidth: area.width - 1)
            let b = box(i, in: area, strings: s)
            guard b.x + b.width + 1 <= area.maxX else { continue }
            buffer.write("[", x: b.x - 1, y: y)
            let chars = shown(row, strings: s)
            let cursor = isFocus ? texts[row.field]?.cursor : nil
            let visible = Self.visible(chars, cursor: cursor.map { min($0, chars.count) }, width: b.width)
            buffer.write(DisplayWidth.fit(visible, columns: b.width), x: b.x, y: y,
                         style: Style(bold: row.kind == .readOnly, underline: isFocus && editable && row.kind != .readOnly,
                                      dim: locked.contains(row.field)))
            buffer.write("]", x: b.x + b.width, y: y)
            let mark: (String, Style)? =
                problems[row.field] != nil ? ("!", Style(foreground: .red, bold: true))
                : marks[row.field] != nil ? (context.ascii ? "x" : "✗", Style(foreground: .red, bold: true))
                : isChanged(row) ? ("*", Style(foreground: .yellow, bold: true)) : nil
            if let mark, b.x + b.width + 2 < area.maxX {
                buffer.write(mark.0, x: b.x + b.width + 2, y: y, style: mark.1)
            }
        }
        // Messages, wrapped, between the values and the note.
        let firstLine = area.y + rows.count + 1
        // The note wraps upwards from the last line (at most 3 lines), never cut.
        let noteLines = note.map { Array(TextWrap.lines($0, width: area.width).prefix(3)) } ?? []
        let lastLine = area.maxY - noteLines.count
        var y = firstLine
        for message in messages(problems: problems, strings: s) {
            for line in Self.wrap(message.text, width: area.width) where y < lastLine {
                buffer.write(line, x: area.x, y: y, style: message.style, maxWidth: area.width)
                y += 1
            }
        }
        if area.height > rows.count + noteLines.count {
            for (i, line) in noteLines.enumerated() {
                buffer.write(line, x: area.x, y: area.maxY - noteLines.count + i, style: Style(dim: true), maxWidth: area.width)
            }
        }
        if let dialog { renderDialog(dialog, in: area, into: &buffer, context: context) }
    }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word is
    /// cut), the lines after the first indented by `indent`.
    static func wrap(_ text: String, width: Int, indent: String = "  ") -> [String] {
        TextWrap.lines(text, width: width, indent: indent, keepSpaces: true)
    }

    /// The confirmation lines of a write: "Label: old → new" each, or the label on one
    /// line and the change under it (broken into pieces `width` wide, so a long APN shows
    /// whole) when it does not fit and there is room; a secret is only "(changed)".
    static func changeLines(_ changes: [NetworkChange], width: Int, height: Int, strings s: UIStrings) -> [String] {
        func change(_ c: NetworkChange) -> String {
            func shown(_ value: String) -> String {
                if value.isEmpty { return s["network.empty"] }
                return c.kind == .toggle ? s[value == "on" ? "common.on" : "common.off"] : value
            }
            if case .secret = c.kind { return s["network.changed"] }
            return shown(c.old) + " → " + shown(c.new)
        }
        var full: [String] = []
        var compact: [String] = []
        for c in changes {
            let label = s[c.labelKey] + ":"
            let one = label + " " + change(c)
            compact.append(one)
            if DisplayWidth.of(one) <= width {
                full.append(one)
            } else {
                full.append(label)
                full += pieces("  " + change(c), width: width, indent: "  ")
            }
        }
        // Room for the lines, the question, the buttons and the frame.
        return full.count <= height - 5 ? full : compact
    }

    /// `text` cut into lines of at most `width` columns, the later ones after `indent`.
    static func pieces(_ text: String, width: Int, indent: String) -> [String] {
        guard width > DisplayWidth.of(indent) else { return [text] }
        var lines: [String] = []
        var line = ""
        for c in text {
            if DisplayWidth.of(line + String(c)) > width {
                lines.append(line)
                line = indent
            }
            line.append(c)
        }
        if line.contains(where: { $0 != " " }) { lines.append(line) }
        return lines
    }

    func renderDialog(_ dialog: NetworkDialog, in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        let s = context.strings
        let d: Dialog
        switch dialog {
        case .write(let changes):
            let lines = Self.changeLines(changes, width: area.width - 4, height: area.height, strings: s)
            d = Dialog(title: s["network.dialog.writeTitle"], message: lines + [s["network.dialog.writeQuestion"]],
                       buttons: [s["network.button.write"], s["common.cancel"]],
                       state: DialogState(selectedButton: dialogButton), lines: context.lines)
        case .overwrite(let count):
            d = Dialog(title: s["network.dialog.overwriteTitle"],
                       message: Self.wrap(s["network.dialog.overwrite", String(count)], width: area.width - 8, indent: ""),
                       buttons: [s["network.button.read"], s["common.cancel"]],
                       state: DialogState(selectedButton: dialogButton), lines: context.lines)
        }
        d.render(in: area, into: &buffer)
    }
}
