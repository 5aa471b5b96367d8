import ES951

/// The GPRS modem page (SPEC F-33): primary and backup server (`ip:port`), APN, DPD user
/// and password, heartbeat in minutes. Every value is checked as it is typed with the
/// model's rules; F5 reads, F6 shows the changes (old → new) and writes only those; what
/// the device did not take is marked and the typed value stays. The DPD password is
/// write only: never shown, never read back, empty leaves it as it is.
public struct GPRSPage: WorkPage {
    static let rows: [NetworkRow<GPRSField>] = [
        NetworkRow(.primaryServer, "network.gprs.primaryServer", .text(.endpoint)),
        NetworkRow(.backupServer, "network.gprs.backupServer", .text(.endpoint)),
        NetworkRow(.apn, "network.gprs.apn", .text(.apn)),
        NetworkRow(.dpdUser, "network.gprs.dpdUser", .text(.printable)),
        NetworkRow(.dpdPassword, "network.gprs.dpdPassword", .secret(.printable)),
        NetworkRow(.heartbeat, "network.gprs.heartbeat", .text(.digits)),
    ]

    var form = NetworkForm(rows: rows, defaults: texts(GPRSSettings()))
    /// The settings last read (the model's defaults before).
    var read = GPRSSettings()
    /// The write the open dialog asks about.
    var pending: PageRequest?
    /// False for a user who may not write (learnt from the last key or result).
    var editable = true

    public init() {}

    /// The values of `settings` as the fields show them (the DPD password: nothing).
    static func texts(_ settings: GPRSSettings) -> [GPRSField: String] {
        [.apn: settings.apn, .primaryServer: settings.primaryServer?.description ?? "",
         .backupServer: settings.backupServer?.description ?? "", .dpdUser: settings.dpdUser,
         .dpdPassword: "", .heartbeat: String(settings.heartbeatMinutes)]
    }

    /// The settings as typed, on top of the last read, and the fields that differ.
    func wanted() -> (settings: GPRSSettings, changing: Set<GPRSField>) {
        var s = read
        let t = form.text
        s.apn = t(.apn)
        s.primaryServer = ServerEndpoint(t(.primaryServer))
        s.backupServer = t(.backupServer).isEmpty ? nil : ServerEndpoint(t(.backupServer))
        s.dpdUser = t(.dpdUser)
        s.dpdPassword = t(.dpdPassword).isEmpty ? nil : t(.dpdPassword)
        s.heartbeatMinutes = Int(t(.heartbeat)) ?? 0
        return (s, Set(form.changed))
    }

    /// What is wrong with each value typed (the model's rules), as it is typed. Only a
    /// changed value is judged: what the device has is shown as it is (a server given by
    /// name, a device without a primary server) and does not stop writing the others.
    func problems() -> [GPRSField: NetworkProblem] {
        let changed = Set(form.changed)
        var p = allProblems().filter { changed.contains($0.key) }
        // The rules across values (a new DPD user needs the password too).
        let (settings, changing) = wanted()
        for issue in settings.validate(changing) where p[issue.field] == nil { p[issue.field] = .reason(issue.reason) }
        return p
    }

    /// Each value on its own, changed or not.
    func allProblems() -> [GPRSField: NetworkProblem] {
        var p: [GPRSField: NetworkProblem] = [:]
        let t = form.text
        if let r = GPRSSettings.checkAPN(t(.apn)) { p[.apn] = .reason(r) }
        for field in [GPRSField.primaryServer, .backupServer] {
            let text = t(field)
            if text.isEmpty {
                if field == .primaryServer { p[field] = .reason(.empty) }
            } else if case .failure(let r) = GPRSSettings.parseEndpoint(text) {
                switch r {
                case .outOfRange(let ports):
                    p[field] = NetworkProblem(key: "network.problem.port", arguments: [String(ports.lowerBound), String(ports.upperBound)])
                default:
                    p[field] = NetworkProblem(key: "network.problem.endpoint")
                }
            }
        }
        for field in [GPRSField.dpdUser, .dpdPassword] where t(field).utf8.count > GPRSSettings.maximumAPNLength {
            p[field] = .reason(.tooLong(maximum: GPRSSettings.maximumAPNLength))
        }
        let range = GPRSSettings.heartbeatMinutesRange
        if t(.heartbeat).isEmpty {
            p[.heartbeat] = .reason(.empty)
        } else if t(.heartbeat).count > 5 || !range.contains(Int(t(.heartbeat)) ?? 0) {
            p[.heartbeat] = .reason(.outOfRange(range))
        }
        return p
    }

    // MARK: - WorkPage

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
            case .overwrite?: return yes ? [.readGPRS] : []
            case nil: return []
            }
        }
        if key == .function(6) { return startWrite() }
        _ = form.handle(key, editable: editable)
        return []
    }

    /// F6: nothing while a value is wrong, before a read, or without a change; else the
    /// dialog with the changes.
    mutating func startWrite() -> [PageRequest] {
        guard editable else { form.noteKey = "network.readOnly"; return [] }
        guard form.loaded else { form.noteKey = "network.readFirst"; return [] }
        let (settings, changing) = wanted()
        guard !changing.isEmpty else { form.noteKey = "network.nothingChanged"; return [] }
        let wrong = problems()
        if let first = form.rows.firstIndex(where: { wrong[$0.field] != nil }) {
            form.focus = first
            form.noteKey = "network.fixFirst"
            return []
        }
        pending = .writeGPRS(settings, changing: changing)
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
        return [.readGPRS]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        editable = context.may(.write)
        switch result {
        case .gprs(let settings):
            read = settings
            form.load(Self.texts(settings))
        case .written(let writes):
            for w in writes {
                guard let field = GPRSField(rawValue: w.field) else { continue }
                form.written(field, w.outcome)
            }
            form.noteKey = nil
        default: break
        }
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        let editable = page.may(.write)
        form.render(in: area, into: &buffer, context: context, focused: focused, editable: editable,
                    problems: problems(), note: note(page, context.strings))
    }

    /// The last line: a note the page set, else what the user may do next.
    func note(_ page: PageContext, _ s: UIStrings) -> String {
        if let key = form.noteKey { return s[key] }
        if !page.may(.write) { return s["network.readOnly"] }
        if !form.loaded { return s["network.notRead"] }
        let count = form.changed.count
        return count > 0 ? s["network.unsaved", String(count)] : s["network.hint"]
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
