import TextSafety
import Accounts
import AccountStore
import Foundation

/// What a running subcommand needs: language, output mode, the store, and the login.
struct CommandContext {
    let options: GlobalOptions
    let language: Language
    let strings: Strings
    let environment: [String: String]
    let databasePath: String
    let store: AccountStore

    init(_ options: GlobalOptions) throws {
        self.options = options
        environment = ProcessInfo.processInfo.environment
        language = Language.resolve(options.lang, environment: environment)
        strings = Strings(language: language)
        databasePath = options.db ?? environment["HLMCS_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? DatabaseLocation.defaultPath(environment: environment)
        do {
            store = try AccountStore(path: databasePath)
        } catch {
            throw CommandFailure(status: .usage, message: strings.databaseUnusable(databasePath, error))
        }
        verbose("database: \(databasePath)")
    }

    /// Runs `body`, turning every error into a worded ``CommandFailure``.
    static func run(_ options: GlobalOptions, _ body: (CommandContext) throws -> Void) throws {
        let context = try CommandContext(options)
        let started = Date()
        do {
            try body(context)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw context.strings.failure(for: error)
        }
        context.verbose(String(format: "done in %.3f s", Date().timeIntervalSince(started)))
    }

    /// A line for the person on standard error (never mixed into the output proper).
    func note(_ line: String) {
        Output.message("hlmcs: " + line)
    }

    func verbose(_ line: String) {
        if options.verbose { Output.message("hlmcs: " + line) }
    }

    /// Logs in from HLMCS_USER / HLMCS_PASSWORD, or by prompting on a terminal.
    /// Returns the session and the login password (kept in memory only).
    func login() throws -> (Session, String) {
        var name = environment["HLMCS_USER"]
        // Passwords as bytes, decoded strictly: invalid UTF-8 is refused, not repaired.
        var passwordBytes = Terminal.environmentBytes("HLMCS_PASSWORD")
        if name == nil || passwordBytes == nil {
            guard Terminal.isInteractive else {
                throw CommandFailure(status: .loginOrPermission, message: strings.loginNeeded)
            }
            if name == nil { name = Terminal.readLine(prompt: strings.promptUser) }
            if passwordBytes == nil { passwordBytes = Terminal.readSecretBytes(prompt: strings.promptPassword) }
        }
        guard let name, let passwordBytes else {
            throw CommandFailure(status: .loginOrPermission, message: strings.loginNeeded)
        }
        let password = try PasswordRules.password(fromBytes: passwordBytes)
        let session = try store.login(name: name, password: password, now: Date())
        verbose("logged in as \(session.user) (\(session.role.name))")
        return (session, password)
    }

    /// A new password: from a prompt with confirmation on a terminal, else one line of
    /// standard input.
    func newPassword(for user: String) throws -> String {
        if Terminal.isInteractive {
            guard let first = Terminal.readSecretBytes(prompt: strings.promptNewPassword(user)),
                  let second = Terminal.readSecretBytes(prompt: strings.promptConfirm) else {
                throw CommandFailure(status: .usage, message: strings.noPasswordGiven)
            }
            guard first == second else { throw CommandFailure(status: .usage, message: strings.passwordsDiffer) }
            return try PasswordRules.password(fromBytes: first)
        }
        guard let line = Terminal.readLineBytes(prompt: nil), !line.isEmpty else {
            throw CommandFailure(status: .usage, message: strings.noPasswordGiven)
        }
        return try PasswordRules.password(fromBytes: line)
    }

    func role(_ text: String) throws -> Role {
        guard let role = Role(parsing: text) else {
            throw CommandFailure(status: .usage, message: strings.message(for: AccountsError.unknownRole(text)))
        }
        return role
    }

    func permission(_ text: String) throws -> Permission {
        guard let permission = Permission(identifier: text) else {
            throw CommandFailure(status: .usage, message: strings.message(for: AccountsError.unknownPermission(text)))
        }
        return permission
    }

    /// Prints a line of text, or one JSON object with `--json`.
    func emit(text: String, json: [String: Any]) {
        if options.json {
            let data = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            // JSONSerialization leaves DEL, C1 and bidi controls raw: escaped as \uXXXX.
            Output.line(String(decoding: OutsideText.hardenJSON(data), as: UTF8.self))
        } else {
            Output.line(text)
        }
    }
}
