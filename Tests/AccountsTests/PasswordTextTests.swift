import Accounts
import Testing

/// Issue 14: a password is text, decoded strictly. Before, invalid UTF-8 became U+FFFD,
/// so different byte strings logged in as the same password.
@Suite struct PasswordTextTests {
    @Test func validUTF8IsTheSameText() throws {
        #expect(try PasswordRules.password(fromBytes: Array("correct horse".utf8)) == "correct horse")
        #expect(try PasswordRules.password(fromBytes: Array("пароль-из-кириллицы €😀".utf8)) == "пароль-из-кириллицы €😀")
    }

    @Test(arguments: [
        [0x70, 0x61, 0x73, 0x73, 0xFF, 0x77, 0x6F, 0x72, 0x64],  // a byte no UTF-8 has
        [0x70, 0x61, 0x73, 0x73, 0xC3, 0x28, 0x77, 0x6F, 0x72],  // a broken two-byte sequence
        [0x70, 0x61, 0x73, 0x73, 0xD0],                          // cut in the middle of «п»
        [0xC0, 0xAF, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66],        // overlong «/»
        [0xED, 0xA0, 0x80, 0x61, 0x62, 0x63, 0x64, 0x65],        // a UTF-16 surrogate
        [0xCF, 0xF0, 0xF0, 0xF0, 0xEE, 0xEB, 0xFC, 0x31],        // «Пароль1» in Windows-1251
    ] as [[UInt8]])
    func invalidUTF8IsRefused(bytes: [UInt8]) {
        #expect(throws: PasswordTextError.notUTF8) { try PasswordRules.password(fromBytes: bytes) }
    }

    @Test func twoByteStringsNoLongerMeetInOnePassword() {
        // What Swift.readLine did to both: the same String, so the same hash.
        let first: [UInt8] = Array("secret-".utf8) + [0xFF], second: [UInt8] = Array("secret-".utf8) + [0xFE]
        #expect(String(decoding: first, as: UTF8.self) == String(decoding: second, as: UTF8.self))
        #expect(throws: PasswordTextError.notUTF8) { try PasswordRules.password(fromBytes: first) }
        #expect(throws: PasswordTextError.notUTF8) { try PasswordRules.password(fromBytes: second) }
    }

    @Test func replacementCharactersAndControlsAreRefused() throws {
        #expect(throws: PasswordTextError.replacementCharacter) { try PasswordRules.checkText("secret-\u{FFFD}-pass") }
        #expect(throws: PasswordTextError.replacementCharacter) {
            try PasswordRules.password(fromBytes: Array("secret-\u{FFFD}".utf8))   // valid UTF-8, still refused
        }
        for control in ["\u{0}", "\t", "\u{1B}[A", "\u{7F}", "\u{85}", "\r"] {
            #expect(throws: PasswordTextError.controlCharacter) { try PasswordRules.checkText("secret" + control + "pass") }
        }
        try PasswordRules.checkText("with spaces and \u{200D} joiners: 👩‍💻")
    }
}
