/// One column of a table.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Int
    public var alignment: Alignment

    public init(_ title: String, width: Int, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// What changes in a table: the selected row, scrolling, the sort column, the search text.
/// Sorting is the data's job: the state says which column and direction, the caller's row
/// provider gives rows in that order, and the header shows ▲/▼.
public struct TableState: Hashable, Sendable {
    public var selected: Int
    public var offset: Int
    public var sortColumn: Int?
    public var ascending: Bool
    public var search: String

    public init(selected: Int = 0, offset: Int = 0, sortColumn: Int? = nil, ascending: Bool = true,
                search: String = "") {
        self.selected = selected
        self.offset = offset
        self.sortColumn = sortColumn
        self.ascending = ascending
        self.search = search
    }

    /// Moves the selection by `delta` (clamped) and scrolls to keep it in `height` rows.
    public mutating func move(_ delta: Int, rowCount: Int, height: Int) {
        guard rowCount > 0 else { selected = 0; offset = 0; return }
        selected = min(rowCount - 1, max(0, selected + delta))
        offset = Scrolling.offset(offset, keeping: selected, rows: rowCount, height: height)
    }

    /// The keys that move in a list (↑↓, PageUp/PageDown by `height` rows, Home, End);
    /// false for any other key.
    public mutating func move(_ key: Key, rowCount: Int, height: Int) -> Bool {
        let delta: Int
        switch key {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -height
        case .pageDown: delta = height
        case .home: delta = -rowCount
        case .end: delta = rowCount
        default: return false
        }
        move(delta, rowCount: rowCount, height: height)
        return true
    }

    /// Sorts by `column`; the same column again flips the direction.
    public mutating func sort(by column: Int) {
        if sortColumn == column { ascending.toggle() } else { sortColumn = column; ascending = true }
    }

    /// Sets the search text and selects the first row with a cell containing it
    /// (case-insensitive). Returns whether a row matched; the selection stays otherwise.
    @discardableResult
    public mutating func search(_ text: String, rowCount: Int, height: Int, row: (Int) -> [String]) -> Bool {
        search = text
        guard !text.isEmpty else { return false }
        let needle = text.lowercased()
        for i in 0..<max(0, rowCount) where row(i).contains(where: { $0.lowercased().contains(needle) }) {
            selected = i
            offset = Scrolling.offset(offset, keeping: i, rows: rowCount, height: height)
            return true
        }
        return false
    }
}

/// A table with a header line; only the visible rows are asked of `row`.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var row: (Int) -> [String]
    public var state: TableState

    public init(columns: [TableColumn], rowCount: Int, state: TableState, row: @escaping (Int) -> [String]) {
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.state = state
    }

    /// Cells joined with one space, each fitted to its column.
    func line(_ cells: [String]) -> String {
        columns.enumerated().map { i, c in
            DisplayWidth.fit(i < cells.count ? cells[i] : "", columns: c.width, alignment: c.alignment)
        }.joined(separator: " ")
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let titles = columns.enumerated().map { i, c in
            i == state.sortColumn ? c.title + (state.ascending ? "▲" : "▼") : c.title
        }
        buffer.write(line(titles), x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
        let height = area.height - 1
        guard height > 0, rowCount > 0 else { return }
        let sel = min(max(0, state.selected), rowCount - 1)
        let first = Scrolling.offset(state.offset, keeping: sel, rows: rowCount, height: height)
        for i in first..<min(rowCount, first + height) {
            let style = i == sel ? Style(reverse: true) : .plain
            buffer.write(DisplayWidth.fit(line(row(i)), columns: area.width),
                         x: area.x, y: area.y + 1 + i - first, style: style)
        }
    }
}
