import Accounts
import Testing

/// Issue 14: a new user name that looks like one in use is refused, naming that user.
@Suite struct LookalikeNameTests {
    @Test(arguments: [
        ("\u{430}dmin", "admin"),           // Cyrillic а
        ("\u{410}dministrator", "Administrator"), // Cyrillic А
        ("\u{410}DMIN", "admin"),           // another case, and Cyrillic А
        ("Alice", "alice"),                 // case alone
        ("AIice", "alice"),                 // capital I for l
        ("ADMIN", "admin"),                 // case alone, with an I
        ("b0b", "bob"),                     // zero for o
        ("adrnin", "admin"),                // rn for m
        ("ａｄｍｉｎ", "admin"),              // fullwidth
        ("ad\u{200B}min", "admin"),         // an invisible zero-width space
        ("\u{3BF}p\u{435}rat\u{3BF}r", "operator"), // Greek ο, Cyrillic е
        ("\u{39A}\u{391}\u{3A4}\u{395}", "kate"), // Greek capitals ΚΑΤΕ
        ("Сергей", "C\u{435}ргей"),        // Latin C in a Cyrillic name
        ("\u{455}\u{430}\u{455}\u{4BB}\u{430}", "sasha"), // Cyrillic dze, a, shha
    ])
    func lookalikesAreRefused(pair: (String, String)) {
        #expect(UserName.looksAlike(pair.0, pair.1), "\(pair)")
        #expect(throws: UserNameError.lookalike(name: pair.0, existing: pair.1)) {
            try UserName.checkNotLookalike(pair.0, existing: ["someone", pair.1])
        }
    }

    @Test(arguments: [("alice", "alicia"), ("Иван", "Ivan"), ("admin", "admin2"), ("operator", "oper"),
                      ("Пётр", "Петр"), ("user1", "user2")])
    func differentNamesAreKept(pair: (String, String)) throws {
        #expect(!UserName.looksAlike(pair.0, pair.1), "\(pair)")
        try UserName.checkNotLookalike(pair.0, existing: [pair.1])
    }

    @Test func theFirstAdministratorsEnglishSpellingCounts() throws {
        // `Administrator` logs in as `Администратор`: a lookalike of either is refused,
        let cyrillicA = "\u{410}dministrator", latinA = "Администр\u{61}тор"
        #expect(throws: UserNameError.lookalike(name: cyrillicA, existing: UserName.firstAdministrator)) {
            try UserName.checkNotLookalike(cyrillicA, existing: [UserName.firstAdministrator])
        }
        #expect(throws: UserNameError.lookalike(name: latinA, existing: UserName.firstAdministrator)) {
            try UserName.checkNotLookalike(latinA, existing: [UserName.firstAdministrator])
        }
        // and the alias itself still means the same account, as before.
        #expect(UserName.canonical("Administrator") == UserName.firstAdministrator)
        #expect(UserName.canonical("Aдминистратор") == UserName.firstAdministrator)
        // A name is not its own lookalike (adding it again is the store's "exists").
        try UserName.checkNotLookalike("alice", existing: ["alice"])
    }

    @Test func aNameWithTheMarkOfLossyDecodingIsRefused() {
        #expect(throws: AccountsError.invalidUserName("ivan\u{FFFD}")) { try UserName.validate("ivan\u{FFFD}") }
    }
}
