import Accounts
import Foundation
import Testing

@Suite struct PasswordTests {
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = hex.filter(\.isHexDigit)
        return stride(from: 0, to: digits.count, by: 2).map {
            let start = digits.index(digits.startIndex, offsetBy: $0)
            return UInt8(digits[start ..< digits.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    /// RFC 7914 §11, PBKDF2-HMAC-SHA256 test vector 1: P="passwd", S="salt", c=1, dkLen=64.
    @Test func pbkdf2MatchesRFC7914Vector1() throws {
        let expected = Self.bytes("""
            55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc
            49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83
            """)
        let derived = try PasswordHasher.pbkdf2(Array("passwd".utf8), salt: Array("salt".utf8), rounds: 1, byteCount: 64)
        #expect(derived == expected)
        // The hasher itself, built with one round, gives the first 32 bytes.
        let hash = try PasswordHasher(unsafeUncheckedRounds: 1).hash("passwd", salt: Array("salt".utf8))
        #expect(hash.hash == Array(expected.prefix(32)))
    }

    @Test func productionHasherStoresItsParameters() throws {
        let hasher = PasswordHasher()
        #expect(hasher.rounds == 600_000)
        let hash = try hasher.hash("correct horse battery")
        #expect(hash.encoded.hasPrefix("pbkdf2-sha256$600000$"))
        #expect(hash.salt.count == 16)
        #expect(hash.hash.count == 32)
        #expect(try hasher.verify("correct horse battery", against: hash))
        #expect(try !hasher.verify("correct horse batterY", against: hash))
    }

    @Test func hashRoundTripsThroughItsTextForm() throws {
        let hasher = PasswordHasher(unsafeUncheckedRounds: 1000)
        let hash = try hasher.hash("s3cret-pass")
        let parsed = try PasswordHash(encoded: hash.encoded)
        #expect(parsed == hash)
        #expect(try hasher.verify("s3cret-pass", against: parsed))
        #expect(!hash.description.contains(Data(hash.hash).base64EncodedString()))
    }

    @Test func saltsDiffer() throws {
        let hasher = PasswordHasher(unsafeUncheckedRounds: 10)
        #expect(try hasher.hash("same password").encoded != hasher.hash("same password").encoded)
    }

    @Test func verificationUsesTheStoredRounds() throws {
        let old = try PasswordHasher(unsafeUncheckedRounds: 100).hash("s3cret-pass")
        let newer = PasswordHasher(unsafeUncheckedRounds: 200)
        #expect(try newer.verify("s3cret-pass", against: old))
        #expect(newer.needsRehash(old))
        #expect(!newer.needsRehash(try newer.hash("s3cret-pass")))
    }

    @Test(arguments: ["", "pbkdf2-sha256$600000$AAAA", "md5$1$AAAA$AAAA", "pbkdf2-sha256$x$AAAA$AAAA",
                      "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$10$!!$AAAA", "pbkdf2-sha256$10$AAAA$"])
    func malformedHashesAreRefused(text: String) {
        #expect(throws: AccountsError.malformedPasswordHash) { try PasswordHash(encoded: text) }
    }

    @Test func constantTimeCompare() {
        #expect(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(PasswordHasher.constantTimeEqual([], []))
    }

    @Test func passwordRules() throws {
        #expect(throws: AccountsError.passwordTooShort(minimum: 8)) { try PasswordRules.check("1234567", login: "bob") }
        #expect(throws: AccountsError.passwordEqualsLogin) { try PasswordRules.check("alice-long", login: "Alice-Long") }
        #expect(throws: AccountsError.passwordEqualsLogin) { try PasswordRules.check("Aдминистратор", login: "Администратор") }
        try PasswordRules.check("12345678", login: "bob")
        try PasswordRules.check("пароль-из-кириллицы", login: "bob")
        // Characters, not bytes: 7 Cyrillic letters are 14 bytes but still too short.
        #expect(throws: AccountsError.passwordTooShort(minimum: 8)) { try PasswordRules.check("пароль7", login: "bob") }
    }

    @Test func firstAdministratorAcceptsTheLatinASpelling() {
        #expect(UserName.canonical("Aдминистратор") == "Администратор")   // Latin A
        #expect(UserName.canonical("Администратор") == "Администратор")   // Cyrillic А
        #expect(UserName.canonical("Administrator") == "Администратор")   // English keyboard
        #expect(UserName.canonical("administrator") == "Администратор")
        #expect(UserName.canonical("Administrators") == "Administrators")
        #expect(UserName.canonical(" alice ") == "alice")
        #expect(UserName.canonical("Alice") == "Alice")
    }

    @Test func userNamesAreChecked() throws {
        try UserName.validate("alice")
        try UserName.validate("Иван Петров")
        #expect(throws: AccountsError.invalidUserName("")) { try UserName.validate("") }
        #expect(throws: AccountsError.invalidUserName("a\u{7}b")) { try UserName.validate("a\u{7}b") }
        #expect(throws: (any Error).self) { try UserName.validate(String(repeating: "x", count: 65)) }
    }
}
