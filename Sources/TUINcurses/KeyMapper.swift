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

    /// Esc followed, within the escape delay, by `next`: Alt+character when `next` is a
    /// printable character, otherwise Esc (and `next` is read again by the caller).
    /// - Returns: the combined key, and whether `next` was consumed.
    public static func afterEscape(_ next: Key?) -> (key: Key, consumedNext: Bool) {
        if case .character(let c)? = next { return (.alt(c), true) }
        return (.escape, false)
    }
}
