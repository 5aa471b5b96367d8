import Testing
@testable import TUICore

@Suite struct TreeViewTests {
    let roots = [
        TreeNode(id: "c1", title: "Концентратор 1", children: [
            TreeNode(id: "m1", title: "Meter 1"),
            TreeNode(id: "m2", title: "Счётчик 2"),
        ]),
        TreeNode(id: "c2", title: "Concentrator 2", children: [TreeNode(id: "m3", title: "M3")]),
    ]

    @Test func collapsedAndExpanded() {
        var b = ScreenBuffer(width: 18, height: 4)
        TreeView(roots: roots, state: TreeState()).render(in: b.area, into: &b)
        #expect(b.lines == ["▸ Концентратор 1  ", "▸ Concentrator 2  ", "                  ", "                  "])
        let state = TreeState(expanded: ["c1"], selected: "m2", checked: ["m1"])
        TreeView(roots: roots, state: state, showCheckboxes: true).render(in: b.area, into: &b)
        #expect(b.lines == ["▾ [ ] Концентратор", "    [x] Meter 1   ", "    [ ] Счётчик 2 ", "▸ [ ] Concentrator"])
        #expect(b[0, 2].style.reverse && !b[0, 1].style.reverse)
    }

    @Test func scrollsToSelection() {
        var state = TreeState(expanded: ["c1", "c2"])
        state.move(1, in: roots, height: 2)   // nothing selected: first row
        #expect(state.selected == "c1")
        state.move(3, in: roots, height: 2)
        #expect(state.selected == "c2" && state.offset == 2)
        state.move(9, in: roots, height: 2)
        #expect(state.selected == "m3")
        var b = ScreenBuffer(width: 10, height: 2)
        TreeView(roots: roots, state: state, ascii: true).render(in: b.area, into: &b)
        #expect(b.lines == ["- Concentr", "    M3    "])
        // Render keeps the selection visible even with a stale offset.
        TreeView(roots: roots, state: TreeState(expanded: ["c1", "c2"], selected: "m3", offset: 0),
                 ascii: true).render(in: b.area, into: &b)
        #expect(b.lines == ["- Concentr", "    M3    "])
        state.toggleExpanded("c2"); state.toggleChecked("c1")
        #expect(state.expanded == ["c1"] && state.checked == ["c1"])
    }
}

final class Counter: @unchecked Sendable { var calls = 0 }

@Suite struct TableViewTests {
    let columns = [TableColumn("№", width: 3, alignment: .right), TableColumn("Имя", width: 6),
                   TableColumn("кВт", width: 4, alignment: .right)]
    let data = [["1", "Alpha", "12"], ["2", "Бета", "7"], ["3", "Gamma", "100"], ["4", "Дельта", "3"]]

    @Test func headerRowsAlignment() {
        var b = ScreenBuffer(width: 16, height: 3)
        let data = self.data
        TableView(columns: columns, rowCount: data.count, state: TableState(selected: 1, sortColumn: 2, ascending: false)) {
            data[$0]
        }.render(in: b.area, into: &b)
        #expect(b.lines == ["  № Имя    кВт▼ ", "  1 Alpha    12 ", "  2 Бета      7 "])
        #expect(b[0, 2].style.reverse && !b[0, 1].style.reverse && b[0, 0].style.bold)
    }

    @Test func scrollingAndSearch() {
        let data = self.data
        var state = TableState()
        state.move(3, rowCount: data.count, height: 2)
        #expect(state.selected == 3 && state.offset == 2)
        #expect(state.search("гам", rowCount: data.count, height: 2) { data[$0] } == false)
        #expect(state.search("ГАМ", rowCount: data.count, height: 2) { _ in ["гамма"] })
        #expect(state.selected == 0 && state.offset == 0)
        #expect(state.search("gam", rowCount: data.count, height: 2) { data[$0] })
        #expect(state.selected == 2 && state.search == "gam")
        var b = ScreenBuffer(width: 16, height: 3)
        TableView(columns: columns, rowCount: data.count, state: state) { data[$0] }.render(in: b.area, into: &b)
        #expect(b.lines == ["  № Имя     кВт ", "  2 Бета      7 ", "  3 Gamma   100 "])
        state.sort(by: 1); state.sort(by: 1)
        #expect(state.sortColumn == 1 && !state.ascending)
    }

    @Test func bigTableAsksOnlyVisibleRows() {
        let counter = Counter()
        var b = ScreenBuffer(width: 16, height: 6)
        let state = TableState(selected: 99_999, offset: 0)
        TableView(columns: columns, rowCount: 100_000, state: state) { i in
            counter.calls += 1
            return ["\(i % 1000)", "r\(i)", ""]
        }.render(in: b.area, into: &b)
        #expect(counter.calls == 5)
        #expect(b.lines.last == "999 r99999      ")
    }
}

@Suite struct MenuBarTests {
    let menus = [
        Menu("Файл", items: [MenuItem("Открыть"), MenuItem("Save", enabled: false), MenuItem("Выход")]),
        Menu("Help", items: [MenuItem("About")]),
    ]

    @Test func closedBar() {
        var b = ScreenBuffer(width: 16, height: 1)
        MenuBar(menus: menus, state: MenuState()).render(in: b.area, into: &b)
        #expect(b.lines == ["  Файл  Help    "])
        #expect(b[2, 0].style.reverse)
    }

    @Test func dropDownWithDisabledItem() {
        var b = ScreenBuffer(width: 16, height: 6)
        var state = MenuState()
        state.openMenu(0, in: menus)
        #expect(state.handle(.down, in: menus) == nil)
        #expect(state.selected == 2)        // "Save" is skipped
        MenuBar(menus: menus, state: state).render(in: b.area, into: &b)
        #expect(b.lines == [
            "  Файл  Help    ",
            " ┌─────────┐    ",
            " │ Открыть │    ",
            " │ Save    │    ",
            " │ Выход   │    ",
            " └─────────┘    ",
        ])
        #expect(b[3, 3].style.dim && b[3, 4].style.reverse && !b[3, 2].style.reverse)
        let chosen = state.handle(.enter, in: menus)
        #expect(chosen?.menu == 0 && chosen?.item == 2 && state.open == nil)
        state.openMenu(0, in: menus)
        _ = state.handle(.right, in: menus)
        #expect(state.open == 1 && state.selected == 0)
        _ = state.handle(.escape, in: menus)
        #expect(state.open == nil)
    }
}
