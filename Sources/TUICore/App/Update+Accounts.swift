import Accounts
import ES951

extension AppState {
    /// The session and the accounts: login, users, roles, passwords.
    mutating func accountMessage(_ msg: Msg) -> [Effect] {
        let s = strings
        switch msg {
        case .loggedIn(let info):
            session = info
            energyUnit = info.energyUnit
            phase = .main
            modal = nil
            focus = .tree
            tree.selected = ParameterPage.info.rawValue
            page = .info
            resetInformation()
            append(s["log.loggedIn", info.user, roleLabel(info.role)])
            // Each login starts clean (Switch user): nothing of a previous user's work
            // stays — unsaved edits, notes, filters and sorts, the LLS password — and an
            // association still open is closed. A user who may not write starts under NLS.
            pages = Pages()
            busyPage = nil
            reading = nil
            llsPassword = nil
            profilePassword = nil
            let writes: Set<Permission> = [.write, .setClock, .clear, .firmware, .settingsFile]
            if connection.security == .lls, info.permissions.isDisjoint(with: writes) { connection.security = .nls }
            if link != .disconnected, !isFailed { return [.disconnect] }
            return []
        case .loginFailed(let failure):
            let text = failure.text
            login.show(error: text)
            return []
        case .administratorPasswordNeeded:
            login.askNewAdministratorPassword()
            return []
        case .permissionsChanged(let permissions):
            session?.permissions = permissions
            return []
        case .usersLoaded(let rows):
            if case .users(var screen) = modal { screen.reload(rows); modal = .users(screen) } else if let me = session?.user {
                modal = .users(UsersScreen(users: rows, me: me))
            }
            return []
        case .matrixLoaded(let matrix):
            if case .roles(var screen) = modal { screen.reload(matrix); modal = .roles(screen) } else {
                modal = .roles(RolesScreen(matrix: matrix))
            }
            return []
        case .accountChanged(let text):
            append(text)
            switch modal {
            case .users: return [.loadUsers]
            case .roles: return [.loadMatrix]
            default: return []
            }
        case .accountFailed(let failure):
            let text = failure.text
            switch modal {
            case .users(var screen): screen.show(error: text); modal = .users(screen)
            case .roles(var screen): screen.show(error: text); modal = .roles(screen)
            case .changePassword(var screen): screen.show(error: text); modal = .changePassword(screen)
            case .settings(var screen): screen.show(error: text); modal = .settings(screen)
            default: modal = .message(title: s["dialog.error"], lines: [text])
            }
            return []
        case .passwordChanged:
            modal = nil
            append(s["log.passwordChanged"])
            return []
        default:
            return []
        }
    }

    /// The connection settings window and its saved profiles.
    mutating func settingsMessage(_ msg: Msg) -> [Effect] {
        switch msg {
        case .settingsReady(let ports, let profiles):
            modal = .settings(ConnectionSettingsScreen(settings: connection, ports: ports, profiles: profiles,
                                                       sessionHasPassword: llsPassword != nil))
            return []
        case .profileLoaded(let name, let settings, let password):
            if case .settings(var screen) = modal {
                profilePassword = password
                loadedProfile = (name, settings)
                screen.load(settings, profileName: name, hasPassword: password != nil)
                modal = .settings(screen)
                // One Enter on a profile uses it (issue 18 item 7: it took a second Enter
                // on another row); when something is missing (an LLS password the profile
                // does not keep) the window stays, the focus on what is missing.
                if case .apply(let spec, let typed)? = screen.apply() { return applySettings(spec, typed) }
                modal = .settings(screen)
            }
            return []
        case .profilesChanged(let names):
            if case .settings(var screen) = modal {
                screen.profilesChanged(names)
                modal = .settings(screen)
            }
            return []
        default:
            return []
        }
    }
}
