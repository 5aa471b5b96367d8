import Accounts
import Foundation
import GRDB

/// The audit of a device write, recorded BEFORE the write is sent (issue 14): the
/// permission check and the entry commit in one transaction, so a database that cannot
/// record (locked by another process, read-only, full) stops the write before it
/// reaches the device. The outcome is recorded after, on the same entry.
///
/// ```swift
/// let entry = try store.beginWrite(session, .set, target: "1/0.0.96.1.0.255/2 = 95100002 on 95100001", now: Date())
/// // … the device write …
/// try store.finishWrite(entry, .success)
/// ```
extension AccountStore {
    /// An audit entry opened by ``beginWrite(_:_:target:now:)``.
    public struct WriteAuditEntry: Sendable, Hashable {
        public let id: Int64
    }

    /// Checks that `session` may do `action` and records the entry as `started`, in one
    /// write transaction.
    /// - Throws: ``StorageError/permissionDenied(_:missing:)`` (audited as denied), or the
    ///   database's error when the entry cannot be written: then nothing may be sent.
    public func beginWrite(_ session: Session, _ action: Action, target: String, now: Date) throws -> WriteAuditEntry {
        try perform(session, action, auditAs: action.rawValue, target: target, now: now, auditSuccess: false) { db in
            try Self.insert(db, AuditEntry(time: now, user: session.user, action: action.rawValue, target: target, outcome: .started))
            return WriteAuditEntry(id: db.lastInsertedRowID)
        }
    }

    /// Sets the outcome of an entry opened by ``beginWrite(_:_:target:now:)``; `target`
    /// replaces the entry's target when given (the value read back, for one).
    public func finishWrite(_ entry: WriteAuditEntry, _ outcome: AuditEntry.Outcome, target: String? = nil) throws {
        try writer.write { db in
            if let target {
                try db.execute(sql: "UPDATE audit_log SET outcome = ?, target = ? WHERE id = ?",
                               arguments: [outcome.rawValue, target, entry.id])
            } else {
                try db.execute(sql: "UPDATE audit_log SET outcome = ? WHERE id = ?", arguments: [outcome.rawValue, entry.id])
            }
        }
    }
}
