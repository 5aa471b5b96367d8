import Accounts
import Concentrator
import DLMS

extension Operator {
    /// Changes the LLS password of the association in use (15/0.0.40.0.0.255/7,
    /// octet-string, write only; asks for `lls-password-write`). `current` must be the
    /// password the association was opened with (`openedWith`): otherwise nothing is sent
    /// and the attempt is audited as failed. Neither password is logged or audited (the
    /// target says `***`).
    public func changeLLSPassword(current: String, new: String, openedWith: String?) async throws -> WriteOutcome {
        let descriptor = try concentrator.map.descriptor("association-current", 7)
        let target = "\(descriptor) = ***"
        if current != openedWith {
            // The authorizer first, so a user who may not write hears that, not this.
            try authorize(.llsPasswordWrite, target: target)
            try requireLLS(.llsPasswordWrite, target: target)
            audit(.llsPasswordWrite, target: target, .failure)
            throw OperationFailure.wrongCurrentPassword
        }
        return try await write(.llsPasswordWrite, target: target) { c in
            [try await c.set(descriptor, .octetString(Array(new.utf8)))]
        }[0]
    }
}
