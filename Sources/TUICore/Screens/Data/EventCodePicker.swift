/// The window of the Events page's Code field (issue 18 item 11): every event code the
/// catalogue names, with its name in the interface language and a check box, so a field
/// engineer picks codes without knowing them by heart. ↑↓ PgUp PgDn Home End move, Space
/// marks or unmarks (Ins too, then moves down, as on the Information page), `a` or `+`
/// marks all, `n` or `-` none, Enter applies, Esc cancels. Nothing marked is "all codes",
/// as an empty field is.
struct EventCodePicker: Sendable, Hashable {
    /// The codes listed, in code order: the catalogue's (1…63 when it did not load).
    let codes: [Int]
    var checked: Set<Int>
    var list = TableState()

    enum Outcome: Equatable { case apply(Set<Int>), cancel }

    init(checked: Set<Int>, codes: [Int] = DataText.catalogue?.events.map(\.code) ?? Array(DataInput.eventCodes)) {
        self.codes = codes
        self.checked = checked
        // Opens on the first code marked, so the choice is in view.
        if let first = codes.firstIndex(where: checked.contains) { list.selected = first }
    }

    /// A key while the window is open; `height` is the list's rows in the page's area.
    mutating func handle(_ key: Key, height: Int) -> Outcome? {
        if list.move(key, rowCount: codes.count, height: height) { return nil }
        switch key {
        case .escape: return .cancel
        case .enter: return .apply(checked)
        case .character(" "): toggle()
        case .insert:
            toggle()
            list.move(1, rowCount: codes.count, height: height)
        case .character(let c) where Self.all.contains(c): checked = Set(codes)
        case .character(let c) where Self.none.contains(c): checked = []
        default: break
        }
        return nil
    }

    /// `a` (and the key in its place on a Russian layout, ф) or `+`: mark every code.
    static let all: Set<Character> = ["a", "A", "\u{0444}", "\u{0424}", "+"]
    /// `n` (т on a Russian layout) or `-`: unmark every code.
    static let none: Set<Character> = ["n", "N", "\u{0442}", "\u{0422}", "-"]

    mutating func toggle() {
        guard codes.indices.contains(list.selected) else { return }
        let code = codes[list.selected]
        if checked.contains(code) { checked.remove(code) } else { checked.insert(code) }
    }

    /// The window: the page's whole height, at most 64 columns, centred.
    func box(in area: Rect) -> Rect {
        let w = min(area.width, 64)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y, width: w, height: area.height)
    }

    /// The rows of the list inside the window (the frame, the line of what is marked and
    /// the line of keys take four).
    func listHeight(in area: Rect) -> Int { max(1, box(in: area).height - 4) }

    /// The line under the list: how many are marked and which, or that none means all.
    func summary(_ s: UIStrings) -> String {
        checked.isEmpty ? s["data.picker.none"]
            : s["data.picker.marked", String(checked.count), checked.sorted().map(String.init).joined(separator: ", ")]
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        let s = context.strings
        let b = box(in: area)
        guard b.width >= 12, b.height >= 5 else { return }
        buffer.clear(b)
        Frame(title: s["data.picker.title"], lines: context.lines, style: Style(foreground: .cyan, bold: true),
              titleStyle: Style(bold: true)).render(in: b, into: &buffer)
        let x = b.x + 1, w = b.width - 2
        let height = listHeight(in: area)
        let top = Scrolling.offset(list.offset, keeping: list.selected, rows: codes.count, height: height)
        for (row, code) in codes.enumerated().dropFirst(top).prefix(height) {
            let mark = checked.contains(code) ? "[x] " : "[ ] "
            let number = String(repeating: " ", count: max(0, 2 - String(code).count)) + String(code)
            let head = mark + number + " "
            let line = head + Self.shortened(DataText.eventName(code: code, s) ?? "", w - DisplayWidth.of(head))
            let style = row == list.selected ? Style(reverse: true) : Style.plain
            buffer.write(DisplayWidth.fit(line, columns: w), x: x, y: b.y + 1 + row - top, style: style)
        }
        if top > 0 { buffer.write("↑", x: b.maxX - 1, y: b.y + 1, style: Style(bold: true)) }
        if top + height < codes.count { buffer.write("↓", x: b.maxX - 1, y: b.y + height, style: Style(bold: true)) }
        buffer.write(Self.cut(summary(s), w), x: x, y: b.maxY - 3, style: Style(dim: true), maxWidth: w)
        // The keys the key bar leaves out (it has Space, Enter and Esc).
        buffer.write(Self.cut(s["data.picker.keys"], w), x: x, y: b.maxY - 2, style: Style(dim: true), maxWidth: w)
    }

    /// A name in `columns`: one too long keeps its end after the last dash, so the
    /// beginning and the end of an event stay told apart ("Вскрытие крышки
    /// коммуникацион… - окончание"); without one it ends in `…`.
    static func shortened(_ name: String, _ columns: Int) -> String {
        guard DisplayWidth.of(name) > columns else { return name }
        let chars = Array(name)
        if let dash = chars.indices.last(where: { i in (chars[i] == "-" || chars[i] == "\u{2013}") && i > 0 && chars[i - 1] == " " }) {
            let tail = String(chars[(dash - 1)...])
            let room = columns - 1 - DisplayWidth.of(tail)
            if room >= 8 { return DisplayWidth.prefix(name, columns: room) + "…" + tail }
        }
        return cut(name, columns)
    }

    /// `text` in `columns`, a cut one ending in `…`.
    static func cut(_ text: String, _ columns: Int) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        return columns > 1 ? DisplayWidth.prefix(text, columns: columns - 1) + "…" : ""
    }

    /// The keys while the window is open (`a` and `n` are said in the window: with them
    /// the Russian key bar would not fit 80 columns).
    func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        [KeyBar.Item(s["help.page.spaceKey"], s["data.key.mark"]), KeyBar.Item("Enter", s["data.key.apply"]),
         KeyBar.Item("Esc", s["data.key.cancel"])]
    }
}
