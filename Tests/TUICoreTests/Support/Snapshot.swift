import Foundation
import Testing
import TUICore

/// Screens compared as text with files in `Tests/TUICoreTests/Snapshots/NAME.txt`.
///
/// A missing file is written from the screen and the test fails ("recorded: look at it,
/// then run again"); with `HLMCS_RECORD_SNAPSHOTS=1` every file is rewritten (and the
/// tests fail, so a recording run is never mistaken for a passing one). A screen that
/// shows `⟨key⟩` (a string no `Resources/ui` file defines) fails too.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The screen as text: one line per row, trailing spaces kept, a frame line of `=`
    /// under it so the size shows in a diff.
    static func text(_ buffer: ScreenBuffer) -> String {
        buffer.lines.joined(separator: "\n") + "\n" + String(repeating: "=", count: buffer.width) + "\n"
    }

    static func check(_ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = text(buffer)
        #expect(!actual.contains("⟨"), "a string is missing from Resources/ui:\n\(actual)", sourceLocation: sourceLocation)
        let file = folder.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["HLMCS_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) recorded: look at it, then run again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }

    /// The bundled strings in `language` (the test fails if they do not load).
    static func strings(_ language: UILanguage) -> UIStrings {
        do { return try UIStrings.bundled(language) } catch {
            Issue.record("interface strings do not load: \(error)")
            return UIStrings(language: language, table: [:])
        }
    }

    /// The sizes every screen is checked at (issue 6): 80×24 and 120×36.
    static let sizes: [(width: Int, height: Int)] = [(80, 24), (120, 36)]
}
