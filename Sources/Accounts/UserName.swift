import Foundation

/// Rules for login names.
public enum UserName {
    /// The first-run administrator's login, in Cyrillic as the manual spells it.
    public static let firstAdministrator = "Администратор"

    /// The name as stored: the manual also spells the first administrator with a Latin
    /// capital A (`Aдминистратор`), and an English keyboard types `Administrator`; all
    /// mean the same account.
    public static func canonical(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("A"), "А" + trimmed.dropFirst() == firstAdministrator {
            return firstAdministrator
        }
        if trimmed.lowercased() == firstAdministratorAlias.lowercased() { return firstAdministrator }
        return trimmed
    }

    /// Checks a new login: 1–64 characters, no control characters, no leading or
    /// trailing space, and no U+FFFD — the mark of bytes decoded leniently (a command
    /// line in another encoding), which would make a name no one can type.
    public static func validate(_ name: String) throws(AccountsError) {
        let ok = !name.isEmpty && name.count <= 64
            && name == name.trimmingCharacters(in: .whitespacesAndNewlines)
            && !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == "\u{FFFD}" })
        if !ok { throw .invalidUserName(name) }
    }

    /// The first administrator's English spelling, which ``canonical(_:)`` takes as it.
    public static let firstAdministratorAlias = "Administrator"

    /// Whether `a` could be read as `b`: compatibility forms folded (NFKC: fullwidth `ａ`,
    /// ligatures), invisible characters dropped, then the UTS #39 skeletons
    /// (``Confusables/skeleton(_:)``) compared with case ignored. `Аdministrator`
    /// (Cyrillic А), `administrator`, `ADMINISTRATOR` and `Adrninistrator` all look like
    /// `Administrator`.
    public static func looksAlike(_ a: String, _ b: String) -> Bool {
        let (a1, a2) = lookalikeKeys(a), (b1, b2) = lookalikeKeys(b)
        return a1 == b1 || a2 == b2
    }

    /// Two skeletons, since case and look-alikes cross: lowercased first, `ADMIN` meets
    /// `admin` (a capital I would otherwise be taken for l); mapped first, `AIice` meets
    /// `alice` (its capital I is the l of `Alice`).
    static func lookalikeKeys(_ name: String) -> (String, String) {
        let visible = String(String.UnicodeScalarView(name.precomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !$0.properties.isDefaultIgnorableCodePoint }))
        let lowerFirst = Confusables.skeleton(visible.lowercased()).lowercased()
        let mappedFirst = Confusables.skeleton(Confusables.skeleton(visible).lowercased()).lowercased()
        return (lowerFirst, mappedFirst)
    }

    /// Refuses a new name (as stored: ``canonical(_:)``) that looks like one of
    /// `existing` other than itself, or like one of their other spellings. Logins keep
    /// comparing names exactly; only adding a name is checked.
    /// - Throws: ``UserNameError/lookalike(name:existing:)`` naming the user in the way.
    public static func checkNotLookalike(_ name: String, existing: [String]) throws(UserNameError) {
        for other in existing where other != name {
            let spellings = other == firstAdministrator ? [other, firstAdministratorAlias] : [other]
            if spellings.contains(where: { looksAlike(name, $0) }) {
                throw .lookalike(name: name, existing: other)
            }
        }
    }
}
