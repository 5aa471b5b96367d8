import Accounts
import Testing
@testable import TUICore

@Suite struct LoginScreenTests {
    @Test func userFieldFirstAndEmpty() {
        let screen = LoginScreen(firstRun: false)
        let b = AccountTest.login(screen)
        let line = try! #require(b.lines.first { $0.contains("Login") })
        #expect(line.contains("│  Login   : [" + String(repeating: " ", count: 46) + "]  │"))
        // The cursor is at the start of the login box.
        let cursor = try! #require(screen.cursorPosition(in: Rect(x: 0, y: 0, width: 80, height: 23),
                                                         context: AccountTest.context(.en)))
        #expect(b.lines[cursor.y].contains("Login"))
        #expect(b[cursor.x - 1, cursor.y].text == "[")
        #expect(screen.hasTextFocus)
        #expect(AccountTest.text(b).contains("HLMCS — ES-951 concentrator configurator"))
        #expect(!AccountTest.text(b).contains("New database"))
    }

    @Test func tabToPasswordThenEnterLogsIn() {
        var screen = LoginScreen(firstRun: false)
        screen.type("ivanov")
        #expect(screen.handle(.tab) == nil)
        screen.type("s3cret-pass")
        #expect(screen.handle(.enter) == .login(user: "ivanov", password: "s3cret-pass"))
    }

    @Test func enterFromTheUserFieldLogsInWithoutPassword() {
        var screen = LoginScreen(firstRun: true)
        screen.type("Aдминистратор")
        #expect(screen.handle(.enter) == .login(user: "Aдминистратор", password: ""))
    }

    @Test func emptyLoginIsNotSent() {
        var screen = LoginScreen(firstRun: false)
        #expect(screen.handle(.tab) == nil)
        screen.type("password1")
        #expect(screen.handle(.enter) == nil)
        let text = AccountTest.text(AccountTest.login(screen))
        #expect(text.contains("Enter a login"))
        // The focus went back to the login.
        #expect(screen.fields.focus == 0)
        #expect(AccountTest.text(AccountTest.login(screen, .ru)).contains("Введите логин"))
    }

    @Test func passwordIsMasked() {
        var screen = LoginScreen(firstRun: false)
        screen.type("ivanov")
        screen.press(.tab)
        screen.type("Tajna-99")
        for language in UILanguage.allCases {
            let text = AccountTest.text(AccountTest.login(screen, language))
            #expect(!text.contains("Tajna-99") && !text.contains("Tajna"))
            #expect(text.contains("[••••••••"))
        }
        #expect(screen.handle(.enter)?.description == "login(ivanov, •••)")
    }

    @Test func errorShownAndPasswordCleared() {
        var screen = LoginScreen(firstRun: false)
        screen.type("ivanov")
        screen.press(.tab)
        screen.type("wrong-pass")
        screen.press(.tab)  // back to the login field
        screen.show(error: "Wrong user name or password")
        #expect(screen.fields[1].isEmpty && screen.fields[0] == "ivanov")
        #expect(screen.fields.focus == 1)
        #expect(AccountTest.text(AccountTest.login(screen)).contains("Wrong user name or password"))
        screen.type("x")
        #expect(!AccountTest.text(AccountTest.login(screen)).contains("Wrong user name"))
    }

    @Test func firstRunSaysHowToStart() {
        let screen = LoginScreen(firstRun: true)
        let en = AccountTest.text(AccountTest.login(screen))
        #expect(en.contains("New database: the default user is «Администратор»"))
        #expect(en.contains("The first login must set one."))
        let ru = AccountTest.text(AccountTest.login(screen, .ru))
        #expect(ru.contains("пользователь по умолчанию — «Администратор»"))
        #expect(ru.contains("При первом входе нужно задать пароль."))
    }

    @Test func newAdministratorPassword() {
        var screen = LoginScreen(firstRun: true)
        screen.type("Администратор")
        #expect(screen.handle(.enter) == .login(user: "Администратор", password: ""))
        screen.askNewAdministratorPassword()
        var text = AccountTest.text(AccountTest.login(screen))
        #expect(text.contains("Set a password for «Администратор»"))
        #expect(text.contains("New password: [") && text.contains("Confirm     : ["))
        #expect(text.contains("at least 8 characters"))
        #expect(AccountTest.login(screen).lines.last!.contains("Save"))

        // Too short: said under the field, nothing sent.
        screen.type("short")
        #expect(AccountTest.text(AccountTest.login(screen)).contains("At least 8 characters"))
        #expect(screen.handle(.enter) == nil)
        // The login itself (case-insensitive) is refused.
        screen = LoginScreen(firstRun: true)
        screen.askNewAdministratorPassword()
        screen.type("АДМИНИСТРАТОР")
        #expect(AccountTest.text(AccountTest.login(screen)).contains("Must not be the login"))
        #expect(AccountTest.text(AccountTest.login(screen, .ru)).contains("Не должен совпадать с логином"))
        #expect(screen.handle(.enter) == nil)
        // Confirmation differs.
        screen = LoginScreen(firstRun: true)
        screen.askNewAdministratorPassword()
        screen.type("Kl0ch-2026")
        screen.press(.tab)
        screen.type("Kl0ch-2025")
        text = AccountTest.text(AccountTest.login(screen))
        #expect(text.contains("The two passwords differ"))
        #expect(!text.contains("Kl0ch"))
        #expect(screen.handle(.enter) == nil)
        screen.press(.backspace)
        screen.type("6")
        #expect(!AccountTest.text(AccountTest.login(screen)).contains("differ"))
        #expect(screen.handle(.enter) == .setAdministratorPassword("Kl0ch-2026"))
    }

    @Test func emptyNewPasswordSaysTheMinimumOnEnter() {
        var screen = LoginScreen(firstRun: true)
        screen.askNewAdministratorPassword()
        #expect(!AccountTest.text(AccountTest.login(screen)).contains("At least 8 characters"))
        #expect(screen.handle(.enter) == nil)
        #expect(AccountTest.text(AccountTest.login(screen)).contains("At least 8 characters"))
        #expect(AccountTest.text(AccountTest.login(screen, .ru)).contains("Не короче 8 символов"))
    }

    @Test func keyBarHasQuit() {
        let keys = LoginScreen(firstRun: false).keyBar(AccountTest.en).map(\.key)
        #expect(keys == ["Enter", "Tab", "F10"])
    }
}
