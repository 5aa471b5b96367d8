import ES951
/// The connection settings window (SPEC.md F-20…F-24): the medium and its port or host,
/// the security and the addresses, the patience, and the named profiles — as a pure value
/// that takes keys and says what the user asked for (``Outcome``).
///
///     var screen = ConnectionSettingsScreen(settings: .demo, ports: found, profiles: names,
///                                           sessionHasPassword: false)
///     if case .apply(let settings, let password)? = screen.handle(.enter) { … }
///
/// One line per field, only the fields of the chosen medium. Tab/Down and BackTab/Up move,
/// Left/Right/Space change choices and check boxes, typing edits text fields, which are
/// checked as they are typed: an invalid field is marked and its message shows on the
/// bottom line. Enter applies when every field is valid, else it moves to the first
/// invalid one. F2 saves a profile under the typed name; on a saved profile Enter loads
/// it and F8 (or Delete) deletes it after a question. Esc cancels.
///
/// The LLS password is drawn as • only, is never part of a message, and an empty one means
/// "keep the password the session has".
public struct ConnectionSettingsScreen: Sendable {
    public enum Outcome: Equatable, Sendable {
        case cancel
        /// Use these settings now (a nil password: keep the one the session has).
        case apply(LinkSpec, llsPassword: String?)
        case saveProfile(name: String, LinkSpec, llsPassword: String?, keepPassword: Bool)
        case loadProfile(name: String)
        case deleteProfile(name: String)
        /// F6: find the speed and address the device answers on this medium (`hlmcs detect`).
        case find(LinkSpec)
    }

    /// What can have the focus: a field, or one saved profile of the list.
    enum Item: Hashable, Sendable {
        case field(SettingsField)
        case profile(Int)
    }

    /// A question asked in a `Dialog` over the form.
    enum Confirmation: Hashable, Sendable {
        case delete(String)
        case overwrite(String)
    }

    /// The settings the screen started from (or last loaded): hidden fields that were
    /// left invalid fall back to these.
    var base = LinkSpec.demo
    var medium = LinkSpec.Medium.demo
    var ports: [PortChoice]
    /// An index of `ports`; `ports.count` means "type the path" (the `path` field).
    var portIndex = 0
    var bauds = LinkSpec.bauds
    var baudIndex = 0
    var dataBits = 8
    var parity = LinkSpec.Parity.none
    var stopBits = 1
    var wrapper = false
    var security = LinkSpec.Security.nls
    var keepPassword = false
    /// The text of every text field (hidden ones keep theirs).
    var texts: [SettingsField: TextFieldState] = [:]
    var profiles: [String]
    var focus = Item.field(.medium)
    /// Whether a password is there to keep when the password field is left empty.
    var passwordKnown: Bool
    /// Shown on the message line until the next key (`show(error:)`).
    var error: String?
    /// The profile just loaded, announced on the message line until the next key.
    var loadedProfile: String?
    /// Set by F2: from then on an empty profile name is a problem.
    var nameRequired = false
    var confirmation: Confirmation?
    var dialog = DialogState()

    public init(settings: LinkSpec, ports: [PortChoice], profiles: [String], sessionHasPassword: Bool) {
        self.ports = ports
        self.profiles = profiles
        passwordKnown = sessionHasPassword
        texts[.profileName] = TextFieldState()
        fill(settings)
    }

    /// Shows `settings` in the fields (the password field emptied).
    mutating func fill(_ s: LinkSpec) {
        base = s
        medium = s.medium
        if let i = ports.firstIndex(where: { $0.path == s.port }) {
            portIndex = i
        } else {
            portIndex = s.port.isEmpty && !ports.isEmpty ? 0 : ports.count
        }
        texts[.path] = TextFieldState(text: s.port)
        bauds = LinkSpec.bauds.contains(s.baud) ? LinkSpec.bauds
            : (LinkSpec.bauds + [s.baud]).sorted()
        baudIndex = bauds.firstIndex(of: s.baud) ?? 0
        dataBits = s.dataBits == 7 ? 7 : 8
        parity = s.parity
        stopBits = s.stopBits == 2 ? 2 : 1
        texts[.host] = TextFieldState(text: s.host)
        texts[.tcpPort] = TextFieldState(text: String(s.tcpPort))
        wrapper = s.wrapper
        security = s.security
        texts[.password] = TextFieldState()
        texts[.clientSAP] = TextFieldState(text: s.clientSAP.map(String.init) ?? "")
        texts[.serverAddress] = TextFieldState(text: s.serverAddress.map(String.init) ?? "")
        texts[.logical] = TextFieldState(text: String(s.logical))
        texts[.timeout] = TextFieldState(text: LinkSpec.number(s.timeoutSeconds))
    }

    /// After the runtime loaded the profile `profileName`: its settings fill the form.
    /// - Parameter hasPassword: the profile keeps an LLS password (the runtime holds it).
    public mutating func load(_ settings: LinkSpec, profileName: String, hasPassword: Bool) {
        fill(settings)
        texts[.profileName] = TextFieldState(text: profileName)
        keepPassword = hasPassword
        passwordKnown = passwordKnown || hasPassword
        loadedProfile = profileName
        error = nil
        confirmation = nil
        // The next Enter applies what was loaded (issue 18 item 7): the focus leaves the
        // profile list for the first field.
        focus = items.first ?? focus
        normalizeFocus()
    }

    /// After a profile was saved or deleted: the names now stored.
    public mutating func profilesChanged(_ names: [String]) {
        profiles = names
        normalizeFocus()
    }

    /// Shows `error` (already worded, e.g. a failed save) on the message line until the
    /// next key; nil clears it.
    public mutating func show(error: String?) {
        self.error = error
    }

    /// True while a text field has the focus (then 'q' is a character, not quit).
    public var hasTextFocus: Bool {
        guard confirmation == nil, case .field(let f) = focus else { return false }
        return f.isText
    }

    // MARK: - Fields

    var isPortTyped: Bool { !ports.indices.contains(portIndex) }

    /// The fields shown, in order: those of the chosen medium, then the common ones,
    /// then the profile part.
    var fields: [SettingsField] {
        var out: [SettingsField] = [.medium]
        switch medium {
        case .demo: break
        case .serial: out += [.port] + (isPortTyped ? [.path] : []) + [.baud, .dataBits, .parity, .stopBits]
        case .optical: out += [.port] + (isPortTyped ? [.path] : [])
        case .tcp: out += [.host, .tcpPort, .wrapper]
        }
        out.append(.security)
        if security == .lls { out.append(.password) }
        out += [.clientSAP, .serverAddress, .logical, .timeout, .profileName]
        if security == .lls { out.append(.keepPassword) }
        return out
    }

    /// Everything that can take the focus, in Tab order.
    var items: [Item] { fields.map(Item.field) + profiles.indices.map(Item.profile) }

    func text(_ field: SettingsField) -> String { texts[field]?.text ?? "" }

    /// The typed profile name without spaces around it.
    var profileName: String {
        String(text(.profileName).drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// What is wrong with `field` as typed, if anything.
    func problem(_ field: SettingsField) -> SettingsProblem? {
        let t = text(field)
        func integer(_ range: ClosedRange<Int>, optional: Bool = false) -> SettingsProblem? {
            if optional, t.isEmpty { return nil }
            return SettingsRules.integer(t, in: range) == nil
                ? SettingsProblem(field: field, key: "settings.error.integer",
                                  arguments: [String(range.lowerBound), String(range.upperBound)])
                : nil
        }
        switch field {
        case .path:
            return SettingsRules.isDevicePath(t) ? nil : SettingsProblem(field: field, key: "settings.error.path")
        case .host:
            if t.isEmpty { return SettingsProblem(field: field, key: "settings.error.hostEmpty") }
            return SettingsRules.isHost(t) ? nil : SettingsProblem(field: field, key: "settings.error.host")
        case .tcpPort: return integer(SettingsRules.tcpPorts)
        case .clientSAP: return integer(SettingsRules.clientSAPs, optional: true)
        case .serverAddress: return integer(SettingsRules.serverAddresses, optional: true)
        case .logical: return integer(SettingsRules.logicalDevices)
        case .timeout:
            return SettingsRules.seconds(t) == nil
                ? SettingsProblem(field: field, key: "settings.error.timeout", decimalBounds: SettingsRules.timeouts) : nil
        case .password:
            return security == .lls && t.isEmpty && !passwordKnown
                ? SettingsProblem(field: field, key: "settings.error.password") : nil
        case .profileName:
            return nameRequired && profileName.isEmpty
                ? SettingsProblem(field: field, key: "settings.error.profileName") : nil
        default:
            return nil
        }
    }

    /// The problems of the fields shown, in screen order.
    var problems: [SettingsProblem] { fields.compactMap(problem) }

    /// The settings as typed. A hidden field that is not valid keeps the value it had.
    var settings: LinkSpec {
        var s = base
        s.medium = medium
        if medium == .serial || medium == .optical {
            if ports.indices.contains(portIndex) {
                s.port = ports[portIndex].path
            } else if SettingsRules.isDevicePath(text(.path)) {
                s.port = text(.path)
            }
        }
        s.baud = bauds[baudIndex]
        s.dataBits = dataBits
        s.parity = parity
        s.stopBits = stopBits
        if SettingsRules.isHost(text(.host)) { s.host = text(.host) }
        if let p = SettingsRules.integer(text(.tcpPort), in: SettingsRules.tcpPorts) { s.tcpPort = p }
        s.wrapper = wrapper
        s.security = security
        if text(.clientSAP).isEmpty { s.clientSAP = nil }
        else if let n = SettingsRules.integer(text(.clientSAP), in: SettingsRules.clientSAPs) { s.clientSAP = n }
        if text(.serverAddress).isEmpty { s.serverAddress = nil }
        else if let n = SettingsRules.integer(text(.serverAddress), in: SettingsRules.serverAddresses) { s.serverAddress = n }
        if let n = SettingsRules.integer(text(.logical), in: SettingsRules.logicalDevices) { s.logical = n }
        if let t = SettingsRules.seconds(text(.timeout)) { s.timeoutSeconds = t }
        return s
    }

    /// The typed password when LLS is chosen and one was typed; nil keeps the session's.
    var typedPassword: String? {
        security == .lls && !text(.password).isEmpty ? text(.password) : nil
    }

    /// Keeps the focus on something shown.
    mutating func normalizeFocus() {
        let all = items
        guard !all.contains(focus) else { return }
        if case .profile = focus {
            focus = profiles.isEmpty ? .field(.profileName) : .profile(profiles.count - 1)
        } else if focus == .field(.path), all.contains(.field(.port)) {
            focus = .field(.port)
        } else {
            focus = .field(.medium)
        }
    }
}
