import Foundation
import Resources

/// The interface languages (SPEC.md F-73).
public enum UILanguage: String, CaseIterable, Sendable, Hashable {
    case ru, en

    /// `--lang` when given, else the locale variables (LC_ALL, LC_MESSAGES, LANG): `ru…`
    /// is Russian, anything else English.
    public static func resolve(_ option: UILanguage?, environment: [String: String]) -> UILanguage {
        if let option { return option }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ru") ? .ru : .en
            }
        }
        return .en
    }
}

/// Every word the terminal UI shows, in one language, from `Resources/ui/*.json`.
///
///     let strings = try UIStrings.bundled(.ru)
///     strings["menu.system"]               // "Система"
///     strings["login.retry", "5"]          // "{1}" replaced by "5"
///
/// A key that no file defines shows as `⟨key⟩`, so a forgotten string is visible on
/// screen and in the snapshot tests (which look for `⟨`).
public struct UIStrings: Sendable {
    public let language: UILanguage
    private let table: [String: String]

    /// - Parameter table: key → text in `language`.
    public init(language: UILanguage, table: [String: String]) {
        self.language = language
        self.table = table
    }

    /// The text of `key` with `{1}`, `{2}`… replaced by `arguments`.
    public subscript(_ key: String, _ arguments: String...) -> String {
        text(key, arguments)
    }

    public func text(_ key: String, _ arguments: [String]) -> String {
        guard var s = table[key] else { return "⟨\(key)⟩" }
        for (i, a) in arguments.enumerated() { s = s.replacingOccurrences(of: "{\(i + 1)}", with: a) }
        return s
    }

    /// The text of `key` with `{1}` and `{2}` the bounds of `range`.
    public subscript(_ key: String, range range: ClosedRange<Int>) -> String {
        text(key, [String(range.lowerBound), String(range.upperBound)])
    }

    /// The text of `key` for a count `n` (the count is `{1}`): `key.one` where the
    /// catalogue has one and `n` is 1 ("1 row", not "1 rows"), else `key`. Russian texts
    /// put the number after a label ("Строк: 1") and need no form of their own.
    public func counted(_ key: String, _ n: Int, _ arguments: String...) -> String {
        text(n == 1 && has(key + ".one") ? key + ".one" : key, [String(n)] + arguments)
    }

    /// Whether some file defines `key`.
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// Every key defined.
    public var keys: [String] { table.keys.sorted() }

    /// Why the bundled strings could not be used.
    public enum LoadError: Error, Equatable, Sendable {
        case missingFolder
        case malformed(file: String)
        /// A key without text in one of the languages.
        case untranslated(file: String, key: String, language: String)
        case duplicate(key: String, files: [String])
    }

    /// Parses the files (`{"key": {"en": "…", "ru": "…"}}` each) for `language`, checking
    /// that every key has both languages and is defined once.
    public static func load(_ language: UILanguage, files: [(name: String, bytes: [UInt8])]) throws(LoadError) -> UIStrings {
        var table: [String: String] = [:]
        var origin: [String: String] = [:]
        for file in files {
            guard let object = try? JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any] else {
                throw .malformed(file: file.name)
            }
            for (key, value) in object {
                guard let texts = value as? [String: String] else { throw .malformed(file: file.name) }
                for lang in UILanguage.allCases where (texts[lang.rawValue] ?? "").isEmpty {
                    throw .untranslated(file: file.name, key: key, language: lang.rawValue)
                }
                if let first = origin[key] { throw .duplicate(key: key, files: [first, file.name]) }
                origin[key] = file.name
                table[key] = texts[language.rawValue]
            }
        }
        return UIStrings(language: language, table: table)
    }

    /// The strings bundled with the program.
    /// Read and parsed once per process for both languages: the terminal UI and the
    /// commands' words (`Strings`) share it.
    public static func bundled(_ language: UILanguage) throws(LoadError) -> UIStrings {
        try bundledCatalogue[language]!.get()
    }

    private static let bundledCatalogue: [UILanguage: Result<UIStrings, LoadError>] = {
        let files: [(name: String, bytes: [UInt8])]
        do { files = try ResourceBundle.interfaceStringFiles() } catch {
            return Dictionary(uniqueKeysWithValues: UILanguage.allCases.map { ($0, .failure(.missingFolder)) })
        }
        return Dictionary(uniqueKeysWithValues: UILanguage.allCases.map { language in
            (language, Result { () throws(LoadError) in try load(language, files: files) })
        })
    }()
}
