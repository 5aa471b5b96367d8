import Testing
@testable import TUICore

/// Issue 14 on the screen: text from the device goes into cells as visible escapes, so
/// the terminal shows an attack instead of obeying it, and widths agree with what is drawn.
@Suite struct OutsideTextOnScreenTests {
    /// No cell may hold a scalar a terminal would obey.
    static func cellsAreSafe(_ b: ScreenBuffer) -> Bool {
        for y in 0..<b.height {
            for x in 0..<b.width where b[x, y].text.unicodeScalars.contains(where: {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x2028...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            }) { return false }
        }
        return true
    }

    @Test func terminalAttacksAreShownAsEscapes() {
        let attack = "\u{1b}[2J" + "\u{1b}]52;c;ZWNobw==\u{7}" + "\u{9b}31m" + "\u{1b}[?1049l" + "\u{7}"
        var b = ScreenBuffer(width: 64, height: 1)
        let used = b.write("S/N " + attack, x: 0, y: 0)
        let shown = #"S/N \x1b[2J\x1b]52;c;ZWNobw==\x07\x9b31m\x1b[?1049l\x07"#
        #expect(b.lines == [shown + String(repeating: " ", count: 64 - shown.count)])
        #expect(used == shown.count)
        #expect(DisplayWidth.of("S/N " + attack) == used)
        #expect(Self.cellsAreSafe(b))
        // One character per cell: `\`, `x`, `1`, `b`.
        #expect(b[4, 0].text == "\\" && b[5, 0].text == "x" && b[6, 0].text == "1" && b[7, 0].text == "b")
    }

    @Test func lineBreaksTabsAndBidiControlsAreShownToo() {
        var b = ScreenBuffer(width: 40, height: 1)
        b.write("a\nb\tc\r\nd\u{202e}e\u{2028}", x: 0, y: 0)
        #expect(b.lines[0].hasPrefix(#"a\x0ab\x09c\x0d\x0ad\u{202e}e\u{2028}"#))
        #expect(Self.cellsAreSafe(b))
    }

    @Test func anEscapeIsDrawnWholeOrNotAtAll() {
        var b = ScreenBuffer(width: 10, height: 1)
        #expect(b.write("abcd\u{1b}[2J", x: 0, y: 0, maxWidth: 7) == 4)
        #expect(b.lines == ["abcd      "])
        #expect(b.write("ab\u{1b}", x: 0, y: 0, maxWidth: 6) == 6)
        #expect(b.lines == [#"ab\x1b    "#])
        // Off the left edge: only what is on screen is drawn.
        var c = ScreenBuffer(width: 4, height: 1)
        #expect(c.write("\u{1b}z", x: -2, y: 0) == 5)
        #expect(c.lines == ["1bz "])
        #expect(Self.cellsAreSafe(c))
    }

    @Test func widthsCountTheEscapes() {
        #expect(DisplayWidth.of(Character("\u{1b}")) == 4)
        #expect(DisplayWidth.of(Character("\r\n")) == 8)
        #expect(DisplayWidth.of(Character("\u{202e}")) == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("\u{200b}")) == 0)
        // Fitting a column keeps an escape whole; writing the fitted text fills it exactly.
        let fitted = DisplayWidth.fit("ab\u{1b}[2J", columns: 5)
        #expect(fitted == "ab   ")
        #expect(DisplayWidth.fit("ab\u{1b}[2J", columns: 9) == "ab\u{1b}[2J")
        var b = ScreenBuffer(width: 9, height: 1)
        #expect(b.write(DisplayWidth.fit("ab\u{1b}[2J", columns: 9), x: 0, y: 0) == 9)
        #expect(b.lines == [#"ab\x1b[2J"#])
    }
}
