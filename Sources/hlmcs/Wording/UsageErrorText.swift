import Foundation

/// The command-line parser's usage errors in the user's language (SPEC F-73, issue 20
/// item 7). swift-argument-parser words them in English only and keeps its error types
/// internal, so its message is read line by line and each known sentence is put into
/// the catalogue's words (`cli.usage.*`); what is quoted (an option, a value) is kept as
/// typed. A sentence this table does not know stays as the parser wrote it.
///
///     Error: Missing value for '--point <point>'
///     → Ошибка: нет значения для «--point <point>».
enum UsageErrorText {
    /// The language a usage error is shown in: `--lang ru`/`--lang=ru` among the
    /// arguments (the parser failed, so the options were not read), else the locale.
    static func language(_ arguments: [String], environment: [String: String]) -> Language {
        var option: Language?
        for (i, a) in arguments.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count { option = Language(rawValue: arguments[i + 1]) ?? option }
            if a.hasPrefix("--lang=") { option = Language(rawValue: String(a.dropFirst(7))) ?? option }
        }
        return Language.resolve(option, environment: environment)
    }

    /// `message` (the parser's full message) in `strings`' language.
    static func text(_ message: String, _ strings: Strings) -> String {
        guard strings.language == .ru else { return message }
        return message.components(separatedBy: "\n").map { line($0, strings) }.joined(separator: "\n")
    }

    static func line(_ line: String, _ s: Strings) -> String {
        if let rest = line.dropPrefix("Error: ") { return s["cli.usage.error", sentence(rest, s)] }
        if let rest = line.dropPrefix("Help:  ") { return s["cli.usage.help", rest] }
        if let rest = line.dropPrefix("Usage: ") { return s["cli.usage.usage", rest] }
        if let m = line.wholeMatch(of: #/\s\sSee '(.+)' for more information\./#) { return s["cli.usage.see", String(m.1)] }
        return line
    }

    /// One sentence of the parser.
    static func sentence(_ text: String, _ s: Strings) -> String {
        if let m = text.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return s["cli.usage.unknownOptionSuggest", String(m.1), String(m.2)]
        }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'/) { return s["cli.usage.unknownOption", String(m.1)] }
        if let m = text.wholeMatch(of: /Missing value for '(.+)'/) { return s["cli.usage.missingValue", String(m.1)] }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '([^']+)'(.*)/) {
            return s["cli.usage.invalidValue", String(m.1), String(m.2)] + detail(String(m.3), s)
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid\.(.*)/) {
            return s["cli.usage.invalidValueAlone", String(m.1)] + detail(String(m.2), s)
        }
        if let m = text.wholeMatch(of: /Unexpected argument '(.+)'/) { return s["cli.usage.unexpected", String(m.1)] }
        if let m = text.wholeMatch(of: /(\d+) unexpected arguments: '(.+)'/) {
            return s["cli.usage.unexpectedMany", String(m.1), String(m.2)]
        }
        if let m = text.wholeMatch(of: /Missing expected argument '(.+)'/) { return s["cli.usage.missingArgument", String(m.1)] }
        if let m = text.wholeMatch(of: /Missing one of: (.+)/) { return s["cli.usage.missingOneOf", String(m.1)] }
        if let m = text.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            return s["cli.usage.noValue", String(m.1), String(m.2)]
        }
        if let m = text.wholeMatch(of: /Value to be set with (.+) had already been set with (.+)/) {
            return s["cli.usage.duplicate", String(m.1), String(m.2)]
        }
        if text == "Missing required subcommand." { return s["cli.usage.subcommand"] }
        if let m = text.wholeMatch(of: /Invalid option: (.+)/) { return s["cli.usage.unknownOption", String(m.1)] }
        return text
    }

    /// What follows "is invalid for '…'": the values allowed, or the reason.
    static func detail(_ text: String, _ s: Strings) -> String {
        if text.isEmpty { return "." }
        if let m = text.wholeMatch(of: /\. Please provide one of (.+)\./) {
            let values = m.1.replacingOccurrences(of: "' and '", with: "', '")
            return s["cli.usage.oneOf", values]
        }
        return text
    }
}

private extension String {
    func dropPrefix(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}
