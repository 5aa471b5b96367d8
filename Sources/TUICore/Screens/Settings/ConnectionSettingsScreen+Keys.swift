import ES951
extension ConnectionSettingsScreen {
    /// Takes one key; returns what the user asked for, or nil while editing goes on.
    public mutating func handle(_ key: Key) -> Outcome? {
        if let question = confirmation { return answer(question, key) }
        error = nil
        loadedProfile = nil
        switch key {
        case .escape: return .cancel
        case .tab, .down: move(by: 1)
        case .backTab, .up: move(by: -1)
        case .pageUp: focus = items.first ?? focus
        case .pageDown: focus = items.last ?? focus
        case .function(2): return save()
        case .function(6): return find()
        case .enter:
            if case .profile(let i) = focus { return .loadProfile(name: profiles[i]) }
            return apply()
        case .function(8), .delete:
            if case .profile(let i) = focus {
                confirmation = .delete(profiles[i])
                dialog = DialogState(selectedButton: 1)  // "No" first: deleting is for good
            } else if key == .delete {
                edit(key)
            }
        default: edit(key)
        }
        return nil
    }

    mutating func move(by step: Int) {
        let all = items
        guard let i = all.firstIndex(of: focus) else { focus = all.first ?? focus; return }
        focus = all[(i + step + all.count) % all.count]
    }

    /// Enter: the settings when every field shown is valid, else the focus goes to the
    /// first invalid field. The profile name does not matter here.
    mutating func apply() -> Outcome? {
        nameRequired = false
        if let p = problems.first(where: { $0.field != .profileName }) {
            focus = .field(p.field)
            return nil
        }
        return .apply(settings, llsPassword: typedPassword)
    }

    /// F6: the medium's settings to search from (the port or host must be valid; speed
    /// and address are what the search finds). The demo has nothing to find.
    mutating func find() -> Outcome? {
        guard medium != .demo else { return nil }
        if let p = problems.first(where: { [.port, .path, .host, .tcpPort].contains($0.field) }) {
            focus = .field(p.field)
            return nil
        }
        return .find(settings)
    }

    /// F2: the profile under the typed name, once the fields and the name are valid (a
    /// password is not needed: a profile may be saved without one). An existing name is
    /// asked about first.
    mutating func save() -> Outcome? {
        nameRequired = true
        if let p = problems.first(where: { $0.field != .password }) {
            focus = .field(p.field)
            return nil
        }
        if profiles.contains(profileName) {
            confirmation = .overwrite(profileName)
            dialog = DialogState(selectedButton: 0)
            return nil
        }
        return saveOutcome(profileName)
    }

    mutating func saveOutcome(_ name: String) -> Outcome {
        nameRequired = false
        return .saveProfile(name: name, settings, llsPassword: typedPassword,
                            keepPassword: security == .lls && keepPassword)
    }

    /// Keys while a question is open: Left/Right/Tab choose Yes or No, Enter answers,
    /// Esc closes it.
    mutating func answer(_ question: Confirmation, _ key: Key) -> Outcome? {
        switch key {
        case .left, .right, .tab, .backTab:
            dialog.selectedButton = 1 - dialog.selectedButton
        case .escape:
            confirmation = nil
        case .enter:
            confirmation = nil
            guard dialog.selectedButton == 0 else { return nil }
            switch question {
            case .delete(let name): return .deleteProfile(name: name)
            case .overwrite(let name): return saveOutcome(name)
            }
        default: break
        }
        return nil
    }

    /// A key for the focused field: a step of a choice, a toggle, or text editing.
    mutating func edit(_ key: Key) {
        guard case .field(let field) = focus else { return }
        switch field.kind {
        case .choice:
            switch key {
            case .left: step(field, by: -1)
            case .right, .character(" "): step(field, by: 1)
            default: break
            }
        case .check:
            guard [.left, .right, .character(" ")].contains(key) else { return }
            if field == .wrapper { wrapper.toggle() } else { keepPassword.toggle() }
        case .text:
            if case .character(let c) = key, !field.accepts(c) { return }
            texts[field, default: TextFieldState()].handle(key, kind: field == .password ? .password : .text)
        }
    }

    /// Steps a choice, wrapping around.
    mutating func step(_ field: SettingsField, by n: Int) {
        func next<T: Equatable>(_ value: T, in list: [T]) -> T {
            let i = list.firstIndex(of: value) ?? 0
            return list[(i + n + list.count) % list.count]
        }
        switch field {
        case .medium: medium = next(medium, in: LinkSpec.Medium.allCases)
        case .port: portIndex = (portIndex + n + ports.count + 1) % (ports.count + 1)
        case .baud: baudIndex = (baudIndex + n + bauds.count) % bauds.count
        case .dataBits: dataBits = next(dataBits, in: [7, 8])
        case .parity: parity = next(parity, in: LinkSpec.Parity.allCases)
        case .stopBits: stopBits = next(stopBits, in: [1, 2])
        case .security: security = next(security, in: LinkSpec.Security.allCases)
        default: break
        }
        normalizeFocus()
    }
}
