import Accounts
import ES951

/// The windows over the main screen (help, messages, settings, users, roles, password).
extension AppState {
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
        case .log(var window):
            let page = max(1, modalArea.height - 4)
            switch window.handle(key, page: page, now: now) {
            case .close?: modal = nil
            case .save(let path)?:
                modal = .log(window)
                return [.saveLog(path: path, lines: log.filter { rawTrace || !$0.isTrace }.map(\.text))]
            case nil: modal = .log(window)
            }
            return []
        case .audit(let window):
            return auditKey(key, window)
        case .leave(let way, var state):
            switch key {
            case .left, .right, .tab, .backTab:
                state.selectedButton = 1 - state.selectedButton
                modal = .leave(way, state)
            case .escape: modal = nil
            case .enter:
                if state.selectedButton == 0 { return leaveNow(way) }
                modal = nil
            // The same key again means yes: F10 F10 quits, Ctrl-C Ctrl-C stops.
            case .function(10) where way != .switchUser: return leaveNow(way)
            case .control("c"): return leaveNow(way == .switchUser ? .interrupt : way)
            default: break
            }
            return []
        case .settings(var screen):
            let outcome = screen.handle(key)
            modal = .settings(screen)
            switch outcome {
            case .cancel?: modal = nil; profilePassword = nil
            case .apply(let settings, let password)?:
                return applySettings(settings, password)
            case .saveProfile(let name, let settings, let password, let keep)?:
                return [.saveProfile(name: name, settings, llsPassword: password ?? llsPassword, keepPassword: keep)]
            case .loadProfile(let name)?: return [.loadProfile(name: name)]
            case .deleteProfile(let name)?: return [.deleteProfile(name: name)]
            case .find(let spec)?:
                // The search needs the port: a connection on it is closed first.
                modal = nil
                profilePassword = nil
                reading = ReadProgressInfo(bytes: 0, frames: 0, seconds: 0)
                status = strings["find.started"]
                append(strings["find.started"])
                return (link == .disconnected || isFailed ? [] : [.disconnect]) + [.find(spec)]
            case nil: break
            }
            return []
        case .users(var screen):
            let outcome = screen.handle(key)
            modal = .users(screen)
            switch outcome {
            case .close?: modal = nil
            case .add(let name, let role, let password)?: return [.addUser(name: name, role: role, password: password)]
            case .edit(let name, let newName, let role)?: return [.editUser(name: name, newName: newName, role: role)]
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
}

extension AppState {
    /// The connection window's settings in use (Enter, or a profile chosen): the window
    /// closes, the profile is named when applied unchanged, a changed link is closed.
    mutating func applySettings(_ settings: LinkSpec, _ password: String?) -> [Effect] {
        modal = nil
        profileName = loadedProfile.flatMap { $0.spec == settings ? $0.name : nil }
            ?? (settings == connection ? profileName : nil)
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
        return []
    }
}
