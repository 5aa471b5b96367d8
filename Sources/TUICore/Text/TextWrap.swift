/// Text broken at spaces into lines of at most a given number of terminal columns, for
/// every message too long for one line (the status line, dialogs, hints): written once
/// here, so no message is cut at 80 columns and the pages wrap alike.
///
/// ```swift
/// TextWrap.lines("Writing needs an LLS connection: choose LLS and the password", width: 30)
/// // ["Writing needs an LLS", "connection: choose LLS and the", "password"]
/// ```
public enum TextWrap {
    /// - Parameters:
    ///   - indent: put before every line after the first.
    ///   - keepSpaces: runs of spaces are kept (for aligned text) instead of folded.
    /// - Returns: the lines; a word longer than `width` is cut to it.
    public static func lines(_ text: String, width: Int, indent: String = "", keepSpaces: Bool = false) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: !keepSpaces).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width || line.isEmpty {
                line = DisplayWidth.prefix(candidate, columns: width)
            } else {
                lines.append(line)
                line = DisplayWidth.prefix(indent + word, columns: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
