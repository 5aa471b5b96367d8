import Accounts
import Foundation
import Testing

@Suite struct SecretBoxTests {
    let box = SecretBox(unsafeUncheckedRounds: 1000)

    @Test func sealedSecretOpensWithTheOwnersPasswordOnly() throws {
        let sealed = try box.seal("admin@emis", loginPassword: "owner-pass")
        #expect(!sealed.contains("admin@emis"))
        #expect(sealed.hasPrefix("aes-256-gcm$pbkdf2-sha256$1000$"))
        #expect(try SecretBox.open(sealed, loginPassword: "owner-pass") == "admin@emis")
        #expect(throws: AccountsError.secretUnreadable) { try SecretBox.open(sealed, loginPassword: "other-pass") }
    }

    @Test func alteredCiphertextIsRefused() throws {
        var sealed = try box.seal("admin@emis", loginPassword: "owner-pass")
        let last = sealed.removeLast()
        sealed.append(last == "A" ? "B" : "A")
        #expect(throws: (any Error).self) { try SecretBox.open(sealed, loginPassword: "owner-pass") }
        #expect(throws: AccountsError.malformedSecret) { try SecretBox.open("garbage", loginPassword: "owner-pass") }
    }

    @Test func productionBoxUsesDefaultRounds() {
        #expect(SecretBox().rounds == 600_000)
    }
}
