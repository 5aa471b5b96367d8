/// One entry of a drop-down menu.
public struct MenuItem: Hashable, Sendable {
    public var title: String
    public var enabled: Bool

    public init(_ title: String, enabled: Bool = true) {
        self.title = title
        self.enabled = enabled
    }
}

/// One menu of the bar.
public struct Menu: Hashable, Sendable {
    public var title: String
    public var items: [MenuItem]

    public init(_ title: String, items: [MenuItem]) {
        self.title = title
        self.items = items
    }
}

/// Which menu is open (nil: none) and which item is selected in it.
public struct MenuState: Hashable, Sendable {
    public var open: Int?
    public var selected: Int

    public init(open: Int? = nil, selected: Int = 0) {
        self.open = open
        self.selected = selected
    }

    /// Opens menu `index` on its first enabled item.
    public mutating func openMenu(_ index: Int, in menus: [Menu]) {
        guard menus.indices.contains(index) else { return }
        open = index
        selected = menus[index].items.firstIndex(where: \.enabled) ?? 0
    }

    /// Up/down skip disabled items; left/right switch menus; escape closes.
    /// Returns the chosen (menu, item) on enter over an enabled item.
    public mutating func handle(_ key: Key, in menus: [Menu]) -> (menu: Int, item: Int)? {
        guard let m = open, menus.indices.contains(m) else { return nil }
        let items = menus[m].items
        func step(_ d: Int) {
            guard !items.isEmpty else { return }
            var i = selected
            for _ in items.indices {
                i = (i + d + items.count) % items.count
                if items[i].enabled { selected = i; return }
            }
        }
        switch key {
        case .down: step(1)
        case .up: step(-1)
        case .right: openMenu((m + 1) % menus.count, in: menus)
        case .left: openMenu((m - 1 + menus.count) % menus.count, in: menus)
        case .escape: open = nil
        case .enter:
            if items.indices.contains(selected), items[selected].enabled {
                open = nil
                return (m, selected)
            }
        default: break
        }
        return nil
    }
}

/// The top line of menu titles and, when a menu is open, its drop-down box under it.
public struct MenuBar: Sendable {
    public var menus: [Menu]
    public var state: MenuState
    public var lines: LineDrawing

    public init(menus: [Menu], state: MenuState, lines: LineDrawing = .unicode) {
        self.menus = menus
        self.state = state
        self.lines = lines
    }

    /// The columns of each menu's title on the bar drawn in `area`.
    func titleSpans(in area: Rect) -> [Range<Int>] {
        var x = area.x + 1
        return menus.map { m in
            let w = DisplayWidth.of(" \(m.title) ")
            defer { x += w }
            return x..<min(x + w, area.maxX)
        }
    }

    /// The menu whose title is at column `x` (a mouse press), if any.
    public func title(at x: Int, in area: Rect) -> Int? {
        titleSpans(in: area).firstIndex { $0.contains(x) }
    }

    /// The drop-down box of the open menu, as ``render(in:into:)`` draws it.
    func box(in area: Rect) -> Rect? {
        guard let open = state.open, menus.indices.contains(open) else { return nil }
        let items = menus[open].items
        let w = (items.map { DisplayWidth.of($0.title) }.max() ?? 0) + 4
        let openX = titleSpans(in: area)[open].lowerBound
        var box = Rect(x: openX, y: area.y + 1, width: w, height: items.count + 2)
        if box.maxX > area.maxX { box.x = max(area.x, area.maxX - w) }
        box = box.intersection(area)
        return box.width >= 3 && box.height >= 3 ? box : nil
    }

    /// The item of the open menu at (`x`, `y`) when it can be chosen (a mouse press).
    public func item(at x: Int, y: Int, in area: Rect) -> Int? {
        guard let open = state.open, let box = box(in: area), x > box.x, x < box.maxX - 1 else { return nil }
        let i = y - box.y - 1
        guard i >= 0, i < box.height - 2, menus[open].items.indices.contains(i), menus[open].items[i].enabled else { return nil }
        return i
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let bar = Style(reverse: true)
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: bar)
        for (i, (m, span)) in zip(menus, titleSpans(in: area)).enumerated() {
            let style = i == state.open ? Style.plain : bar
            buffer.write(" \(m.title) ", x: span.lowerBound, y: area.y, style: style, maxWidth: max(0, area.maxX - span.lowerBound))
        }
        guard let open = state.open, menus.indices.contains(open), let box = box(in: area) else { return }
        let items = menus[open].items
        buffer.clear(box)
        Frame(lines: lines).render(in: box, into: &buffer)
        for (i, item) in items.enumerated() where i < box.height - 2 {
            let style = i == state.selected ? Style(reverse: true, dim: !item.enabled)
                : Style(dim: !item.enabled)
            buffer.write(DisplayWidth.fit(" " + item.title, columns: box.width - 2),
                         x: box.x + 1, y: box.y + 1 + i, style: style)
        }
    }
}
