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
            info_resetForNewUser()
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

    mutating func info_resetForNewUser() {
        info = InfoPage()
        status = nil
    }

    func roleLabel(_ role: Role) -> String { strings["role." + role.name] }

    // MARK: - Keys

    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if phase == .login { return handleLogin(key) }
        // F10 quits from anywhere (a window open, a menu open, a read in flight).
        if key == .function(10) { return quit() }
        if modal != nil { return handleModal(key) }
        if menu.open != nil { return handleMenu(key) }
        return handleMain(key)
    }

    mutating func handleLogin(_ key: Key) -> [Effect] {
        if key == .function(10) { quitting = true; return [.quit] }
        switch login.handle(key) {
        case .login(let user, let password)?: return [.login(user: user, password: password)]
        case .setAdministratorPassword(let password)?: return [.setAdministratorPassword(password)]
        case nil: return []
        }
    }

    mutating func handleMain(_ key: Key) -> [Effect] {
        switch key {
        case .function(1): modal = .help(scroll: 0); return []
        case .function(9): menu.openMenu(0, in: menuBar.menus); return []
        case .function(10): return quit()
        case .character("q") where !hasTextFocus: return quit()
        case .function(2): return toggleConnection()
        case .function(3): return [.prepareSettings]
        case .function(5): return read()
        case .function(7): return toggleTrace()
        case .escape:
            if reading != nil {
                status = strings["status.stopping"]
                return [.stopRead]
            }
            if focus == .work, pages.page(page)?.wantsEscape == true { return pageKey(key) }
            if focus == .work { focus = .tree }
            return []
        case .tab, .backTab:
            if focus == .work, pages.page(page)?.usesTab == true { return pageKey(key) }
            focus = focus == .tree ? .work : .tree
            return []
        default: break
        }
        if focus == .tree { return handleTree(key) }
        if page == .info {
            if info.handle(key) { return [] }
            if key == .left { focus = .tree }
            return []
        }
        return pageKey(key)
    }

    /// A key for the current page (not the information page).
    mutating func pageKey(_ key: Key) -> [Effect] {
        let context = pageContext
        let requests = pages.with(page) { $0.handle(key, context) } ?? []
        return issue(requests, for: page)
    }

    /// Turns a page's requests into effects: connects first when a device request finds
    /// the link closed; refuses a write the user may not make or that NLS cannot carry.
    mutating func issue(_ requests: [PageRequest], for id: ParameterPage) -> [Effect] {
        guard !requests.isEmpty else { return [] }
        if case .showProfile(let choice, let point)? = requests.first {
            pages.profiles.preset(choice, point: point)
            page = .profiles
            tree.selected = ParameterPage.profiles.rawValue
            focus = .work
            return []
        }
        if reading != nil, requests.contains(where: \.needsDevice) {
            status = strings["status.busy"]
            return []
        }
        var effects: [Effect] = []
        for request in requests {
            if request.isWrite {
                let needed: Permission = switch request {
                case .setClock, .syncClock, .setTimeZone: .setClock
                case .removeMeter, .removeAllMeters, .clear: .clear
                case .transferFirmware: .firmware
                default: .write
                }
                guard session?.may(needed) == true else { status = strings["status.notAllowed"]; return [] }
                guard connection.security == .lls else { status = strings["status.needsLLS"]; return [] }
            }
            if case .changeLLSPassword(_, let new) = request { newLLSPassword = new }
            if request.needsDevice, !isConnected, !effects.contains(where: { if case .connect = $0 { true } else { false } }) {
                link = .connecting
                effects.append(.connect(connection, llsPassword: llsPassword))
            }
            effects.append(.page(id, request))
        }
        reading = ReadProgressInfo(bytes: 0, frames: 0, seconds: 0)
        busyPage = id
        status = strings[requests.contains(where: \.isWrite) ? "status.writing" : "status.reading"]
        return effects
    }

    mutating func handleTree(_ key: Key) -> [Effect] {
        let roots = ParameterTree.roots(strings, permissions: session?.permissions)
        let height = max(1, MainLayout(width: width, height: height).tree.height - 2)
        switch key {
        case .up: tree.move(-1, in: roots, height: height)
        case .down: tree.move(1, in: roots, height: height)
        case .pageUp: tree.move(-height, in: roots, height: height)
        case .pageDown: tree.move(height, in: roots, height: height)
        case .home: tree.move(-1000, in: roots, height: height)
        case .end: tree.move(1000, in: roots, height: height)
        case .enter, .right:
            if let id = tree.selected, ParameterTree.allExpanded.contains(id) {
                tree.toggleExpanded(id)
            } else {
                focus = .work
            }
            return []
        case .left:
            if let id = tree.selected, ParameterTree.allExpanded.contains(id), tree.expanded.contains(id) {
                tree.toggleExpanded(id)
            }
            return []
        default: return []
        }
        if let id = tree.selected, let p = ParameterPage(rawValue: id) { page = p }
        return []
    }

    mutating func quit() -> [Effect] {
        quitting = true
        return [.quit]
    }

    mutating func toggleConnection() -> [Effect] {
        switch link {
        case .connected, .connecting:
            if reading != nil { return [.stopRead, .disconnect] }
            return [.disconnect]
        case .disconnected, .failed:
            link = .connecting
            return [.connect(connection, llsPassword: llsPassword)]
        }
    }

    mutating func toggleTrace() -> [Effect] {
        rawTrace.toggle()
        append(strings[rawTrace ? "log.traceOn" : "log.traceOff"])
        return [.setRawTrace(rawTrace)]
    }

    /// F5: reads what the page shows; connects first when the link is not open.
    mutating func read() -> [Effect] {
        guard reading == nil else { return [] }
        guard page == .info else {
            let context = pageContext
            return issue(pages.with(page) { $0.read(context) } ?? [], for: page)
        }
        let items = info.itemsToRead
        guard !items.isEmpty else { status = strings["info.nothingChecked"]; return [] }
        reading = ReadProgressInfo(bytes: 0, frames: 0, seconds: 0)
        status = strings["status.reading"]
        var effects: [Effect] = []
        if !isConnected {
            link = .connecting
            effects.append(.connect(connection, llsPassword: llsPassword))
        }
        effects.append(.readInfo(items))
        return effects
    }

    // MARK: - Menus

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
            var effects: [Effect] = []
            if reading != nil { effects.append(.stopRead) }
            if link != .disconnected { effects.append(.disconnect) }
            if let user = session?.user { append(strings["log.loggedOut", user]) }
            session = nil
            llsPassword = nil
            phase = .login
            login = LoginScreen(firstRun: false)
            return effects + [.logout]
        case .changePassword:
            if let user = session?.user { modal = .changePassword(ChangePasswordScreen(user: user)) }
            return []
        case .users: return [.loadUsers]
        case .roles: return [.loadMatrix]
        case .exit: return quit()
        case .connection: return [.prepareSettings]
        case .connectToggle: return toggleConnection()
        case .rawTrace: return toggleTrace()
        case .language:
            language = language == .ru ? .en : .ru
            return []
        case .help: modal = .help(scroll: 0); return []
        case .about:
            modal = .message(title: strings["about.title"], lines: [strings["about.line1"], strings["about.line2"]])
            return []
        }
    }

    // MARK: - Modal windows

    mutating func handleModal(_ key: Key) -> [Effect] {
        guard let current = modal else { return [] }
        switch current {
        case .help(let scroll):
            switch key {
            case .up: modal = .help(scroll: max(0, scroll - 1))
            case .down: modal = .help(scroll: scroll + 1)
            case .pageUp: modal = .help(scroll: max(0, scroll - 10))
            case .pageDown: modal = .help(scroll: scroll + 10)
            case .escape, .enter, .function(1), .function(10), .character("q"): modal = nil
            default: break
            }
            return []
        case .message:
            if [.escape, .enter, .function(10), .character("q")].contains(key) { modal = nil }
            return []
        case .settings(var screen):
            let outcome = screen.handle(key)
            modal = .settings(screen)
            switch outcome {
            case .cancel?: modal = nil; profilePassword = nil
            case .apply(let settings, let password)?:
                modal = nil
                let changed = settings != connection || (password != nil && password != llsPassword)
                connection = settings
                if let password, !password.isEmpty {
                    llsPassword = password
                } else if let loaded = profilePassword {
                    llsPassword = loaded
                }
                profilePassword = nil
                append(strings["log.settingsApplied", settings.mediumSummary])
                if changed, link != .disconnected, !isFailed { return [.disconnect] }
            case .saveProfile(let name, let settings, let password, let keep)?:
                return [.saveProfile(name: name, settings, llsPassword: password ?? llsPassword, keepPassword: keep)]
            case .loadProfile(let name)?: return [.loadProfile(name: name)]
            case .deleteProfile(let name)?: return [.deleteProfile(name: name)]
            case nil: break
            }
            return []
        case .users(var screen):
            let outcome = screen.handle(key)
            modal = .users(screen)
            switch outcome {
            case .close?: modal = nil
            case .add(let name, let role, let password)?: return [.addUser(name: name, role: role, password: password)]
            case .setRole(let name, let role)?: return [.setRole(name: name, role: role)]
            case .delete(let name)?: return [.deleteUser(name: name)]
            case .setPassword(let name, let password)?: return [.setUserPassword(name: name, password: password)]
            case nil: break
            }
            return []
        case .roles(var screen):
            let outcome = screen.handle(key)
            modal = .roles(screen)
            switch outcome {
            case .close?: modal = nil
            case .grant(let p, let r)?: return [.grant(p, r)]
            case .revoke(let p, let r)?: return [.revoke(p, r)]
            case nil: break
            }
            return []
        case .changePassword(var screen):
            let outcome = screen.handle(key)
            modal = .changePassword(screen)
            switch outcome {
            case .cancel?: modal = nil
            case .change(let current, let new)?: return [.changePassword(current: current, new: new)]
            case nil: break
            }
            return []
        }
    }

    var isFailed: Bool { if case .failed = link { true } else { false } }
}
