import Accounts

/// Role management (SPEC F-14, administrators only): the permission matrix as a grid, one
/// row per ``Permission`` and one column per ``Role``. Arrows move, Space asks to grant or
/// revoke; the app changes the database and answers with ``reload(_:)``. What the
/// administrator role always keeps (``PermissionMatrix/protectedAdministratorPermissions``)
/// is drawn locked and cannot be toggled.
public struct RolesScreen: Sendable {
    public enum Outcome: Equatable, Sendable {
        case close
        case grant(Permission, Role)
        case revoke(Permission, Role)
    }

    public private(set) var matrix: PermissionMatrix
    /// The selected cell: an index into `Permission.allCases` and one into `Role.allCases`.
    public internal(set) var row = 0
    public internal(set) var column = 0
    var problem: AccountProblem?
    var error: String?

    public init(matrix: PermissionMatrix) {
        self.matrix = matrix
    }

    /// The matrix after a change went through; the selection stays.
    public mutating func reload(_ matrix: PermissionMatrix) {
        self.matrix = matrix
        problem = nil
        error = nil
    }

    /// Shows a refusal worded by the app (nil clears it).
    public mutating func show(error: String?) { self.error = error }

    public var hasTextFocus: Bool { false }

    /// Whether `permission` of `role` is locked (``PermissionMatrix/checkRevoke(_:from:)``
    /// refuses to take it away).
    public static func isLocked(_ permission: Permission, _ role: Role) -> Bool {
        do {
            try PermissionMatrix.checkRevoke(permission, from: role)
            return false
        } catch {
            return true
        }
    }

    public mutating func handle(_ key: Key) -> Outcome? {
        let rows = Permission.allCases.count, columns = Role.allCases.count
        switch key {
        case .escape: return .close
        case .up: row = max(0, row - 1)
        case .down: row = min(rows - 1, row + 1)
        case .left: column = max(0, column - 1)
        case .right: column = min(columns - 1, column + 1)
        case .tab: column = (column + 1) % columns
        case .backTab: column = (column - 1 + columns) % columns
        case .home, .pageUp: row = 0
        case .end, .pageDown: row = rows - 1
        case .character(" "):
            let p = Permission.allCases[row], r = Role.allCases[column]
            error = nil
            if !matrix.allows(r, p) { problem = nil; return .grant(p, r) }
            if Self.isLocked(p, r) { problem = .protectedPermission(p); return nil }
            problem = nil
            return .revoke(p, r)
        default: return nil
        }
        problem = nil
        error = nil
        return nil
    }

    public func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        [KeyBar.Item("←↑↓→", s["accounts.key.move"]), KeyBar.Item("Space", s["accounts.key.toggle"]),
         KeyBar.Item("Esc", s["common.close"])]
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }

    /// The column widths: permission names, then one per role.
    func widths(_ s: UIStrings, width: Int) -> (name: Int, role: [Int]) {
        let roles = Role.allCases.map { max(DisplayWidth.of(AccountLabels.role($0, s)), 5) + 2 }
        let names = (Permission.allCases.map { DisplayWidth.of(AccountLabels.permission($0, s)) }
            + [DisplayWidth.of(s["accounts.roles.column.permission"])]).max()! + 2
        return (max(6, min(names, width - roles.reduce(0, +))), roles)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        let s = context.strings
        buffer.clear(area)
        let f = Frame(title: s["accounts.roles.title"], lines: context.lines, titleStyle: Style(bold: true))
        f.render(in: area, into: &buffer)
        let inner = f.inner(area)
        guard inner.width > 4, inner.height > 2 else { return }
        let grid = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let (nameWidth, roleWidths) = widths(s, width: grid.width)
        let locked = context.ascii ? "[#]" : "[■]"

        // Header: "Permission   Read  Configurator  Administrator"
        var x = grid.x + buffer.write(DisplayWidth.fit(s["accounts.roles.column.permission"], columns: nameWidth),
                                      x: grid.x, y: grid.y, style: Style(bold: true), maxWidth: grid.width)
        for (i, role) in Role.allCases.enumerated() where x < grid.maxX {
            x += buffer.write(DisplayWidth.fit(AccountLabels.role(role, s), columns: roleWidths[i], alignment: .center),
                              x: x, y: grid.y, style: Style(bold: true), maxWidth: grid.maxX - x)
        }

        // Under the grid: a blank line, the legend, and up to two lines of message.
        let legendY = grid.maxY - 3
        var y = grid.y + 1
        let first = Scrolling.offset(0, keeping: row, rows: Permission.allCases.count, height: legendY - 1 - y)
        for (r, permission) in Permission.allCases.enumerated().dropFirst(first) where y < legendY - 1 {
            x = grid.x + buffer.write(DisplayWidth.fit(AccountLabels.permission(permission, s), columns: nameWidth),
                                      x: grid.x, y: y, style: r == row ? Style(bold: true) : .plain,
                                      maxWidth: grid.width)
            for (c, role) in Role.allCases.enumerated() where x < grid.maxX {
                let isLocked = Self.isLocked(permission, role) && matrix.allows(role, permission)
                let mark = isLocked ? locked : matrix.allows(role, permission) ? "[x]" : "[ ]"
                let w = roleWidths[c]
                let left = (w - 3) / 2
                let style = r == row && c == column ? Style(reverse: true) : Style(dim: isLocked)
                buffer.write(mark, x: x + left, y: y, style: style, maxWidth: max(0, grid.maxX - x - left))
                x += w
            }
            y += 1
        }

        // Right under the grid when there is room (a big screen), else at the bottom.
        let legend = min(legendY, y + 1)
        if legend >= y {
            buffer.write(s["accounts.roles.legend", locked, AccountLabels.role(.administrator, s)], x: grid.x, y: legend,
                         style: Style(dim: true), maxWidth: grid.width)
        }
        if let message = problem?.text(s) ?? error {
            AccountLayout.note(message, x: grid.x, y: legend + 1, width: grid.width, limit: grid.maxY,
                               style: Style(foreground: .red, bold: true), into: &buffer)
        }
    }
}
