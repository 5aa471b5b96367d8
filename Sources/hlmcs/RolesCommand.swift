import Accounts
import AccountStore
import ArgumentParser
import Foundation

/// `hlmcs roles list | grant ROLE PERMISSION | revoke ROLE PERMISSION`
struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles", abstract: "Show and edit the permission matrix.",
        subcommands: [List.self, Grant.self, Revoke.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each role with its permissions.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let (session, _) = try context.login()
                let matrix = try context.store.permissionMatrix(by: session, now: Date())
                for role in Role.allCases {
                    let permissions = matrix[role].sorted().map(\.rawValue)
                    context.emit(text: "\(context.strings.roleLabel(role))\t\(permissions.joined(separator: " "))",
                                 json: ["role": role.name, "label": role.russianLabel, "permissions": permissions])
                }
            }
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a role a permission.")
        @Argument var role: String
        @Argument var permission: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let role = try context.role(role), permission = try context.permission(permission)
                let (session, _) = try context.login()
                try context.store.grant(permission, to: role, by: session, now: Date())
                context.emit(text: context.strings.granted(permission, role),
                             json: ["ok": true, "role": role.name, "permission": permission.rawValue, "granted": true])
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a permission from a role.")
        @Argument var role: String
        @Argument var permission: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let role = try context.role(role), permission = try context.permission(permission)
                let (session, _) = try context.login()
                try context.store.revoke(permission, from: role, by: session, now: Date())
                context.emit(text: context.strings.revoked(permission, role),
                             json: ["ok": true, "role": role.name, "permission": permission.rawValue, "granted": false])
            }
        }
    }
}
