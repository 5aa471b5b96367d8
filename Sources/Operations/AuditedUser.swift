import Accounts
import AccountStore
import Foundation

/// The logged-in user as the use cases see them: what they may do (the authorizer) and
/// what they did (the audit log). The use cases that need no device (a CSV file of data
/// already read) are methods of this type; ``Operator`` adds the device.
public struct AuditedUser: Sendable {
    public let store: AccountStore
    public let session: Session
    public let now: @Sendable () -> Date

    public init(store: AccountStore, session: Session, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.session = session
        self.now = now
    }

    /// Asks the authorizer for `action` (a denial is audited by the store).
    public func authorize(_ action: Action, target: String = "") throws {
        try store.authorize(session, action, target: target, now: now())
    }

    /// An entry for something that is not a device write (a file export), recorded after.
    public func audit(_ action: Action, target: String, _ outcome: AuditEntry.Outcome) {
        try? store.record(AuditEntry(time: now(), user: session.user, action: action.rawValue, target: target, outcome: outcome))
    }
}
