import CNcursesw
import TUICore

/// `Style` → ncurses attributes and colours: pure, tested as a table.
public enum AttributeMapping {
    /// Video attributes (`A_BOLD`, `A_REVERSE`, `A_UNDERLINE`, `A_DIM`) of a style, colour
    /// not included (that is the pair, given separately to `setcchar`).
    public static func attributes(for style: Style) -> attr_t {
        var attributes = cnc_A_NORMAL()
        if style.bold { attributes |= cnc_A_BOLD() }
        if style.reverse { attributes |= cnc_A_REVERSE() }
        if style.underline { attributes |= cnc_A_UNDERLINE() }
        if style.dim { attributes |= cnc_A_DIM() }
        return attributes
    }

    /// The ncurses colour number: `-1` is the terminal's own default (`use_default_colors`).
    public static func colorNumber(_ color: Color) -> Int16 {
        switch color {
        case .standard: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }
}

/// Colour pairs handed out on first use: pair 0 is the default pair (standard on
/// standard); the others are numbered 1, 2, … in the order the screen needs them, up to
/// the terminal's `COLOR_PAIRS` (a plain 8-colour terminal may have only 64, fewer than
/// the 81 combinations). When pairs run out, a style falls back to pair 0.
public struct ColorPairs: Sendable {
    public let capacity: Int
    public private(set) var assigned: [PairKey: Int16] = [:]
    /// Colours given in pair 0's place when the terminal cannot keep its defaults.
    public var defaultsSupported: Bool

    public struct PairKey: Hashable, Sendable {
        public var foreground: Color, background: Color
    }

    public init(capacity: Int, defaultsSupported: Bool = true) {
        self.capacity = capacity
        self.defaultsSupported = defaultsSupported
    }

    /// The pair number for a style's colours, and whether it is new (the caller must then
    /// `init_pair` it with `colorNumbers(for:)`).
    public mutating func pair(foreground: Color, background: Color) -> (pair: Int16, isNew: Bool) {
        if foreground == .standard && background == .standard { return (0, false) }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = assigned[key] { return (pair, false) }
        let next = assigned.count + 1
        guard next < capacity, next <= Int(Int16.max) else { return (0, false) }
        assigned[key] = Int16(next)
        return (Int16(next), true)
    }

    /// The colour numbers to give `init_pair`: `-1` where the terminal keeps its default,
    /// or white on black when it cannot.
    public func colorNumbers(foreground: Color, background: Color) -> (foreground: Int16, background: Int16) {
        var fg = AttributeMapping.colorNumber(foreground), bg = AttributeMapping.colorNumber(background)
        if !defaultsSupported {
            if fg < 0 { fg = Int16(COLOR_WHITE) }
            if bg < 0 { bg = Int16(COLOR_BLACK) }
        }
        return (fg, bg)
    }
}
