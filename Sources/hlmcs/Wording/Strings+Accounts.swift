import Accounts
import AccountStore
import ES951
import Foundation
import TextSafety

/// Words for what issue 14 added to the accounts: a database file refused before SQLite
/// touches it, password text that is not clean UTF-8, a user name that looks like another.
extension Strings {
    func message(for error: DatabaseFileError) -> String {
        switch error {
        case .emptyPath:
            return self["accountsCli.databaseFile.emptyPath"]
        case .notARegularFile(let path, let kind):
            return self["accountsCli.databaseFile.notARegularFile", path, kindName(kind)]
        case .permissionsTooOpen(let path, let mode):
            let octal = String(format: "%04o", mode)
            let fix = error.chmodCommand ?? "chmod 600 \(path)"
            return self["accountsCli.databaseFile.permissionsTooOpen", path, octal, fix]
        case .cannotCreate(let path, let code):
            return self["accountsCli.databaseFile.cannotCreate", path, String(cString: strerror(code))]
        case .cannotInspect(let path, let code):
            return self["accountsCli.databaseFile.cannotInspect", path, String(cString: strerror(code))]
        }
    }

    private func kindName(_ kind: DatabaseFileError.FileKind) -> String {
        switch kind {
        case .directory: self["accountsCli.fileKind.directory"]
        case .characterDevice: self["accountsCli.fileKind.characterDevice"]
        case .blockDevice: self["accountsCli.fileKind.blockDevice"]
        case .fifo: self["accountsCli.fileKind.fifo"]
        case .socket: self["accountsCli.fileKind.socket"]
        case .other: self["accountsCli.fileKind.other"]
        }
    }

    func message(for error: PasswordTextError) -> String {
        switch error {
        case .notUTF8:
            self["accountsCli.passwordText.notUTF8"]
        case .replacementCharacter:
            self["accountsCli.passwordText.replacementCharacter"]
        case .controlCharacter:
            self["accountsCli.passwordText.controlCharacter"]
        }
    }

    func message(for error: UserNameError) -> String {
        switch error {
        case .lookalike(let name, let existing):
            self["accountsCli.userName.lookalike", name, existing]
        }
    }

    /// A saved connection profile that cannot be read back.
    func profileUnreadable(_ name: String, _ error: LinkSpec.ProfileTextError) -> String {
        let why: String = switch error {
        case .malformed: self["accountsCli.profile.malformed"]
        case .newerVersion(let v): self["accountsCli.profile.newerVersion", String(v)]
        case .legacy(let word): self["accountsCli.profile.legacy", OutsideText.forTerminal(word, limit: 40)]
        }
        return self["accountsCli.profile.unreadable", name, why]
    }
}
