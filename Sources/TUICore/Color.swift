/// The terminal's colours; `.standard` is the terminal's own default.
public enum Color: Hashable, Sendable {
    case standard, black, red, green, yellow, blue, magenta, cyan, white
}
