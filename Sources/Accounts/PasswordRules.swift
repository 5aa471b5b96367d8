/// What a new login password must satisfy (issue 3): at least 8 characters, and not the
/// login itself (compared case-insensitively).
public enum PasswordRules {
    public static let minimumLength = 8

    public static func check(_ password: String, login: String) throws(AccountsError) {
        if password.count < minimumLength { throw .passwordTooShort(minimum: minimumLength) }
        if password.lowercased() == login.lowercased()
            || UserName.canonical(password).lowercased() == UserName.canonical(login).lowercased() {
            throw .passwordEqualsLogin
        }
    }
}
