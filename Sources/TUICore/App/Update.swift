import Accounts
import ES951

extension AppState {
    /// Applies `msg` and returns what the runtime must do. Pure: no I/O here.
    public mutating func update(_ msg: Msg) -> [Effect] {
        let s = strings
        switch msg {
        case .key(let key):
            return handle(key)
        case .resized(let w, let h):
            width = w
            height = h
            return []
        case .started(let firstRun):
            login = LoginScreen(firstRun: firstRun)
            return []

        case .loggedIn(let info):
            session = info
            phase = .main
            modal = nil
            focus = .tree
            tree.selected = ParameterPage.info.rawValue
            page = .info
            resetInformation()
            append(s["log.loggedIn", info.user, roleLabel(info.role)])
            return []
        case .loginFailed(let text):
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
        case .accountFailed(let text):
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

        case .settingsReady(let ports, let profiles):
            modal = .settings(ConnectionSettingsScreen(settings: connection, ports: ports, profiles: profiles,
                                                       sessionHasPassword: llsPassword != nil))
            return []
        case .profileLoaded(let name, let settings, let password):
            if case .settings(var screen) = modal {
                profilePassword = password
                screen.load(settings, profileName: name, hasPassword: password != nil)
                modal = .settings(screen)
            }
            return []
        case .profilesChanged(let names):
            if case .settings(var screen) = modal {
                screen.profilesChanged(names)
                modal = .settings(screen)
            }
            return []
        case .connecting:
            link = .connecting
            return []
        case .connected(let text):
            link = .connected(text)
            append(s["log.connected", text])
            return []
        case .connectFailed(let text):
            link = .failed(text)
            reading = nil
            if let id = busyPage {
                // The page waiting for its request learns why nothing came.
                let context = pageContext
                _ = pages.with(id) { $0.receive(.failed(text), context) }
                busyPage = nil
            }
            status = text
            append(s["log.connectFailed", text])
            return []
        case .disconnected(let reason):
            link = .disconnected
            if let reason { status = reason; append(reason) }
            return []

        case .progress(let p):
            if reading != nil { reading = p }
            return []
        case .infoRead(let values, let asked):
            info.received(values, asked: asked)
            reading = nil
            let lines = InfoPage.Line.allCases.filter { line in line.items.contains(where: asked.contains) }
            status = s["status.readDone", String(lines.count)]
            return []
        case .readFailed(let text):
            reading = nil
            // After a failed connection its reason stays on screen, not "not connected".
            if !isFailed { status = text }
            return []
        case .readStopped:
            reading = nil
            if let id = busyPage {
                let context = pageContext
                _ = pages.with(id) { $0.receive(.stopped, context) }
                busyPage = nil
            }
            status = s["status.stopped"]
            append(s["status.stopped"])
            return []

        case .page(let id, let result):
            followLLSPassword(result)
            let context = pageContext
            _ = pages.with(id) { $0.receive(result, context) }
            // The PLC page finds meters by address in the meter list read on its own page.
            if id == .meters, case .meters(let all, _) = result { pages.plc.knownMeters = all }
            switch result {
            case .metersPage, .firmwareProgress: break          // more follows
            case .failed(let text):
                reading = nil; busyPage = nil
                if !isFailed { status = text }
            case .stopped:
                reading = nil; busyPage = nil
                status = s["status.stopped"]
            case .written(let writes):
                reading = nil; busyPage = nil
                let refused = writes.filter { $0.outcome != .accepted }.count
                status = refused == 0 ? s["status.written", String(writes.count)]
                    : s["status.writtenPartly", String(writes.count - refused), String(writes.count)]
            case .exported(let path, let rows):
                reading = nil; busyPage = nil
                status = s["status.exported", String(rows), path]
                append(status ?? "")
            default:
                reading = nil; busyPage = nil
                status = s["status.readDonePage"]
            }
            return []
        case .serverAddressChanged(let address):
            connection.serverAddress = address
            append(s["log.addressFollows", String(address)])
            return []
        case .tick(let date):
            now = date
            return []
        case .log(let text):
            append(text)
            return []
        case .trace(let text):
            append(text, trace: true)
            return []
        }
    }

    /// After an LLS password change the device took, the session connects with the new
    /// password (it was the old one's until then).
    mutating func followLLSPassword(_ result: PageResult) {
        switch result {
        case .written(let writes):
            if let new = newLLSPassword, writes.contains(where: { $0.field == "llsPassword" && $0.outcome == .accepted }) {
                llsPassword = new
            }
            newLLSPassword = nil
        case .failed, .stopped: newLLSPassword = nil
        default: break
        }
    }

    /// A new user starts on a fresh information page, every item checked.
    mutating func resetInformation() {
        info = InfoPage()
        status = nil
    }

    func roleLabel(_ role: Role) -> String { strings["role." + role.name] }
}
