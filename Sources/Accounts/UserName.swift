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
        if trimmed.lowercased() == "administrator" { return firstAdministrator }
        return trimmed
    }

    /// Checks a new login: 1–64 characters, no control characters, no leading or
    /// trailing space.
    public static func validate(_ name: String) throws(AccountsError) {
        let ok = !name.isEmpty && name.count <= 64
            && name == name.trimmingCharacters(in: .whitespacesAndNewlines)
            && !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        if !ok { throw .invalidUserName(name) }
    }
}
