import Accounts

/// What each menu item does. The menus list only the items the user's role may use
/// (SPEC F-13, F-14: others do not see user and role management).
public enum MenuCommand: String, CaseIterable, Sendable, Hashable {
    case switchUser, changePassword, users, roles, auditLog, exit
    case connection, connectToggle, rawTrace, exchangeLog, language
    case help, about

    var titleKey: String { "menu.item." + rawValue }
}

enum Menus {
    /// (title key, commands) for the bar, filtered for `session`.
    static func entries(for session: SessionInfo?) -> [(titleKey: String, commands: [MenuCommand])] {
        var system: [MenuCommand] = [.switchUser, .changePassword]
        if session?.may(.manageUsers) == true { system.append(.users) }
        if session?.may(.manageRoles) == true { system.append(.roles) }
        // Reading the audit log needs what managing users does (Action.audit).
        if session?.may(.manageUsers) == true { system.append(.auditLog) }
        system.append(.exit)
        return [("menu.system", system),
                ("menu.settings", [.connection, .connectToggle, .rawTrace, .exchangeLog, .language]),
                ("menu.help", [.help, .about])]
    }
}
