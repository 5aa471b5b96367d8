import Testing
@testable import TUICore

@Suite struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("Привет") == 6)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("表") == 2)
        #expect(DisplayWidth.of("表示") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func fitAndPrefix() {
        #expect(DisplayWidth.prefix("表示x", columns: 3) == "表")
        #expect(DisplayWidth.fit("Да", columns: 4, alignment: .right) == "  Да")
        #expect(DisplayWidth.fit("ab", columns: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.fit("Привет", columns: 3) == "При")
    }
}

@Suite struct ScreenBufferTests {
    @Test func writeCyrillic() {
        var b = ScreenBuffer(width: 8, height: 1)
        #expect(b.write("Привет", x: 1, y: 0) == 6)
        #expect(b.lines == [" Привет "])
        #expect(b[1, 0].text == "П")
    }

    @Test func wideTakesTwoCells() {
        var b = ScreenBuffer(width: 6, height: 1)
        #expect(b.write("表a", x: 0, y: 0) == 3)
        #expect(b[0, 0].text == "表")
        #expect(b[1, 0].text == "")
        #expect(b.lines == ["表a   "])
    }

    @Test func wideNotDrawnHalfAtEdge() {
        var b = ScreenBuffer(width: 4, height: 1)
        #expect(b.write("ab表", x: 1, y: 0) == 2)
        #expect(b.lines == [" ab "])
        var c = ScreenBuffer(width: 6, height: 1)
        #expect(c.write("表表", x: 0, y: 0, maxWidth: 3) == 2)
        #expect(c.lines == ["表    "])
    }

    @Test func combiningJoinsPreviousCell() {
        var b = ScreenBuffer(width: 4, height: 1)
        #expect(b.write("e\u{301}x", x: 0, y: 0) == 2)
        #expect(b[0, 0].text == "e\u{301}")
        #expect(b[1, 0].text == "x")
        // A lone combining mark written later joins the cell left of it.
        var c = ScreenBuffer(width: 3, height: 1)
        c.write("a", x: 0, y: 0)
        #expect(c.write("\u{301}", x: 1, y: 0) == 0)
        #expect(c[0, 0].text == "a\u{301}")
        // A control character is drawn as its escape, whole or (at the edge) not at all.
        c.write("b\u{0}", x: 1, y: 0)
        #expect(c.lines == ["a\u{301}b "])
    }

    @Test func clipping() {
        var b = ScreenBuffer(width: 5, height: 2)
        #expect(b.write("Hello world", x: 2, y: 0) == 3)
        #expect(b.write("Мир", x: -1, y: 1) == 3)
        #expect(b.write("zzz", x: 0, y: 5) == 0)
        #expect(b.lines == ["  Hel", "ир   "])
        var c = ScreenBuffer(width: 10, height: 1)
        #expect(c.write("Счётчик", x: 0, y: 0, maxWidth: 4) == 4)
        #expect(c.lines == ["Счёт      "])
    }

    @Test func overwritingHalfOfWideRepairs() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.write("表表", x: 0, y: 0)
        b.write("x", x: 1, y: 0)
        #expect(b.lines == [" x表"])
        b.write("y", x: 2, y: 0)
        #expect(b.lines == [" xy "])
    }

    @Test func styleAndSubscript() {
        var b = ScreenBuffer(width: 3, height: 1)
        let bold = Style(bold: true)
        b.write("ab", x: 0, y: 0, style: bold)
        #expect(b[0, 0] == Cell(text: "a", style: bold))
        #expect(b[2, 0] == .blank)
        #expect(b[9, 9] == .blank)
        b[2, 0] = Cell(text: "c", style: .plain)
        #expect(b.lines == ["abc"])
    }

    @Test func changes() {
        var a = ScreenBuffer(width: 3, height: 2)
        var b = a
        #expect(b.changes(from: a).isEmpty)
        b.write("Я", x: 1, y: 1)
        let ch = b.changes(from: a)
        #expect(ch.count == 1)
        #expect(ch.first?.x == 1 && ch.first?.y == 1 && ch.first?.cell.text == "Я")
        a = ScreenBuffer(width: 2, height: 2)
        #expect(b.changes(from: a).count == 6)
    }
}
