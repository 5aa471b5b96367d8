import TextSafety
import Concentrator
import Accounts
import AccountStore
import ES951
import Foundation
import TUICore

extension Language {
    /// The same language as the terminal UI names it.
    var uiLanguage: UILanguage {
        switch self {
        case .ru: .ru
        case .en: .en
        }
    }
}

/// Every sentence the commands say, in English or Russian (SPEC.md F-73), from the one
/// catalogue of `Resources/ui/*.json` that the terminal UI reads too (`cli.json`,
/// `errors.json`, `accounts-cli.json`, … for the commands' words).
/// Never includes a password.
struct Strings {
    let language: Language
    var ru: Bool { language == .ru }
    /// The catalogue in `language`, shared with the terminal UI.
    let catalogue: UIStrings

    /// The catalogue is parsed once per process (``UIStrings/bundled(_:)``). Should the
    /// bundle be damaged, every text shows as `⟨key⟩` followed by its values
    /// (CatalogueTests check that the bundled catalogue loads).
    init(language: Language) {
        self.language = language
        self.catalogue = (try? UIStrings.bundled(language.uiLanguage)) ?? UIStrings(language: language.uiLanguage, table: [:])
    }

    /// The text of `key` with `{1}`, `{2}`… replaced by `arguments`, in one pass (a value
    /// that itself holds `{2}` is never replaced again).
    subscript(_ key: String, _ arguments: String...) -> String {
        guard catalogue.has(key) else { return ([catalogue[key]] + arguments).joined(separator: " ") }
        return Self.fill(catalogue.text(key, []), arguments)
    }

    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), after[..<close].allSatisfy({ "0"..."9" ~= $0 }),
               let n = Int(after[..<close]), n >= 1, n <= arguments.count {
                result += arguments[n - 1]
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    var promptUser: String { self["accountsCli.promptUser"] }
    var promptPassword: String { self["accountsCli.promptPassword"] }
    func promptNewPassword(_ user: String) -> String { self["accountsCli.promptNewPassword", user] }
    var promptLLSPassword: String { self["cli.promptLLSPassword"] }
    var llsPasswordNeeded: String { self["cli.llsPasswordNeeded"] }
    var attributesNeeded: String { self["cli.attributesNeeded"] }
    func badAttribute(_ text: String) -> String { self["cli.badAttribute", text] }
    func readRefusedShort(_ reason: String) -> String { self["cli.readRefusedShort", reason] }
    func infoLabel(_ key: String) -> String {
        switch key {
        case "serial-number": self["cli.info.serialNumber"]
        case "model": self["cli.info.model"]
        case "firmware-version": self["cli.info.firmwareVersion"]
        case "manufacturer": self["cli.info.manufacturer"]
        case "hardware-version": self["cli.info.hardwareVersion"]
        case "logical-address": self["cli.info.logicalAddress"]
        case "meter-counts": self["cli.info.meterCounts"]
        case "battery-use-time": self["cli.info.batteryUseTime"]
        case "battery-voltage": self["cli.info.batteryVoltage"]
        default: key
        }
    }
    func badPoint(_ point: Int) -> String { self["cli.badPoint", String(point)] }
    func badEventCode(_ code: Int) -> String { self["cli.badEventCode", String(code)] }
    func badMeterAddress(_ text: String) -> String { self["cli.badMeterAddress", text] }
    func meterNotInNetwork(_ text: String) -> String { self["cli.meterNotInNetwork", text] }
    var syncOrSet: String { self["cli.syncOrSet"] }
    func badTimeZone(_ text: String) -> String { self["cli.badTimeZone", text] }
    var promptDPDPassword: String { self["cli.promptDPDPassword"] }
    func secretNeeded(_ variable: String) -> String { self["cli.secretNeeded", variable] }
    func badEndpoint(_ text: String) -> String { self["cli.badEndpoint", text] }
    func badAddress(_ field: String, _ text: String) -> String { self["cli.badAddress", field, text] }
    func badOnOff(_ text: String) -> String { self["cli.badOnOff", text] }
    func badPort(_ port: Int) -> String { self["cli.badPort", String(port)] }
    func invalidField(_ field: String, _ reason: ValidationReason) -> String {
        let why: String = switch reason {
        case .empty: self["cli.invalidField.empty"]
        case .tooLong(let maximum): self["cli.invalidField.tooLong", String(maximum)]
        case .invalidCharacter(let c): self["cli.invalidField.invalidCharacter", String(c).debugDescription]
        case .invalidAddress: self["cli.invalidField.invalidAddress"]
        case .outOfRange(let range): self["cli.invalidField.outOfRange", String(range.lowerBound), String(range.upperBound)]
        case .duration(let range): self["cli.invalidField.duration", HeartbeatInterval.text(range.lowerBound), HeartbeatInterval.text(range.upperBound)]
        case .nonContiguousMask: self["cli.invalidField.nonContiguousMask"]
        case .passwordRequired: self["cli.invalidField.passwordRequired"]
        }
        return self["cli.invalidField.message", field, why]
    }
    var noPorts: String { self["cli.noPorts"] }
    var noAccessHint: String { self["cli.noAccessHint"] }
    var dialoutHint: String { self["cli.dialoutHint"] }
    var promptConfirm: String { self["accountsCli.promptConfirm"] }
    var passwordsDiffer: String { self["accountsCli.passwordsDiffer"] }
    var noPasswordGiven: String { self["accountsCli.noPasswordGiven"] }
    var loginNeeded: String { self["accountsCli.loginNeeded"] }
    func databaseUnusable(_ path: String, _ error: Error) -> String {
        if let error = error as? DatabaseFileError { return message(for: error) }
        return self["accountsCli.databaseUnusable", path, databaseReason(error)]
    }
    var initialized: String { self["accountsCli.initialized", UserName.firstAdministrator] }
    func userAdded(_ name: String, _ role: Role) -> String { self["accountsCli.userAdded", name, roleLabel(role)] }
    func passwordChanged(_ name: String) -> String { self["accountsCli.passwordChanged", name] }
    func userDeleted(_ name: String) -> String { self["accountsCli.userDeleted", name] }
    func roleChanged(_ name: String, _ role: Role) -> String { self["accountsCli.roleChanged", name, roleLabel(role)] }
    func granted(_ permission: Permission, _ role: Role) -> String {
        self["accountsCli.granted", roleLabel(role), permission.rawValue]
    }
    func revoked(_ permission: Permission, _ role: Role) -> String {
        self["accountsCli.revoked", roleLabel(role), permission.rawValue]
    }
    func roleLabel(_ role: Role) -> String { ru ? role.russianLabel : role.name }
    func stoppedBySignal(_ number: Int32) -> String {
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : number == SIGHUP ? "SIGHUP" : "signal \(number)"
        return self["cli.stoppedBySignal", name]
    }

    /// Before a write: the unit it goes to, as read on this association.
    func writingTo(_ device: DeviceIdentity) -> String { self["cli.writingTo", device.text] }
    func auditUnavailable(_ error: Error) -> String { self["accountsCli.auditUnavailable", databaseReason(error)] }
    func auditOutcomeLost(_ error: Error) -> String { self["accountsCli.auditOutcomeLost", databaseReason(error)] }
    /// Why the database refused, in words: locked, read-only, full, or SQLite's own text.
    func databaseReason(_ error: Error) -> String {
        switch DatabaseCondition(error) {
        case .locked?: self["accountsCli.databaseReason.locked"]
        case .readOnly?: self["accountsCli.databaseReason.readOnly"]
        case .full?: self["accountsCli.databaseReason.full"]
        case .other(let message)?: OutsideText.forTerminal(message, limit: 200)
        case nil: OutsideText.forTerminal("\(error)", limit: 200)
        }
    }

    var noPasswordYet: String { self["accountsCli.noPasswordYet"] }
    func badTime(_ text: String) -> String { self["accountsCli.badTime", text] }
    func reversedWindow(from: String, to: String) -> String { self["cli.reversedWindow", from, to] }
    func outcome(_ outcome: AuditEntry.Outcome) -> String {
        switch outcome {
        case .success: self["accountsCli.outcome.success"]
        case .failure: self["accountsCli.outcome.failure"]
        case .denied: self["accountsCli.outcome.denied"]
        case .started: self["accountsCli.outcome.started"]
        }
    }

    /// The failure, worded, with its exit status.
    func failure(for error: Error) -> CommandFailure {
        switch error {
        case let error as StorageError:
            switch error {
            case .loginFailed, .loginBackedOff, .passwordNotSet, .permissionDenied, .wrongCurrentPassword:
                return CommandFailure(status: .loginOrPermission, message: message(for: error))
            default:
                return CommandFailure(status: .usage, message: message(for: error))
            }
        case let error as AccountsError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as DatabaseFileError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as PasswordTextError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as UserNameError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let failure as CommandFailure:
            return failure
        default:
            if let failure = deviceFailure(for: error) { return failure }
            return CommandFailure(status: .usage, message: self["cli.failure.other", OutsideText.forTerminal("\(error)", limit: 200)])
        }
    }

    func message(for error: StorageError) -> String {
        switch error {
        case .userExists(let name): return self["accountsCli.storage.userExists", name]
        case .userNotFound(let name): return self["accountsCli.storage.userNotFound", name]
        case .alreadyInitialized:
            return self["accountsCli.storage.alreadyInitialized"]
        case .passwordNotSet(let name):
            return self["accountsCli.storage.passwordNotSet", name]
        case .loginFailed(nil):
            return self["accountsCli.storage.loginFailed"]
        case .loginFailed(let seconds?):
            return self["accountsCli.storage.loginFailedBackOff", String(seconds)]
        case .loginBackedOff(let seconds):
            return self["accountsCli.storage.loginBackedOff", String(seconds)]
        case .permissionDenied(let action, let missing):
            let list = missing.sorted().map(\.rawValue).joined(separator: ", ")
            return self["accountsCli.storage.permissionDenied", action.rawValue, list]
        case .wrongCurrentPassword:
            return self["accountsCli.storage.wrongCurrentPassword"]
        case .profileNotFound(let name): return self["accountsCli.storage.profileNotFound", name]
        }
    }

    func message(for error: AccountsError) -> String {
        switch error {
        case .passwordTooShort(let minimum):
            return self["accountsCli.accounts.passwordTooShort", String(minimum)]
        case .passwordEqualsLogin: return self["accountsCli.accounts.passwordEqualsLogin"]
        case .invalidUserName(let name): return self["accountsCli.accounts.invalidUserName", name.debugDescription]
        case .unknownRole(let text):
            return self["accountsCli.accounts.unknownRole", text]
        case .unknownPermission(let text):
            let all = Permission.allCases.map(\.rawValue).joined(separator: ", ")
            return self["accountsCli.accounts.unknownPermission", text, all]
        case .protectedPermission(let permission, let role):
            return self["accountsCli.accounts.protectedPermission", roleLabel(role), permission.rawValue]
        case .lastAdministrator(let name):
            return self["accountsCli.accounts.lastAdministrator", name]
        case .cannotDeleteSelf(let name):
            return self["accountsCli.accounts.cannotDeleteSelf", name]
        case .malformedPasswordHash: return self["accountsCli.accounts.malformedPasswordHash"]
        case .malformedSecret, .secretUnreadable:
            return self["accountsCli.accounts.malformedSecret"]
        case .cryptoFailure: return self["accountsCli.accounts.cryptoFailure"]
        }
    }
}
