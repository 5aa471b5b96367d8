import Accounts
import ES951

/// What `update` asks the runtime to do (I/O, off the UI loop). The result comes back as
/// a ``Msg``. Device effects run one after another in the order given; ``stopRead``
/// cancels the one in flight and drops those queued behind it.
public enum Effect: Equatable, Sendable, CustomStringConvertible {
    case login(user: String, password: String)
    case setAdministratorPassword(String)
    case logout
    case changePassword(current: String, new: String)
    case loadUsers
    case addUser(name: String, role: Role, password: String)
    /// A user's login and role as edited (either may be as it was).
    case editUser(name: String, newName: String, role: Role)
    case deleteUser(name: String)
    case setUserPassword(name: String, password: String)
    case loadMatrix
    case grant(Permission, Role)
    case revoke(Permission, Role)
    /// The audit log, whole (System ▸ Audit log); it comes back newest first.
    case loadAudit
    /// Writes the audit window's rows (header, then rows of text, as shown) to a new CSV
    /// file, never over one.
    case exportAudit(path: String, header: [String], rows: [[String]], CSVChoice)

    case prepareSettings
    case saveProfile(name: String, LinkSpec, llsPassword: String?, keepPassword: Bool)
    case loadProfile(name: String)
    case deleteProfile(name: String)

    case connect(LinkSpec, llsPassword: String?)
    /// Finds the speed and address the device answers (`hlmcs detect`), with progress;
    /// ``stopRead`` stops it.
    case find(LinkSpec)
    case disconnect
    case stopRead
    /// A page's request (device or file).
    case page(ParameterPage, PageRequest)
    case setRawTrace(Bool)
    /// Writes the exchange log's lines to a new file (never over one).
    case saveLog(path: String, lines: [String])
    /// Keeps the unit of energy the user chose for the next login (the user's settings).
    case saveEnergyUnit(EnergyUnit)
    case quit

    /// For logs and test failures: passwords are never printed.
    public var description: String {
        switch self {
        case .login(let user, _): "login(\(user), •••)"
        case .setAdministratorPassword: "setAdministratorPassword(•••)"
        case .changePassword: "changePassword(•••)"
        case .addUser(let name, let role, _): "addUser(\(name), \(role.name), •••)"
        case .setUserPassword(let name, _): "setUserPassword(\(name), •••)"
        case .saveProfile(let name, let settings, let password, let keep):
            "saveProfile(\(name), \(settings.linkText), password: \(password == nil ? "none" : "•••"), keep: \(keep))"
        case .connect(let settings, let password):
            "connect(\(settings.linkText), password: \(password == nil ? "none" : "•••"))"
        case .logout: "logout"
        case .loadUsers: "loadUsers"
        case .editUser(let name, let newName, let role): "editUser(\(name), \(newName), \(role.name))"
        case .deleteUser(let name): "deleteUser(\(name))"
        case .loadMatrix: "loadMatrix"
        case .grant(let p, let r): "grant(\(p.rawValue), \(r.name))"
        case .revoke(let p, let r): "revoke(\(p.rawValue), \(r.name))"
        case .loadAudit: "loadAudit"
        case .exportAudit(let path, _, let rows, _): "exportAudit(\(path), \(rows.count) rows)"
        case .prepareSettings: "prepareSettings"
        case .loadProfile(let name): "loadProfile(\(name))"
        case .deleteProfile(let name): "deleteProfile(\(name))"
        case .disconnect: "disconnect"
        case .stopRead: "stopRead"
        case .find(let spec): "find(\(spec.mediumSummary))"
        case .page(let p, let request): "page(\(p.rawValue), \(request.logText))"
        case .setRawTrace(let on): "setRawTrace(\(on))"
        case .saveLog(let path, let lines): "saveLog(\(path), \(lines.count) lines)"
        case .saveEnergyUnit(let unit): "saveEnergyUnit(\(unit.rawValue))"
        case .quit: "quit"
        }
    }
}
