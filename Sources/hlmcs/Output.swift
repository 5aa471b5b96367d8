import Foundation
import TextSafety

/// Every byte hlmcs writes to standard output and standard error passes here (issue 14,
/// the one output rule): a control character (C0 but the line's own newline and the
/// columns' tab, DEL, C1) or a bidi/line-separator scalar never reaches the terminal raw,
/// it is shown as its `\x1b`-style escape (``OutsideText``). This is the net under the
/// rule; values from the device, files and other users are also escaped where they are
/// formatted (one value, one line: a newline in a serial number is shown as `\x0a`, not
/// obeyed as a new line).
enum Output {
    /// A line of output proper (data, results) on standard output.
    static func line(_ text: String) {
        write(safe(text, keepingTabs: true) + "\n", to: FileHandle.standardOutput)
    }

    /// A line for the person on standard error (errors, notes, --verbose), each line cut
    /// at ``messageLimit`` characters: a 10 MB line from a file never floods the terminal.
    static func message(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            OutsideText.forTerminal(safe(String(line), keepingTabs: true), limit: messageLimit)
        }
        write(lines.joined(separator: "\n") + "\n", to: FileHandle.standardError)
    }

    /// A progress line rewritten in place on a terminal (`\r` before it, no newline
    /// unless `final`).
    static func progress(_ text: String, final: Bool) {
        write("\r" + safe(text, keepingTabs: false) + (final ? "\n" : ""), to: FileHandle.standardError)
    }

    /// Raw text of our own on standard error (a prompt, a bare newline after one).
    static func prompt(_ text: String) {
        write(safe(text, keepingTabs: false), to: FileHandle.standardError)
    }

    static let messageLimit = 2000

    /// `text` with every unsafe scalar escaped but the newline (and the tab, for
    /// tab-separated columns).
    static func safe(_ text: String, keepingTabs: Bool) -> String {
        guard OutsideText.containsUnsafe(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || (keepingTabs && scalar == "\t") {
                out.unicodeScalars.append(scalar)
            } else if let escape = OutsideText.visibleEscape(scalar) {
                out += escape
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
