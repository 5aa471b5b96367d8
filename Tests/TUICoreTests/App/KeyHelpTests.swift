import Testing
@testable import TUICore

/// Issue 18 item 6: F1 lists every key of the page in view from the page's own key
/// table; every key its key bar shows is in that table, on every page.
@Suite struct KeyHelpTests {
    @Test(arguments: ParameterPage.allCases)
    func theHelpOfEachPageHoldsItsKeyBar(_ page: ParameterPage) {
        var s = AppFixtures.main()
        s.page = page
        s.tree.selected = page.rawValue
        _ = s.update(.connected("demo"))
        guard let work = s.pages.page(page) else { Issue.record("no page \(page)"); return }
        // Whole key names ("F1" is not found inside "F10"): the help's keys split at
        // spaces and slashes ("F6 Enter", "Ins/F7").
        func names(_ key: String) -> [Substring] { key.split(whereSeparator: { $0 == " " || $0 == "/" }) }
        let help = Set(work.keyHelp(s.pageContext).flatMap { names($0.key) })
        for item in work.keyBar(s.pageContext) {
            #expect(names(item.key).allSatisfy(help.contains), "\(page): \(item.key) of the key bar is not in F1")
        }
        #expect(!work.keyHelp(s.pageContext).isEmpty, "\(page): F1 lists no key of its own")
    }

    @Test func theClockPagesHelpNamesItsFieldsAndTheWrite() {
        var s = AppFixtures.main(.en, width: 80, height: 40)
        s.page = .clock
        s.tree.selected = ParameterPage.clock.rawValue
        _ = s.update(.key(.function(1)))
        let screen = s.render(DrawContext(strings: s.strings)).lines.joined(separator: "\n")
        #expect(screen.contains("the new time, the zone or «Set to the PC's time»"), "\(screen)")
        #expect(screen.contains("write what is in focus"))
    }

    /// The help's last inner column is the ↑/↓ marks' alone: no text runs under them.
    @Test(arguments: [UILanguage.en, .ru], ParameterPage.allCases)
    func theScrollMarksNeverCoverText(_ language: UILanguage, _ page: ParameterPage) {
        var s = AppFixtures.main(language)
        s.page = page
        s.tree.selected = page.rawValue
        _ = s.update(.key(.function(1)))
        for _ in 0..<3 {
            let screen = s.render(DrawContext(strings: s.strings))
            for y in 2..<(screen.height - 2) {
                let mark = screen[screen.width - 2, y].text
                #expect([" ", "\u{2191}", "\u{2193}"].contains(mark), "\(page) row \(y): \(screen.lines[y])")
            }
            _ = s.update(.key(.pageDown))
        }
    }
}
