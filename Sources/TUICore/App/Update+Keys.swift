import Accounts
import ES951

/// Keys: the login window, the main window, the tree; quitting, connecting, tracing, F5.
extension AppState {
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        let key = AltKeys.function(for: key) ?? key
        if case .click(let x, let y) = key { return click(x: x, y: y) }
        if phase == .login { return handleLogin(key) }
        // F10 and Ctrl-C quit from anywhere (a window open, a menu open, a read in
        // flight), asking first when that would lose work.
        if case .leave? = modal { return handleModal(key) }
        if key == .function(10) { return quit() }
        if key == .control("c") { return leave(.interrupt) }
        if modal != nil { return handleModal(key) }
        if menu.open != nil { return handleMenu(key) }
        return handleMain(key)
    }

    mutating func handleLogin(_ key: Key) -> [Effect] {
        if key == .function(10) || key == .control("c") { quitting = true; return [.quit] }
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
        // Alt-L, or the same key on a Russian layout.
        case .alt("l"), .alt("\u{0434}"): modal = .log(LogWindow()); return []
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
        // The page's F-keys shown in the key bar work from the tree too (issue 18 item 6).
        if focus == .tree, case .function(let n) = key, [4, 6, 8].contains(n) {
            focus = .work
            return pageKey(key)
        }
        if focus == .tree { return handleTree(key) }
        let effects = pageKey(key)
        if key == .left, pages.page(page)?.leftReturnsToTree == true { focus = .tree }
        return effects
    }

    /// A key of the parameter tree.
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

    mutating func quit() -> [Effect] { leave(.quit) }

    /// Quits or switches user at once when nothing would be lost; otherwise opens the
    /// window that says what would be (``leaveConcerns``), Cancel in focus.
    mutating func leave(_ way: Leaving) -> [Effect] {
        if leaveConcerns.isEmpty { return leaveNow(way) }
        menu.open = nil
        modal = .leave(way, DialogState(selectedButton: 1))
        return []
    }

    /// Leaves without asking (the user said yes).
    mutating func leaveNow(_ way: Leaving) -> [Effect] {
        modal = nil
        switch way {
        case .quit, .interrupt:
            quitting = true
            return (reading != nil ? [.stopRead] : []) + [.quit]
        case .switchUser:
            return switchUser()
        }
    }

    /// What leaving now would lose: the work in flight, and the pages with values typed
    /// and not written, one line each.
    var leaveConcerns: [String] {
        let s = strings
        var lines: [String] = []
        if reading != nil, let page = busyPage {
            lines.append(s["leave.inFlight", s[page.titleKey]])
        }
        let edited = ParameterPage.allCases.compactMap { id -> String? in
            guard let n = pages.page(id)?.unsavedEdits, n > 0 else { return nil }
            return s["leave.unsavedPage", s[id.titleKey], String(n)]
        }
        if !edited.isEmpty { lines.append(s["leave.unsaved", edited.joined(separator: ", ")]) }
        return lines
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
        let context = pageContext
        return issue(pages.with(page) { $0.read(context) } ?? [], for: page)
    }
}
