import Accounts
import Testing
@testable import TUICore

@Suite struct UsersScreenTests {
    func screen() -> UsersScreen { UsersScreen(users: AccountTest.sampleUsers, me: "Администратор") }

    @Test func tableInTheInterfaceLanguage() {
        let en = AccountTest.text(AccountTest.users(screen()))
        #expect(en.contains("Administrator") && en.contains("Configurator") && en.contains("Read"))
        #expect(en.contains("Администратор (you)"))
        let petrova = try! #require(AccountTest.users(screen()).lines.first { $0.contains("Петрова") })
        #expect(petrova.contains("no password yet"))
        let ivanov = try! #require(AccountTest.users(screen()).lines.first { $0.contains("ivanov") })
        #expect(!ivanov.contains("no password"))
        let ru = AccountTest.text(AccountTest.users(screen(), .ru))
        #expect(ru.contains("Пользователи") && ru.contains("Логин") && ru.contains("Роль"))
        #expect(ru.contains("Конфигуратор") && ru.contains("Чтение") && ru.contains("пароль не задан"))
        #expect(ru.contains("Администратор (вы)"))
    }

    @Test func escCloses() {
        var s = screen()
        #expect(s.handle(.escape) == .close)
        #expect(!s.hasTextFocus)
    }

    /// Opens the add editor and fills it: login, role (Right steps), password, confirmation.
    func add(_ s: inout UsersScreen, login: String, rightSteps: Int, password: String, confirm: String) {
        #expect(s.handle(.insert) == nil)
        s.type(login)
        s.press(.tab)
        for _ in 0..<rightSteps { s.press(.right) }
        s.press(.tab)
        s.type(password)
        s.press(.tab)
        s.type(confirm)
    }

    @Test func addAUser() {
        var s = screen()
        add(&s, login: "sidorov", rightSteps: 1, password: "Sid-2026-x", confirm: "Sid-2026-x")
        let outcome = s.handle(.enter)
        #expect(outcome == .add(name: "sidorov", role: .configurator, password: "Sid-2026-x"))
        #expect(outcome?.description == "add(sidorov, Configurator, •••)")
        // The editor stays until the app answers; reload closes it and selects the new user.
        #expect(AccountTest.text(AccountTest.users(s)).contains("New user"))
        s.reload(AccountTest.sampleUsers + [UserRow(name: "sidorov", role: .configurator, hasPassword: true)])
        #expect(!AccountTest.text(AccountTest.users(s)).contains("New user"))
        #expect(s.selectedUser?.name == "sidorov")
    }

    @Test func f7AddsToo() {
        var s = screen()
        s.press(.function(7))
        #expect(s.hasTextFocus)
        #expect(AccountTest.text(AccountTest.users(s, .ru)).contains("Новый пользователь"))
        #expect(s.handle(.escape) == nil)
        #expect(!AccountTest.text(AccountTest.users(s, .ru)).contains("Новый пользователь"))
    }

    @Test func roleFieldIsNotText() {
        var s = screen()
        s.press(.insert)
        s.press(.tab)
        #expect(!s.hasTextFocus)
        #expect(s.keyBar(AccountTest.en).map(\.key).contains("←→"))
        s.press(.character(" "))
        #expect(AccountTest.text(AccountTest.users(s)).contains("< Configurator >"))
        #expect(AccountTest.text(AccountTest.users(s, .ru)).contains("< Конфигуратор >"))
    }

    @Test(arguments: [
        ("", "Enter a login", "Введите логин"),
        (" bob", "No spaces at the start or end", "Пробел в начале или в конце логина"),
        ("bob ", "No spaces at the start or end", "Пробел в начале или в конце логина"),
        (String(repeating: "b", count: 65), "1–64 characters, no control codes", "1–64 символа, без управляющих"),
        ("IVANOV", "This user already exists", "Такой пользователь уже есть"),
        ("Aдминистратор", "This user already exists", "Такой пользователь уже есть"),
    ])
    func badLogins(login: String, en: String, ru: String) {
        var s = screen()
        add(&s, login: login, rightSteps: 0, password: "Good-pass-1", confirm: "Good-pass-1")
        #expect(s.handle(.enter) == nil)
        #expect(AccountTest.text(AccountTest.users(s)).contains(en))
        #expect(AccountTest.text(AccountTest.users(s, .ru)).contains(ru))
    }

    @Test(arguments: [
        ("bob", "short", "short", "At least 8 characters", "Не короче 8 символов"),
        ("robert-s", "Robert-S", "Robert-S", "Must not be the login", "Не должен совпадать с логином"),
        ("bob", "Good-pass-1", "Good-pass-2", "The two passwords differ", "Пароли не совпадают"),
    ])
    func badPasswords(login: String, password: String, confirm: String, en: String, ru: String) {
        var s = screen()
        add(&s, login: login, rightSteps: 0, password: password, confirm: confirm)
        // Said as you type, before Enter.
        #expect(AccountTest.text(AccountTest.users(s)).contains(en))
        #expect(s.handle(.enter) == nil)
        #expect(AccountTest.text(AccountTest.users(s, .ru)).contains(ru))
        let text = AccountTest.text(AccountTest.users(s))
        #expect(!text.contains(password) && !text.contains(confirm))
    }

    @Test func goodValuesShowNoMessage() {
        var s = screen()
        add(&s, login: "bob", rightSteps: 2, password: "Good-pass-1", confirm: "Good-pass-1")
        let text = AccountTest.text(AccountTest.users(s))
        for message in ["Enter a login", "No spaces", "already exists", "At least", "Must not", "differ"] {
            #expect(!text.contains(message))
        }
        #expect(s.handle(.enter) == .add(name: "bob", role: .administrator, password: "Good-pass-1"))
    }

    @Test func editTheRole() {
        var s = screen()
        s.press(.down)  // ivanov, Configurator
        #expect(s.handle(.enter) == nil)
        var text = AccountTest.text(AccountTest.users(s))
        #expect(text.contains("Edit user") && text.contains("< Configurator >"))
        #expect(!s.hasTextFocus)
        s.press(.right)
        #expect(s.handle(.enter) == .edit(name: "ivanov", newName: "ivanov", role: .administrator))
        s.show(error: "The last administrator cannot be given another role")
        text = AccountTest.text(AccountTest.users(s))
        // Wrapped to the editor's box.
        #expect(text.contains("│  The last administrator cannot be given another     │"))
        #expect(text.contains("│  role          "))
        s.reload(AccountTest.sampleUsers)
        #expect(s.selectedUser?.name == "ivanov")
        #expect(!AccountTest.text(AccountTest.users(s)).contains("Edit user"))
    }

    /// Issue 20 item 9 (F-13 "edit users; login + role"): the editor renames; a login in
    /// use is refused as it is typed; the logged-in user's own login is not editable.
    @Test func editTheLogin() {
        var s = screen()
        s.press(.down)  // ivanov
        s.press(.enter)
        #expect(!s.hasTextFocus, "the role has the focus first")
        s.press(.up)
        #expect(s.hasTextFocus)
        s.press(.control("u"))
        s.type("Петрова")
        #expect(AccountTest.text(AccountTest.users(s)).contains("already exists"))
        #expect(s.handle(.enter) == nil)
        s.press(.control("u"))
        s.type("petrov")
        #expect(s.handle(.enter) == .edit(name: "ivanov", newName: "petrov", role: .configurator))
        s.reload([AccountTest.sampleUsers[0], UserRow(name: "petrov", role: .configurator, hasPassword: true), AccountTest.sampleUsers[2]])
        #expect(s.selectedUser?.name == "petrov")
        // Oneself: the login is shown, not edited.
        s.press(.home)
        s.press(.enter)
        let text = AccountTest.text(AccountTest.users(s))
        #expect(text.contains("Edit user") && text.contains("Login: Администратор"), "\(text)")
        s.press(.up)
        #expect(!s.hasTextFocus)
    }

    @Test func f4EditsAndAnUnchangedRoleSendsNothing() {
        var s = screen()
        s.press(.down)
        s.press(.function(4))
        #expect(AccountTest.text(AccountTest.users(s)).contains("Edit user"))
        #expect(s.handle(.enter) == nil)
        #expect(!AccountTest.text(AccountTest.users(s)).contains("Edit user"))
    }

    @Test func setAPassword() {
        var s = screen()
        s.press(.end)  // Петрова
        s.press(.function(6))
        #expect(s.hasTextFocus)
        let text = AccountTest.text(AccountTest.users(s))
        #expect(text.contains("Set password") && text.contains("Login       : Петрова"))
        s.type("петрова")
        s.press(.tab)
        s.type("петрова")
        #expect(s.handle(.enter) == nil)  // too short
        s.press(.tab)
        s.type("-1")
        s.press(.tab)
        s.type("-1")
        // Not the login: "петрова-1" differs from "Петрова".
        let outcome = s.handle(.enter)
        #expect(outcome == .setPassword(name: "Петрова", password: "петрова-1"))
        #expect(outcome?.description == "setPassword(Петрова, •••)")
    }

    @Test func setAPasswordEqualToTheLogin() {
        var s = UsersScreen(users: [UserRow(name: "operator1", role: .read, hasPassword: true)], me: "Администратор")
        s.press(.function(6))
        s.type("OPERATOR1")
        s.press(.tab)
        s.type("OPERATOR1")
        #expect(s.handle(.enter) == nil)
        #expect(AccountTest.text(AccountTest.users(s)).contains("Must not be the login"))
    }

    @Test func youCannotDeleteYourself() {
        var s = screen()
        #expect(s.handle(.function(8)) == nil)
        var text = AccountTest.text(AccountTest.users(s))
        #expect(text.contains("You cannot delete yourself"))
        #expect(!text.contains("Delete the user"))
        #expect(s.handle(.delete) == nil)
        #expect(AccountTest.text(AccountTest.users(s, .ru)).contains("Нельзя удалить самого себя"))
        s.press(.down)
        text = AccountTest.text(AccountTest.users(s))
        #expect(!text.contains("You cannot delete yourself"))
        // Also with the other spelling of the first administrator.
        var other = UsersScreen(users: AccountTest.sampleUsers, me: "Aдминистратор")
        other.press(.function(8))
        #expect(AccountTest.text(AccountTest.users(other)).contains("You cannot delete yourself"))
    }

    @Test func deleteAfterConfirmation() {
        var s = screen()
        s.press(.down)
        #expect(s.handle(.function(8)) == nil)
        let text = AccountTest.text(AccountTest.users(s))
        #expect(text.contains("Delete the user “ivanov”?"))
        #expect(AccountTest.text(AccountTest.users(s, .ru)).contains("Удалить пользователя «ivanov»?"))
        // Cancel is the default button.
        #expect(s.handle(.enter) == nil)
        #expect(!AccountTest.text(AccountTest.users(s)).contains("Delete the user"))
        s.press(.delete)
        #expect(s.handle(.escape) == nil)
        #expect(!AccountTest.text(AccountTest.users(s)).contains("Delete the user"))
        s.press(.delete)
        s.press(.left)
        #expect(s.handle(.enter) == .delete(name: "ivanov"))
        s.show(error: "The last administrator cannot be deleted")
        #expect(AccountTest.text(AccountTest.users(s)).contains("The last administrator cannot be deleted"))
    }

    @Test func keyBarFollowsTheMode() {
        var s = screen()
        #expect(s.keyBar(AccountTest.en).map(\.key) == ["Ins/F7", "Enter/F4", "F6", "F8/Del", "Esc"])
        #expect(UsersScreen(users: [], me: "x").keyBar(AccountTest.en).map(\.key) == ["Ins/F7", "Esc"])
        s.press(.insert)
        #expect(s.keyBar(AccountTest.en).map(\.key) == ["Enter", "Tab", "Esc"])
        s.press(.escape)
        s.press(.down)
        s.press(.delete)
        #expect(s.keyBar(AccountTest.en).map(\.key) == ["Enter", "←→", "Esc"])
    }

    @Test func passwordsNeverDrawn() {
        var s = screen()
        add(&s, login: "sidorov", rightSteps: 0, password: "Hidden-Word-7", confirm: "Hidden-Word-8")
        for language in UILanguage.allCases {
            for (w, h) in Snapshot.sizes {
                let text = AccountTest.text(AccountTest.users(s, width: w, height: h, language))
                #expect(!text.contains("Hidden") && !text.contains("Word-7"))
                #expect(text.contains("sidorov") && text.contains("•••••••••••••"))
            }
        }
    }

    @Test func cursorInTheEditor() {
        var s = screen()
        #expect(s.cursorPosition(in: Rect(x: 0, y: 1, width: 80, height: 22), context: AccountTest.context(.en)) == nil)
        s.press(.insert)
        s.type("ab")
        let b = AccountTest.users(s)
        let c = try! #require(s.cursorPosition(in: Rect(x: 0, y: 1, width: 80, height: 22), context: AccountTest.context(.en)))
        #expect(b[c.x - 1, c.y].text == "b" && b[c.x - 2, c.y].text == "a" && b[c.x - 3, c.y].text == "[")
    }

    @Test func emptyList() {
        var s = UsersScreen(users: [], me: "x")
        #expect(AccountTest.text(AccountTest.users(s)).contains("No users"))
        #expect(s.handle(.function(8)) == nil && s.handle(.enter) == nil && s.handle(.function(6)) == nil)
    }
}

@Suite struct UsersScreenLayoutTests {
    @Test func longListScrollsToTheSelection() {
        let users = (1...40).map { UserRow(name: "user\($0)", role: .read, hasPassword: true) }
        var s = UsersScreen(users: users, me: "user1")
        s.press(.end)
        let b = AccountTest.users(s)
        let y = try! #require(b.lines.firstIndex { $0.contains("user40 ") })
        #expect(b[2, y].style.reverse)
        #expect(!AccountTest.text(b).contains("user1 "))
        s.press(.home)
        #expect(AccountTest.text(AccountTest.users(s)).contains("user1 (you)"))
    }

    @Test func asciiLines() {
        var s = UsersScreen(users: AccountTest.sampleUsers, me: "Администратор")
        s.press(.insert)
        var buffer = ScreenBuffer(width: 80, height: 24)
        s.render(in: Rect(x: 0, y: 1, width: 80, height: 22), into: &buffer,
                 context: DrawContext(strings: AccountTest.en, lines: .ascii))
        let text = AccountTest.text(buffer)
        #expect(text.contains("+ Users ---") && text.contains("+ New user ---"))
        #expect(!text.contains("┌") && !text.contains("│"))
        var r = RolesScreen(matrix: .defaults)
        r.press(.down)
        buffer = ScreenBuffer(width: 80, height: 24)
        r.render(in: Rect(x: 0, y: 1, width: 80, height: 22), into: &buffer,
                 context: DrawContext(strings: AccountTest.en, lines: .ascii))
        #expect(AccountTest.text(buffer).contains("[#]") && !AccountTest.text(buffer).contains("■"))
    }
}
