/// A page that is one form of a settings group (GPRS, IP): F5 reads (asking first when
/// typed changes would be lost), F6 shows the changes old → new and writes only those,
/// each value's outcome is marked on its row. The pages give their rows, rules and
/// requests; the keys, the dialogs and the drawing are written once, here.
protocol NetworkFormPage: WorkPage {
    associatedtype Row: Hashable & Sendable
    var form: NetworkForm<Row> { get set }
    /// The write the open dialog asks about.
    var pending: PageRequest? { get set }
    /// False for a user who may not write (learnt from the last key or result).
    var editable: Bool { get set }
    /// The read of the group.
    static var readRequest: PageRequest { get }
    /// What is wrong with each value typed (the model's rules).
    func problems() -> [Row: NetworkProblem]
    /// The write of the values typed, and the rows it changes (empty: nothing changed).
    func writeRequest() -> (request: PageRequest, rows: Set<Row>)
    /// Takes a read result of the group; false when `result` is not one.
    mutating func load(_ result: PageResult) -> Bool
    /// The row of a field named in a write's outcome.
    func row(written field: String) -> Row?
    /// The rows that may not be typed now, from the values typed.
    func lockedRows() -> Set<Row>
    /// Something odd about the values typed that does not stop a write, for the last line.
    func warning() -> NetworkProblem?
}

extension NetworkFormPage {
    public func lockedRows() -> Set<Row> { [] }
    public func warning() -> NetworkProblem? { nil }

    /// The values typed that differ from the device's.
    public var unsavedEdits: Int { form.changed.count }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        editable = context.may(.write)
        if form.dialog != nil {
            let dialog = form.dialog
            guard let yes = form.dialogKey(key) else { return [] }
            switch dialog {
            case .write?:
                defer { pending = nil }
                guard yes, let pending else { return [] }
                form.sending()
                return [pending]
            case .overwrite?: return yes ? [Self.readRequest] : []
            case nil: return []
            }
        }
        if key == .function(6) { return startWrite() }
        form.locked = lockedRows()
        _ = form.handle(key, editable: editable)
        form.locked = lockedRows()
        return []
    }

    /// F6: nothing while a value is wrong, before a read, or without a change; else the
    /// dialog with the changes.
    mutating func startWrite() -> [PageRequest] {
        guard editable else { form.noteKey = "network.readOnly"; return [] }
        guard form.loaded else { form.noteKey = "network.readFirst"; return [] }
        let (request, changing) = writeRequest()
        guard !changing.isEmpty else { form.noteKey = "network.nothingChanged"; return [] }
        let wrong = problems()
        if let first = form.rows.firstIndex(where: { wrong[$0.field] != nil }) {
            form.focus = first
            form.noteKey = "network.fixFirst"
            return []
        }
        pending = request
        form.open(.write(form.rows.filter { changing.contains($0.field) }.map { row in
            NetworkChange(labelKey: row.labelKey, old: form.device[row.field] ?? "", new: form.text(row.field), kind: row.kind)
        }))
        return []
    }

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        editable = context.may(.write)
        guard form.dialog == nil else { return [] }
        let count = form.changed.count
        if count > 0 {
            form.open(.overwrite(count: count))
            return []
        }
        return [Self.readRequest]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        editable = context.may(.write)
        if load(result) { return }
        if case .written(let writes) = result {
            for w in writes {
                guard let row = row(written: w.field) else { continue }
                form.written(row, w.outcome)
            }
            form.noteKey = nil
        }
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        form.render(in: area, into: &buffer, context: context, focused: focused, editable: page.may(.write),
                    problems: problems(), note: note(page, context.strings))
    }

    /// The last line: a note the page set, else what the user may do next.
    func note(_ page: PageContext, _ s: UIStrings) -> String {
        if let key = form.noteKey { return s[key] }
        if !page.may(.write) { return s["network.readOnly"] }
        if !form.loaded { return s["network.notRead"] }
        if let warning = warning() { return warning.text(s) }
        let count = form.changed.count
        return count > 0 ? s["network.unsaved", String(count)] : s["network.hint"]
    }

    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        var items = [KeyBar.Item("F5", s["help.page.readAgain"])]
        guard context.may(.write) else { return items }
        items += [KeyBar.Item("\u{2191}\u{2193} Enter", s["help.page.fields"]), KeyBar.Item("\u{2190}\u{2192}", s["help.page.toggle"]),
                  KeyBar.Item("F6", s["help.page.writeForm"])]
        return items
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        context.may(.write) ? [KeyBar.Item("F6", context.strings["network.key.write"])] : []
    }

    public var hasTextFocus: Bool {
        guard editable, form.dialog == nil, let row = form.focusedRow else { return false }
        switch row.kind {
        case .text, .secret: return true
        case .toggle, .readOnly: return false
        }
    }

    public var wantsEscape: Bool { form.dialog != nil }
    public var usesTab: Bool { form.dialog != nil }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        form.cursorPosition(in: area, strings: context.strings, editable: editable)
    }
}
