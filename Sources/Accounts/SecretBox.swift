import Crypto
import Foundation

/// Seals a small secret (a connection profile's LLS password) with AES-256-GCM under a key
/// derived from the owner's login password (PBKDF2-HMAC-SHA256, its own 16-byte salt), so
/// it never stands in clear in the database and no other user can open it.
///
/// Text form: `aes-256-gcm$pbkdf2-sha256$<rounds>$<salt b64>$<nonce‖ciphertext‖tag b64>`.
public struct SecretBox: Sendable {
    public static let prefix = "aes-256-gcm$pbkdf2-sha256"
    public let rounds: Int

    public init() { self.rounds = PasswordHasher.defaultRounds }
    public init(unsafeUncheckedRounds rounds: Int) { self.rounds = rounds }

    public func seal(_ secret: String, loginPassword: String) throws(AccountsError) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let key = try Self.key(loginPassword, salt: salt, rounds: rounds)
        do {
            let box = try AES.GCM.seal(Array(secret.utf8), using: key)
            guard let combined = box.combined else { throw AccountsError.cryptoFailure }
            return "\(Self.prefix)$\(rounds)$\(Data(salt).base64EncodedString())$\(combined.base64EncodedString())"
        } catch {
            throw .cryptoFailure
        }
    }

    /// Opens a sealed secret; the round count comes from the sealed text.
    public static func open(_ sealed: String, loginPassword: String) throws(AccountsError) -> String {
        let parts = sealed.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, "\(parts[0])$\(parts[1])" == prefix, let rounds = Int(parts[2]), rounds > 0,
              let salt = Data(base64Encoded: String(parts[3])),
              let combined = Data(base64Encoded: String(parts[4]))
        else { throw .malformedSecret }
        let key = try key(loginPassword, salt: [UInt8](salt), rounds: rounds)
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            let plain = try AES.GCM.open(box, using: key)
            guard let text = String(bytes: plain, encoding: .utf8) else { throw AccountsError.secretUnreadable }
            return text
        } catch {
            throw .secretUnreadable
        }
    }

    static func key(_ password: String, salt: [UInt8], rounds: Int) throws(AccountsError) -> SymmetricKey {
        SymmetricKey(data: try PasswordHasher.pbkdf2(Array(password.utf8), salt: salt, rounds: rounds, byteCount: 32))
    }
}
