import DLMS
import ES951

extension MetersPage {
    /// The columns drawn in `width`: point and serial, then as many of the others as fit
    /// from `columnOffset` on; whether some are scrolled off on either side.
    func layout(width: Int, _ s: UIStrings) -> (columns: [(column: MeterColumn, width: Int)], hiddenLeft: Bool, hiddenRight: Bool) {
        let all = MeterColumn.allCases.map { (column: $0, width: $0.width(s, serialWidth: serialWidth)) }
        let frozen = all.filter { $0.column.frozen }
        let rest = all.filter { !$0.column.frozen }
        var used = frozen.map(\.width).reduce(0, +) + frozen.count - 1
        // Everything that fits from the right end backwards bounds the offset.
        var lastOffset = rest.count
        var tail = used
        while lastOffset > 0, tail + 1 + rest[lastOffset - 1].width <= width {
            lastOffset -= 1
            tail += 1 + rest[lastOffset].width
        }
        let offset = min(max(0, columnOffset), lastOffset)
        var shown = frozen
        for c in rest.dropFirst(offset) {
            guard used + 1 + c.width <= width else { break }
            shown.append(c)
            used += 1 + c.width
        }
        return (shown, offset > 0, shown.count - frozen.count + offset < rest.count)
    }

    /// A line for the selected meter's details under the table, when there is room.
    func showsDetail(_ area: Rect) -> Bool { area.height >= 18 }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        // Nothing read yet (or the connection failed before the first page).
        if lines.isEmpty, !statusRead, !(loading && page.busy) {
            buffer.write(s["meters.empty.notRead"], x: area.x, y: area.y, style: Style(dim: true), maxWidth: area.width)
            return
        }
        renderFilters(Rect(x: area.x, y: area.y, width: area.width, height: 1), &buffer, s, focused: focused)
        let detail = showsDetail(area)
        let tableArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2 - (detail ? 1 : 0)))
        let (columns, _, hiddenRight) = layout(width: area.width, s)
        var state = table
        state.sortColumn = sortColumn.flatMap { c in columns.firstIndex { $0.column == c } }
        let lines = self.lines, view = self.view
        TableView(columns: columns.map { TableColumn(s[$0.column.titleKey], width: $0.width, alignment: $0.column.alignment) },
                  rowCount: view.count, state: state) { row in
            columns.map { $0.column.text(lines[view[row]], s) }
        }.render(in: tableArea, into: &buffer)
        if view.isEmpty, tableArea.height > 1 {
            let busy = loading && page.busy
            let key = busy ? "meters.empty.loading" : lines.isEmpty ? "meters.empty.none" : "meters.empty.filter"
            buffer.write(s[key], x: tableArea.x, y: tableArea.y + 1, style: Style(dim: true), maxWidth: tableArea.width)
        }
        if detail, let line = selectedLine {
            buffer.write(detailText(line, s), x: area.x, y: area.maxY - 2, style: Style(dim: true), maxWidth: area.width)
        }
        renderBottom(Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), &buffer, s, page: page,
                     hiddenColumns: hiddenRight || columnOffset > 0)
        renderDialog(area, &buffer, context)
    }

    /// " All 1000 " " Online 870 " " Blacklist 90 ": the filter shown reversed.
    func renderFilters(_ line: Rect, _ buffer: inout ScreenBuffer, _ s: UIStrings, focused: Bool) {
        var x = line.x
        for f in MeterFilter.allCases {
            let count = f == .all || statusRead ? String(counts[f] ?? 0) : "…"
            let style = f == filter ? Style(bold: true, reverse: true) : Style.plain
            x += buffer.write(" \(s[f.labelKey]) \(count) ", x: x, y: line.y, style: style, maxWidth: max(0, line.maxX - x))
            x += 1
            if x >= line.maxX { break }
        }
    }

    /// "70:B3:D5:1F:00:00:00:0C · good 2026-11-25 10:04 · failed 2026-11-20 03:00": what
    /// the table's columns shorten (the address, the year).
    func detailText(_ line: MeterLine, _ s: UIStrings) -> String {
        func minutes(_ t: COSEMDateTime?) -> String? { t.flatMap(InfoPage.dateTimeText).map { String($0.dropLast(3)) } }
        var parts = [line.meter.addressText]
        if let good = minutes(line.status?.lastGoodPoll) { parts.append(s["meters.detail.good", good]) }
        if let failed = minutes(line.status?.lastFailedPoll) { parts.append(s["meters.detail.failed", failed]) }
        return parts.joined(separator: " · ")
    }

    /// The line under the table: the field being typed, a note, progress, or the keys.
    func renderBottom(_ line: Rect, _ buffer: inout ScreenBuffer, _ s: UIStrings, page: PageContext, hiddenColumns: Bool) {
        if let (label, field) = openField(s) {
            let w = fieldWidth(line)
            TextField(label: label, state: field, focused: true)
                .render(in: Rect(x: line.x, y: line.y, width: w, height: 1), into: &buffer)
            if let note, w < line.width {
                buffer.write(" " + note.text, x: line.x + w, y: line.y, style: Style(foreground: .red),
                             maxWidth: line.width - w)
            }
            return
        }
        if let note {
            buffer.write(note.text, x: line.x, y: line.y, style: note.isError ? Style(foreground: .red) : Style(foreground: .green),
                         maxWidth: line.width)
        } else if loading, page.busy {
            buffer.write(s["meters.loadingCount", String(lines.count)], x: line.x, y: line.y, style: Style(dim: true),
                         maxWidth: line.width)
        } else if !lines.isEmpty {
            var hints: [(String, String)] = [("f", s["meters.hint.filter"]), ("/", s["meters.hint.find"]),
                                             ("s/r", s["meters.hint.sort"])]
            if page.may(.export), !loading { hints.append(("F8", s["meters.hint.csv"])) }
            if hiddenColumns { hints.append(("←→", s["meters.hint.columns"])) }
            var x = line.x
            for (i, hint) in hints.enumerated() {
                if i > 0 { x += buffer.write("  ", x: x, y: line.y, maxWidth: max(0, line.maxX - x)) }
                x += buffer.write(hint.0, x: x, y: line.y, style: Style(bold: true), maxWidth: max(0, line.maxX - x))
                x += buffer.write(" " + hint.1, x: x, y: line.y, style: Style(dim: true), maxWidth: max(0, line.maxX - x))
            }
        }
    }

    func renderDialog(_ area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let s = context.strings
        switch mode {
        case .export(let prompt):
            prompt.render(in: area, into: &buffer, context: context)
        case .chooseRemoval(let state):
            let labels = removalChoices().map { choice -> String in
                switch choice {
                case .one(_, let serial)?: s["meters.remove.thisMeter", serial]
                case .all(let count)?: s["meters.remove.allMeters", String(count)]
                case nil: s["common.cancel"]
                }
            }
            // Under a filter "All" still means the whole list, not the rows shown.
            let message = [s["meters.remove.question"]] + (filter == .all ? [] : [s["meters.remove.allMeansAll"]])
            Dialog(title: s["meters.remove.title"], message: message, buttons: labels,
                   state: state, lines: context.lines).render(in: area, into: &buffer)
        case .confirmRemoval(let removal, let state):
            var message: [String]
            switch removal {
            case .one(let point, let serial):
                message = [s["meters.remove.one1", serial, String(point)], s["meters.remove.one2"]]
            case .all(let count):
                message = [s["meters.remove.all1", String(count)], s["meters.remove.all2"]]
            }
            if mismatch { message.append(s["meters.remove.mismatch"]) }
            Dialog(title: s["meters.remove.title"], message: message, buttons: [s["meters.remove.button"], s["common.cancel"]],
                   confirmationWord: Self.confirmationWord(removal, s), confirmationPrompt: s["common.type"],
                   state: state, lines: context.lines).render(in: area, into: &buffer)
        default:
            break
        }
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        if case .export(let prompt) = mode { return prompt.cursorPosition(in: area, context: context) }
        let s = context.strings
        let line = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        guard let (label, field) = openField(s) else { return nil }
        return TextField(label: label, state: field, focused: true)
            .cursorPosition(in: Rect(x: line.x, y: line.y, width: fieldWidth(line), height: 1))
    }

    /// The text field open under the table (search or file path), with its label.
    func openField(_ s: UIStrings) -> (String, TextFieldState)? {
        switch mode {
        case .search(let field): (s["meters.search"], field)
        default: nil
        }
    }

    /// The field takes the whole line, or half of it when a note goes beside it.
    func fieldWidth(_ line: Rect) -> Int {
        note == nil ? line.width : min(line.width, max(24, line.width / 2))
    }
}
