import Accounts
import AccountStore
import ArgumentParser
import Foundation

/// `hlmcs users init | list | add NAME --role R | passwd NAME | delete NAME | role NAME R |
/// rename NAME NEW`
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage the program's users.",
        subcommands: [Init.self, List.self, Add.self, Passwd.self, Delete.self, SetRole.self, Rename.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the first administrator's password (once, on a new database).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                guard try !context.store.isInitialized() else { throw StorageError.alreadyInitialized }
                let password = try context.newPassword(for: UserName.firstAdministrator)
                try context.store.initialize(administratorPassword: password, now: Date())
                context.emit(text: context.strings.initialized,
                             json: ["ok": true, "user": UserName.firstAdministrator])
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and their roles.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let (session, _) = try context.login()
                for user in try context.store.listUsers(by: session, now: Date()) {
                    let note = user.hasPassword ? "" : "\t(\(context.strings.noPasswordYet))"
                    context.emit(text: "\(user.name)\t\(context.strings.roleLabel(user.role))\(note)",
                                 json: ["name": user.name, "role": user.role.name, "password": user.hasPassword])
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password comes from a prompt or standard input.")
        @Argument var name: String
        @Option(name: .long, help: "Read, Configurator or Administrator.") var role: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let role = try context.role(role)
                let name = UserName.canonical(name)
                try UserName.validate(name)
                let (session, _) = try context.login()
                // Refuse before asking for a password the user may not set.
                try context.store.authorize(session, .users, target: name, now: Date())
                // A lookalike of a name in use is refused before the password is asked for.
                try context.store.checkNewUserName(name)
                let password = try context.newPassword(for: name)
                try context.store.addUser(name: name, role: role, password: password, by: session, now: Date())
                context.emit(text: context.strings.userAdded(name, role),
                             json: ["ok": true, "user": name, "role": role.name])
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a password (one's own needs no permission).")
        @Argument var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let name = UserName.canonical(name)
                let (session, loginPassword) = try context.login()
                let own = name == session.user
                try context.store.authorize(session, own ? .ownPassword : .users, target: name, now: Date())
                let password = try context.newPassword(for: name)
                try context.store.setPassword(of: name, to: password, currentPassword: own ? loginPassword : nil,
                                              by: session, now: Date())
                context.emit(text: context.strings.passwordChanged(name), json: ["ok": true, "user": name])
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a user (never the last administrator).")
        @Argument var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let (session, _) = try context.login()
                try context.store.deleteUser(name: name, by: session, now: Date())
                let name = UserName.canonical(name)
                context.emit(text: context.strings.userDeleted(name), json: ["ok": true, "user": name])
            }
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a user another login (role, password and saved connections stay).")
        @Argument var name: String
        @Argument(help: ArgumentHelp("The new login.", valueName: "new-name")) var newName: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let (session, _) = try context.login()
                try context.store.renameUser(name, to: newName, by: session, now: Date())
                let (old, new) = (UserName.canonical(name), UserName.canonical(newName))
                context.emit(text: context.strings["accountsCli.userRenamed", old, new], json: ["ok": true, "user": new, "was": old])
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Give a user another role.")
        @Argument var name: String
        @Argument var role: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CommandContext.run(global) { context in
                let role = try context.role(role)
                let (session, _) = try context.login()
                try context.store.setRole(of: name, to: role, by: session, now: Date())
                let name = UserName.canonical(name)
                context.emit(text: context.strings.roleChanged(name, role), json: ["ok": true, "user": name, "role": role.name])
            }
        }
    }
}
