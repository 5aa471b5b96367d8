import Accounts
import Foundation
import GRDB

extension AccountStore {
    /// Migration identifiers, oldest first. A released migration is never edited: later
    /// changes come as new ones.
    public static let migrationNames = ["v1-accounts", "v2-profiles-settings", "v3-login-backoff", "v4-object-lists"]

    /// The schema, built by named migrations (GRDB `DatabaseMigrator`).
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // v1: users, roles, the permission matrix and the audit log; the first-run
        // administrator, with no password.
        migrator.registerMigration("v1-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE roles (name TEXT PRIMARY KEY NOT NULL);
                CREATE TABLE role_permissions (
                    role TEXT NOT NULL REFERENCES roles(name) ON DELETE CASCADE ON UPDATE CASCADE,
                    permission TEXT NOT NULL,
                    PRIMARY KEY (role, permission));
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL REFERENCES roles(name) ON UPDATE CASCADE,
                    password_hash TEXT,
                    created_at TEXT NOT NULL);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time TEXT NOT NULL,
                    user TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL DEFAULT '',
                    outcome TEXT NOT NULL);
                CREATE INDEX audit_log_time ON audit_log(time);
                """)
            for role in Role.allCases {
                try db.execute(sql: "INSERT INTO roles (name) VALUES (?)", arguments: [role.name])
                for permission in PermissionMatrix.defaults[role].sorted() {
                    try db.execute(sql: "INSERT INTO role_permissions (role, permission) VALUES (?, ?)",
                                   arguments: [role.name, permission.rawValue])
                }
            }
            try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, NULL, ?)",
                           arguments: [UserName.firstAdministrator, Role.administrator.name,
                                       AuditEntry.timestamp(Date(timeIntervalSince1970: 0))])
        }

        // v2: saved connection profiles (LLS password sealed with the owner's key) and
        // program settings.
        migrator.registerMigration("v2-profiles-settings") { db in
            try db.execute(sql: """
                CREATE TABLE connection_profiles (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    owner TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE ON UPDATE CASCADE,
                    name TEXT NOT NULL,
                    link TEXT NOT NULL,
                    lls_password_sealed TEXT,
                    UNIQUE (owner, name));
                CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }

        // v3: failed logins in a row, for the back-off.
        migrator.registerMigration("v3-login-backoff") { db in
            try db.execute(sql: """
                ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE users ADD COLUMN last_failed_login TEXT;
                """)
        }
        // v4: object lists learned from devices, so the next association skips the read.
        migrator.registerMigration("v4-object-lists") { db in
            try db.execute(sql: """
                CREATE TABLE object_lists (
                    key TEXT PRIMARY KEY NOT NULL,
                    list BLOB NOT NULL,
                    learned_at TEXT NOT NULL);
                """)
        }
        return migrator
    }
}
