import Accounts
import Testing
@testable import TUICore

/// Every account screen at 80×24 and 120×36, in Russian and English.
@Suite struct AccountSnapshotTests {
    static let cases: [(UILanguage, Int, Int)] = UILanguage.allCases.flatMap { l in Snapshot.sizes.map { (l, $0.width, $0.height) } }

    static func name(_ screen: String, _ l: UILanguage, _ w: Int, _ h: Int) -> String { "\(screen)-\(l.rawValue)-\(w)x\(h)" }

    @Test(arguments: cases) func login(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = LoginScreen(firstRun: false)
        screen.type("ivanov")
        screen.press(.tab)
        screen.type("wrong")
        screen.show(error: l == .ru ? "Неверное имя пользователя или пароль" : "Wrong user name or password")
        Snapshot.check(AccountTest.login(screen, width: w, height: h, l), Self.name("login", l, w, h))
    }

    @Test(arguments: cases) func loginFirstRun(_ l: UILanguage, _ w: Int, _ h: Int) {
        Snapshot.check(AccountTest.login(LoginScreen(firstRun: true), width: w, height: h, l),
                       Self.name("login-firstrun", l, w, h))
    }

    @Test(arguments: cases) func loginNewAdministratorPassword(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = LoginScreen(firstRun: true)
        screen.type("Администратор")
        screen.press(.enter)
        screen.askNewAdministratorPassword()
        screen.type("Kl0ch-2026")
        screen.press(.tab)
        screen.type("Kl0ch")
        Snapshot.check(AccountTest.login(screen, width: w, height: h, l), Self.name("login-newpassword", l, w, h))
    }

    @Test(arguments: cases) func changePassword(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = ChangePasswordScreen(user: "ivanov")
        screen.type("old-pass")
        screen.press(.tab)
        screen.type("short")
        Snapshot.check(AccountTest.password(screen, width: w, height: h, l), Self.name("password", l, w, h))
    }

    @Test(arguments: cases) func users(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = UsersScreen(users: AccountTest.sampleUsers, me: "Администратор")
        screen.press(.function(8))  // yourself: refused on the message line
        Snapshot.check(AccountTest.users(screen, width: w, height: h, l), Self.name("users", l, w, h))
    }

    @Test(arguments: cases) func usersAdd(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = UsersScreen(users: AccountTest.sampleUsers, me: "Администратор")
        screen.press(.insert)
        screen.type("sidorov")
        screen.press(.tab)
        screen.press(.right)
        screen.press(.tab)
        screen.type("Sid-2026-x")
        screen.press(.tab)
        screen.type("Sid")
        Snapshot.check(AccountTest.users(screen, width: w, height: h, l), Self.name("users-add", l, w, h))
    }

    @Test(arguments: cases) func usersDelete(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = UsersScreen(users: AccountTest.sampleUsers, me: "Администратор")
        screen.press(.down)
        screen.press(.function(8))
        Snapshot.check(AccountTest.users(screen, width: w, height: h, l), Self.name("users-delete", l, w, h))
    }

    @Test(arguments: cases) func roles(_ l: UILanguage, _ w: Int, _ h: Int) {
        var screen = RolesScreen(matrix: .defaults)
        screen.press(.down)
        screen.press(.right)
        screen.press(.right)
        screen.press(.character(" "))  // manage-roles of Administrator: locked
        Snapshot.check(AccountTest.roles(screen, width: w, height: h, l), Self.name("roles", l, w, h))
    }
}
