import Testing
@testable import TUICore

/// Issue 18 item 6: a left press on the key bar, the menus and the tree does what the
/// key would; the wheel is Up and Down (mapped in the terminal layer).
@Suite struct MouseTests {
    /// Where `text` is drawn on the screen of `s` (column, row), the first time.
    func position(of text: String, in s: AppState, row: Int? = nil) -> (x: Int, y: Int)? {
        let screen = s.render(DrawContext(strings: s.strings))
        let wanted = text.map(String.init)
        for y in (row.map { [$0] } ?? Array(0..<screen.height)) {
            let cells = (0..<screen.width).map { screen[$0, y].text }
            for x in 0...(cells.count - wanted.count) where Array(cells[x..<x + wanted.count]) == wanted { return (x, y) }
        }
        return nil
    }

    func click(_ text: String, in s: inout AppState, row: Int? = nil, offset: Int = 0) -> [Effect] {
        guard let p = position(of: text, in: s, row: row) else { Issue.record("no \"\(text)\" on screen"); return [] }
        return s.update(.key(.click(x: p.x + offset, y: p.y)))
    }

    @Test func aKeyOfTheKeyBarOrItsLabelIsThatKey() {
        var s = AppFixtures.main()
        _ = click("F1", in: &s, row: 23)
        guard case .help? = s.modal else { Issue.record("F1 pressed: no help"); return }
        _ = click("Esc", in: &s, row: 23)                 // the help window's own key bar
        #expect(s.modal == nil)
        _ = click("Menu", in: &s, row: 23, offset: 2)     // on the label, not the key
        #expect(s.menu.open == 0)
        _ = s.update(.key(.escape))
        #expect(click("Setup", in: &s, row: 23) == [.prepareSettings])
        #expect(s.update(.key(.click(x: 79, y: 23))).isEmpty, "after the last key: nothing")
    }

    @Test func menusOpenAndRunByTheMouseAndCloseOnAPressElsewhere() {
        var s = AppFixtures.main()
        _ = click("Settings", in: &s, row: 0)
        #expect(s.menu.open == 1)
        _ = click("Exchange log", in: &s)
        guard case .log? = s.modal else { Issue.record("menu item pressed: no log window"); return }
        #expect(s.menu.open == nil)
        _ = s.update(.key(.escape))
        _ = click("System", in: &s, row: 0)
        #expect(s.menu.open == 0)
        _ = s.update(.key(.click(x: 60, y: 15)))
        #expect(s.menu.open == nil, "a press outside closes the menu")
    }

    @Test func aTreeRowIsSelectedThenOpenedAndTheWorkAreaTakesTheFocus() {
        var s = AppFixtures.main()
        s.focus = .tree
        _ = click("Clock", in: &s)
        #expect(s.page == .clock && s.tree.selected == ParameterPage.clock.rawValue && s.focus == .tree)
        _ = click("Clock", in: &s)
        #expect(s.focus == .work, "a second press opens the page, as Enter")
        _ = click("Information", in: &s)
        #expect(s.page == .info && s.focus == .tree)
        s.focus = .tree
        _ = s.update(.key(.click(x: 50, y: 5)))
        #expect(s.focus == .work)
    }

    @Test func onTheLoginScreenOnlyTheKeyBarAnswers() {
        var s = AppFixtures.state()
        #expect(s.update(.key(.click(x: 40, y: 10))).isEmpty)
        #expect(click("F10", in: &s, row: 23) == [.quit])
    }

    @Test func keyNames() {
        #expect(AppState.key(named: "F10") == .function(10))
        #expect(AppState.key(named: "Ins/F7") == .insert)
        #expect(AppState.key(named: "Esc") == .escape)
        #expect(AppState.key(named: "\u{41F}\u{440}\u{43E}\u{431}\u{435}\u{43B}") == .character(" "))
        #expect(AppState.key(named: "F99") == nil && AppState.key(named: "\u{2191}\u{2193}") == nil)
    }
}
