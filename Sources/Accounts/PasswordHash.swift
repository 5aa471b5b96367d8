import Foundation

/// A stored password hash with the parameters that made it, so the round count can be
/// raised later without invalidating older hashes.
///
/// Text form: `pbkdf2-sha256$600000$<salt, base64>$<hash, base64>`.
public struct PasswordHash: Sendable, Hashable, CustomStringConvertible {
    public static let algorithm = "pbkdf2-sha256"
    public var rounds: Int
    public var salt: [UInt8]
    public var hash: [UInt8]

    public init(rounds: Int, salt: [UInt8], hash: [UInt8]) {
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    /// The text form stored in the database.
    public var encoded: String {
        "\(Self.algorithm)$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    public init(encoded: String) throws(AccountsError) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.algorithm,
              let rounds = Int(parts[1]), rounds > 0,
              let salt = Data(base64Encoded: String(parts[2])),
              let hash = Data(base64Encoded: String(parts[3])), !hash.isEmpty
        else { throw .malformedPasswordHash }
        self.init(rounds: rounds, salt: [UInt8](salt), hash: [UInt8](hash))
    }

    /// Parameters only: the hash and salt are not secrets, but they stay out of logs.
    public var description: String { "\(Self.algorithm)$\(rounds)$…" }
}
