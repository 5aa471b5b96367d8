/// One node of a tree: an id unique in the tree, a title and children.
public struct TreeNode: Hashable, Sendable {
    public var id: String
    public var title: String
    public var children: [TreeNode]

    public init(id: String, title: String, children: [TreeNode] = []) {
        self.id = id
        self.title = title
        self.children = children
    }
}

/// What changes in a tree view: expanded nodes, the selection, check marks, scrolling.
public struct TreeState: Hashable, Sendable {
    public var expanded: Set<String>
    public var selected: String?
    public var checked: Set<String>
    public var offset: Int

    public init(expanded: Set<String> = [], selected: String? = nil, checked: Set<String> = [], offset: Int = 0) {
        self.expanded = expanded
        self.selected = selected
        self.checked = checked
        self.offset = offset
    }

    /// The rows shown: nodes under expanded parents, depth-first, with their depth.
    public func visibleRows(_ roots: [TreeNode]) -> [(node: TreeNode, depth: Int)] {
        var out: [(node: TreeNode, depth: Int)] = []
        func walk(_ nodes: [TreeNode], _ depth: Int) {
            for n in nodes {
                out.append((n, depth))
                if expanded.contains(n.id) { walk(n.children, depth + 1) }
            }
        }
        walk(roots, 0)
        return out
    }

    /// Moves the selection by `delta` rows (clamped) and scrolls to keep it visible.
    public mutating func move(_ delta: Int, in roots: [TreeNode], height: Int) {
        let rows = visibleRows(roots)
        guard !rows.isEmpty else { selected = nil; return }
        let current = rows.firstIndex { $0.node.id == selected } ?? 0
        let next = selected == nil ? 0 : min(rows.count - 1, max(0, current + delta))
        selected = rows[next].node.id
        offset = Scrolling.offset(offset, keeping: next, rows: rows.count, height: height)
    }

    public mutating func toggleExpanded(_ id: String) {
        if expanded.contains(id) { expanded.remove(id) } else { expanded.insert(id) }
    }

    public mutating func toggleChecked(_ id: String) {
        if checked.contains(id) { checked.remove(id) } else { checked.insert(id) }
    }
}

/// A tree: "▾ " expanded, "▸ " collapsed, check boxes "[x] " when asked; the selected
/// row reversed and kept in view.
public struct TreeView: Sendable {
    public var roots: [TreeNode]
    public var state: TreeState
    public var showCheckboxes: Bool
    public var ascii: Bool

    public init(roots: [TreeNode], state: TreeState, showCheckboxes: Bool = false, ascii: Bool = false) {
        self.roots = roots
        self.state = state
        self.showCheckboxes = showCheckboxes
        self.ascii = ascii
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let rows = state.visibleRows(roots)
        let sel = rows.firstIndex { $0.node.id == state.selected }
        let first = Scrolling.offset(state.offset, keeping: sel, rows: rows.count, height: area.height)
        for (i, row) in rows.dropFirst(first).prefix(area.height).enumerated() {
            let n = row.node
            var s = String(repeating: "  ", count: row.depth)
            if n.children.isEmpty { s += "  " } else if state.expanded.contains(n.id) {
                s += ascii ? "- " : "▾ "
            } else { s += ascii ? "+ " : "▸ " }
            if showCheckboxes { s += state.checked.contains(n.id) ? "[x] " : "[ ] " }
            s += n.title
            let style = first + i == sel ? Style(reverse: true) : .plain
            buffer.write(DisplayWidth.fit(s, columns: area.width), x: area.x, y: area.y + i, style: style)
        }
    }
}
