import Accounts
@testable import AccountStore
import Foundation
import GRDB
import Testing

@Suite struct AccountStoreTests {
    // MARK: first run

    @Test func firstAdministratorHasNoPasswordUntilInit() throws {
        let store = try memoryStore()
        #expect(try !store.isInitialized())
        #expect(throws: StorageError.passwordNotSet(name: UserName.firstAdministrator)) {
            try store.login(name: UserName.firstAdministrator, password: "", now: t0)
        }
        try store.initialize(administratorPassword: adminPassword, now: t0)
        #expect(try store.isInitialized())
    }

    @Test func initWorksOnlyOnce() throws {
        let (store, _) = try initializedStore()
        #expect(throws: StorageError.alreadyInitialized) {
            try store.initialize(administratorPassword: "another-pass-2", now: t0)
        }
        _ = try store.login(name: UserName.firstAdministrator, password: adminPassword, now: t0)
    }

    @Test func initFollowsThePasswordRules() throws {
        let store = try memoryStore()
        #expect(throws: AccountsError.passwordTooShort(minimum: 8)) { try store.initialize(administratorPassword: "short", now: t0) }
        #expect(throws: AccountsError.passwordEqualsLogin) { try store.initialize(administratorPassword: "администратор", now: t0) }
        #expect(try !store.isInitialized())
    }

    @Test func latinASpellingLogsIntoTheSameAdministrator() throws {
        let (store, _) = try initializedStore()
        let session = try store.login(name: "Aдминистратор", password: adminPassword, now: t0)
        #expect(session.user == "Администратор")
    }

    // MARK: login and back-off

    @Test func loginsAndFailuresAreAudited() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        #expect(throws: StorageError.loginFailed(retryAfter: nil)) { try store.login(name: "alice", password: "wrong-pass", now: t0) }
        #expect(throws: StorageError.loginFailed(retryAfter: nil)) { try store.login(name: "nobody", password: "alice-pass", now: t0) }
        let alice = try store.login(name: "alice", password: "alice-pass", now: t0)
        #expect(alice.role == .read)
        let log = try store._allAuditEntries().map { "\($0.user) \($0.action) \($0.target) \($0.outcome)" }
        #expect(log == [
            "Администратор users-init Администратор success",
            "Администратор login  success",
            "Администратор users-add alice Read success",
            "alice login-failed  failure",
            "(unknown) login-failed  failure",
            "alice login  success",
        ])
    }

    @Test func fiveFailuresInARowSlowTheNextAttempts() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        for i in 1 ... 4 {
            #expect(throws: StorageError.loginFailed(retryAfter: nil)) { try store.login(name: "alice", password: "wrong-\(i)", now: t0) }
        }
        // The fifth failure says the back-off has started,
        #expect(throws: StorageError.loginFailed(retryAfter: 30)) { try store.login(name: "alice", password: "wrong-5", now: t0) }
        // and within it even the right password is not heard.
        #expect(throws: StorageError.loginBackedOff(retryAfter: 20)) {
            try store.login(name: "alice", password: "alice-pass", now: t0.addingTimeInterval(10))
        }
        // After it, a wrong password doubles the delay,
        #expect(throws: StorageError.loginFailed(retryAfter: 60)) {
            try store.login(name: "alice", password: "wrong-6", now: t0.addingTimeInterval(31))
        }
        // and the right one, once heard, resets the count.
        _ = try store.login(name: "alice", password: "alice-pass", now: t0.addingTimeInterval(92))
        #expect(throws: StorageError.loginFailed(retryAfter: nil)) {
            try store.login(name: "alice", password: "wrong-7", now: t0.addingTimeInterval(93))
        }
        #expect(try store._allAuditEntries().contains { $0.target == "back-off" })
    }

    // MARK: permissions

    @Test func deniedActionsAreRefusedAndAudited() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        let alice = try store.login(name: "alice", password: "alice-pass", now: t0)
        #expect(throws: StorageError.permissionDenied(.users, missing: [.manageUsers])) {
            try store.addUser(name: "mallory", role: .administrator, password: "mallory-pass", by: alice, now: t0)
        }
        #expect(throws: StorageError.permissionDenied(.roles, missing: [.manageRoles])) {
            try store.grant(.manageUsers, to: .read, by: alice, now: t0)
        }
        #expect(throws: StorageError.permissionDenied(.audit, missing: [.manageUsers])) {
            try store.auditLog(since: nil, by: alice, now: t0)
        }
        try store.authorize(alice, .get, now: t0)
        #expect(throws: StorageError.permissionDenied(.set, missing: [.write])) { try store.authorize(alice, .set, target: "1/0.0.96.1.0.255/2", now: t0) }
        let all = try store.auditLog(since: nil, by: admin, now: t0)
        let denials = all.filter { $0.outcome == .denied }
        #expect(denials.map(\.action) == ["users", "roles-grant", "audit", "set"])
        // The newest few, still oldest first (the TUI's window reads at most its limit).
        let newest = try store.auditLog(since: nil, newest: 3, by: admin, now: t0)
        #expect(newest.map(\.action) == Array(all.suffix(3)).map(\.action) && newest.count == 3)
        #expect(try store.auditLog(since: nil, newest: 0, by: admin, now: t0).isEmpty)
        #expect(try store.auditLog(since: nil, newest: 100_000, by: admin, now: t0).count == all.count, "all, when fewer than asked")
        #expect(denials.allSatisfy { $0.user == "alice" })
        #expect(try store.listUsers(by: admin, now: t0).map(\.name) == ["alice", "Администратор"])
    }

    @Test func permissionsAreReadAtTheMomentOfTheAction() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        let alice = try store.login(name: "alice", password: "alice-pass", now: t0)
        #expect(throws: (any Error).self) { try store.authorize(alice, .set, now: t0) }
        try store.grant(.write, to: .read, by: admin, now: t0)
        try store.authorize(alice, .set, now: t0)
        try store.revoke(.write, from: .read, by: admin, now: t0)
        try store.setRole(of: "alice", to: .configurator, by: admin, now: t0)
        try store.authorize(alice, .set, now: t0)   // the session's role was Read: the store's is Configurator
        try store.deleteUser(name: "alice", by: admin, now: t0)
        #expect(throws: (any Error).self) { try store.authorize(alice, .get, now: t0) }
    }

    /// Issue 20 item 9 (F-13 "edit users; login + role"): a login is renamed; role,
    /// password, saved connections (with their sealed LLS password) and per-user settings
    /// go with it; a name in use or a look-alike is refused; only `manage-users` may.
    @Test func aLoginIsRenamedWithEverythingItOwns() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .configurator, password: "alice-pass", by: admin, now: t0)
        try store.addUser(name: "bob", role: .read, password: "bob-pass-1", by: admin, now: t0)
        let alice = try store.login(name: "alice", password: "alice-pass", now: t0)
        try store.saveProfile(name: "pole 7", link: "tcp:10.0.0.7:4059", llsPassword: "lls-secret", loginPassword: "alice-pass", by: alice, now: t0)
        try store.setSetting("last-connection.alice", "pole 7")
        try store.setSetting("last-connection.x.alice", "another user's")   // a user named x.alice, not alice
        #expect(throws: StorageError.userExists(name: "bob")) { try store.renameUser("alice", to: "bob", by: admin, now: t0) }
        #expect(throws: (any Error).self) { try store.renameUser("alice", to: "b\u{043E}b", by: admin, now: t0) }   // Cyrillic о: looks like bob
        #expect(throws: (any Error).self) { try store.renameUser("alice", to: "  ", by: admin, now: t0) }
        let bob = try store.login(name: "bob", password: "bob-pass-1", now: t0)
        #expect(throws: StorageError.permissionDenied(.users, missing: [.manageUsers])) { try store.renameUser("alice", to: "alicia", by: bob, now: t0) }
        #expect(throws: StorageError.userNotFound(name: "carol")) { try store.renameUser("carol", to: "caroline", by: admin, now: t0) }

        try store.renameUser("alice", to: "alicia", by: admin, now: t0)
        #expect(throws: (any Error).self) { try store.login(name: "alice", password: "alice-pass", now: t0) }
        let alicia = try store.login(name: "alicia", password: "alice-pass", now: t0)
        #expect(alicia.role == .configurator)
        #expect(try store.profiles(by: alicia).map(\.name) == ["pole 7"])
        #expect(try store.llsPassword(profile: "pole 7", loginPassword: "alice-pass", by: alicia) == "lls-secret")
        #expect(try store.setting("last-connection.alicia") == "pole 7" && store.setting("last-connection.alice") == nil)
        #expect(try store.setting("last-connection.x.alice") == "another user's", "only alice's own settings move")
        #expect(try store.auditLog(since: nil, by: admin, now: t0).contains { $0.action == "users-rename" && $0.target == "alice → alicia" && $0.outcome == .success })
        // Oneself: the session comes back under the new name and goes on working.
        let renamed = try store.renameUser("Администратор", to: "ivanov", by: admin, now: t0)
        #expect(renamed.user == "ivanov")
        #expect(try store.listUsers(by: renamed, now: t0).map(\.name).contains("ivanov"))
    }

    @Test func ownPasswordNeedsNoPermission() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        let alice = try store.login(name: "alice", password: "alice-pass", now: t0)
        #expect(throws: StorageError.wrongCurrentPassword) {
            try store.setPassword(of: "alice", to: "alice-new-pass", currentPassword: "nope-nope", by: alice, now: t0)
        }
        try store.setPassword(of: "alice", to: "alice-new-pass", currentPassword: "alice-pass", by: alice, now: t0)
        _ = try store.login(name: "alice", password: "alice-new-pass", now: t0)
        #expect(throws: StorageError.permissionDenied(.users, missing: [.manageUsers])) {
            try store.setPassword(of: UserName.firstAdministrator, to: "stolen-pass", currentPassword: "alice-new-pass", by: alice, now: t0)
        }
        try store.setPassword(of: "alice", to: "reset-by-admin", currentPassword: nil, by: admin, now: t0)
        _ = try store.login(name: "alice", password: "reset-by-admin", now: t0)
    }

    @Test func addUserRefusesDuplicatesAndBadPasswords() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        #expect(throws: StorageError.userExists(name: "alice")) {
            try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        }
        #expect(throws: StorageError.userExists(name: "Администратор")) {
            try store.addUser(name: "Aдминистратор", role: .read, password: "other-pass", by: admin, now: t0)
        }
        #expect(throws: AccountsError.passwordEqualsLogin) {
            try store.addUser(name: "bob-the-user", role: .read, password: "bob-the-user", by: admin, now: t0)
        }
        #expect(throws: AccountsError.passwordTooShort(minimum: 8)) {
            try store.addUser(name: "bob", role: .read, password: "short", by: admin, now: t0)
        }
    }

    // MARK: guards

    @Test func theLastAdministratorCannotBeDeletedOrDemoted() throws {
        let (store, admin) = try initializedStore()
        #expect(throws: AccountsError.lastAdministrator(name: "Администратор")) {
            try store.deleteUser(name: "Администратор", by: admin, now: t0)
        }
        #expect(throws: AccountsError.lastAdministrator(name: "Администратор")) {
            try store.setRole(of: "Администратор", to: .configurator, by: admin, now: t0)
        }
        // With a second administrator, the first may go,
        try store.addUser(name: "root2", role: .administrator, password: "root2-pass", by: admin, now: t0)
        try store.setRole(of: "Администратор", to: .read, by: admin, now: t0)
        let root2 = try store.login(name: "root2", password: "root2-pass", now: t0)
        // and then root2 is the last one.
        #expect(throws: AccountsError.lastAdministrator(name: "root2")) { try store.deleteUser(name: "root2", by: root2, now: t0) }
        try store.deleteUser(name: "Администратор", by: root2, now: t0)
        #expect(try store.listUsers(by: root2, now: t0).map(\.name) == ["root2"])
        let failures = try store._allAuditEntries().filter { $0.outcome == .failure }.map(\.action)
        #expect(failures == ["users-delete", "users-role", "users-delete"])
    }

    /// SPEC F-13: nobody deletes the user they are logged in as, even with another
    /// administrator present (the TUI refused it; the commands went through the store).
    @Test func theLoggedInUserCannotDeleteThemself() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "root2", role: .administrator, password: "root2-pass", by: admin, now: t0)
        #expect(throws: AccountsError.cannotDeleteSelf(name: "Администратор")) {
            try store.deleteUser(name: "Администратор", by: admin, now: t0)
        }
        #expect(try store.listUsers(by: admin, now: t0).map(\.name).contains("Администратор"))
        let root2 = try store.login(name: "root2", password: "root2-pass", now: t0)
        try store.deleteUser(name: "Администратор", by: root2, now: t0)
        #expect(try store.listUsers(by: root2, now: t0).map(\.name) == ["root2"])
    }

    @Test func theAdministratorRoleKeepsUserAndRoleManagement() throws {
        let (store, admin) = try initializedStore()
        for permission in [Permission.manageUsers, .manageRoles] {
            #expect(throws: AccountsError.protectedPermission(permission, role: .administrator)) {
                try store.revoke(permission, from: .administrator, by: admin, now: t0)
            }
        }
        try store.revoke(.firmware, from: .administrator, by: admin, now: t0)
        #expect(try store.permissionMatrix(by: admin, now: t0)[.administrator] == Set(Permission.allCases).subtracting([.firmware]))
    }

    // MARK: profiles and settings

    @Test func llsPasswordsAreSealedAndFollowPasswordChanges() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "alice", role: .configurator, password: "alice-pass", by: admin, now: t0)
        let alice = try store.login(name: "alice", password: "alice-pass", now: t0)
        try store.saveProfile(name: "substation", link: "--tcp 10.0.0.5:4059 --lls", llsPassword: "admin@emis",
                              loginPassword: "alice-pass", by: alice, now: t0)
        #expect(try store.llsPassword(profile: "substation", loginPassword: "alice-pass", by: alice) == "admin@emis")
        #expect(throws: AccountsError.secretUnreadable) { try store.llsPassword(profile: "substation", loginPassword: adminPassword, by: alice) }
        // Another user does not see it at all.
        #expect(try store.profiles(by: admin).isEmpty)
        // Own password change re-seals it,
        try store.setPassword(of: "alice", to: "alice-pass-2", currentPassword: "alice-pass", by: alice, now: t0)
        #expect(try store.llsPassword(profile: "substation", loginPassword: "alice-pass-2", by: alice) == "admin@emis")
        // an administrator's reset cannot, so it is dropped.
        try store.setPassword(of: "alice", to: "alice-pass-3", currentPassword: nil, by: admin, now: t0)
        #expect(try store.llsPassword(profile: "substation", loginPassword: "alice-pass-3", by: alice) == nil)
        #expect(try store.profiles(by: alice) == [ConnectionProfile(owner: "alice", name: "substation", link: "--tcp 10.0.0.5:4059 --lls", hasLLSPassword: false)])
    }

    @Test func settingsAreKeptByKey() throws {
        let store = try memoryStore()
        #expect(try store.setting("lang") == nil)
        try store.setSetting("lang", "ru")
        try store.setSetting("lang", "en")
        #expect(try store.setting("lang") == "en")
        try store.setSetting("lang", nil)
        #expect(try store.setting("lang") == nil)
    }
}

/// Issue 14: names that look alike, and password text, in the store.
@Suite struct AccountStoreInputTests {
    @Test func aNameThatLooksLikeOneInUseIsRefusedAndAudited() throws {
        let (store, admin) = try initializedStore()
        try store.addUser(name: "admin", role: .read, password: "admin-pass", by: admin, now: t0)
        for lookalike in ["\u{430}dmin", "Admin", "ADMIN", "adrnin", "ａｄｍｉｎ"] {
            #expect(throws: UserNameError.lookalike(name: lookalike, existing: "admin")) {
                try store.addUser(name: lookalike, role: .administrator, password: "other-pass", by: admin, now: t0)
            }
            #expect(throws: UserNameError.lookalike(name: lookalike, existing: "admin")) { try store.checkNewUserName(lookalike) }
        }
        // The built-in administrator, through its English spelling too.
        #expect(throws: UserNameError.lookalike(name: "\u{410}dministrator", existing: UserName.firstAdministrator)) {
            try store.addUser(name: "\u{410}dministrator", role: .read, password: "other-pass", by: admin, now: t0)
        }
        #expect(throws: StorageError.userExists(name: "admin")) { try store.checkNewUserName("admin") }
        try store.checkNewUserName("alice")
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        #expect(try store.listUsers(by: admin, now: t0).map(\.name) == ["admin", "alice", UserName.firstAdministrator])
        let refused = try store._allAuditEntries().filter { $0.action == "users-add" && $0.outcome == .failure }
        #expect(refused.count == 6)
        // Logins stay exact, and the English spelling still reaches the administrator.
        #expect(throws: StorageError.loginFailed(retryAfter: nil)) { try store.login(name: "Admin", password: "admin-pass", now: t0) }
        _ = try store.login(name: "admin", password: "admin-pass", now: t0)
        #expect(try store.login(name: "Administrator", password: adminPassword, now: t0).user == UserName.firstAdministrator)
    }

    @Test func newPasswordsMustBeCleanText() throws {
        let (store, admin) = try initializedStore()
        #expect(throws: PasswordTextError.replacementCharacter) {
            try store.addUser(name: "alice", role: .read, password: "alice-pass-\u{FFFD}", by: admin, now: t0)
        }
        #expect(throws: PasswordTextError.controlCharacter) {
            try store.addUser(name: "alice", role: .read, password: "alice-pass\u{1B}[A", by: admin, now: t0)
        }
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        #expect(throws: PasswordTextError.replacementCharacter) {
            try store.setPassword(of: "alice", to: "new-pass-\u{FFFD}", currentPassword: nil, by: admin, now: t0)
        }
        let fresh = try memoryStore()
        #expect(throws: PasswordTextError.controlCharacter) { try fresh.initialize(administratorPassword: "admin\u{0}secret", now: t0) }
    }

    @Test func aLossilyDecodedPasswordNeverLogsIn() throws {
        let (store, admin) = try initializedStore()
        // Set before this check existed: the hash of a password with U+FFFD in it.
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        let legacy = try fastHasher.hash("alice-\u{FFFD}-pass").encoded
        try store.writer.write { try $0.execute(sql: "UPDATE users SET password_hash = ? WHERE name = 'alice'", arguments: [legacy]) }
        // Any bad byte in that place decoded to the same text and logged in; now none does,
        // and such attempts are not heard: the count stays.
        for bytes in [[0xFF], [0xFE], [0xC3]] as [[UInt8]] {
            let typed = String(decoding: Array("alice-".utf8) + bytes + Array("-pass".utf8), as: UTF8.self)
            #expect(throws: StorageError.loginFailed(retryAfter: nil)) { try store.login(name: "alice", password: typed, now: t0) }
        }
        #expect(try store.writer.read { try AccountStore.userRow($0, "alice") }?.failedLogins == 0)
        let log = try store._allAuditEntries().filter { $0.user == "alice" && $0.action == "login-failed" }
        #expect(log.map(\.target) == ["unusable-password", "unusable-password", "unusable-password"])
    }
}
