import Accounts
import Foundation
import GRDB

extension AccountStore {
    /// Checks a login and returns the session. Records the login or the failure in the
    /// audit log; after ``LoginBackoff/freeAttempts`` failures in a row, attempts are not
    /// heard until the back-off delay has passed.
    ///
    /// Attempts made at once — other hlmcs processes on the same file, other connections —
    /// are decided one after another (issue 14): one write transaction (BEGIN IMMEDIATE,
    /// so it holds the write lock from its first read) reads the failure count, decides
    /// (``LoginBackoff/admitting(at:)``) and, for an attempt it hears, counts it as a
    /// failure already. An attempt arriving meanwhile sees that count, so after the
    /// back-off began one attempt per delay is heard, however many come together. The slow
    /// password check runs outside the lock; the right password then resets the count in a
    /// second transaction, with its audit entry; a wrong one only adds its audit entry.
    ///
    /// So an attempt in flight counts against the account: at most as many attempts at
    /// once as free ones are left are heard, even with the right password (the others are
    /// told to wait; once a right one is heard, the count is zero again). A process killed
    /// during the check leaves its attempt counted as a failure, without an audit entry.
    ///
    /// A password with U+FFFD or a control character (``PasswordRules/checkText(_:)``) can
    /// match no password that could be set: it fails unheard, without touching the count.
    /// - Throws: ``StorageError/loginFailed(retryAfter:)``,
    ///   ``StorageError/loginBackedOff(retryAfter:)``, ``StorageError/passwordNotSet(name:)``,
    ///   ``AccountsError/malformedPasswordHash``.
    public func login(name rawName: String, password: String, now: Date) throws -> Session {
        let name = UserName.canonical(rawName)
        let usable = (try? PasswordRules.checkText(password)) != nil
        let gate = try immediateWrite { db in try Self.admitLogin(db, name: name, usablePassword: usable, now: now) }
        switch gate {
        case .unknownName:
            // Same work as for a real account, so timing does not tell which names exist.
            _ = try? hasher.verify(password, against: Self.dummyHash(rounds: hasher.rounds))
            throw StorageError.loginFailed(retryAfter: nil)
        case .unusablePassword:
            throw StorageError.loginFailed(retryAfter: nil)
        case .backedOff(let wait):
            throw StorageError.loginBackedOff(retryAfter: Int(wait.rounded(.up)))
        case .noPassword:
            throw StorageError.passwordNotSet(name: name)
        case .damagedHash:
            throw AccountsError.malformedPasswordHash
        case .heard(let role, let stored, let encoded, let reserved):
            if try hasher.verify(password, against: stored) {
                let rehash = hasher.needsRehash(stored) ? try hasher.hash(password).encoded : nil
                try writer.write { db in
                    try db.execute(sql: "UPDATE users SET failed_logins = 0, last_failed_login = NULL WHERE name = ?", arguments: [name])
                    if let rehash {
                        try db.execute(sql: "UPDATE users SET password_hash = ? WHERE name = ? AND password_hash = ?",
                                       arguments: [rehash, name, encoded])
                    }
                    try Self.insert(db, AuditEntry(time: now, user: name, action: "login", outcome: .success))
                }
                return Session(user: name, role: role)
            }
            // The failure was counted when the attempt was heard.
            try record(AuditEntry(time: now, user: name, action: "login-failed", outcome: .failure))
            let retry = reserved.waitBeforeAttempt(at: now)
            throw StorageError.loginFailed(retryAfter: retry > 0 ? Int(retry.rounded(.up)) : nil)
        }
    }

    /// What the first transaction of a login decided.
    enum LoginGate {
        case unknownName
        case unusablePassword
        case backedOff(wait: TimeInterval)
        case noPassword
        case damagedHash
        /// Heard: the failure count already holds `reserved`.
        case heard(role: Role, stored: PasswordHash, encoded: String, reserved: LoginBackoff)
    }

    /// Decides an attempt and writes what it must (audit entries for attempts refused
    /// here, the reservation for one heard) in the caller's transaction. Returns instead
    /// of throwing, so that what it wrote is committed.
    static func admitLogin(_ db: Database, name: String, usablePassword: Bool, now: Date) throws -> LoginGate {
        guard let row = try userRow(db, name) else {
            // The tried name is not recorded: it may be a password typed into the wrong field.
            try insert(db, AuditEntry(time: now, user: "(unknown)", action: "login-failed",
                                      target: usablePassword ? "" : "unusable-password", outcome: .failure))
            return usablePassword ? .unknownName : .unusablePassword
        }
        guard usablePassword else {
            try insert(db, AuditEntry(time: now, user: name, action: "login-failed", target: "unusable-password", outcome: .failure))
            return .unusablePassword
        }
        let reserved: LoginBackoff
        switch LoginBackoff(failures: row.failedLogins, lastFailure: row.lastFailedLogin).admitting(at: now) {
        case .backedOff(let wait):
            try insert(db, AuditEntry(time: now, user: name, action: "login-failed", target: "back-off", outcome: .failure))
            return .backedOff(wait: wait)
        case .heard(let reservation):
            reserved = reservation
        }
        guard let encoded = row.passwordHash else {
            try insert(db, AuditEntry(time: now, user: name, action: "login-failed", target: "no-password", outcome: .failure))
            return .noPassword
        }
        guard let stored = try? PasswordHash(encoded: encoded) else { return .damagedHash }
        try db.execute(sql: "UPDATE users SET failed_logins = ?, last_failed_login = ? WHERE name = ?",
                       arguments: [reserved.failures, reserved.lastFailure.map(AuditEntry.timestamp), name])
        return .heard(role: row.role, stored: stored, encoded: encoded, reserved: reserved)
    }

    /// `body` in a write transaction that takes the write lock before its first read
    /// (BEGIN IMMEDIATE), so what it reads is what it writes over. GRDB 7 opens write
    /// transactions so already; this says it where it matters.
    func immediateWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}
