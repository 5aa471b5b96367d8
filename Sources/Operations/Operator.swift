import ES951
import Accounts
import AccountStore
import Concentrator
import Foundation

/// One user's work on one open association: the use cases of hlmcs (read information,
/// write a setting, export a profile, clear, update the firmware, …) are written once as
/// methods of this type, in the files beside it, and called by both adapters — the
/// commands (`Sources/hlmcs/Commands`) and the terminal UI's worker (`Sources/hlmcs/TUI`).
///
/// Every use case authorizes (``AccountStore/authorize(_:_:target:now:)``), audits and
/// returns a typed result or throws a typed failure (``OperationFailure``, the
/// concentrator's ``ConcentratorError``, the store's ``StorageError``); the wording is the
/// adapters' job.
public struct Operator: Sendable {
    public let user: AuditedUser
    public var store: AccountStore { user.store }
    public var session: Session { user.session }
    public var now: @Sendable () -> Date { user.now }
    public let concentrator: Concentrator
    /// The association's security: writes need LLS.
    public let security: LinkSpec.Security
    /// Told the device about to be written, before anything is sent ("Writing to …").
    public let announce: @Sendable (DeviceIdentity) -> Void
    /// Told when a write was done but its outcome could not be recorded (the entry stays
    /// "started").
    public let auditLost: @Sendable (any Error) -> Void

    public init(store: AccountStore, session: Session, concentrator: Concentrator, security: LinkSpec.Security,
                announce: @escaping @Sendable (DeviceIdentity) -> Void = { _ in },
                auditLost: @escaping @Sendable (any Error) -> Void = { _ in },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.user = AuditedUser(store: store, session: session, now: now)
        self.concentrator = concentrator
        self.security = security
        self.announce = announce
        self.auditLost = auditLost
    }

    /// Asks the authorizer for `action` (a denial is audited by the store).
    public func authorize(_ action: Action, target: String = "") throws {
        try user.authorize(action, target: target)
    }

    /// A read: the authorizer first, then `body` on the concentrator.
    public func read<R>(_ action: Action, target: String = "",
                        _ body: (Concentrator) async throws -> R) async throws -> R {
        try authorize(action, target: target)
        return try await body(concentrator)
    }

    /// An entry for something that is not a device write (a file export), recorded after.
    public func audit(_ action: Action, target: String, _ outcome: AuditEntry.Outcome) {
        user.audit(action, target: target, outcome)
    }

    // MARK: - Writes

    /// A device write, the one way every use case writes: the authorizer; an LLS
    /// association (under NLS the write is refused here, audited as a failure, nothing
    /// sent); the audit entry recorded as started naming the device (serial number and
    /// logical device name, read on this association) — nothing is sent when it cannot
    /// be recorded; then `body`; then the entry's outcome, success when `succeeded` says
    /// so of the result.
    public func write<R>(_ action: Action, target: String, succeeded: (R) -> Bool,
                         _ body: (Concentrator) async throws -> R) async throws -> R {
        try authorize(action, target: target)
        try requireLLS(action, target: target)
        let entry = try await beginWrite(action, target: target)
        let result: R
        do {
            result = try await body(concentrator)
        } catch {
            finish(entry, .failure)
            throw error
        }
        finish(entry, succeeded(result) ? .success : .failure)
        return result
    }

    /// The same for writes whose result is one ``WriteOutcome`` per attribute: success
    /// when every value was taken.
    public func write(_ action: Action, target: String,
                      _ body: (Concentrator) async throws -> [WriteOutcome]) async throws -> [WriteOutcome] {
        try await write(action, target: target, succeeded: { $0.allSatisfy { $0 == .accepted } }, body)
    }

    /// Refuses (and audits) a write under NLS: the public client may only read.
    public func requireLLS(_ action: Action, target: String) throws {
        guard security != .lls else { return }
        audit(action, target: target, .failure)
        throw OperationFailure.needsLLS
    }

    /// Names the device and records the write as started (permission checked in the same
    /// transaction), before anything is sent.
    func beginWrite(_ action: Action, target: String) async throws -> AccountStore.WriteAuditEntry {
        let device = try await concentrator.identity()
        let entry: AccountStore.WriteAuditEntry
        do {
            entry = try store.beginWrite(session, action, target: target + " @ " + device.text, now: now())
        } catch let error as StorageError {
            throw error
        } catch {
            throw OperationFailure.auditUnavailable(error)
        }
        announce(device)
        return entry
    }

    /// The outcome of a write begun here. When it cannot be recorded the entry stays
    /// "started" (the write is done) and ``auditLost`` hears why.
    func finish(_ entry: AccountStore.WriteAuditEntry, _ outcome: AuditEntry.Outcome) {
        do { try store.finishWrite(entry, outcome) } catch { auditLost(error) }
    }
}
