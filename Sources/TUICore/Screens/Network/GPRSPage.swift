import ES951

/// The GPRS modem page (SPEC F-33): primary and backup server (`ip:port`), APN, DPD user
/// and password, heartbeat in minutes (`m:ss` with seconds). Every value is checked as it is typed with the
/// model's rules; F5 reads, F6 shows the changes (old → new) and writes only those; what
/// the device did not take is marked and the typed value stays. The DPD password is
/// write only: never shown, never read back, empty leaves it as it is.
public struct GPRSPage: NetworkFormPage {
    static let rows: [NetworkRow<GPRSField>] = [
        NetworkRow(.primaryServer, "network.gprs.primaryServer", .text(.endpoint)),
        NetworkRow(.backupServer, "network.gprs.backupServer", .text(.endpoint)),
        NetworkRow(.apn, "network.gprs.apn", .text(.apn)),
        NetworkRow(.dpdUser, "network.gprs.dpdUser", .text(.printable)),
        NetworkRow(.dpdPassword, "network.gprs.dpdPassword", .secret(.printable)),
        NetworkRow(.heartbeat, "network.gprs.heartbeat", .text(.duration)),
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
         .dpdPassword: "", .heartbeat: HeartbeatInterval.text(settings.heartbeatSeconds)]
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
        s.heartbeatSeconds = HeartbeatInterval.parse(t(.heartbeat)) ?? 0
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
        if t(.heartbeat).isEmpty {
            p[.heartbeat] = .reason(.empty)
        } else if let r = HeartbeatInterval.validate(HeartbeatInterval.parse(t(.heartbeat)) ?? 0) {
            p[.heartbeat] = .reason(r)
        }
        return p
    }

    // MARK: - NetworkFormPage

    static var readRequest: PageRequest { .readGPRS }

    func writeRequest() -> (request: PageRequest, rows: Set<GPRSField>) {
        let (settings, changing) = wanted()
        return (.writeGPRS(settings, changing: changing), changing)
    }

    mutating func load(_ result: PageResult) -> Bool {
        guard case .gprs(let settings) = result else { return false }
        read = settings
        form.load(Self.texts(settings))
        return true
    }

    func row(written field: String) -> GPRSField? { GPRSField(rawValue: field) }
}
