// TEMPORARY: minimal stand-ins for the screens being written on the branches `settings`
// and `accounts-ui`; deleted when those branches are merged.
import Accounts

public struct UserRow: Hashable, Sendable { public var name: String; public var role: Role; public var hasPassword: Bool
    public init(name: String, role: Role, hasPassword: Bool) { self.name = name; self.role = role; self.hasPassword = hasPassword } }

public struct LoginScreen: Sendable {
    public enum Outcome: Equatable, Sendable { case login(user: String, password: String), setAdministratorPassword(String) }
    var form = Form(fields: [TextField(label: "User", state: TextFieldState()), TextField(label: "Password", kind: .password, state: TextFieldState())])
    var newPassword = false
    var error: String?
    public init(firstRun: Bool) {}
    public mutating func handle(_ key: Key) -> Outcome? {
        if key == .enter {
            if newPassword { return .setAdministratorPassword(form.fields[0].state.text) }
            return .login(user: form.fields[0].state.text, password: form.fields[1].state.text)
        }
        if form.state.handle(key, fieldCount: 2) { return nil }
        form.fields[form.state.focus].state.handle(key, kind: form.fields[form.state.focus].kind)
        return nil
    }
    public mutating func show(error: String?) { self.error = error; form.fields[1].state = TextFieldState() }
    public mutating func askNewAdministratorPassword() { newPassword = true; form.fields[0] = TextField(label: "New", kind: .password, state: TextFieldState()) }
    public var hasTextFocus: Bool { true }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { form.cursorPosition(in: area.inset(by: 2)) }
    public func keyBar(_ strings: UIStrings) -> [KeyBar.Item] { [KeyBar.Item("F10", "Quit")] }
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        form.render(in: area.inset(by: 2), into: &buffer)
        if let error { buffer.write(error, x: 2, y: 8) }
    }
}

public struct UsersScreen: Sendable {
    public enum Outcome: Equatable, Sendable { case close, add(name: String, role: Role, password: String), setRole(name: String, role: Role), delete(name: String), setPassword(name: String, password: String) }
    public init(users: [UserRow], me: String) {}
    public mutating func reload(_ users: [UserRow]) {}
    public mutating func handle(_ key: Key) -> Outcome? { key == .escape ? .close : nil }
    public mutating func show(error: String?) {}
    public var hasTextFocus: Bool { false }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
    public func keyBar(_ strings: UIStrings) -> [KeyBar.Item] { [] }
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) { Frame(title: "Users").render(in: area, into: &buffer) }
}

public struct RolesScreen: Sendable {
    public enum Outcome: Equatable, Sendable { case close, grant(Permission, Role), revoke(Permission, Role) }
    public init(matrix: PermissionMatrix) {}
    public mutating func reload(_ matrix: PermissionMatrix) {}
    public mutating func handle(_ key: Key) -> Outcome? { key == .escape ? .close : nil }
    public mutating func show(error: String?) {}
    public var hasTextFocus: Bool { false }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
    public func keyBar(_ strings: UIStrings) -> [KeyBar.Item] { [] }
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) { Frame(title: "Roles").render(in: area, into: &buffer) }
}

public struct ChangePasswordScreen: Sendable {
    public enum Outcome: Equatable, Sendable { case cancel, change(current: String, new: String) }
    public init(user: String) {}
    public mutating func handle(_ key: Key) -> Outcome? { key == .escape ? .cancel : nil }
    public mutating func show(error: String?) {}
    public var hasTextFocus: Bool { true }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
    public func keyBar(_ strings: UIStrings) -> [KeyBar.Item] { [] }
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) { Frame(title: "Password").render(in: area, into: &buffer) }
}
