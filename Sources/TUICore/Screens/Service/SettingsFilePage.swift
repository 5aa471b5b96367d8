import Foundation

/// The settings file (SPEC F-60; `hlmcs settings`): export the device's writable settings
/// to a `.set` file (default `settings-<date>.set`), or import one — Enter on the import
/// path (or F5) shows every change old → new and writes nothing; F6 writes them after a
/// confirmation, one value at a time, stopping at the first the device refuses. A broken
/// file is refused whole with the line at fault. Up/Down move between the two paths.
public struct SettingsFilePage: WorkPage {
    enum Field: Int, CaseIterable, Sendable { case export, `import` }

    enum Mark: Equatable, Sendable { case written, refused(String) }

    var exportPath = TextFieldState()
    /// False until the export field is edited: it shows the default name, which a typed
    /// character replaces (issue 18 item 3) and Enter uses.
    var exportTouched = false
    var importPath = TextFieldState()
    var focus: Field = .export
    var problems: [Field: String] = [:]
    /// The changes of the file last previewed, and the path they came from.
    public internal(set) var preview: [SettingsChangeLine]?
    var previewPath: String?
    /// After an import: what became of each change, by key.
    var marks: [String: Mark] = [:]
    var note: ServiceNote?
    var confirmation: PendingConfirmation?
    var pending: PageRequest?
    /// Whether the user may use settings files (as of the last key or result).
    var mayUse = true

    public init() {}

    public var wantsEscape: Bool { confirmation != nil }
    public var usesTab: Bool { confirmation != nil }
    public var hasTextFocus: Bool { mayUse && confirmation == nil }

    static func defaultFileName(_ now: Date) -> String { "settings-\(ServiceText.day(now)).set" }

    mutating func prepare(_ context: PageContext) {
        mayUse = context.may(.settingsFile)
    }

    /// The export path as shown and used: the default name until the field is edited.
    func exportShown(_ now: Date) -> TextFieldState {
        exportTouched ? exportPath : TextFieldState(text: Self.defaultFileName(now))
    }

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        prepare(context)
        guard context.may(.settingsFile) else { note = ServiceNote(text: context.strings["service.notAllowed"], isError: true); return [] }
        focus = .import
        return previewRequest(context)
    }

    mutating func previewRequest(_ context: PageContext) -> [PageRequest] {
        if let key = ServiceText.pathProblem(importPath.text) { problems[.import] = key; return [] }
        note = nil
        marks = [:]
        pending = .previewSettings(path: importPath.text)
        return [.previewSettings(path: importPath.text)]
    }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        prepare(context)
        let s = context.strings
        if var dialog = confirmation {
            switch dialog.handle(key) {
            case nil: confirmation = dialog; return []
            case .cancelled?: confirmation = nil; return []
            case .confirmed(let request)?:
                confirmation = nil
                pending = request
                note = nil
                return [request]
            }
        }
        guard mayUse else { note = ServiceNote(text: s["service.notAllowed"], isError: true); return [] }
        switch key {
        case .up, .down: focus = focus == .export ? .import : .export; return []
        case .function(6): askImport(context); return []
        case .enter:
            guard context.may(.settingsFile) else { note = ServiceNote(text: s["service.notAllowed"], isError: true); return [] }
            if focus == .import { return previewRequest(context) }
            let path = exportShown(context.now).text
            if let key = ServiceText.pathProblem(path) { problems[.export] = key; return [] }
            note = nil
            pending = .exportSettings(path: path)
            return [.exportSettings(path: path)]
        default: break
        }
        switch focus {
        case .export:
            if !exportTouched {
                // A typed character starts a new name; any other edit starts from the default.
                if case .character = key { exportPath = TextFieldState() } else { exportPath = exportShown(context.now) }
                exportTouched = true
            }
            if exportPath.handle(key) { problems[.export] = ServiceText.pathProblem(exportPath.text) }
        case .import:
            if importPath.handle(key) {
                problems[.import] = ServiceText.pathProblem(importPath.text)
                // Another file: its changes are not known yet.
                if importPath.text != previewPath { preview = nil; marks = [:] }
            }
        }
        return []
    }

    /// F6: the changes once more in a dialog; the write goes only after Enter on Write.
    mutating func askImport(_ context: PageContext) {
        let s = context.strings
        guard context.may(.settingsFile), context.may(.write) else { note = ServiceNote(text: s["service.notAllowed"], isError: true); return }
        guard let preview, let path = previewPath, path == importPath.text else {
            note = ServiceNote(text: s["service.settings.previewFirst"], isError: true)
            return
        }
        guard !preview.isEmpty else { note = ServiceNote(text: s["service.settings.nothing"], isError: false); return }
        var lines = preview.prefix(6).map { "\($0.key): \($0.old) → \($0.new)" }
        if preview.count > 6 { lines.append(s["service.settings.more", String(preview.count - 6)]) }
        lines.append(s["service.settings.confirmLine", String(preview.count)])
        confirmation = PendingConfirmation(titleKey: "service.settings.confirmTitle", lines: lines, request: .importSettings(path: path))
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        let s = context.strings
        mayUse = context.may(.settingsFile)
        switch result {
        case .exported(let path, let count):
            note = ServiceNote(text: s["service.settings.exported", String(count), path], isError: false)
        case .settingsPreview(let lines):
            preview = lines
            previewPath = importPath.text
            marks = [:]
            note = lines.isEmpty ? ServiceNote(text: s["service.settings.nothing"], isError: false) : nil
        case .written(let writes):
            for w in writes {
                switch w.outcome {
                case .accepted: marks[w.field] = .written
                case .refused(let why): marks[w.field] = .refused(why)
                case .notTaken(let back): marks[w.field] = .refused(s["service.readsBack", back])
                }
            }
            let bad = writes.filter { $0.outcome != .accepted }
            if let first = bad.first, case .refused(let why) = first.outcome {
                let notWritten = bad.dropFirst().map(\.field).joined(separator: ", ")
                note = ServiceNote(text: s["service.settings.partly", first.field, why, notWritten.isEmpty ? "—" : notWritten], isError: true)
            } else if let first = bad.first, case .notTaken(let back) = first.outcome {
                note = ServiceNote(text: s["service.settings.partly", first.field, s["service.readsBack", back], "—"], isError: true)
            } else if writes.isEmpty {
                note = ServiceNote(text: s["service.settings.nothing"], isError: false)
            } else {
                note = ServiceNote(text: s["service.settings.imported", String(writes.count)], isError: false)
            }
            // The device has changed: another write needs another preview.
            previewPath = nil
        case .failed(let failure):
            if case .previewSettings? = pending { preview = nil }
            note = ServiceNote(text: failure.text, isError: true)
        case .stopped:
            note = ServiceNote(text: s["service.stopped"], isError: true)
        default: break
        }
        pending = nil
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("\u{2191}\u{2193}", s["help.page.exportOrImport"]), KeyBar.Item("Enter", s["help.page.exportOrPreview"]),
                KeyBar.Item("F6", s["help.page.importPreviewed"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if confirmation != nil { return [KeyBar.Item("Esc", s["common.cancel"])] }
        guard context.may(.settingsFile) else { return [] }
        var items = [KeyBar.Item("Enter", s[focus == .export ? "service.key.export" : "service.key.preview"])]
        if context.may(.write), preview?.isEmpty == false, previewPath == importPath.text { items.append(KeyBar.Item("F6", s["service.key.write"])) }
        return items
    }

    func labelWidth(_ s: UIStrings) -> Int {
        max(DisplayWidth.of(s["service.settings.exportTo"]), DisplayWidth.of(s["service.settings.importFrom"]))
    }

    /// `now` names the default export file (any date gives the cursor: the name's length
    /// does not change).
    func field(_ f: Field, _ s: UIStrings, focused: Bool, now: Date = Date(timeIntervalSince1970: 0)) -> TextField {
        let w = labelWidth(s)
        switch f {
        case .export: return TextField(label: DisplayWidth.fit(s["service.settings.exportTo"], columns: w), state: exportShown(now), focused: focused && focus == .export)
        case .import: return TextField(label: DisplayWidth.fit(s["service.settings.importFrom"], columns: w), state: importPath, focused: focused && focus == .import)
        }
    }

    static func row(_ f: Field) -> Int { f == .export ? 0 : 2 }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        guard page.may(.settingsFile) else {
            ServiceText.hint(s["service.notAllowed"], at: area.y, in: area, into: &buffer)
            return
        }
        for f in Field.allCases {
            let problem = problems[f].map { s[$0] }
            let hint = f == .import && importPath.text.isEmpty ? s["service.settings.importHint"] : nil
            LabelledLines.field(field(f, s, focused: focused, now: page.now), problem: problem, hint: hint, y: area.y + Self.row(f), in: area, into: &buffer)
        }
        var y = area.y + 4
        if let note { y = note.render(at: y, in: area, into: &buffer) }
        if let preview, !preview.isEmpty, y < area.maxY {
            buffer.write(s["service.settings.changes", String(preview.count)], x: area.x, y: y, style: Style(bold: true), maxWidth: area.width)
            y += 1
            for line in preview where y < area.maxY {
                var text = "\(line.key): \(line.old) → \(line.new)"
                var style = Style.plain
                switch marks[line.key] {
                case .written?: text = "✓ " + text; style = Style(foreground: .green)
                case .refused(let why)?: text = "✗ " + text + " (\(why))"; style = Style(foreground: .red)
                case nil: text = "  " + text
                }
                buffer.write(text, x: area.x, y: y, style: style, maxWidth: area.width)
                y += 1
            }
        } else if note == nil {
            ServiceText.hint(s["service.settings.hint"], at: y, in: area, into: &buffer)
        }
        confirmation?.render(in: area, into: &buffer, context: context)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard hasTextFocus else { return nil }
        let r = Rect(x: area.x, y: area.y + Self.row(focus), width: area.width, height: 2).intersection(area)
        guard !r.isEmpty else { return nil }
        return field(focus, context.strings, focused: true).cursorPosition(in: r)
    }
}
