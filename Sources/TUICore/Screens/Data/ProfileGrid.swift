import ES951

/// A profile as a table (SPEC F-40): the row's date-time first, then one column per value
/// with its unit in the header, energy in the unit chosen (issue 18 item 11). The
/// date-time stays put; when the values do not all fit (80×24), ←→ scroll them and the
/// header marks the hidden side with ◂ or ▸.
struct ProfileGrid {
    var table: ProfileTable
    var state: TableState
    /// The first value column shown.
    var firstColumn: Int
    var strings: UIStrings
    var energy: EnergyUnit = .wh

    static let timeWidth = 16

    var titles: [String] { table.columns.map { DataText.title($0, strings, energy) } }

    /// Each value column as wide as its title or its widest value (at most 20).
    var widths: [Int] {
        let titles = titles
        return table.columns.indices.map { i in
            let cells = table.rows.map { i < $0.values.count ? DisplayWidth.of(DataText.cell($0.values[i], strings, energy)) : 0 }
            return min(20, max(DisplayWidth.of(titles[i]), cells.max() ?? 0))
        }
    }

    /// How many value columns from `first` fit in `width`.
    static func fitting(_ widths: [Int], from first: Int, width: Int) -> Int {
        var used = timeWidth, n = 0
        for w in widths.dropFirst(first) {
            if used + 1 + w > width { break }
            used += 1 + w
            n += 1
        }
        return max(n, first < widths.count ? 1 : 0)
    }

    /// The largest first column that still fills `width` (no scrolling past the end).
    static func lastFirst(_ widths: [Int], width: Int) -> Int {
        var first = widths.count - 1
        while first > 0, fitting(widths, from: first - 1, width: width) == widths.count - (first - 1) { first -= 1 }
        return max(0, first)
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer, focused: Bool) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let widths = widths, titles = titles
        let first = min(max(0, firstColumn), Self.lastFirst(widths, width: area.width))
        let count = Self.fitting(widths, from: first, width: area.width)
        let shown = Array(first..<min(widths.count, first + count))
        func line(_ time: String, _ cells: [String], header: Bool) -> String {
            var text = DisplayWidth.fit(time, columns: Self.timeWidth)
            for (k, i) in shown.enumerated() {
                text += " " + DisplayWidth.fit(k < cells.count ? cells[k] : "", columns: widths[i], alignment: header ? .left : .right)
            }
            return text
        }
        var header = line(strings["data.column.dateTime"], shown.map { titles[$0] }, header: true)
        if first > 0 {
            header = DisplayWidth.prefix(header, columns: Self.timeWidth - 1) + "◂" + String(header.dropFirst(Self.timeWidth))
        }
        header = DisplayWidth.fit(header, columns: area.width)
        if shown.last.map({ $0 < widths.count - 1 }) ?? false {
            header = DisplayWidth.prefix(header, columns: area.width - 1) + "▸"
        }
        buffer.write(header, x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
        let height = area.height - 1
        guard height > 0, !table.rows.isEmpty else { return }
        let selected = min(max(0, state.selected), table.rows.count - 1)
        let top = Scrolling.offset(state.offset, keeping: selected, rows: table.rows.count, height: height)
        for i in top..<min(table.rows.count, top + height) {
            let row = table.rows[i]
            let cells = shown.map { $0 < row.values.count ? DataText.cell(row.values[$0], strings, energy) : "" }
            let style = focused && i == selected ? Style(reverse: true) : Style.plain
            buffer.write(DisplayWidth.fit(line(DataText.dateTime(row.time), cells, header: false), columns: area.width),
                         x: area.x, y: area.y + 1 + i - top, style: style)
        }
    }
}
