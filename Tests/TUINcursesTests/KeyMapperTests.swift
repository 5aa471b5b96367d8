import CNcursesw
import Testing
import TUICore
@testable import TUINcurses

@Suite("KeyMapper: get_wch codes → Key")
struct KeyMapperTests {
    // (code, isKeyCode, expected): values as ncurses 6.4's <ncurses.h> defines them.
    static let keyCodes: [(Int32, Key?)] = [
        (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
        (KEY_IC, .insert), (KEY_DC, .delete), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
        (KEY_BTAB, .backTab), (KEY_RESIZE, .resize),
        (265, .function(1)), (269, .function(5)), (274, .function(10)), (276, .function(12)),
        (KEY_F0, nil), (KEY_MOUSE, nil),
    ]

    @Test("key codes (KEY_CODE_YES)", arguments: 0 ..< keyCodes.count)
    func keyCode(_ index: Int) {
        let (code, expected) = Self.keyCodes[index]
        #expect(KeyMapper.map(code: code, isKeyCode: true) == expected, "code \(code)")
    }

    @Test func functionKeysMatchTheMacro() {
        for n in 1 ... 24 {
            #expect(KeyMapper.map(code: cnc_KEY_F(Int32(n)), isKeyCode: true) == .function(n))
        }
        #expect(cnc_KEY_F(5) == 269)   // TOOLCHAIN.md: F5 = 269 in tmux
    }

    static let characters: [(Int32, Key?)] = [
        (10, .enter), (13, .enter), (9, .tab), (127, .backspace), (8, .backspace), (27, .escape),
        (1, .control("a")), (3, .control("c")), (12, .control("l")), (26, .control("z")),
        (0, nil), (28, nil), (31, nil),
        (32, .character(" ")), (0x71, .character("q")), (0x51, .character("Q")),
        (0x0436, .character("ж")), (0x0416, .character("Ж")), (0x0451, .character("ё")),
        (0x6F22, .character("漢")), (0x1F600, .character("😀")),
        (0xD800, nil),   // a lone surrogate is no character
    ]

    @Test("wide characters (OK)", arguments: 0 ..< characters.count)
    func character(_ index: Int) {
        let (code, expected) = Self.characters[index]
        #expect(KeyMapper.map(code: code, isKeyCode: false) == expected, "code \(code)")
    }

    @Test func keyCodeAndCharacterAreNotConfused() {
        // 259 is KEY_UP as a key code but "ă" (U+0103 is 259) as a character.
        #expect(KeyMapper.map(code: 259, isKeyCode: true) == .up)
        #expect(KeyMapper.map(code: 259, isKeyCode: false) == .character("ă"))
    }

    @Test func escapeThenCharacterIsAlt() {
        #expect(KeyMapper.afterEscape(.character("x")) == (.alt("x"), true))
        #expect(KeyMapper.afterEscape(.character("ж")) == (.alt("ж"), true))
        #expect(KeyMapper.afterEscape(nil) == (.escape, false))
        #expect(KeyMapper.afterEscape(.up) == (.escape, false))
        #expect(KeyMapper.afterEscape(.escape) == (.escape, false))
    }
}

/// Issue 18 items 6 and 9: Esc then a digit is an F-key (Esc 0 = F10) for terminals and
/// laptops that keep F-keys; sequences a TERM's terminfo does not know (vt100 in an
/// xterm) are still keys.
@Suite struct EscapeDigitAndSequenceTests {
    @Test func escThenADigitIsAnFKey() {
        #expect(KeyMapper.afterEscape(.character("0")) == (.function(10), true))
        #expect(KeyMapper.afterEscape(.character("5")) == (.function(5), true))
        #expect(KeyMapper.afterEscape(.character("x")) == (.alt("x"), true))
        #expect(KeyMapper.afterEscape(.up) == (.escape, false))
        #expect(KeyMapper.functionKey(after: .character("٣")) == nil, "only ASCII digits")
    }

    @Test(arguments: [("[21~", Key.function(10)), ("OP", .function(1)), ("[15~", .function(5)), ("[A", .up),
                      ("[6~", .pageDown), ("[Z", .backTab), ("[3~", .delete), ("[99~", nil)] as [(String, Key?)])
    func sequences(_ text: String, _ key: Key?) {
        #expect(KeyMapper.sequence(text) == key)
    }
}

@Suite struct DurationMillisecondsTests {
    @Test func roundedUpAndNeverNegative() {
        #expect(Duration.milliseconds(250).millisecondsUp == 250)
        #expect(Duration.microseconds(1).millisecondsUp == 1)
        #expect(Duration.microseconds(1_500).millisecondsUp == 2)
        #expect(Duration.seconds(2).millisecondsUp == 2000)
        #expect(Duration.zero.millisecondsUp == 0)
        #expect(Duration.milliseconds(-5).millisecondsUp == 0)
    }
}
