import Foundation
import Testing
import TUICore
@testable import hlmcs

/// The words of the program live in one catalogue, `Resources/ui/*.json` (SPEC.md F-73):
/// every key the commands name is in it, in both languages, and no Russian sentence is
/// left in a Swift string literal.
@Suite struct CatalogueTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The key prefixes `Strings` and the TUI runtime use (the files cli.json, errors.json,
    /// accounts-cli.json, settings-file.json, tables.json, tui-runtime.json), and `data.`
    /// for the unit symbols shared with the TUI's Data screens.
    static let prefixes = ["cli", "errors", "accountsCli", "settingsFile", "tables", "runtime", "data"]

    /// Files whose Cyrillic literals are data, not messages to move into the catalogue.
    /// A path ending in `/` covers a folder.
    static let cyrillicAllowed: [String: String] = [
        "Sources/Accounts/Role.swift": "the default role labels, stored in the database and matched on input",
        "Sources/Accounts/UserName.swift": "the first administrator's name «Администратор» and its Cyrillic look-alike letter",
        "Sources/ES951/Models/HeartbeatInterval.swift": "Russian unit words a person may type (1 мин 30 с), matched on input",
        "Sources/hlmcs-bench/": "the benchmark logs in as the default user «Администратор»",
        "Sources/tui-probe/": "demo text for checking Cyrillic on a real terminal",
    ]

    @Test func theCatalogueLoadsInBothLanguages() throws {
        let en = try UIStrings.bundled(.en)
        let ru = try UIStrings.bundled(.ru)
        #expect(en.keys == ru.keys)
        for prefix in Self.prefixes where prefix != "data" {
            #expect(en.keys.contains { $0.hasPrefix(prefix + ".") }, "no key \(prefix).… in the catalogue")
        }
    }

    @Test func everyKeyTheSourcesNameIsInTheCatalogue() throws {
        let en = try UIStrings.bundled(.en)
        let ru = try UIStrings.bundled(.ru)
        let used = try Self.usedKeys()
        #expect(used.count > 300, "found only \(used.count) keys: is the pattern still the one the code uses?")
        let missing = used.keys.sorted().filter { !en.has($0) || !ru.has($0) }
        #expect(missing.isEmpty, "keys not in Resources/ui/*.json: \(missing.map { "\($0) (\(used[$0]!))" })")
    }

    @Test func everyKeyOfTheCommandsIsUsed() throws {
        let en = try UIStrings.bundled(.en)
        let used = try Self.usedKeys()
        let own = Self.prefixes.filter { $0 != "data" }
        let unused = en.keys.filter { key in own.contains { key.hasPrefix($0 + ".") } && used[key] == nil }
        #expect(unused.isEmpty, "keys no Swift source names: \(unused)")
    }

    @Test func aValueIsInsertedOnce() {
        #expect(Strings.fill("{1} and {2}", ["{2}", "b"]) == "{2} and b")
        #expect(Strings.fill("\\u{HHHH} {1}", ["x"]) == "\\u{HHHH} x")
        #expect(Strings(language: .ru)["cli.badPoint", "70000"] == "Неверная точка учёта: 70000 (0…65535).")
        #expect(Strings(language: .en)["no.such.key", "x"] == "⟨no.such.key⟩ x")
    }

    @Test func noRussianIsLeftInSwiftStringLiterals() throws {
        var found: [String] = []
        for file in try Self.swiftFiles(under: "Sources") {
            let relative = String(file.path.dropFirst(Self.package.path.count + 1))
            if Self.cyrillicAllowed.keys.contains(where: { relative == $0 || ($0.hasSuffix("/") && relative.hasPrefix($0)) }) {
                continue
            }
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var inBlockComment = false
            for (number, line) in lines.enumerated() {
                let code = Self.code(of: line, inBlockComment: &inBlockComment)
                if code.unicodeScalars.contains(where: Self.isCyrillic) {
                    found.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "Russian outside the catalogue (move it to Resources/ui/*.json):\n\(found.joined(separator: "\n"))")
    }

    /// Key → the first file naming it, for `["prefix.…"` in the Swift files of Sources/hlmcs.
    static func usedKeys() throws -> [String: String] {
        let pattern = try NSRegularExpression(
            pattern: "\\[\"((?:" + prefixes.joined(separator: "|") + ")\\.[A-Za-z0-9.]+)\"")
        var used: [String: String] = [:]
        for file in try swiftFiles(under: "Sources/hlmcs") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                used[key] = used[key] ?? file.lastPathComponent
            }
        }
        return used
    }

    static func swiftFiles(under folder: String) throws -> [URL] {
        let root = package.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .map { $0.standardizedFileURL }.sorted { $0.path < $1.path }
    }

    /// `line` without its comments: `//` outside a string literal ends the code (so `///`
    /// documentation goes too), and `/* … */` is skipped, across lines.
    static func code(of line: String, inBlockComment: inout Bool) -> String {
        var result = ""
        var inString = false
        var chars = line.makeIterator()
        var previous: Character? = nil
        while let c = chars.next() {
            defer { previous = c }
            if inBlockComment {
                if previous == "*" && c == "/" { inBlockComment = false }
                continue
            }
            if inString {
                result.append(c)
                if c == "\\" { if let escaped = chars.next() { result.append(escaped) }; continue }
                if c == "\"" { inString = false }
                continue
            }
            if c == "/" && previous == "/" { result.removeLast(); break }
            if c == "*" && previous == "/" { result.removeLast(); inBlockComment = true; continue }
            if c == "\"" { inString = true }
            result.append(c)
        }
        return result
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }
}
