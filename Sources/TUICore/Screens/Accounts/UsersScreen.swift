import Accounts

/// User management (SPEC F-13, administrators only): the users in a table, and small
/// editors over it to add a user, edit a user's login and role, change a password, and
/// confirm a delete. The logged-in user's own login is not edited here (the session is
/// under it): another administrator, or `hlmcs users rename`, may change it.
/// The screen only asks (its ``Outcome``); the app changes the database and answers with
/// ``reload(_:)`` when the change went through or ``show(error:)`` when it was refused.
public struct UsersScreen: Sendable {
    public enum Outcome: Equatable, Sendable, CustomStringConvertible {
        case close
        case add(name: String, role: Role, password: String)
        /// Login and role as edited; either may be unchanged, never both.
        case edit(name: String, newName: String, role: Role)
        case delete(name: String)
        case setPassword(name: String, password: String)

        /// Passwords are never printed.
        public var description: String {
            switch self {
            case .close: "close"
            case .add(let name, let role, _): "add(\(name), \(role.name), •••)"
            case .edit(let name, let newName, let role): "edit(\(name), \(newName), \(role.name))"
            case .delete(let name): "delete(\(name))"
            case .setPassword(let name, _): "setPassword(\(name), •••)"
            }
        }
    }

    /// What has the keys: the table, or one of the windows over it.
    enum Mode: Hashable, Sendable {
        case list
        /// Login, role, password, confirmation.
        case add(AccountFields)
        /// Login (not for the logged-in user) and role.
        case role(name: String, AccountFields)
        /// Password, confirmation.
        case password(name: String, AccountFields)
        case delete(name: String, DialogState)
    }

    public private(set) var users: [UserRow]
    /// The logged-in user, who cannot delete themselves.
    public let me: String
    var table = TableState()
    var mode = Mode.list
    /// A refusal found here (deleting oneself), shown on the message line.
    var problem: AccountProblem?
    /// A refusal worded by the app, shown in the open editor or on the message line.
    var error: String?
    /// The user the last outcome was about: selected after the next ``reload(_:)``.
    var pending: String?

    public init(users: [UserRow], me: String) {
        self.users = users
        self.me = me
    }

    /// The users after a change went through: the editor closes and the user the change was
    /// about (or else the same user as before) is selected.
    public mutating func reload(_ users: [UserRow]) {
        let keep = pending ?? selectedUser?.name
        self.users = users
        mode = .list
        error = nil
        problem = nil
        pending = nil
        table.selected = keep.flatMap { name in users.firstIndex { $0.name == name } }
            ?? min(table.selected, max(0, users.count - 1))
    }

    /// Shows a refusal worded by the app (nil clears it).
    public mutating func show(error: String?) { self.error = error }

    public var selectedUser: UserRow? { users.indices.contains(table.selected) ? users[table.selected] : nil }

    func isMe(_ name: String) -> Bool {
        UserName.canonical(name).lowercased() == UserName.canonical(me).lowercased()
    }

    public var hasTextFocus: Bool {
        switch mode {
        case .list, .delete: false
        case .add(let f), .role(_, let f), .password(_, let f): f.hasTextFocus
        }
    }

    // MARK: - Keys

    public mutating func handle(_ key: Key) -> Outcome? {
        switch mode {
        case .list: return handleList(key)
        case .delete(let name, var dialog):
            switch key {
            case .left, .right, .tab, .backTab:
                dialog.selectedButton = 1 - dialog.selectedButton
                mode = .delete(name: name, dialog)
            case .escape: mode = .list
            case .enter:
                mode = .list
                if dialog.selectedButton == 0 { return .delete(name: name) }
            default: break
            }
            return nil
        case .add(var f):
            let outcome = edit(&f, key) { .add(name: $0[0], role: $0.role, password: $0[2]) }
            if case .add = mode { mode = .add(f) }
            if case .add(let name, _, _)? = outcome { pending = name }
            return outcome
        case .role(let name, var f):
            let outcome = edit(&f, key) { f in
                .edit(name: name, newName: f.kinds.count > 1 ? UserName.canonical(f[0]) : name, role: f.role)
            }
            if case .role = mode { mode = .role(name: name, f) }
            if case .edit(_, let newName, _)? = outcome { pending = newName }
            return outcome
        case .password(let name, var f):
            let outcome = edit(&f, key) { .setPassword(name: name, password: $0[0]) }
            if case .password = mode { mode = .password(name: name, f) }
            return outcome
        }
    }

    /// The editor of a user: login and role, the focus on the role; the logged-in user's
    /// role only.
    static func editFields(_ user: UserRow, me: Bool) -> AccountFields {
        if me { return AccountFields([.role], role: user.role) }
        var f = AccountFields([.text, .role], role: user.role)
        f.texts[0] = TextFieldState(text: user.name)
        f.focus = 1
        return f
    }

    mutating func handleList(_ key: Key) -> Outcome? {
        problem = nil
        let count = users.count
        switch key {
        case .escape: return .close
        case .up: table.move(-1, rowCount: count, height: count)
        case .down: table.move(1, rowCount: count, height: count)
        case .home, .pageUp: table.move(-count, rowCount: count, height: count)
        case .end, .pageDown: table.move(count, rowCount: count, height: count)
        case .insert, .function(7):
            error = nil
            mode = .add(AccountFields([.text, .role, .password, .password]))
        case .enter, .function(4):
            guard let user = selectedUser else { break }
            error = nil
            mode = .role(name: user.name, Self.editFields(user, me: isMe(user.name)))
        case .function(6):
            guard let user = selectedUser else { break }
            error = nil
            mode = .password(name: user.name, AccountFields([.password, .password]))
        case .function(8), .delete:
            guard let user = selectedUser else { break }
            error = nil
            if isMe(user.name) { problem = .cannotDeleteSelf } else {
                mode = .delete(name: user.name, DialogState(selectedButton: 1))
            }
        default: break
        }
        return nil
    }

    /// Esc closes the editor; Enter gives `outcome` when the fields are good (the editor
    /// stays open until the app answers); other keys edit.
    mutating func edit(_ f: inout AccountFields, _ key: Key, _ outcome: (AccountFields) -> Outcome) -> Outcome? {
        switch key {
        case .escape:
            mode = .list
            error = nil
            return nil
        case .enter:
            f.submitted = true
            if let bad = problems(f).firstIndex(where: { $0 != nil }) {
                f.focus = bad
                return nil
            }
            if case .role(let name, _) = mode, users.first(where: { $0.name == name })?.role == f.role,
               f.kinds.count == 1 || UserName.canonical(f[0]) == name {
                mode = .list  // nothing changed
                return nil
            }
            error = nil
            if case .password(let name, _) = mode { pending = name }
            return outcome(f)
        default:
            if f.handle(key), ![.tab, .backTab, .up, .down].contains(key) { error = nil }
            return nil
        }
    }

    /// The problem of each field of the open editor, whether shown yet or not.
    func problems(_ f: AccountFields) -> [AccountProblem?] {
        switch mode {
        case .add:
            return [AccountProblem.login(f[0], taken: users.map(\.name)), nil,
                    AccountProblem.password(f[2], login: f[0]), AccountProblem.confirmation(f[3], of: f[2])]
        case .password(let name, _):
            return [AccountProblem.password(f[0], login: name), AccountProblem.confirmation(f[1], of: f[0])]
        case .role(let name, _) where f.kinds.count > 1:
            let login = UserName.canonical(f[0]) == name ? nil : AccountProblem.login(f[0], taken: users.map(\.name).filter { $0 != name })
            return [login, nil]
        case .role, .list, .delete:
            return f.kinds.map { _ in nil }
        }
    }

    public func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        switch mode {
        case .list:
            var items = [KeyBar.Item("Ins/F7", s["accounts.key.add"])]
            if selectedUser != nil {
                items += [KeyBar.Item("Enter/F4", s["accounts.key.role"]), KeyBar.Item("F6", s["accounts.key.password"]),
                          KeyBar.Item("F8/Del", s["common.delete"])]
            }
            return items + [KeyBar.Item("Esc", s["common.close"])]
        case .delete:
            return [KeyBar.Item("Enter", s["accounts.key.choose"]), KeyBar.Item("←→", s["accounts.key.button"]),
                    KeyBar.Item("Esc", s["common.cancel"])]
        case .add(let f), .role(_, let f), .password(_, let f):
            var items = [KeyBar.Item("Enter", s["common.save"])]
            if f.kinds.count > 1 { items.append(KeyBar.Item("Tab", s["accounts.key.nextField"])) }
            if f.kinds[f.focus] == .role { items.append(KeyBar.Item("←→", s["accounts.key.chooseRole"])) }
            return items + [KeyBar.Item("Esc", s["common.cancel"])]
        }
    }

    // MARK: - Drawing

    func frame(_ context: DrawContext) -> Frame {
        Frame(title: context.strings["accounts.users.title"], lines: context.lines, titleStyle: Style(bold: true))
    }

    /// The editor's title and fields, when one is open.
    func editor(_ s: UIStrings) -> (title: String, list: FieldList)? {
        switch mode {
        case .list, .delete: return nil
        case .add(let f):
            let p = problems(f)
            return (s["accounts.users.add.title"], FieldList(rows: [
                f.row(0, label: s["accounts.field.login"], problem: p[0], s),
                f.roleRow(label: s["accounts.field.role"], s),
                f.row(2, label: s["accounts.field.password"], problem: p[2], s),
                f.row(3, label: s["accounts.field.confirm"], problem: p[3], s),
            ], focus: f.focus))
        case .role(let name, let f) where f.kinds.count > 1:
            let p = problems(f)
            return (s["accounts.users.role.title"], FieldList(rows: [
                f.row(0, label: s["accounts.field.login"], problem: p[0], s),
                f.roleRow(label: s["accounts.field.role"], s),
            ], focus: f.focus))
        case .role(let name, let f):
            return (s["accounts.users.role.title"], FieldList(rows: [
                .value(label: s["accounts.field.login"], text: name),
                f.roleRow(label: s["accounts.field.role"], s),
            ], focus: 1))
        case .password(let name, let f):
            let p = problems(f)
            return (s["accounts.users.password.title"], FieldList(rows: [
                .value(label: s["accounts.field.login"], text: name),
                f.row(0, label: s["accounts.field.newPassword"], problem: p[0], s),
                f.row(1, label: s["accounts.field.confirm"], problem: p[1], s),
            ], focus: f.focus + 1))
        }
    }

    /// The editor's box, centred in the frame's inside, where its fields go, and the app's
    /// error wrapped to the box (between the fields and the bottom edge).
    func editorLayout(_ list: FieldList, in area: Rect, _ context: DrawContext) -> (box: Rect, fields: Rect, error: [String]) {
        let inner = frame(context).inner(area)
        let w = min(inner.width, list.labelWidth + 3 + AccountLayout.boxWidth + 1 + 6)
        let error = self.error.map { AccountLayout.wrap($0, width: max(0, w - 6)) } ?? []
        // Frame, blank, fields, error, blank, frame.
        let h = min(inner.height, list.height + 4 + error.count)
        let box = Rect(x: inner.x + (inner.width - w) / 2, y: inner.y + (inner.height - h) / 2, width: w, height: h)
        let fields = Rect(x: box.x + 3, y: box.y + 2, width: max(0, w - 6), height: max(0, min(list.height, h - 3)))
        return (box, fields, error)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard let (_, list) = editor(context.strings) else { return nil }
        return list.cursorPosition(in: editorLayout(list, in: area, context).fields)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        let f = frame(context)
        f.render(in: area, into: &buffer)
        let inner = f.inner(area)
        guard inner.width > 2, inner.height > 2 else { return }
        let (tableArea, messageLine) = inner.splitBottom(1)
        renderTable(Rect(x: tableArea.x + 1, y: tableArea.y, width: tableArea.width - 2, height: tableArea.height - 1),
                    &buffer, s)
        let red = Style(foreground: .red, bold: true)
        let message = mode == .list ? (problem?.text(s) ?? error) : nil
        if let message {
            buffer.write(message, x: messageLine.x + 1, y: messageLine.y, style: red, maxWidth: messageLine.width - 2)
        }

        switch mode {
        case .list: break
        case .delete(let name, let state):
            Dialog(title: s["accounts.users.delete.title"], message: [s["accounts.users.delete.question", name]],
                   buttons: [s["common.delete"], s["common.cancel"]], state: state, lines: context.lines)
                .render(in: inner, into: &buffer)
        case .add, .role, .password:
            guard let (title, list) = editor(s) else { break }
            let (box, fields, error) = editorLayout(list, in: area, context)
            buffer.clear(box)
            Frame(title: title, lines: context.lines, titleStyle: Style(bold: true)).render(in: box, into: &buffer)
            list.render(in: fields, into: &buffer)
            for (i, line) in error.enumerated() where fields.maxY + i < box.maxY - 1 {
                buffer.write(line, x: fields.x, y: fields.maxY + i, style: red, maxWidth: fields.width)
            }
        }
    }

    func renderTable(_ area: Rect, _ buffer: inout ScreenBuffer, _ s: UIStrings) {
        guard !area.isEmpty else { return }
        let roleTitle = s["accounts.users.column.role"], statusTitle = s["accounts.users.column.password"]
        let noPassword = s["accounts.users.noPassword"], meMark = " " + s["accounts.users.me"]
        let roleWidth = (Role.allCases.map { DisplayWidth.of(AccountLabels.role($0, s)) } + [DisplayWidth.of(roleTitle)]).max()!
        let statusWidth = max(DisplayWidth.of(noPassword), DisplayWidth.of(statusTitle))
        let nameWidth = max(8, min(32, area.width - roleWidth - statusWidth - 4))
        let rows = users.map { u in
            [u.name + (isMe(u.name) ? meMark : ""), AccountLabels.role(u.role, s), u.hasPassword ? "" : noPassword]
        }
        let view = TableView(columns: [TableColumn(s["accounts.users.column.login"], width: nameWidth),
                                       TableColumn(roleTitle, width: roleWidth + 1),
                                       TableColumn(statusTitle, width: statusWidth)],
                             rowCount: rows.count, state: table) { rows[$0] }
        view.render(in: area, into: &buffer)
        if rows.isEmpty, area.height > 1 {
            buffer.write(s["accounts.users.empty"], x: area.x, y: area.y + 1, style: Style(dim: true), maxWidth: area.width)
        }
    }
}
