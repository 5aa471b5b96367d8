import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prompts on the terminal; lines from standard input when it is not one.
enum Terminal {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// One line of standard input without its line end; nil at end of input.
    static func readLine(prompt: String?) -> String? {
        readLineBytes(prompt: prompt).map { String(decoding: $0, as: UTF8.self) }
    }

    /// One line of standard input as bytes, without its line end (`\n`, `\r\n`); nil at
    /// end of input. For passwords: `Swift.readLine` would turn bytes that are not UTF-8
    /// into U+FFFD, and two different byte strings would become one password.
    static func readLineBytes(prompt: String?) -> [UInt8]? {
        if let prompt { Output.prompt(prompt) }
        // A byte at a time from the descriptor: nothing read past the line is kept in a
        // buffer another reader would miss (lines here are a name or a password).
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var sawAny = false
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            guard n == 1 else { break }
            sawAny = true
            if byte == 0x0A { break }
            bytes.append(byte)
        }
        guard sawAny else { return nil }
        if bytes.last == 0x0D { bytes.removeLast() }
        return bytes
    }

    /// A password typed without echo, as bytes (see ``readLineBytes(prompt:)``).
    static func readSecretBytes(prompt: String) -> [UInt8]? {
        withoutEcho { readLineBytes(prompt: prompt) }
    }

    /// An environment variable's bytes as they are (no decoding).
    static func environmentBytes(_ name: String) -> [UInt8]? {
        guard let value = getenv(name) else { return nil }
        return UnsafeBufferPointer(start: value, count: strlen(value)).map { UInt8(bitPattern: $0) }
    }

    /// One line typed without echo.
    static func readSecret(prompt: String) -> String? {
        withoutEcho { readLine(prompt: prompt) }
    }

    static func withoutEcho<T>(_ body: () -> T) -> T {
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
                Output.prompt("\n")
            }
        }
        return body()
    }
}
