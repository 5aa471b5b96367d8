import Accounts
import AccountStore
import DLMSTransport
import ES951
import Foundation
import TUICore

/// The account effects, one at a time on the accounts queue (slow password hashing, the
/// database): the session, the users and roles, the saved connection profiles. Each
/// posts its result, or its failure in words, to the inbox.
extension EffectRunner {
    func account(_ effect: Effect) {
        let s = strings
        let now = Date()
        let session = login.withLock { $0?.session }
        do {
            switch effect {
            case .login, .setAdministratorPassword, .logout, .changePassword:
                try sessionEffect(effect, s, now, session)
            case .loadUsers, .addUser, .editUser, .deleteUser, .setUserPassword, .loadMatrix, .grant, .revoke:
                try usersEffect(effect, s, now, session)
            case .prepareSettings, .saveProfile, .loadProfile, .deleteProfile:
                try profileEffect(effect, s, now, session)
            case .loadAudit, .exportAudit:
                try auditEffect(effect, s, now, session)
            case .saveEnergyUnit(let unit):
                // The user's own choice, kept for the next login (not audited: it changes
                // what the screens show, nothing of the device or the accounts).
                guard let session else { return }
                try store.setSetting(AccountStore.UserSetting.energyUnit.key(session.user), unit.rawValue)
            default:
                break
            }
        } catch {
            let failure = s.failure(of: error)
            switch effect {
            case .login, .setAdministratorPassword: inbox.post(.loginFailed(failure))
            case .loadAudit: inbox.post(.auditFailed(failure))
            case .exportAudit: inbox.post(.auditExportFailed(failure.text))
            default: inbox.post(.accountFailed(failure))
            }
        }
    }

    /// Logging in (the first administrator's password on a new database), out, and one's own password.
    private func sessionEffect(_ effect: Effect, _ s: Strings, _ now: Date, _ session: Session?) throws {
        switch effect {
        case .login(let user, let password):
            if try !store.isInitialized() {
                if UserName.canonical(user) == UserName.firstAdministrator {
                    inbox.post(.administratorPasswordNeeded)
                } else {
                    inbox.post(.loginFailed(Failure(.permission, s["runtime.account.firstLogin", UserName.firstAdministrator])))
                }
                return
            }
            try loggedIn(try store.login(name: user, password: password, now: now), password: password)
        case .setAdministratorPassword(let password):
            try store.initialize(administratorPassword: password, now: now)
            try loggedIn(try store.login(name: UserName.firstAdministrator, password: password, now: now), password: password)
        case .logout:
            login.withLock { $0 = nil }
        case .changePassword(let current, let new):
            guard let session else { return }
            try store.setPassword(of: session.user, to: new, currentPassword: current, by: session, now: now)
            login.withLock { $0?.password = new }
            inbox.post(.passwordChanged)
        default:
            break
        }
    }

    /// Users and the permission matrix (Administrator).
    private func usersEffect(_ effect: Effect, _ s: Strings, _ now: Date, _ session: Session?) throws {
        switch effect {
        case .loadUsers:
            guard let session else { return }
            let rows = try store.listUsers(by: session, now: now).map {
                UserRow(name: $0.name, role: $0.role, hasPassword: $0.hasPassword)
            }
            inbox.post(.usersLoaded(rows))
        case .addUser(let name, let role, let password):
            guard let session else { return }
            try store.addUser(name: name, role: role, password: password, by: session, now: now)
            inbox.post(.accountChanged(s["runtime.account.userAdded", name, s.roleLabel(role)]))
        case .editUser(let name, let newName, let role):
            guard let session else { return }
            // The login first: a refused one leaves the role as it was too.
            var done: [String] = []
            if UserName.canonical(newName) != UserName.canonical(name) {
                try store.renameUser(name, to: newName, by: session, now: now)
                done.append(s["runtime.account.renamed", name, UserName.canonical(newName)])
            }
            let current = try store.listUsers(by: session, now: now).first { $0.name == UserName.canonical(newName) }?.role
            if current != role {
                try store.setRole(of: newName, to: role, by: session, now: now)
                done.append(s["runtime.account.roleSet", UserName.canonical(newName), s.roleLabel(role)])
            }
            inbox.post(.accountChanged(done.joined(separator: " ")))
        case .deleteUser(let name):
            guard let session else { return }
            try store.deleteUser(name: name, by: session, now: now)
            inbox.post(.accountChanged(s["runtime.account.userDeleted", name]))
        case .setUserPassword(let name, let password):
            guard let session else { return }
            try store.setPassword(of: name, to: password, currentPassword: nil, by: session, now: now)
            inbox.post(.accountChanged(s["runtime.account.passwordSet", name]))
        case .loadMatrix:
            guard let session else { return }
            inbox.post(.matrixLoaded(try store.permissionMatrix(by: session, now: now)))
        case .grant(let permission, let role):
            guard let session else { return }
            try store.grant(permission, to: role, by: session, now: now)
            inbox.post(.accountChanged(s["runtime.account.granted", s.roleLabel(role), permission.rawValue]))
            refreshPermissions()
        case .revoke(let permission, let role):
            guard let session else { return }
            try store.revoke(permission, from: role, by: session, now: now)
            inbox.post(.accountChanged(s["runtime.account.revoked", s.roleLabel(role), permission.rawValue]))
            refreshPermissions()
        default:
            break
        }
    }

    /// The connection window's ports and saved profiles (LLS passwords sealed with the login password).
    private func profileEffect(_ effect: Effect, _ s: Strings, _ now: Date, _ session: Session?) throws {
        switch effect {
        case .prepareSettings:
            let ports = SerialPorts.list().map { port in
                PortChoice(path: port.path, description: [port.manufacturer, port.product].compactMap { $0 }
                    .joined(separator: " "))
            }
            let profiles = try session.map { try store.profiles(by: $0).map(\.name) } ?? []
            inbox.post(.settingsReady(ports: ports, profiles: profiles))
        case .saveProfile(let name, let settings, let password, let keep):
            guard let (session, loginPassword) = login.withLock({ $0 }) else { return }
            try store.saveProfile(name: name, link: settings.profileText, llsPassword: keep ? password : nil,
                                  loginPassword: loginPassword, by: session, now: now)
            inbox.post(.profilesChanged(try store.profiles(by: session).map(\.name)))
            inbox.post(.log(s["runtime.profileSaved", name]))
        case .loadProfile(let name):
            guard let (session, loginPassword) = login.withLock({ $0 }) else { return }
            guard let profile = try store.profiles(by: session).first(where: { $0.name == name }) else {
                throw StorageError.profileNotFound(name: name)
            }
            let settings: LinkSpec
            do {
                let (spec, legacy) = try LinkSpec.fromProfile(profile.link)
                settings = spec
                // A profile saved by an older version: stored again as data.
                if legacy { try? store.updateProfileLink(name: name, link: spec.profileText, by: session) }
            } catch {
                inbox.post(.accountFailed(Failure(.input, s.profileUnreadable(name, error))))
                return
            }
            let password = try store.llsPassword(profile: name, loginPassword: loginPassword, by: session)
            inbox.post(.profileLoaded(name: name, settings, llsPassword: password))
        case .deleteProfile(let name):
            guard let session else { return }
            try store.deleteProfile(name: name, by: session)
            inbox.post(.profilesChanged(try store.profiles(by: session).map(\.name)))
        default:
            break
        }
    }

    private func loggedIn(_ session: Session, password: String) throws {
        login.withLock { $0 = (session, password) }
        let permissions = try store.permissions(of: session)
        // The unit of energy the user chose last time (Wh when never, or unreadable).
        let saved: String? = try? store.setting(AccountStore.UserSetting.energyUnit.key(session.user))
        let energy = saved.flatMap { EnergyUnit(rawValue: $0) } ?? .wh
        inbox.post(.loggedIn(SessionInfo(user: session.user, role: session.role, permissions: permissions, energyUnit: energy)))
        // Plain `hlmcs`: the user's last real connection, not the demo (SPEC F-70).
        if restoresLastConnection, let text = try? store.setting(LastConnection.key(session.user)),
           let (spec, _) = try? LinkSpec.fromProfile(text) {
            inbox.post(.connectionRestored(spec))
        }
    }

    private func refreshPermissions() {
        guard let session = login.withLock({ $0?.session }),
              let permissions = try? store.permissions(of: session) else { return }
        inbox.post(.permissionsChanged(permissions))
    }
}
