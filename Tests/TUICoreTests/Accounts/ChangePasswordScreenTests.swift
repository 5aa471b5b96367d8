import Accounts
import Testing
@testable import TUICore

@Suite struct ChangePasswordScreenTests {
    /// Types `current`, Tab, `new`, Tab, `confirm`.
    func filled(_ current: String, _ new: String, _ confirm: String, user: String = "ivanov") -> ChangePasswordScreen {
        var screen = ChangePasswordScreen(user: user)
        screen.type(current)
        screen.press(.tab)
        screen.type(new)
        screen.press(.tab)
        screen.type(confirm)
        return screen
    }

    @Test func escCancels() {
        var screen = ChangePasswordScreen(user: "ivanov")
        screen.type("abc")
        #expect(screen.handle(.escape) == .cancel)
    }

    @Test func goodValuesAreSent() {
        var screen = filled("old-pass", "N3w-password", "N3w-password")
        let outcome = screen.handle(.enter)
        #expect(outcome == .change(current: "old-pass", new: "N3w-password"))
        #expect(outcome?.description == "change(•••, •••)")
    }

    @Test func emptyCurrentIsAllowed() {
        // A user whose password was never set has none to give.
        var screen = filled("", "N3w-password", "N3w-password")
        #expect(screen.handle(.enter) == .change(current: "", new: "N3w-password"))
    }

    @Test(arguments: [
        ("short", "short", "At least 8 characters", "Не короче 8 символов"),
        ("IVANOV", "IVANOV", "At least 8 characters", "Не короче 8 символов"),
        ("ivanov-1", "ivanov-2", "The two passwords differ", "Пароли не совпадают"),
    ])
    func badValuesAreRefused(new: String, confirm: String, en: String, ru: String) {
        var screen = filled("old-pass", new, confirm)
        #expect(screen.handle(.enter) == nil)
        #expect(AccountTest.text(AccountTest.password(screen)).contains(en))
        #expect(AccountTest.text(AccountTest.password(screen, .ru)).contains(ru))
    }

    @Test func passwordEqualToTheLoginIsRefused() {
        var screen = filled("old-pass", "Petrov-Ivan", "Petrov-Ivan", user: "petrov-ivan")
        #expect(screen.handle(.enter) == nil)
        #expect(AccountTest.text(AccountTest.password(screen)).contains("Must not be the login"))
        #expect(AccountTest.text(AccountTest.password(screen, .ru)).contains("Не должен совпадать с логином"))
        // The focus went to the new password, the first bad field.
        #expect(screen.fields.focus == 1)
    }

    @Test func messagesAppearAsYouType() {
        var screen = ChangePasswordScreen(user: "ivanov")
        screen.press(.tab)
        #expect(!AccountTest.text(AccountTest.password(screen)).contains("At least"))
        screen.type("abc")
        #expect(AccountTest.text(AccountTest.password(screen)).contains("At least 8 characters"))
        screen.type("defgh")
        #expect(!AccountTest.text(AccountTest.password(screen)).contains("At least 8 characters"))
        screen.press(.tab)
        screen.type("abcd")
        #expect(AccountTest.text(AccountTest.password(screen)).contains("The two passwords differ"))
        screen.type("efgh")
        #expect(!AccountTest.text(AccountTest.password(screen)).contains("differ"))
    }

    @Test func passwordsNeverDrawn() {
        let screen = filled("Old-Secret", "Brand-New-1", "Brand-New-2")
        for language in UILanguage.allCases {
            for (w, h) in Snapshot.sizes {
                let text = AccountTest.text(AccountTest.password(screen, width: w, height: h, language))
                #expect(!text.contains("Old-Secret") && !text.contains("Brand-New") && !text.contains("Secret"))
                #expect(text.contains("••••••••••"))
            }
        }
    }

    @Test func errorFromTheApp() {
        var screen = filled("old-pass", "N3w-password", "N3w-password")
        #expect(screen.handle(.enter) != nil)
        screen.show(error: "The current password is wrong")
        #expect(AccountTest.text(AccountTest.password(screen)).contains("The current password is wrong"))
        screen.show(error: nil)
        #expect(!AccountTest.text(AccountTest.password(screen)).contains("wrong"))
    }

    @Test func cursorInTheFocusedField() {
        var screen = ChangePasswordScreen(user: "ivanov")
        screen.press(.tab)
        screen.type("abc")
        let b = AccountTest.password(screen)
        let c = try! #require(screen.cursorPosition(in: Rect(x: 0, y: 1, width: 80, height: 22),
                                                    context: AccountTest.context(.en)))
        #expect(b.lines[c.y].contains("New password"))
        #expect(b[c.x - 1, c.y].text == "•" && b[c.x - 4, c.y].text == "[")
        #expect(screen.hasTextFocus)
        #expect(screen.keyBar(AccountTest.en).map(\.key) == ["Enter", "Tab", "Esc"])
    }
}
