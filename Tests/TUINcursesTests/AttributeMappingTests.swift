import CNcursesw
import Testing
import TUICore
@testable import TUINcurses

@Suite("Style → ncurses attributes and colour pairs")
struct AttributeMappingTests {
    @Test func attributesTable() {
        let bold = cnc_A_BOLD(), reverse = cnc_A_REVERSE(), underline = cnc_A_UNDERLINE(), dim = cnc_A_DIM()
        // The four attributes are distinct single bits (ncurses 6.4: 1<<21, 1<<18, 1<<17, 1<<20).
        #expect(Set([bold, reverse, underline, dim]).count == 4)
        #expect(bold == 1 << 21 && reverse == 1 << 18 && underline == 1 << 17 && dim == 1 << 20)
        let table: [(Style, attr_t)] = [
            (.plain, 0),
            (Style(bold: true), bold),
            (Style(reverse: true), reverse),
            (Style(underline: true), underline),
            (Style(dim: true), dim),
            (Style(bold: true, reverse: true), bold | reverse),
            (Style(bold: true, reverse: true, underline: true, dim: true), bold | reverse | underline | dim),
            // Colours are not attributes: they travel as the pair.
            (Style(foreground: .red, background: .blue), 0),
        ]
        for (style, expected) in table {
            #expect(AttributeMapping.attributes(for: style) == expected, "\(style)")
        }
    }

    @Test func colourNumbers() {
        let table: [(Color, Int16)] = [(.standard, -1), (.black, 0), (.red, 1), (.green, 2), (.yellow, 3),
                                       (.blue, 4), (.magenta, 5), (.cyan, 6), (.white, 7)]
        for (color, number) in table {
            #expect(AttributeMapping.colorNumber(color) == number, "\(color)")
        }
    }

    @Test func pairsAreAssignedOnFirstUseAndReused() {
        var pairs = ColorPairs(capacity: 64)
        #expect(pairs.pair(foreground: .standard, background: .standard) == (0, false))
        #expect(pairs.pair(foreground: .red, background: .standard) == (1, true))
        #expect(pairs.pair(foreground: .white, background: .blue) == (2, true))
        #expect(pairs.pair(foreground: .red, background: .standard) == (1, false))
        #expect(pairs.colorNumbers(foreground: .red, background: .standard) == (1, -1))
        #expect(pairs.colorNumbers(foreground: .white, background: .blue) == (7, 4))
    }

    @Test func pairsRunningOutFallBackToTheDefaultPair() {
        var pairs = ColorPairs(capacity: 3)   // pairs 1 and 2 only
        #expect(pairs.pair(foreground: .red, background: .black) == (1, true))
        #expect(pairs.pair(foreground: .green, background: .black) == (2, true))
        #expect(pairs.pair(foreground: .blue, background: .black) == (0, false))
        var none = ColorPairs(capacity: 0)    // colours off (NO_COLOR, monochrome)
        #expect(none.pair(foreground: .red, background: .blue) == (0, false))
    }

    @Test func withoutDefaultColoursStandardBecomesWhiteOnBlack() {
        let pairs = ColorPairs(capacity: 64, defaultsSupported: false)
        #expect(pairs.colorNumbers(foreground: .standard, background: .standard) == (7, 0))
        #expect(pairs.colorNumbers(foreground: .red, background: .standard) == (1, 0))
    }
}
