import CNcursesw
import TUICore

/// Turns what `get_wch` returns into a `Key`: pure, so it is tested without a terminal.
///
/// `get_wch` returns either a key code (`KEY_CODE_YES`: arrows, F-keys, `KEY_RESIZE`…)
/// or a wide character (letters of any script, and the control characters Enter, Tab,
/// Backspace, Esc, Ctrl-letters arrive as such).
///
///     KeyMapper.map(code: KEY_F0 + 5, isKeyCode: true)   // .function(5)
///     KeyMapper.map(code: 0x0436, isKeyCode: false)      // .character("ж")
public enum KeyMapper {
    /// - Returns: the key, or `nil` for codes the UI has no use for (mouse, unknown keys).
    public static func map(code: Int32, isKeyCode: Bool) -> Key? {
        if isKeyCode {
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_IC: return .insert
            case KEY_DC: return .delete
            case KEY_BACKSPACE: return .backspace
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_RESIZE: return .resize
            default:
                let f0 = cnc_KEY_F(0)
                if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
                return nil
            }
        }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1 ... 26:   // Ctrl-A … Ctrl-Z, apart from those claimed above
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0 ..< 32: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Esc followed by `next`: a digit is that F-key (Esc 1 … Esc 9 = F1 … F9, Esc 0 =
    /// F10, as in mc: for laptops and terminals that keep the F-keys); within the escape
    /// delay, another printable character is Alt+character; otherwise Esc (and `next` is
    /// read again by the caller).
    /// - Returns: the combined key, and whether `next` was consumed.
    public static func afterEscape(_ next: Key?) -> (key: Key, consumedNext: Bool) {
        if let f = functionKey(after: next) { return (f, true) }
        if case .character(let c)? = next { return (.alt(c), true) }
        return (.escape, false)
    }

    /// The F-key Esc then `next` stands for, when `next` is a digit.
    public static func functionKey(after next: Key?) -> Key? {
        guard case .character(let c)? = next, let digit = c.wholeNumberValue, c.isASCII else { return nil }
        return .function(digit == 0 ? 10 : digit)
    }

    /// The characters after Esc of a key sequence the terminal's terminfo entry does not
    /// know, as xterm-like terminals send them whatever TERM says (TERM=vt100 in an xterm
    /// or tmux: F5 arrives as `ESC [ 1 5 ~`): CSI `[` or SS3 `O`, parameters, a final
    /// character. Nil for a sequence it does not know.
    ///
    ///     KeyMapper.sequence("[21~")   // .function(10)
    ///     KeyMapper.sequence("OP")     // .function(1)
    public static func sequence(_ text: String) -> Key? {
        switch text {
        case "[A", "OA": return .up
        case "[B", "OB": return .down
        case "[C", "OC": return .right
        case "[D", "OD": return .left
        case "[H", "OH", "[1~", "[7~": return .home
        case "[F", "OF", "[4~", "[8~": return .end
        case "[2~": return .insert
        case "[3~": return .delete
        case "[5~": return .pageUp
        case "[6~": return .pageDown
        case "[Z": return .backTab
        case "OP", "[11~", "[[A": return .function(1)
        case "OQ", "[12~", "[[B": return .function(2)
        case "OR", "[13~", "[[C": return .function(3)
        case "OS", "[14~", "[[D": return .function(4)
        case "[15~", "[[E": return .function(5)
        case "[17~": return .function(6)
        case "[18~": return .function(7)
        case "[19~": return .function(8)
        case "[20~": return .function(9)
        case "[21~": return .function(10)
        case "[23~": return .function(11)
        case "[24~": return .function(12)
        default: return nil
        }
    }
}
