import Accounts

/// Change own password (SPEC F-12): the current password, the new one and its
/// confirmation, all shown as •. Enter gives ``Outcome/change(current:new:)`` only when
/// the new password keeps ``PasswordRules`` and the confirmation matches; otherwise the
/// fields say what is wrong and nothing is sent.
public struct ChangePasswordScreen: Sendable {
    public enum Outcome: Equatable, Sendable, CustomStringConvertible {
        case cancel
        case change(current: String, new: String)

        /// Passwords are never printed.
        public var description: String {
            switch self {
            case .cancel: "cancel"
            case .change: "change(•••, •••)"
            }
        }
    }

    public let user: String
    var fields = AccountFields([.password, .password, .password])
    /// What the app reported (e.g. a wrong current password), shown until the next edit.
    var error: String?

    static let current = 0, new = 1, confirm = 2

    public init(user: String) {
        self.user = user
    }

    /// The problem of each field, whether shown yet or not.
    func problems() -> [AccountProblem?] {
        [nil,
         AccountProblem.password(fields[Self.new], login: user),
         AccountProblem.confirmation(fields[Self.confirm], of: fields[Self.new])]
    }

    /// Esc cancels; Enter (from any field) sends the change when the values are good;
    /// Tab/Up/Down move between the fields; other keys edit the focused one.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .escape: return .cancel
        case .enter:
            fields.submitted = true
            if let bad = problems().firstIndex(where: { $0 != nil }) {
                fields.focus = bad
                return nil
            }
            return .change(current: fields[Self.current], new: fields[Self.new])
        default:
            if fields.handle(key), key != .tab, key != .backTab, key != .up, key != .down { error = nil }
            return nil
        }
    }

    /// Shows a refusal worded by the app (nil clears it).
    public mutating func show(error: String?) { self.error = error }

    public var hasTextFocus: Bool { true }

    public func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        [KeyBar.Item("Enter", s["accounts.key.changePassword"]), KeyBar.Item("Tab", s["accounts.key.nextField"]),
         KeyBar.Item("Esc", s["common.cancel"])]
    }

    func list(_ s: UIStrings) -> FieldList {
        let p = problems()
        return FieldList(rows: [
            .value(label: s["accounts.field.user"], text: user),
            fields.row(Self.current, label: s["accounts.field.currentPassword"], problem: p[0], s),
            fields.row(Self.new, label: s["accounts.field.newPassword"], problem: p[1], s),
            fields.row(Self.confirm, label: s["accounts.field.confirm"], problem: p[2], s),
        ], focus: fields.focus + 1)
    }

    func frame(_ context: DrawContext) -> Frame {
        Frame(title: context.strings["accounts.password.title"], lines: context.lines, titleStyle: Style(bold: true))
    }

    /// Where the fields go inside the frame.
    func listArea(_ list: FieldList, in area: Rect, _ context: DrawContext) -> Rect {
        AccountLayout.formArea(list, in: frame(context).inner(area))
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        let l = list(context.strings)
        return l.cursorPosition(in: listArea(l, in: area, context))
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        frame(context).render(in: area, into: &buffer)
        let l = list(s)
        let r = listArea(l, in: area, context)
        l.render(in: r, into: &buffer)
        var y = r.maxY
        y += AccountLayout.note(s["accounts.password.rules", String(PasswordRules.minimumLength)],
                                x: r.x, y: y, width: r.width, limit: frame(context).inner(area).maxY,
                                style: Style(dim: true), into: &buffer)
        if let error {
            AccountLayout.note(error, x: r.x, y: y + 1, width: r.width, limit: frame(context).inner(area).maxY,
                               style: Style(foreground: .red, bold: true), into: &buffer)
        }
    }
}
