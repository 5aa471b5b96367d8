import Accounts

/// Why an account form refuses what was typed, found as the user types. Kept as data in
/// the screens' state and worded only when drawn (`text(_:)`), so the screens stay free of
/// the interface language. Never carries a password.
public enum AccountProblem: Hashable, Sendable {
    case loginEmpty
    case loginSpaces
    /// Too long or with control characters (``UserName/validate(_:)``).
    case loginInvalid
    case loginTaken
    case passwordTooShort(minimum: Int)
    case passwordEqualsLogin
    case confirmationDiffers
    case cannotDeleteSelf
    case protectedPermission(Permission)

    /// The words shown on screen.
    public func text(_ s: UIStrings) -> String {
        switch self {
        case .loginEmpty: s["accounts.problem.loginEmpty"]
        case .loginSpaces: s["accounts.problem.loginSpaces"]
        case .loginInvalid: s["accounts.problem.loginInvalid"]
        case .loginTaken: s["accounts.problem.loginTaken"]
        case .passwordTooShort(let minimum): s["accounts.problem.passwordTooShort", String(minimum)]
        case .passwordEqualsLogin: s["accounts.problem.passwordEqualsLogin"]
        case .confirmationDiffers: s["accounts.problem.confirmationDiffers"]
        case .cannotDeleteSelf: s["accounts.problem.cannotDeleteSelf"]
        case .protectedPermission(let p):
            s["accounts.problem.protectedPermission", AccountLabels.role(.administrator, s), AccountLabels.permission(p, s)]
        }
    }

    /// A new password for `login` against ``PasswordRules``.
    public static func password(_ password: String, login: String) -> AccountProblem? {
        do {
            try PasswordRules.check(password, login: login)
            return nil
        } catch {
            switch error {
            case .passwordTooShort(let minimum): return .passwordTooShort(minimum: minimum)
            default: return .passwordEqualsLogin
            }
        }
    }

    /// The confirmation of `password`.
    public static func confirmation(_ confirm: String, of password: String) -> AccountProblem? {
        confirm == password ? nil : .confirmationDiffers
    }

    /// A new login against ``UserName/validate(_:)`` and the logins in use (compared as
    /// stored: ``UserName/canonical(_:)``, ignoring case).
    public static func login(_ name: String, taken: [String]) -> AccountProblem? {
        if name.isEmpty { return .loginEmpty }
        if name != name.trimmingCharacters(in: .whitespacesAndNewlines) { return .loginSpaces }
        do { try UserName.validate(name) } catch { return .loginInvalid }
        let wanted = UserName.canonical(name).lowercased()
        if taken.contains(where: { UserName.canonical($0).lowercased() == wanted }) { return .loginTaken }
        return nil
    }
}

/// Role and permission names in the interface language.
public enum AccountLabels {
    /// «Чтение», «Конфигуратор», «Администратор» in Russian; `Read`, … in English.
    public static func role(_ role: Role, _ s: UIStrings) -> String { s["role." + role.name] }

    public static func permission(_ permission: Permission, _ s: UIStrings) -> String {
        s["accounts.permission." + permission.rawValue]
    }
}
