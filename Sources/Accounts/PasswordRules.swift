/// What a new login password must satisfy (issue 3): at least 8 characters, and not the
/// login itself (compared case-insensitively); and what any password's text must be
/// (issue 14): valid UTF-8, without U+FFFD or control characters (``checkText(_:)``).
public enum PasswordRules {
    public static let minimumLength = 8

    public static func check(_ password: String, login: String) throws(AccountsError) {
        if password.count < minimumLength { throw .passwordTooShort(minimum: minimumLength) }
        if password.lowercased() == login.lowercased()
            || UserName.canonical(password).lowercased() == UserName.canonical(login).lowercased() {
            throw .passwordEqualsLogin
        }
    }

    /// Refuses text no password may hold: U+FFFD, the trace of bytes decoded leniently
    /// (`Swift.readLine`, `String(decoding:as:)`), and control characters. New passwords
    /// and login attempts both go through it, so whatever can be set can also be typed.
    public static func checkText(_ password: String) throws(PasswordTextError) {
        for scalar in password.unicodeScalars {
            if scalar == "\u{FFFD}" { throw .replacementCharacter }
            if scalar.properties.generalCategory == .control { throw .controlCharacter }
        }
    }

    /// The password in `bytes` (one line of standard input without its line end, or an
    /// environment variable's value), decoded strictly: bytes that are not UTF-8 are
    /// refused instead of becoming U+FFFD, then ``checkText(_:)`` applies.
    public static func password(fromBytes bytes: [UInt8]) throws(PasswordTextError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        try checkText(text)
        return text
    }
}
