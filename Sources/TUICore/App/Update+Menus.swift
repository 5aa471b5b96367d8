import Accounts
import ES951

/// The menu bar: what it lists for the user, and what each item does.
extension AppState {
    var menuBar: MenuBar {
        let entries = Menus.entries(for: session)
        let s = strings
        return MenuBar(menus: entries.map { entry in
            Menu(s[entry.titleKey], items: entry.commands.map { MenuItem(s[$0.titleKey]) })
        }, state: menu)
    }

    mutating func handleMenu(_ key: Key) -> [Effect] {
        if key == .function(10) { return quit() }
        if key == .function(9) { menu.open = nil; return [] }
        let entries = Menus.entries(for: session)
        guard let chosen = menu.handle(key, in: menuBar.menus),
              entries.indices.contains(chosen.menu), entries[chosen.menu].commands.indices.contains(chosen.item)
        else { return [] }
        return run(entries[chosen.menu].commands[chosen.item])
    }

    mutating func run(_ command: MenuCommand) -> [Effect] {
        switch command {
        case .switchUser:
            return leave(.switchUser)
        case .changePassword:
            if let user = session?.user { modal = .changePassword(ChangePasswordScreen(user: user)) }
            return []
        case .users: return [.loadUsers]
        case .roles: return [.loadMatrix]
        case .auditLog: return [.loadAudit]
        case .exit: return quit()
        case .connection: return [.prepareSettings]
        case .connectToggle: return toggleConnection()
        case .rawTrace: return toggleTrace()
        case .exchangeLog: modal = .log(LogWindow()); return []
        case .language:
            language = language == .ru ? .en : .ru
            return []
        case .help: modal = .help(scroll: 0); return []
        case .about:
            modal = .message(title: strings["about.title"],
                             lines: [strings["about.line1"], strings["about.line2"], strings["about.version", ProgramVersion.text]])
            return []
        }
    }

    /// System ▸ Switch user: stops what is in flight, hangs up, and back to the login.
    mutating func switchUser() -> [Effect] {
        var effects: [Effect] = []
        if reading != nil { effects.append(.stopRead) }
        if link != .disconnected { effects.append(.disconnect) }
        if let user = session?.user { append(strings["log.loggedOut", user]) }
        session = nil
        llsPassword = nil
        phase = .login
        login = LoginScreen(firstRun: false)
        return effects + [.logout]
    }
}
