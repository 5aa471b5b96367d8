/// Firmware update (SPEC F-62; `hlmcs firmware`): the image file, its identifier (by
/// default the file name without its last extension) and whether to activate it. F6 asks
/// first, then sends the image block by block with the blocks, bytes and time left shown;
/// Esc stops. After a cut or a stop, F5 (or F6 again) resumes: the device keeps the blocks
/// it has, only the missing ones are sent. Afterwards the page shows the new version.
/// For a user with the `firmware` permission only (administrators).
public struct FirmwarePage: WorkPage {
    enum Field: Int, CaseIterable, Sendable { case path, id, activate }

    public enum Phase: Equatable, Sendable {
        case idle
        case sending(FirmwareProgress)
        /// Stopped or cut: the last progress (nil when nothing was sent), and why.
        case cut(FirmwareProgress?, String)
        case done(activated: Bool, version: String?)
    }

    var path = TextFieldState()
    var id = TextFieldState()
    /// True once the user typed an identifier of their own (it no longer follows the file).
    var idEdited = false
    var activate = true
    var focus: Field = .path
    var problems: [Field: String] = [:]
    public internal(set) var phase: Phase = .idle
    var confirmation: PendingConfirmation?

    public init() {}

    public var wantsEscape: Bool { confirmation != nil }
    public var usesTab: Bool { confirmation != nil }
    public var hasTextFocus: Bool { confirmation == nil && focus != .activate }

    /// "es951-2.1.bin" → "es951-2.1": the file name without its folder and last extension.
    static func identifier(fromPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static let maxIdentifier = 64

    /// The problem key of an identifier, or nil: printable ASCII, 1…64 characters.
    static func idProblem(_ text: String) -> String? {
        if text.isEmpty { return "service.firmware.idEmpty" }
        if text.count > maxIdentifier { return "service.firmware.idLong" }
        if !text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) { return "service.firmware.idLatin" }
        return nil
    }

    var request: PageRequest { .transferFirmware(path: path.text, id: id.text, activate: activate) }

    /// F5 resumes a transfer that was stopped or cut.
    public mutating func read(_ context: PageContext) -> [PageRequest] {
        guard context.may(.firmware), case .cut = phase, validate() else { return [] }
        return [request]
    }

    mutating func validate() -> Bool {
        problems[.path] = ServiceText.pathProblem(path.text)
        problems[.id] = Self.idProblem(id.text)
        if let bad = Field.allCases.first(where: { problems[$0] != nil }) { focus = bad; return false }
        return true
    }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        let s = context.strings
        if var dialog = confirmation {
            switch dialog.handle(key) {
            case nil: confirmation = dialog; return []
            case .cancelled?: confirmation = nil; return []
            case .confirmed(let r)?: confirmation = nil; return [r]
            }
        }
        guard context.may(.firmware) else { return [] }
        if case .sending = phase { return [] }
        switch key {
        case .up: focus = Field(rawValue: (focus.rawValue + 2) % 3)!; return []
        case .down: focus = Field(rawValue: (focus.rawValue + 1) % 3)!; return []
        case .function(6), .enter:
            if key == .enter, focus == .activate { activate.toggle(); return [] }
            guard validate() else { return [] }
            var lines = [s["service.firmware.confirmFile", path.text], s["service.firmware.confirmId", id.text],
                         s[activate ? "service.firmware.confirmActivate" : "service.firmware.confirmNoActivate"]]
            if case .cut = phase { lines.append(s["service.firmware.confirmResume"]) }
            confirmation = PendingConfirmation(titleKey: "service.firmware.confirmTitle", lines: lines, request: request)
            return []
        default: break
        }
        switch focus {
        case .path:
            if path.handle(key) {
                problems[.path] = ServiceText.pathProblem(path.text)
                if !idEdited { id = TextFieldState(text: Self.identifier(fromPath: path.text)); problems[.id] = nil }
                if case .cut = phase { phase = .idle }
            }
        case .id:
            if id.handle(key) {
                idEdited = true
                problems[.id] = id.text.isEmpty ? nil : Self.idProblem(id.text)
                if case .cut = phase { phase = .idle }
            }
        case .activate:
            if key == .character(" ") { activate.toggle() }
        }
        return []
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        let s = context.strings
        switch result {
        case .firmwareProgress(let p): phase = .sending(p)
        case .firmwareDone(let activated, let version): phase = .done(activated: activated, version: version)
        case .failed(let failure): phase = .cut(lastProgress, failure.text)
        case .stopped: phase = .cut(lastProgress, s["service.stopped"])
        default: break
        }
    }

    var lastProgress: FirmwareProgress? {
        switch phase {
        case .sending(let p): p
        case .cut(let p, _): p
        default: nil
        }
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("\u{2191}\u{2193}", s["help.page.fields"]), KeyBar.Item("F6 Enter", s["help.page.sendImage"]),
                KeyBar.Item("Esc", s["help.page.stopTransfer"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if confirmation != nil { return [KeyBar.Item("Esc", s["common.cancel"])] }
        guard context.may(.firmware) else { return [] }
        // Esc (stop) and F5 (here: resume) are the app's keys, already on the bar.
        if case .sending = phase { return [] }
        return [KeyBar.Item("F6", s["service.key.send"])]
    }

    func labelWidth(_ s: UIStrings) -> Int {
        max(DisplayWidth.of(s["service.firmware.file"]), DisplayWidth.of(s["service.firmware.id"]))
    }

    func textField(_ f: Field, _ s: UIStrings, focused: Bool) -> TextField {
        let w = labelWidth(s)
        let label = DisplayWidth.fit(s[f == .path ? "service.firmware.file" : "service.firmware.id"], columns: w)
        return TextField(label: label, state: f == .path ? path : id, focused: focused && focus == f)
    }

    static func row(_ f: Field) -> Int { f.rawValue * 2 }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        guard page.may(.firmware) else {
            ServiceText.hint(s["service.adminOnly"], at: area.y, in: area, into: &buffer)
            return
        }
        for f in [Field.path, .id] {
            let hint = f == .path && path.text.isEmpty ? s["service.firmware.fileHint"] : nil
            LabelledLines.field(textField(f, s, focused: focused), problem: problems[f].map { s[$0] }, hint: hint,
                                y: area.y + Self.row(f), in: area, into: &buffer)
        }
        let boxRow = area.y + Self.row(.activate)
        if boxRow < area.maxY {
            CheckBox(label: s["service.firmware.activate"], checked: activate, focused: focused && focus == .activate)
                .render(in: Rect(x: area.x, y: boxRow, width: area.width, height: 1), into: &buffer)
        }
        var y = boxRow + 2
        switch phase {
        case .idle:
            ServiceText.hint(s["service.firmware.hint"], at: y, in: area, into: &buffer)
        case .sending(let p):
            y = progressLines(p, at: y, area, &buffer, context)
        case .cut(let p, let why):
            if let p { y = progressLines(p, at: y, area, &buffer, context) }
            y = ServiceNote(text: why, isError: true).render(at: y, in: area, into: &buffer)
            ServiceText.hint(s["service.firmware.resumeHint"], at: y, in: area, into: &buffer)
        case .done(let activated, let version):
            let text = s[activated ? "service.firmware.doneActivated" : "service.firmware.doneNotActivated", version ?? "—"]
            _ = ServiceNote(text: text, isError: false).render(at: y, in: area, into: &buffer)
        }
        confirmation?.render(in: area, into: &buffer, context: context)
    }

    /// The bar with bytes and time left, then "Block 12 of 140 (resumed from 40)".
    func progressLines(_ p: FirmwareProgress, at y: Int, _ area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) -> Int {
        let s = context.strings
        guard y < area.maxY else { return y }
        ProgressBar(fraction: p.fraction, done: ServiceText.bytes(p.bytesSent), total: ServiceText.bytes(p.bytesTotal),
                    remaining: p.secondsLeft.map(ServiceText.duration), leftWord: s["service.firmware.left"], ascii: context.ascii,
                    style: Style(foreground: .cyan)).render(in: Rect(x: area.x, y: y, width: area.width, height: 1), into: &buffer)
        guard y + 1 < area.maxY else { return y + 1 }
        var line = s["service.firmware.blocks", String(p.blocksSent), String(p.blocksTotal)]
        if p.resumedFrom > 0 { line += " " + s["service.firmware.resumedFrom", String(p.resumedFrom)] }
        buffer.write(line, x: area.x, y: y + 1, maxWidth: area.width)
        return y + 2
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard hasTextFocus else { return nil }
        let r = Rect(x: area.x, y: area.y + Self.row(focus), width: area.width, height: 2).intersection(area)
        guard !r.isEmpty else { return nil }
        return textField(focus, context.strings, focused: true).cursorPosition(in: r)
    }
}
