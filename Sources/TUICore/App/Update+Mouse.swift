/// The mouse (issue 18 item 6; `--no-mouse` turns it off): a left press on a key of the
/// key bar is that key; on a menu title it opens the menu, on a menu item it runs it,
/// elsewhere it closes the menu; on a row of the tree it selects the row (a press on the
/// selected row opens it, as Enter); on the work area it gives it the focus. Windows take
/// their keys only (and the key bar's). The wheel comes as Up and Down.
extension AppState {
    mutating func click(x: Int, y: Int) -> [Effect] {
        guard x >= 0, y >= 0, x < width, y < height else { return [] }
        if y == height - 1 {
            guard let key = keyBarKey(atColumn: x) else { return [] }
            return handle(key)
        }
        guard phase == .main, modal == nil else { return [] }
        let layout = MainLayout(width: width, height: height)
        let bar = menuBar
        if menu.open != nil {
            if let item = bar.item(at: x, y: y, in: Rect(x: 0, y: 0, width: width, height: height)) {
                menu.selected = item
                return handleMenu(.enter)
            }
            menu.open = nil
            if y != layout.menu.y { return [] }
        }
        if y == layout.menu.y {
            if let index = bar.title(at: x, in: layout.menu) { menu.openMenu(index, in: bar.menus) }
            return []
        }
        let treeRows = Rect(x: layout.tree.x + 1, y: layout.tree.y + 1, width: layout.tree.width - 2, height: layout.tree.height - 2)
        if treeRows.contains(x: x, y: y) {
            let roots = ParameterTree.roots(strings, permissions: session?.permissions)
            let rows = tree.visibleRows(roots)
            let selected = rows.firstIndex { $0.node.id == tree.selected }
            let first = Scrolling.offset(tree.offset, keeping: selected, rows: rows.count, height: treeRows.height)
            let index = first + y - treeRows.y
            guard rows.indices.contains(index) else { return [] }
            let again = focus == .tree && index == selected
            focus = .tree
            if again { return handleTree(.enter) }
            let id = rows[index].node.id
            tree.selected = id
            if let p = ParameterPage(rawValue: id) { page = p }
            return []
        }
        if layout.work.contains(x: x, y: y) { focus = .work }
        return []
    }

    /// The key whose name is drawn at column `x` of the key bar (a press on its label
    /// counts too), from the screen as drawn: the key bar of a window, a menu, a dialog or
    /// the page, whichever is on screen.
    func keyBarKey(atColumn x: Int) -> Key? {
        let screen = render(DrawContext(strings: strings))
        let y = height - 1
        // The keys are drawn bold, their labels in reverse: from a label, go left to its key.
        var column = x
        while column >= 0, !screen[column, y].style.bold {
            if screen[column, y].text == " " && !screen[column, y].style.reverse { return nil }
            column -= 1
        }
        guard column >= 0 else { return nil }
        var start = column, end = column
        while start > 0, screen[start - 1, y].style.bold { start -= 1 }
        while end + 1 < width, screen[end + 1, y].style.bold { end += 1 }
        let name = (start...end).map { screen[$0, y].text }.joined()
        return Self.key(named: name)
    }

    /// `F5` → F5, `Esc` → Esc, `Ins/F7` → Ins (the first of two names), …
    static func key(named name: String) -> Key? {
        let first = name.split(separator: "/").first.map(String.init) ?? name
        if first.hasPrefix("F"), let n = Int(first.dropFirst()), (1...12).contains(n) { return .function(n) }
        return ["Esc": .escape, "Enter": .enter, "Del": .delete, "Ins": .insert, "Tab": .tab,
                "Space": .character(" "), "\u{41F}\u{440}\u{43E}\u{431}\u{435}\u{43B}": .character(" ")][first]
    }
}
