import ES951

/// Basic parameters (SPEC F-31; manual В3.2): the serial number and the logical addresses
/// it gives (RS-485, optical); a new serial number, written after a warning that the
/// logical address moves (the connection settings then follow it); the LLS password of the
/// association in use (current, new, confirm — drawn as • only, never in a message).
///
/// Fields (for a user who may write): the new serial number, then the three passwords;
/// Up/Down move (Tab goes back to the tree), F6 writes the part the focus is in (Enter
/// too, on the serial number and on the last password).
public struct BasicPage: WorkPage {
    /// The fields, in focus order.
    enum Field: Int, CaseIterable, Sendable {
        case serial, current, new, confirm

        var labelKey: String { "parameters.basic.field." + String(describing: self) }
    }

    /// The write in flight, to mark its outcome.
    enum Pending: Sendable, Equatable {
        case serial(old: String?, new: String)
        case password
    }

    /// The last values read (serial number and the two logical addresses).
    public internal(set) var info: ConcentratorInfo?
    var texts: [Field: TextFieldState] = [:]
    var problems: [Field: ParameterProblem] = [:]
    var focus: Field = .serial
    var confirmation: PendingConfirmation?
    var pending: Pending?
    /// The outcome of the last write: its text and whether it went wrong.
    var outcome: (text: ParameterProblem, bad: Bool)?
    /// Whether the user may write (from the last context seen; a text field until known).
    var mayWrite = true

    public init() {}

    public var wantsEscape: Bool { confirmation != nil }
    /// Tab leaves the page for the tree, as everywhere; in a dialog it chooses the button.
    public var usesTab: Bool { confirmation != nil }
    public var hasTextFocus: Bool { mayWrite && confirmation == nil }

    func text(_ field: Field) -> String { texts[field]?.text ?? "" }

    /// A new serial number or password typed and not written.
    public var unsavedEdits: Int { Field.allCases.filter { !text($0).isEmpty }.count }

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        mayWrite = context.may(.write)
        return [.readBasic]
    }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        mayWrite = context.may(.write)
        if var dialog = confirmation {
            switch dialog.handle(key) {
            case nil: confirmation = dialog; return []
            case .cancelled?: confirmation = nil; return []
            case .confirmed(let request)?:
                confirmation = nil
                if case .writeSerialNumber(let serial) = request { pending = .serial(old: info?.serialNumber, new: serial) }
                if case .changeLLSPassword = request { pending = .password }
                outcome = nil
                return [request]
            }
        }
        guard mayWrite else { return [] }
        let fields = Field.allCases
        switch key {
        case .tab, .down: focus = fields[(focus.rawValue + 1) % fields.count]; return []
        case .backTab, .up: focus = fields[(focus.rawValue + fields.count - 1) % fields.count]; return []
        case .function(6): return submit(context)
        case .enter:
            if focus == .current || focus == .new { focus = fields[focus.rawValue + 1]; return [] }
            return submit(context)
        case .character(let c):
            let current = text(focus)
            let problem = focus == .serial ? ParameterRules.serialKeyProblem(c, current: current)
                : ParameterRules.passwordKeyProblem(c, current: current)
            if let problem { problems[focus] = problem; return [] }
        default: break
        }
        var state = texts[focus] ?? TextFieldState()
        if state.handle(key, kind: focus == .serial ? .text : .password) {
            texts[focus] = state
            problems[focus] = nil
        }
        return []
    }

    /// F6: the serial number or the password, whichever the focus is in; opens the
    /// confirmation when the values are good.
    mutating func submit(_ context: PageContext) -> [PageRequest] {
        let s = context.strings
        // Said before the confirmation, not after it (issue 18 item 5).
        guard context.lls else {
            problems[focus == .serial ? .serial : .current] = ParameterProblem(key: "status.needsLLS")
            return []
        }
        if focus == .serial {
            let serial = text(.serial)
            if let problem = ParameterRules.serialProblem(serial) { problems[.serial] = problem; return [] }
            guard let info else { problems[.serial] = ParameterProblem(key: "parameters.basic.readFirst"); return [] }
            if serial == info.serialNumber {
                problems[.serial] = ParameterProblem(key: "parameters.error.serialSame")
                return []
            }
            let newAddress = logicalAddress(serial: serial).map(String.init) ?? "?"
            let oldAddress = (info.logicalAddressRS485 ?? info.serialNumber.flatMap { logicalAddress(serial: $0) })
                .map(String.init) ?? "?"
            confirmation = PendingConfirmation(
                titleKey: "parameters.basic.confirmSerial",
                lines: [s["parameters.basic.serialChange", info.serialNumber ?? "?", serial],
                        s["parameters.basic.addressChange", oldAddress, newAddress],
                        s["parameters.basic.addressFollows"]],
                request: .writeSerialNumber(serial))
            return []
        }
        let current = text(.current), new = text(.new), confirm = text(.confirm)
        problems = [:]
        if current.isEmpty { problems[.current] = ParameterProblem(key: "parameters.error.passwordEmpty"); focus = .current; return [] }
        if new.isEmpty { problems[.new] = ParameterProblem(key: "parameters.error.passwordEmpty"); focus = .new; return [] }
        if confirm != new { problems[.confirm] = ParameterProblem(key: "parameters.error.passwordsDiffer"); focus = .confirm; return [] }
        if new == current { problems[.new] = ParameterProblem(key: "parameters.error.passwordSame"); focus = .new; return [] }
        confirmation = PendingConfirmation(titleKey: "parameters.basic.confirmPassword",
                                           lines: [s["parameters.basic.passwordChange1"], s["parameters.basic.passwordChange2"]],
                                           request: .changeLLSPassword(current: current, new: new))
        return []
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        mayWrite = context.may(.write)
        switch result {
        case .basic(let read):
            info = read
        case .written(let writes):
            switch pending {
            case .serial(_, let new)?:
                let w = writes.first
                if w?.outcome == .accepted {
                    info?.serialNumber = new
                    texts[.serial] = nil
                    outcome = (ParameterProblem(key: "parameters.basic.serialWritten",
                                                arguments: [logicalAddress(serial: new).map(String.init) ?? "?"]), false)
                } else {
                    let why = w.flatMap { ParameterText.notTaken($0.outcome, context.strings) } ?? ""
                    outcome = (ParameterProblem(key: "parameters.basic.serialNotTaken", arguments: [why]), true)
                }
            case .password?:
                clearPasswords()
                if writes.first?.outcome == .accepted {
                    outcome = (ParameterProblem(key: "parameters.basic.passwordWritten"), false)
                } else {
                    let why = writes.first.flatMap { ParameterText.notTaken($0.outcome, context.strings) } ?? ""
                    outcome = (ParameterProblem(key: "parameters.basic.passwordNotTaken", arguments: [why]), true)
                }
            case nil: break
            }
            pending = nil
        case .failed, .stopped:
            if pending == .password { clearPasswords() }
            pending = nil
        default: break
        }
    }

    /// Passwords are kept no longer than a write needs them.
    mutating func clearPasswords() {
        for f in [Field.current, .new, .confirm] { texts[f] = nil; problems[f] = nil }
        if focus != .serial { focus = .current }
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("F5", s["help.page.readAgain"])]
        guard context.may(.write) else { return items }
        items += [KeyBar.Item("\u{2191}\u{2193} Tab", s["help.page.fields"]), KeyBar.Item("Enter", s["help.page.nextOrWrite"]),
                  KeyBar.Item("F6", s["help.page.writeFocused"])]
        return items
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        if confirmation != nil { return [KeyBar.Item("Esc", s["common.cancel"])] }
        guard context.may(.write) else { return [] }
        return [KeyBar.Item("F6", s["parameters.key.write"])]
    }

    func labelWidth(_ s: UIStrings, area: Rect) -> Int {
        let labels = ["parameters.basic.serial", "parameters.basic.addressRS485", "parameters.basic.addressOptical"]
            .map { s[$0] } + Field.allCases.map { s[$0.labelKey] }
        return min((labels.map(DisplayWidth.of).max() ?? 0) + 1, max(8, area.width / 2))
    }

    func textField(_ field: Field, _ s: UIStrings, labelWidth: Int, focused: Bool) -> TextField {
        TextField(label: DisplayWidth.fit(s[field.labelKey], columns: max(0, labelWidth - 2)),
                  kind: field == .serial ? .text : .password,
                  state: texts[field] ?? TextFieldState(), focused: focused && field == focus)
    }

    /// The row of each field (two lines each).
    static func row(_ field: Field) -> Int {
        switch field {
        case .serial: 4
        case .current: 7
        case .new: 9
        case .confirm: 11
        }
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        let w = labelWidth(s, area: area)
        let none = info == nil ? "" : s["parameters.refused"]
        let values: [(String, String?)] = [
            ("parameters.basic.serial", info?.serialNumber),
            ("parameters.basic.addressRS485", info?.logicalAddressRS485.map(String.init)),
            ("parameters.basic.addressOptical", info?.logicalAddressOptical.map(String.init)),
        ]
        for (i, (key, value)) in values.enumerated() {
            LabelledLines.draw(s[key], value ?? none, labelWidth: w, y: area.y + i, in: area, into: &buffer,
                               valueStyle: value == nil ? Style(foreground: .red, dim: true) : Style(bold: true))
        }
        if let outcome {
            buffer.write(outcome.text.text(s), x: area.x, y: area.y + 3,
                         style: outcome.bad ? Style(foreground: .red) : Style(foreground: .green), maxWidth: area.width)
        } else if info == nil {
            buffer.write(s["parameters.hint.read"], x: area.x, y: area.y + 3, style: Style(dim: true), maxWidth: area.width)
        }
        guard page.may(.write) else {
            for (i, line) in ParameterText.wrap(s["parameters.basic.readOnly"], width: area.width).enumerated() {
                buffer.write(line, x: area.x, y: area.y + 5 + i, style: Style(dim: true), maxWidth: area.width)
            }
            return
        }
        let serial = text(.serial)
        let hint = serial.isEmpty ? s["parameters.basic.serialHint"]
            : logicalAddress(serial: serial).map { s["parameters.basic.newAddress", String($0)] }
        // The label column of the fields is the values' label column ("Label: [" lines up
        // with the values when the label is padded two columns short).
        let fieldWidth = w + 1
        LabelledLines.field(textField(.serial, s, labelWidth: fieldWidth, focused: focused),
                            problem: problems[.serial]?.text(s), hint: hint, y: area.y + Self.row(.serial), in: area, into: &buffer)
        if area.y + 6 < area.maxY {
            buffer.write(s["parameters.basic.passwordTitle"], x: area.x, y: area.y + 6, style: Style(bold: true), maxWidth: area.width)
        }
        for field in [Field.current, .new, .confirm] {
            LabelledLines.field(textField(field, s, labelWidth: fieldWidth, focused: focused),
                                problem: problems[field]?.text(s), hint: nil, y: area.y + Self.row(field), in: area, into: &buffer)
        }
        confirmation?.render(in: area, into: &buffer, context: context)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard mayWrite, confirmation == nil else { return nil }
        let w = labelWidth(context.strings, area: area) + 1
        let r = Rect(x: area.x, y: area.y + Self.row(focus), width: area.width, height: 2).intersection(area)
        guard !r.isEmpty else { return nil }
        return textField(focus, context.strings, labelWidth: w, focused: true).cursorPosition(in: r)
    }
}
