import Testing
@testable import TUICore

/// Issue 18: which zone has the focus shows without colour: its title in reverse video.
@Suite struct FocusMarkerTests {
    /// Whether the first cell of `title` on the screen of `s` is in reverse video.
    func titleReversed(_ title: String, _ s: AppState) -> Bool? {
        let screen = s.render(DrawContext(strings: s.strings))
        for y in 0..<screen.height {
            let line = (0..<screen.width).map { screen[$0, y].text }
            let text = line.joined()
            guard let range = text.range(of: title) else { continue }
            let x = text.distance(from: text.startIndex, to: range.lowerBound)
            return screen[x, y].style.reverse
        }
        return nil
    }

    @Test func theFocusedZonesTitleIsReversedAndTheOtherNot() {
        var s = AppFixtures.main()
        s.focus = .tree
        #expect(titleReversed("Parameters", s) == true)
        #expect(titleReversed("Information", s) == false)
        _ = s.update(.key(.tab))
        #expect(s.focus == .work)
        #expect(titleReversed("Parameters", s) == false)
        #expect(titleReversed("Information", s) == true)
    }
}
