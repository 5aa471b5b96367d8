import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prompts on the terminal; lines from standard input when it is not one.
enum Terminal {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// One line of standard input without its line end; nil at end of input.
    static func readLine(prompt: String?) -> String? {
        if let prompt { FileHandle.standardError.write(Data(prompt.utf8)) }
        guard var line = Swift.readLine(strippingNewline: true) else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// One line typed without echo.
    static func readSecret(prompt: String) -> String? {
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if haveTerminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        return readLine(prompt: prompt)
    }
}
