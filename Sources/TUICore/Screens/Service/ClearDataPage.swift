/// Clear data (SPEC F-61; `hlmcs clear`): the events, the profiles or the meter list, of
/// one metering point or of all. F6 asks for the word `CLEAR` (`ОЧИСТИТЬ`) typed in a
/// dialog before anything is cleared. For a user with the `clear` permission only (the
/// tree leaves the page out for others, and the runtime refuses anyway). Up/Down move
/// between the fields, Left/Right/Space change a choice.
public struct ClearDataPage: WorkPage {
    enum Field: Int, CaseIterable, Sendable { case what, scope, point }

    var what: ClearChoice = .events
    var allPoints = true
    var point = TextFieldState()
    var focus: Field = .what
    var problem: String?
    /// The typed-confirmation dialog, open.
    var dialog: DialogState?
    var mismatch = false
    var note: ServiceNote?
    var pending: (ClearChoice, Int?)?

    public init() {}

    public var wantsEscape: Bool { dialog != nil }
    public var usesTab: Bool { dialog != nil }
    public var hasTextFocus: Bool { dialog != nil || focus == .point }

    static let pointRange = 1...65535

    var fields: [Field] { allPoints ? [.what, .scope] : Field.allCases }

    /// The point typed, or nil with the problem's key.
    func typedPoint() -> Result<Int, ServiceProblem> {
        guard !point.text.isEmpty else { return .failure(ServiceProblem("service.clear.pointEmpty")) }
        guard let n = Int(point.text), Self.pointRange.contains(n) else { return .failure(ServiceProblem("service.clear.pointRange")) }
        return .success(n)
    }

    public mutating func read(_ context: PageContext) -> [PageRequest] { [] }

    static func word(_ s: UIStrings) -> String { s["service.clear.word"] }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        let s = context.strings
        if var d = dialog { return handleDialog(key, &d, s) }
        guard context.may(.clear) else { return [] }
        switch key {
        case .up:
            let list = fields
            focus = list[((list.firstIndex(of: focus) ?? 0) + list.count - 1) % list.count]
            return []
        case .down:
            let list = fields
            focus = list[((list.firstIndex(of: focus) ?? 0) + 1) % list.count]
            return []
        case .function(6), .enter:
            // Said before the typed word, not after it (issue 18 item 5).
            guard context.lls else { note = ServiceNote(text: context.strings["status.needsLLS"], isError: true); return [] }
            var target: Int?
            if !allPoints {
                switch typedPoint() {
                case .failure(let p): problem = p.key; focus = .point; return []
                case .success(let n): target = n
                }
            }
            pending = (what, target)
            mismatch = false
            dialog = DialogState()
            return []
        default: break
        }
        switch focus {
        case .what:
            let all = ClearChoice.allCases
            let i = all.firstIndex(of: what) ?? 0
            switch key {
            case .left: what = all[(i + all.count - 1) % all.count]
            case .right, .character(" "): what = all[(i + 1) % all.count]
            default: break
            }
        case .scope:
            if key == .left || key == .right || key == .character(" ") { allPoints.toggle(); problem = nil }
        case .point:
            if case .character(let c) = key, !(c.isASCII && c.isNumber) {
                problem = "service.clear.digitsOnly"
                return []
            }
            if point.handle(key) {
                problem = point.text.isEmpty ? nil : { if case .failure(let p) = typedPoint() { p.key } else { nil } }()
            }
        }
        return []
    }

    mutating func handleDialog(_ key: Key, _ d: inout DialogState, _ s: UIStrings) -> [PageRequest] {
        switch key {
        case .escape: dialog = nil; return []
        case .left, .right, .tab, .backTab: d.selectedButton = 1 - d.selectedButton
        case .backspace: if !d.typed.isEmpty { d.typed.removeLast() }; mismatch = false
        case .character(let c): if d.typed.count < 32 { d.typed.append(c) }; mismatch = false
        case .enter:
            guard d.selectedButton == 0 else { dialog = nil; return [] }
            guard d.isConfirmed(Self.word(s)) else { mismatch = true; break }
            dialog = nil
            note = nil
            guard let (choice, target) = pending else { return [] }
            return [.clear(choice, point: target)]
        default: break
        }
        dialog = d
        return []
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        let s = context.strings
        switch result {
        case .written(let writes):
            let what = s["service.clear.what." + (pending?.0 ?? what).rawValue]
            let whose = pending?.1.map { s["service.clear.ofPoint", String($0)] } ?? s["service.clear.ofAll"]
            if let bad = writes.first(where: { $0.outcome != .accepted }) {
                let why: String = switch bad.outcome {
                case .refused(let r): r
                case .notTaken(let back): s["service.readsBack", back]
                case .accepted: ""
                }
                note = ServiceNote(text: s["service.clear.refused", what, whose, why], isError: true)
            } else {
                note = ServiceNote(text: s["service.clear.done", what, whose], isError: false)
            }
        case .failed(let failure): note = ServiceNote(text: failure.text, isError: true)
        case .stopped: note = ServiceNote(text: s["service.stopped"], isError: true)
        default: break
        }
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("\u{2191}\u{2193}", s["help.page.fields"]),
                KeyBar.Item("\u{2190}\u{2192} " + s["help.page.spaceKey"], s["help.page.clearWhat"]),
                KeyBar.Item("F6 Enter", s["help.page.clear"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if dialog != nil { return [KeyBar.Item("Esc", s["common.cancel"])] }
        guard context.may(.clear) else { return [] }
        return [KeyBar.Item("F6", s["service.key.clear"])]
    }

    func labels(_ s: UIStrings) -> (what: String, scope: String, point: String) {
        let keys = ["service.clear.whatLabel", "service.clear.scopeLabel", "service.clear.pointLabel"]
        let w = keys.map { DisplayWidth.of(s[$0]) }.max() ?? 0
        return (DisplayWidth.fit(s[keys[0]], columns: w), DisplayWidth.fit(s[keys[1]], columns: w), DisplayWidth.fit(s[keys[2]], columns: w))
    }

    func pointField(_ s: UIStrings, focused: Bool) -> TextField {
        var f = TextField(label: labels(s).point, kind: .number, state: point, focused: focused && focus == .point)
        f.message = nil
        return f
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        guard page.may(.clear) else {
            ServiceText.hint(s["service.adminOnly"], at: area.y, in: area, into: &buffer)
            return
        }
        let l = labels(s)
        let options = ClearChoice.allCases.map { s["service.clear.what." + $0.rawValue] }
        ChoiceField(label: l.what, options: options, selected: ClearChoice.allCases.firstIndex(of: what) ?? 0,
                    focused: focused && focus == .what).render(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), into: &buffer)
        ChoiceField(label: l.scope, options: [s["service.clear.allPoints"], s["service.clear.onePoint"]], selected: allPoints ? 0 : 1,
                    focused: focused && focus == .scope).render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1).intersection(area), into: &buffer)
        var y = area.y + 3
        if !allPoints {
            LabelledLines.field(pointField(s, focused: focused), problem: problem.map { s[$0] }, hint: nil, y: area.y + 2, in: area, into: &buffer)
            y = area.y + 4
        }
        if let note { y = note.render(at: y, in: area, into: &buffer) }
        // Under the dialog the hint would show through on both sides of it.
        if dialog == nil { ServiceText.hint(s["service.clear.hint"], at: y + 1, in: area, into: &buffer) }
        if let d = dialog, let (choice, target) = pending {
            let whose = target.map { s["service.clear.ofPoint", String($0)] } ?? s["service.clear.ofAll"]
            var message = [s["service.clear.question", s["service.clear.what." + choice.rawValue], whose], s["service.clear.cannotUndo"]]
            if mismatch { message.append(s["service.clear.mismatch"]) }
            Dialog(title: s["service.clear.title"], message: message, buttons: [s["service.clear.button"], s["common.cancel"]],
                   confirmationWord: Self.word(s), confirmationPrompt: s["common.type"], state: d, lines: context.lines)
                .render(in: area, into: &buffer)
        }
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard dialog == nil, focus == .point, !allPoints else { return nil }
        let r = Rect(x: area.x, y: area.y + 2, width: area.width, height: 2).intersection(area)
        guard !r.isEmpty else { return nil }
        return pointField(context.strings, focused: true).cursorPosition(in: r)
    }
}

/// A problem a Service page shows, by its key in `service.json`.
struct ServiceProblem: Error, Equatable, Sendable {
    var key: String
    init(_ key: String) { self.key = key }
}
