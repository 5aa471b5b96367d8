/// Why a new user name was refused beyond ``UserName/validate(_:)``'s rules (issue 14).
/// Kept apart from ``AccountsError`` so that adding it changed no `switch` over that type.
public enum UserNameError: Error, Sendable, Hashable {
    /// `name` looks like `existing`, a user already there (or one of its spellings: the
    /// first administrator's `Administrator`): the same letters from another script
    /// (`Аdmin` with a Cyrillic А), another case, `0` for `O`, `rn` for `m`, fullwidth
    /// forms. One could be taken for the other in the audit log or a list of users.
    case lookalike(name: String, existing: String)
}
