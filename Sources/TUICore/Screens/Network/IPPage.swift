import ES951

/// The Internet protocol page (SPEC F-34): DHCP on or off, IP address, subnet mask,
/// gateway, DNS 1 and 2, the MAC address (read only) and the TCP port. Every value is
/// checked as it is typed with the model's rules; F5 reads, F6 shows the changes
/// (old → new) and writes only those; what the device did not take is marked and the
/// typed value stays.
public struct IPPage: WorkPage {
    /// The rows are the model's attributes (the MAC has no ``IPField``: it is not written).
    typealias Row = IPSettings.Attribute

    static let rows: [NetworkRow<Row>] = [
        NetworkRow(.dhcp, "network.ip.dhcp", .toggle),
        NetworkRow(.ip, "network.ip.ip", .text(.address)),
        NetworkRow(.mask, "network.ip.mask", .text(.address)),
        NetworkRow(.gateway, "network.ip.gateway", .text(.address)),
        NetworkRow(.dns1, "network.ip.dns1", .text(.address)),
        NetworkRow(.dns2, "network.ip.dns2", .text(.address)),
        NetworkRow(.mac, "network.ip.mac", .readOnly),
        NetworkRow(.tcpPort, "network.ip.tcpPort", .text(.digits)),
    ]
    static let addresses: [Row] = [.ip, .mask, .gateway, .dns1, .dns2]
    static let ports = 1...65535

    var form = NetworkForm(rows: rows, defaults: texts(IPSettings()))
    /// The settings last read (the model's defaults before).
    var read = IPSettings()
    /// The write the open dialog asks about.
    var pending: PageRequest?
    /// False for a user who may not write (learnt from the last key or result).
    var editable = true

    public init() {}

    /// The values of `settings` as the fields show them.
    static func texts(_ s: IPSettings) -> [Row: String] {
        [.dhcp: s.dhcp ? "on" : "off", .ip: s.ip.description, .mask: s.mask.description,
         .gateway: s.gateway.description, .dns1: s.dns1.description, .dns2: s.dns2.description,
         .mac: s.mac.isEmpty ? "" : s.macText.uppercased(), .tcpPort: String(s.tcpPort)]
    }

    /// The field a row writes (nil for the MAC).
    static func field(_ row: Row) -> IPField? { IPField(rawValue: row.rawValue) }

    /// The settings as typed, on top of the last read, and the fields that differ.
    func wanted() -> (settings: IPSettings, changing: Set<IPField>) {
        var s = read
        let t = form.text
        s.dhcp = t(.dhcp) == "on"
        func address(_ row: Row) -> IPv4Address { IPv4Address(t(row)) ?? IPv4Address(rawValue: 0) }
        s.ip = address(.ip)
        s.mask = address(.mask)
        s.gateway = address(.gateway)
        s.dns1 = address(.dns1)
        s.dns2 = address(.dns2)
        s.tcpPort = UInt16(t(.tcpPort)) ?? 0
        return (s, Set(form.changed.compactMap(Self.field)))
    }

    /// What is wrong with each value typed (the model's rules), as it is typed: a dotted
    /// quad in every address, then the model's checks (a usable host without DHCP, a
    /// contiguous mask); a port 1…65535. Only a changed value is judged: what the device
    /// has does not stop writing the others.
    func problems() -> [Row: NetworkProblem] {
        let changed = Set(form.changed)
        var p = allProblems().filter { changed.contains($0.key) }
        let (settings, changing) = wanted()
        for issue in settings.validate(changing) {
            let row = Row(issue.field)
            guard p[row] == nil else { continue }
            p[row] = issue.field == .ip && issue.reason == .invalidAddress
                ? NetworkProblem(key: "network.problem.host") : .reason(issue.reason)
        }
        return p
    }

    /// Each value on its own, changed or not.
    func allProblems() -> [Row: NetworkProblem] {
        var p: [Row: NetworkProblem] = [:]
        let t = form.text
        for row in Self.addresses {
            if t(row).isEmpty { p[row] = .reason(.empty) } else if IPv4Address(t(row)) == nil { p[row] = .reason(.invalidAddress) }
        }
        let port = t(.tcpPort)
        if port.isEmpty {
            p[.tcpPort] = .reason(.empty)
        } else if port.count > 5 || !Self.ports.contains(Int(port) ?? 0) {
            p[.tcpPort] = .reason(.outOfRange(Self.ports))
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
            case .overwrite?: return yes ? [.readIP] : []
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
        pending = .writeIP(settings, changing: changing)
        form.open(.write(form.rows.filter { Self.field($0.field).map(changing.contains) == true }.map { row in
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
        return [.readIP]
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        editable = context.may(.write)
        switch result {
        case .ip(let settings):
            read = settings
            form.load(Self.texts(settings))
        case .written(let writes):
            for w in writes {
                guard let field = IPField(rawValue: w.field) else { continue }
                form.written(Row(field), w.outcome)
            }
            form.noteKey = nil
        default: break
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
        let count = form.changed.count
        return count > 0 ? s["network.unsaved", String(count)] : s["network.hint"]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] {
        context.may(.write) ? [KeyBar.Item("F6", context.strings["network.key.write"])] : []
    }

    public var hasTextFocus: Bool {
        guard editable, form.dialog == nil, let row = form.focusedRow else { return false }
        if case .text = row.kind { return true }
        return false
    }

    public var wantsEscape: Bool { form.dialog != nil }
    public var usesTab: Bool { form.dialog != nil }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        form.cursorPosition(in: area, strings: context.strings, editable: editable)
    }
}
