import Accounts
import Foundation
import GRDB

/// Users, roles, the audit log, connection profiles and settings in one SQLite database
/// (GRDB). Every operation that needs a permission takes the acting ``Session`` and asks
/// the ``Authorizer`` inside the same write transaction that carries it out, so the check
/// happens where the action runs; denials, logins, failed logins and every user or role
/// change are written to the audit log.
///
/// Time comes in as a value (`now:`), so back-off and audit times are testable.
///
/// ```swift
/// let store = try AccountStore(path: DatabaseLocation.defaultPath(environment: env))
/// try store.initialize(administratorPassword: "s3cret-pass", now: .now)
/// let admin = try store.login(name: "Администратор", password: "s3cret-pass", now: .now)
/// try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: .now)
/// ```
public final class AccountStore: Sendable {
    public let writer: any DatabaseWriter
    public let hasher: PasswordHasher
    public let secretBox: SecretBox

    /// Opens (creating when needed) the database file at `path` — WAL mode, a busy
    /// timeout, immediate write transactions — and migrates it. `:memory:` gives a private
    /// in-memory database.
    public convenience init(path: String, hasher: PasswordHasher = PasswordHasher(),
                            secretBox: SecretBox = SecretBox(), busyTimeout: TimeInterval = 10) throws {
        if path == ":memory:" {
            try self.init(writer: DatabaseQueue(configuration: Self.configuration(busyTimeout: busyTimeout)),
                          hasher: hasher, secretBox: secretBox)
            return
        }
        try DatabaseLocation.prepare(path: path)
        let pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
        try self.init(writer: pool, hasher: hasher, secretBox: secretBox)
    }

    /// Uses an open database (tests: an in-memory `DatabaseQueue`) and migrates it.
    public init(writer: any DatabaseWriter, hasher: PasswordHasher = PasswordHasher(),
                secretBox: SecretBox = SecretBox()) throws {
        self.writer = writer
        self.hasher = hasher
        self.secretBox = secretBox
        try Self.migrator.migrate(writer)
    }

    /// The configuration every connection gets: a busy timeout so two running copies of
    /// hlmcs wait for each other (GRDB 7 opens write transactions IMMEDIATE, so a
    /// read-then-write transaction waits for the lock instead of failing).
    public static func configuration(busyTimeout: TimeInterval = 10) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        return configuration
    }

    // MARK: - First run and login

    /// True once the first administrator has a password (`users init` ran).
    public func isInitialized() throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL)") ?? false
        }
    }

    /// `hlmcs users init`: gives the first-run administrator its password. Works once, on
    /// a database where no account has a password yet.
    /// - Throws: ``StorageError/alreadyInitialized``, ``AccountsError`` or
    ///   ``PasswordTextError`` for a password the rules refuse.
    public func initialize(administratorPassword password: String, now: Date) throws {
        try PasswordRules.check(password, login: UserName.firstAdministrator)
        try PasswordRules.checkText(password)
        let hash = try hasher.hash(password).encoded
        try writer.write { db in
            let anyPassword = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL)") ?? false
            guard !anyPassword, try Self.userRow(db, UserName.firstAdministrator) != nil else {
                throw StorageError.alreadyInitialized
            }
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE name = ?",
                           arguments: [hash, UserName.firstAdministrator])
            try Self.insert(db, AuditEntry(time: now, user: UserName.firstAdministrator, action: "users-init",
                                           target: UserName.firstAdministrator, outcome: .success))
        }
    }

    // MARK: - Authorization

    /// Asks the authorizer whether `session`'s user, with the role it has now, may carry
    /// out `action`. A denial is audited and thrown.
    /// - Throws: ``StorageError/permissionDenied(_:missing:)``.
    public func authorize(_ session: Session, _ action: Action, target: String = "", now: Date) throws {
        try perform(session, action, auditAs: action.rawValue, target: target, now: now, auditSuccess: false) { _ in }
    }

    /// Adds an entry to the audit log (writes, clears and firmware updates done elsewhere).
    public func record(_ entry: AuditEntry) throws {
        try writer.write { db in try Self.insert(db, entry) }
    }

    /// Carries out `body` when `session` may do `action`, in one write transaction:
    /// the check, the change and its audit entry commit together. A refusal by `body` is
    /// audited as a failure.
    func perform<T>(_ session: Session, _ action: Action, auditAs auditAction: String, target: String,
                    now: Date, auditSuccess: Bool = true, _ body: (Database) throws -> T) throws -> T {
        let outcome: PerformOutcome<T>
        do {
            outcome = try writer.write { db -> PerformOutcome<T> in
                let role = try Self.userRow(db, session.user)?.role
                let matrix = try Self.matrix(db)
                let decision: Authorizer.Decision = role.map { Authorizer(matrix: matrix).decide($0, action) }
                    ?? .denied(missing: action.requiredPermissions)
                if case .denied(let missing) = decision {
                    try Self.insert(db, AuditEntry(time: now, user: session.user, action: auditAction, target: target, outcome: .denied))
                    return .denied(missing)
                }
                let value = try body(db)
                if auditSuccess {
                    try Self.insert(db, AuditEntry(time: now, user: session.user, action: auditAction, target: target, outcome: .success))
                }
                return .done(value)
            }
        } catch let error where error is StorageError || error is AccountsError || error is UserNameError {
            try? record(AuditEntry(time: now, user: session.user, action: auditAction, target: target, outcome: .failure))
            throw error
        }
        switch outcome {
        case .done(let value): return value
        case .denied(let missing): throw StorageError.permissionDenied(action, missing: missing)
        }
    }

    // MARK: - Users

    /// Every user, by name. Needs `manage-users`.
    public func listUsers(by session: Session, now: Date) throws -> [UserSummary] {
        try perform(session, .users, auditAs: "users-list", target: "", now: now, auditSuccess: false) { db in
            try Row.fetchAll(db, sql: "SELECT name, role, password_hash IS NOT NULL AS has FROM users ORDER BY name").compactMap { row in
                Role(rawValue: row["role"]).map { UserSummary(name: row["name"], role: $0, hasPassword: row["has"]) }
            }
        }
    }

    /// Adds a user. Needs `manage-users`.
    /// - Throws: ``StorageError/userExists(name:)``, ``UserNameError/lookalike(name:existing:)``
    ///   for a name that looks like one in use (``checkNewUserName(_:)``), ``AccountsError``
    ///   or ``PasswordTextError`` for a bad name or password,
    ///   ``StorageError/permissionDenied(_:missing:)``.
    public func addUser(name rawName: String, role: Role, password: String, by session: Session, now: Date) throws {
        let name = UserName.canonical(rawName)
        try UserName.validate(name)
        try authorize(session, .users, target: name, now: now)
        try PasswordRules.check(password, login: name)
        try PasswordRules.checkText(password)
        let hash = try hasher.hash(password).encoded
        try perform(session, .users, auditAs: "users-add", target: "\(name) \(role.name)", now: now) { db in
            try Self.checkNewUserName(db, name)
            try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, role.name, hash, AuditEntry.timestamp(now)])
        }
    }

    /// Whether `rawName` could be added now: a valid name, not in use, and not one that
    /// looks like a name in use (``UserName/checkNotLookalike(_:existing:)``). For asking
    /// before a password is typed; ``addUser(name:role:password:by:now:)`` checks again.
    /// - Throws: ``AccountsError/invalidUserName(_:)``, ``StorageError/userExists(name:)``,
    ///   ``UserNameError/lookalike(name:existing:)``.
    public func checkNewUserName(_ rawName: String) throws {
        let name = UserName.canonical(rawName)
        try UserName.validate(name)
        try writer.read { db in try Self.checkNewUserName(db, name) }
    }

    static func checkNewUserName(_ db: Database, _ name: String) throws {
        if try userRow(db, name) != nil { throw StorageError.userExists(name: name) }
        try UserName.checkNotLookalike(name, existing: try String.fetchAll(db, sql: "SELECT name FROM users"))
    }

    /// Sets a user's password. On one's own account (no permission needed) the current
    /// password is checked and the LLS passwords saved in one's profiles are re-encrypted
    /// under the new one; on another's (needs `manage-users`) those saved LLS passwords
    /// cannot be opened any more and are removed.
    public func setPassword(of rawName: String, to newPassword: String, currentPassword: String?,
                            by session: Session, now: Date) throws {
        let name = UserName.canonical(rawName)
        let own = name == session.user
        try authorize(session, own ? .ownPassword : .users, target: name, now: now)
        try PasswordRules.check(newPassword, login: name)
        try PasswordRules.checkText(newPassword)
        if own {
            guard let currentPassword,
                  let encoded = try writer.read({ db in try Self.userRow(db, name)?.passwordHash }),
                  try hasher.verify(currentPassword, against: PasswordHash(encoded: encoded))
            else {
                try record(AuditEntry(time: now, user: session.user, action: "users-passwd", target: name, outcome: .failure))
                throw StorageError.wrongCurrentPassword
            }
        }
        let hash = try hasher.hash(newPassword).encoded
        // Re-seal outside the write transaction (each seal derives a key: slow).
        var resealed: [(id: Int64, old: String, new: String?)] = []
        for (id, sealed) in try writer.read({ db in try Self.sealedSecrets(db, owner: name) }) {
            if own, let currentPassword {
                let secret = try SecretBox.open(sealed, loginPassword: currentPassword)
                resealed.append((id, sealed, try secretBox.seal(secret, loginPassword: newPassword)))
            } else {
                resealed.append((id, sealed, nil))
            }
        }
        try perform(session, own ? .ownPassword : .users, auditAs: "users-passwd", target: name, now: now) { db in
            guard try Self.userRow(db, name) != nil else { throw StorageError.userNotFound(name: name) }
            try db.execute(sql: "UPDATE users SET password_hash = ?, failed_logins = 0, last_failed_login = NULL WHERE name = ?",
                           arguments: [hash, name])
            for item in resealed {
                try db.execute(sql: "UPDATE connection_profiles SET lls_password_sealed = ? WHERE id = ? AND lls_password_sealed = ?",
                               arguments: [item.new, item.id, item.old])
            }
        }
    }

    /// Deletes a user. Needs `manage-users`; the last administrator cannot be deleted.
    public func deleteUser(name rawName: String, by session: Session, now: Date) throws {
        let name = UserName.canonical(rawName)
        try perform(session, .users, auditAs: "users-delete", target: name, now: now) { db in
            guard let row = try Self.userRow(db, name) else { throw StorageError.userNotFound(name: name) }
            if row.role == .administrator, try Self.administratorCount(db) <= 1 {
                throw AccountsError.lastAdministrator(name: name)
            }
            // The commands and the TUI alike (SPEC F-13): not the logged-in user.
            if name == UserName.canonical(session.user) { throw AccountsError.cannotDeleteSelf(name: name) }
            try db.execute(sql: "DELETE FROM users WHERE name = ?", arguments: [name])
        }
    }

    /// Settings kept per user, under `KIND.USER` keys: the one place their keys are made,
    /// so a rename moves exactly these (a suffix match would also take `x.a.b` for `b`).
    public enum UserSetting: String, CaseIterable, Sendable {
        /// The user's last real connection (plain `hlmcs` starts on it).
        case lastConnection = "last-connection"
        /// The unit the terminal UI shows energy in (`wh`, `kwh`, `mwh`; issue 18 item 11).
        case energyUnit = "energy-unit"

        public func key(_ user: String) -> String { rawValue + "." + user }
    }

    /// Gives a user another login (SPEC F-13 "edit users; login + role"). Needs
    /// `manage-users`. The new name is checked as a new user's is (valid, not in use, not
    /// a look-alike of another); the user keeps role, password, failed logins and saved
    /// connection profiles (the LLS passwords in them are sealed with the password, not
    /// the name), and its ``UserSetting``s move with it. The audit log keeps
    /// the old name in past entries. Renaming oneself is allowed: the returned session is
    /// the caller's under the new name (the given one no longer logs anything).
    /// - Throws: ``StorageError/userNotFound(name:)``, ``StorageError/userExists(name:)``,
    ///   ``UserNameError/lookalike(name:existing:)``, ``AccountsError/invalidUserName(_:)``,
    ///   ``StorageError/permissionDenied(_:missing:)``.
    @discardableResult
    public func renameUser(_ rawName: String, to rawNewName: String, by session: Session, now: Date) throws -> Session {
        let name = UserName.canonical(rawName)
        let newName = UserName.canonical(rawNewName)
        try UserName.validate(newName)
        try perform(session, .users, auditAs: "users-rename", target: "\(name) → \(newName)", now: now) { db in
            guard try Self.userRow(db, name) != nil else { throw StorageError.userNotFound(name: name) }
            guard newName != name else { return }
            if try Self.userRow(db, newName) != nil { throw StorageError.userExists(name: newName) }
            let others = try String.fetchAll(db, sql: "SELECT name FROM users WHERE name <> ?", arguments: [name])
            try UserName.checkNotLookalike(newName, existing: others)
            try db.execute(sql: "UPDATE users SET name = ? WHERE name = ?", arguments: [newName, name])
            for setting in UserSetting.allCases {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [setting.key(newName)])
                try db.execute(sql: "UPDATE settings SET key = ? WHERE key = ?", arguments: [setting.key(newName), setting.key(name)])
            }
        }
        return name == UserName.canonical(session.user) ? Session(user: newName, role: session.role) : session
    }

    /// Gives a user another role. Needs `manage-users`; the last administrator keeps the
    /// administrator role.
    public func setRole(of rawName: String, to role: Role, by session: Session, now: Date) throws {
        let name = UserName.canonical(rawName)
        try perform(session, .users, auditAs: "users-role", target: "\(name) \(role.name)", now: now) { db in
            guard let row = try Self.userRow(db, name) else { throw StorageError.userNotFound(name: name) }
            if row.role == .administrator, role != .administrator, try Self.administratorCount(db) <= 1 {
                throw AccountsError.lastAdministrator(name: name)
            }
            try db.execute(sql: "UPDATE users SET role = ? WHERE name = ?", arguments: [role.name, name])
        }
    }

    // MARK: - Roles

    /// The permission matrix as stored. Needs `manage-roles`.
    public func permissionMatrix(by session: Session, now: Date) throws -> PermissionMatrix {
        try perform(session, .roles, auditAs: "roles-list", target: "", now: now, auditSuccess: false) { db in
            try Self.matrix(db)
        }
    }

    /// What `session`'s role may do now (no permission needed: the terminal UI hides
    /// what the user cannot use; every action is still authorized when carried out).
    public func permissions(of session: Session) throws -> Set<Permission> {
        try writer.read { db in
            let role = try Self.userRow(db, session.user)?.role ?? session.role
            return try Self.matrix(db)[role]
        }
    }

    /// Grants a permission to a role. Needs `manage-roles`.
    public func grant(_ permission: Permission, to role: Role, by session: Session, now: Date) throws {
        try perform(session, .roles, auditAs: "roles-grant", target: "\(role.name) \(permission.rawValue)", now: now) { db in
            try db.execute(sql: "INSERT OR IGNORE INTO role_permissions (role, permission) VALUES (?, ?)",
                           arguments: [role.name, permission.rawValue])
        }
    }

    /// Takes a permission from a role. Needs `manage-roles`; the administrator role keeps
    /// `manage-users` and `manage-roles`.
    public func revoke(_ permission: Permission, from role: Role, by session: Session, now: Date) throws {
        try perform(session, .roles, auditAs: "roles-revoke", target: "\(role.name) \(permission.rawValue)", now: now) { db in
            try PermissionMatrix.checkRevoke(permission, from: role)
            try db.execute(sql: "DELETE FROM role_permissions WHERE role = ? AND permission = ?",
                           arguments: [role.name, permission.rawValue])
        }
    }

    // MARK: - Audit log

    /// Audit entries at or after `since` (all when nil), oldest first; with `newest`, only
    /// that many of the latest (the TUI's window: a log of years stays a bounded read).
    /// Needs `manage-users`.
    public func auditLog(since: Date?, newest: Int? = nil, by session: Session, now: Date) throws -> [AuditEntry] {
        try perform(session, .audit, auditAs: "audit", target: "", now: now, auditSuccess: false) { db in
            try Self.entries(db, since: since, newest: newest)
        }
    }

    /// The audit log without a permission check, for tests and for the program's own use.
    package func _allAuditEntries() throws -> [AuditEntry] {
        try writer.read { db in try Self.entries(db, since: nil) }
    }

    // MARK: - Connection profiles

    /// Saves (or replaces) one of the session user's connection profiles; an LLS password
    /// is sealed with a key derived from `loginPassword`.
    public func saveProfile(name: String, link: String, llsPassword: String?, loginPassword: String,
                            by session: Session, now: Date) throws {
        let sealed = try llsPassword.map { secret throws(AccountsError) in try secretBox.seal(secret, loginPassword: loginPassword) }
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO connection_profiles (owner, name, link, lls_password_sealed) VALUES (?, ?, ?, ?)
                ON CONFLICT (owner, name) DO UPDATE SET link = excluded.link, lls_password_sealed = excluded.lls_password_sealed
                """, arguments: [session.user, name, link, sealed])
        }
    }

    /// Rewrites the link of one of the session user's profiles (a profile stored in an
    /// older form, read and stored again), keeping its sealed password.
    /// - Throws: ``StorageError/profileNotFound(name:)``.
    public func updateProfileLink(name: String, link: String, by session: Session) throws {
        let updated = try writer.write { db in
            try db.execute(sql: "UPDATE connection_profiles SET link = ? WHERE owner = ? AND name = ?",
                           arguments: [link, session.user, name])
            return db.changesCount
        }
        if updated == 0 { throw StorageError.profileNotFound(name: name) }
    }

    /// The session user's profiles, by name.
    public func profiles(by session: Session) throws -> [ConnectionProfile] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, link, lls_password_sealed IS NOT NULL AS has FROM connection_profiles WHERE owner = ? ORDER BY name",
                             arguments: [session.user]).map {
                ConnectionProfile(owner: session.user, name: $0["name"], link: $0["link"], hasLLSPassword: $0["has"])
            }
        }
    }

    /// Deletes one of the session user's profiles.
    /// - Throws: ``StorageError/profileNotFound(name:)``.
    public func deleteProfile(name: String, by session: Session) throws {
        let deleted = try writer.write { db in
            try db.execute(sql: "DELETE FROM connection_profiles WHERE owner = ? AND name = ?", arguments: [session.user, name])
            return db.changesCount
        }
        if deleted == 0 { throw StorageError.profileNotFound(name: name) }
    }

    /// Opens the LLS password saved in one of the session user's profiles (nil if none).
    public func llsPassword(profile: String, loginPassword: String, by session: Session) throws -> String? {
        let row = try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT lls_password_sealed FROM connection_profiles WHERE owner = ? AND name = ?",
                             arguments: [session.user, profile])
        }
        guard let row else { throw StorageError.profileNotFound(name: profile) }
        guard let sealed: String = row["lls_password_sealed"] else { return nil }
        return try SecretBox.open(sealed, loginPassword: loginPassword)
    }

    // MARK: - Settings

    public func setting(_ key: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        try writer.write { db in
            if let value {
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }
}

// MARK: - Rows

enum PerformOutcome<T> {
    case done(T)
    case denied(Set<Permission>)
}

extension AccountStore {
    struct UserRow {
        var role: Role
        var passwordHash: String?
        var failedLogins: Int
        var lastFailedLogin: Date?
    }

    static func userRow(_ db: Database, _ name: String) throws -> UserRow? {
        guard let row = try Row.fetchOne(db, sql: "SELECT role, password_hash, failed_logins, last_failed_login FROM users WHERE name = ?",
                                         arguments: [name]),
              let role = Role(rawValue: row["role"]) else { return nil }
        let last: String? = row["last_failed_login"]
        return UserRow(role: role, passwordHash: row["password_hash"], failedLogins: row["failed_logins"],
                       lastFailedLogin: last.flatMap(AuditEntry.date(fromTimestamp:)))
    }

    static func administratorCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = ?", arguments: [Role.administrator.name]) ?? 0
    }

    static func matrix(_ db: Database) throws -> PermissionMatrix {
        var permissions: [Role: Set<Permission>] = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, []) })
        for row in try Row.fetchAll(db, sql: "SELECT role, permission FROM role_permissions") {
            if let role = Role(rawValue: row["role"]), let permission = Permission(rawValue: row["permission"]) {
                permissions[role, default: []].insert(permission)
            }
        }
        return PermissionMatrix(permissions)
    }

    static func insert(_ db: Database, _ entry: AuditEntry) throws {
        try db.execute(sql: "INSERT INTO audit_log (time, user, action, target, outcome) VALUES (?, ?, ?, ?, ?)",
                       arguments: [AuditEntry.timestamp(entry.time), entry.user, entry.action, entry.target, entry.outcome.rawValue])
    }

    static func entries(_ db: Database, since: Date?, newest: Int? = nil) throws -> [AuditEntry] {
        // The newest `newest` (all: SQLite's LIMIT -1), then oldest first.
        try Row.fetchAll(db, sql: """
            SELECT time, user, action, target, outcome FROM (
                SELECT id, time, user, action, target, outcome FROM audit_log WHERE time >= ? ORDER BY id DESC LIMIT ?)
            ORDER BY id
            """, arguments: [since.map(AuditEntry.timestamp) ?? "", newest.map { max(0, $0) } ?? -1]).map { row in
            AuditEntry(time: AuditEntry.date(fromTimestamp: row["time"]) ?? .distantPast, user: row["user"],
                       action: row["action"], target: row["target"],
                       outcome: AuditEntry.Outcome(rawValue: row["outcome"]) ?? .failure)
        }
    }

    static func sealedSecrets(_ db: Database, owner: String) throws -> [(Int64, String)] {
        try Row.fetchAll(db, sql: "SELECT id, lls_password_sealed FROM connection_profiles WHERE owner = ? AND lls_password_sealed IS NOT NULL",
                         arguments: [owner]).map { ($0["id"], $0["lls_password_sealed"]) }
    }

    static func dummyHash(rounds: Int) -> PasswordHash {
        PasswordHash(rounds: rounds, salt: Array(repeating: 0, count: 16), hash: Array(repeating: 0, count: 32))
    }
}
