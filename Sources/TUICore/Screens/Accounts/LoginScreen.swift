import Accounts

/// The login window at start (SPEC F-10): a centred box under the product title with the
/// login field first and empty, Tab to the password (shown as •), Enter to log in. On a new
/// database (`firstRun`) it says that the default user «Администратор» has no password and
/// that the first login sets one; when the app then calls ``askNewAdministratorPassword()``
/// the box asks for the new password twice instead.
public struct LoginScreen: Sendable {
    public enum Outcome: Equatable, Sendable, CustomStringConvertible {
        case login(user: String, password: String)
        case setAdministratorPassword(String)

        /// Passwords are never printed.
        public var description: String {
            switch self {
            case .login(let user, _): "login(\(user), •••)"
            case .setAdministratorPassword: "setAdministratorPassword(•••)"
            }
        }
    }

    public let firstRun: Bool
    /// True once the app asked for the first administrator's password.
    public private(set) var settingPassword = false
    /// Login and password; after ``askNewAdministratorPassword()`` the new password and its
    /// confirmation.
    var fields = AccountFields([.text, .password])
    /// What the app reported (e.g. a wrong password), shown until the next edit.
    var error: String?

    public init(firstRun: Bool) {
        self.firstRun = firstRun
    }

    /// The next step of a first login: the login went through without a password, and the
    /// administrator must now choose one.
    public mutating func askNewAdministratorPassword() {
        settingPassword = true
        fields = AccountFields([.password, .password])
        error = nil
    }

    /// Shows a refusal worded by the app (nil clears it) and empties the password: the
    /// focus goes to it (to both new-password fields in the last step).
    public mutating func show(error: String?) {
        self.error = error
        if settingPassword {
            fields = AccountFields([.password, .password])
        } else {
            fields.clear(1)
            fields.focus = 1
            fields.submitted = false
        }
    }

    public var hasTextFocus: Bool { true }

    func problems() -> [AccountProblem?] {
        if settingPassword {
            return [AccountProblem.password(fields[0], login: UserName.firstAdministrator),
                    AccountProblem.confirmation(fields[1], of: fields[0])]
        }
        return [fields[0].isEmpty ? .loginEmpty : nil, nil]
    }

    /// Enter (from either field) logs in, or sets the new password when it is good;
    /// Tab/Up/Down move between the fields; other keys edit. F10 (quit) is the app's.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .enter:
            fields.submitted = true
            if let bad = problems().firstIndex(where: { $0 != nil }) {
                fields.focus = bad
                return nil
            }
            return settingPassword ? .setAdministratorPassword(fields[0]) : .login(user: fields[0], password: fields[1])
        default:
            if fields.handle(key), ![.tab, .backTab, .up, .down].contains(key) { error = nil }
            return nil
        }
    }

    public func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        [KeyBar.Item("Enter", settingPassword ? s["common.save"] : s["accounts.key.logIn"]),
         KeyBar.Item("Tab", s["accounts.key.nextField"]), KeyBar.Item("F10", s["accounts.key.quit"])]
    }

    // MARK: - Drawing

    func list(_ s: UIStrings) -> FieldList {
        let p = problems()
        if settingPassword {
            return FieldList(rows: [fields.row(0, label: s["accounts.field.newPassword"], problem: p[0], s),
                                    fields.row(1, label: s["accounts.field.confirm"], problem: p[1], s)],
                             focus: fields.focus)
        }
        return FieldList(rows: [fields.row(0, label: s["accounts.field.login"], problem: p[0], s),
                                fields.row(1, label: s["accounts.field.password"], problem: p[1], s)],
                         focus: fields.focus)
    }

    /// What the box says above the fields, and below them (before the error line).
    func texts(_ s: UIStrings) -> (prompt: String, note: String?) {
        if settingPassword {
            return (s["accounts.login.newPassword", UserName.firstAdministrator],
                    s["accounts.password.rules", String(PasswordRules.minimumLength)])
        }
        return (s["accounts.login.prompt"], firstRun ? s["accounts.login.firstRun", UserName.firstAdministrator] : nil)
    }

    /// The box centred in `area`, and where the prompt, the fields, the app's error and the
    /// note go (the error and the note wrapped to the box).
    func layout(in area: Rect, _ s: UIStrings)
        -> (box: Rect, content: Rect, fields: Rect, error: [String], note: [String]) {
        let list = list(s)
        let title = DisplayWidth.of(s["accounts.login.title"]) + 4
        let w = min(area.width, max(64, title + 4))
        let contentWidth = max(0, w - 6)
        let note = texts(s).note.map { AccountLayout.wrap($0, width: contentWidth) } ?? []
        let error = self.error.map { AccountLayout.wrap($0, width: contentWidth) } ?? []
        // Frame, blank, prompt, blank, fields, error (at least a line), blank and note, blank, frame.
        let h = min(area.height, 2 + 3 + list.height + max(1, error.count) + (note.isEmpty ? 0 : note.count + 1) + 1)
        let box = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        let content = Rect(x: box.x + 3, y: box.y + 2, width: contentWidth, height: max(0, h - 4))
        let fields = Rect(x: content.x, y: content.y + 2, width: contentWidth,
                          height: max(0, min(list.height, content.maxY - content.y - 2)))
        return (box, content, fields, error, note)
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        list(context.strings).cursorPosition(in: layout(in: area, context.strings).fields)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        let l = layout(in: area, s)
        Frame(title: s["accounts.login.title"], lines: context.lines, titleStyle: Style(bold: true))
            .render(in: l.box, into: &buffer)
        let (prompt, _) = texts(s)
        buffer.write(prompt, x: l.content.x, y: l.content.y, style: Style(bold: true), maxWidth: l.content.width)
        list(s).render(in: l.fields, into: &buffer)
        for (i, line) in l.error.enumerated() where l.fields.maxY + i < l.content.maxY {
            buffer.write(line, x: l.content.x, y: l.fields.maxY + i, style: Style(foreground: .red, bold: true),
                         maxWidth: l.content.width)
        }
        let noteY = l.fields.maxY + max(1, l.error.count) + 1
        for (i, line) in l.note.enumerated() where noteY + i < l.content.maxY {
            buffer.write(line, x: l.content.x, y: noteY + i, maxWidth: l.content.width)
        }
    }
}
