import Crypto
import CryptoExtras
import Foundation

/// Hashes and verifies login passwords: PBKDF2-HMAC-SHA256 (swift-crypto), 16-byte random
/// salt, 32-byte output, 600,000 rounds by default (OWASP 2023).
///
/// ```swift
/// let hasher = PasswordHasher()
/// let stored = try hasher.hash("correct horse")
/// try hasher.verify("correct horse", against: stored)   // true
/// ```
/// Verification uses the rounds stored in the hash, so older hashes keep working after
/// ``defaultRounds`` is raised; ``needsRehash(_:)`` says when to re-hash at the next login.
public struct PasswordHasher: Sendable {
    public static let defaultRounds = 600_000
    public static let saltByteCount = 16
    public static let hashByteCount = 32

    /// The rounds new hashes get.
    public let rounds: Int

    /// The production hasher: 600,000 rounds.
    public init() { self.rounds = Self.defaultRounds }

    /// A hasher with any round count, below swift-crypto's 210,000 floor too. For tests
    /// and for reproducing published vectors only.
    public init(unsafeUncheckedRounds rounds: Int) {
        precondition(rounds > 0)
        self.rounds = rounds
    }

    /// Hashes `password` with a fresh random salt.
    public func hash(_ password: String) throws(AccountsError) -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return try hash(password, salt: salt)
    }

    public func hash(_ password: String, salt: [UInt8]) throws(AccountsError) -> PasswordHash {
        let derived = try Self.pbkdf2(Array(password.utf8), salt: salt, rounds: rounds, byteCount: Self.hashByteCount)
        return PasswordHash(rounds: rounds, salt: salt, hash: derived)
    }

    /// True when `password` matches; the comparison takes the same time wherever the
    /// first difference is.
    public func verify(_ password: String, against stored: PasswordHash) throws(AccountsError) -> Bool {
        let derived = try Self.pbkdf2(Array(password.utf8), salt: stored.salt, rounds: stored.rounds,
                                      byteCount: stored.hash.count)
        return Self.constantTimeEqual(derived, stored.hash)
    }

    /// True when a stored hash has fewer rounds than this hasher gives new ones.
    public func needsRehash(_ stored: PasswordHash) -> Bool { stored.rounds < rounds }

    /// PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) through swift-crypto, any round count.
    public static func pbkdf2(_ password: [UInt8], salt: [UInt8], rounds: Int, byteCount: Int) throws(AccountsError) -> [UInt8] {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha256, outputByteCount: byteCount,
                unsafeUncheckedRounds: rounds)
            return key.withUnsafeBytes { [UInt8]($0) }
        } catch {
            throw .cryptoFailure
        }
    }

    /// Compares two byte strings in time that depends only on their lengths.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
