import Accounts
import Testing
@testable import TUICore

@Suite struct RolesScreenTests {
    /// Moves the selection to `permission` × `role` from the top left.
    func select(_ s: inout RolesScreen, _ permission: Permission, _ role: Role) {
        for _ in 0..<Permission.allCases.firstIndex(of: permission)! { s.press(.down) }
        for _ in 0..<Role.allCases.firstIndex(of: role)! { s.press(.right) }
    }

    @Test func gridShowsTheMatrix() {
        let b = AccountTest.roles(RolesScreen(matrix: .defaults))
        let read = try! #require(b.lines.first { $0.contains("Read parameters") })
        #expect(read.components(separatedBy: "[x]").count == 4)
        let clock = try! #require(b.lines.first { $0.contains("Set the clock") })
        #expect(clock.components(separatedBy: "[ ]").count == 2 && clock.components(separatedBy: "[x]").count == 3)
        let users = try! #require(b.lines.first { $0.contains("Manage users") })
        #expect(users.components(separatedBy: "[ ]").count == 3 && users.contains("[■]"))
        let ru = AccountTest.text(AccountTest.roles(RolesScreen(matrix: .defaults), .ru))
        for name in ["Роли", "Чтение", "Конфигуратор", "Администратор", "Управление пользователями", "Управление ролями",
                     "Чтение параметров", "Экспорт данных", "Установка часов", "Запись данных",
                     "Файлы настроек (.set)", "Очистка данных", "Обновление ПО"] {
            #expect(ru.contains(name), "\(name)")
        }
    }

    @Test func spaceGrantsAndRevokes() {
        var s = RolesScreen(matrix: .defaults)
        #expect(s.handle(.character(" ")) == .grant(.manageUsers, .read))
        select(&s, .read, .read)
        #expect(s.handle(.character(" ")) == .revoke(.read, .read))
        s.press(.right)
        s.press(.down)  // export, Configurator
        #expect(s.handle(.character(" ")) == .revoke(.export, .configurator))
        s.reload(PermissionMatrix.defaults.granting(.firmware, to: .configurator))
        s.press(.end)
        #expect(s.handle(.character(" ")) == .revoke(.firmware, .configurator))
        #expect(s.handle(.escape) == .close)
    }

    @Test(arguments: Array(PermissionMatrix.protectedAdministratorPermissions))
    func protectedPermissionCannotBeRevoked(permission: Permission) {
        var s = RolesScreen(matrix: .defaults)
        select(&s, permission, .administrator)
        #expect(s.handle(.character(" ")) == nil)
        let en = AccountTest.text(AccountTest.roles(s))
        #expect(en.contains("Administrator always keeps “\(AccountLabels.permission(permission, AccountTest.en))”"))
        let ru = AccountTest.text(AccountTest.roles(s, .ru))
        #expect(ru.contains("«Администратор» всегда сохраняет право «\(AccountLabels.permission(permission, AccountTest.ru))»"))
        // Moving away clears the message.
        s.press(.left)
        #expect(!AccountTest.text(AccountTest.roles(s)).contains("always keeps"))
    }

    @Test func otherAdministratorPermissionsCanBeRevoked() {
        var s = RolesScreen(matrix: .defaults)
        select(&s, .firmware, .administrator)
        #expect(s.handle(.character(" ")) == .revoke(.firmware, .administrator))
        #expect(!RolesScreen.isLocked(.manageUsers, .configurator))
    }

    @Test func arrowsStayInTheGrid() {
        var s = RolesScreen(matrix: .defaults)
        s.press(.up)
        s.press(.left)
        #expect(s.row == 0 && s.column == 0)
        for _ in 0..<20 { s.press(.down); s.press(.right) }
        #expect(s.row == Permission.allCases.count - 1 && s.column == Role.allCases.count - 1)
        s.press(.tab)
        #expect(s.column == 0)
    }

    @Test func errorFromTheApp() {
        var s = RolesScreen(matrix: .defaults)
        s.show(error: "Permission denied")
        #expect(AccountTest.text(AccountTest.roles(s)).contains("Permission denied"))
        s.reload(.defaults)
        #expect(!AccountTest.text(AccountTest.roles(s)).contains("Permission denied"))
        #expect(!s.hasTextFocus)
        #expect(s.cursorPosition(in: Rect(x: 0, y: 1, width: 80, height: 22), context: AccountTest.context(.en)) == nil)
    }

    @Test func selectedCellReversed() {
        var s = RolesScreen(matrix: .defaults)
        select(&s, .write, .configurator)
        let b = AccountTest.roles(s)
        let y = try! #require(b.lines.firstIndex { $0.contains("Write data") })
        let reversed = (0..<80).filter { b[$0, y].style.reverse }
        #expect(reversed.count == 3)
        #expect(reversed.map { b[$0, y].text }.joined() == "[x]")
    }
}
