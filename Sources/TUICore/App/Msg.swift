/// The failures of requests come as ``Failure`` values (kind and words): every user of
/// TUICore sees the type.
@_exported import Failures
import Accounts
import ES951
import Foundation

/// Everything that can happen to the UI: a key, a new size, or the result of an effect
/// the runtime carried out (DESIGN.md: keys and results in, state and effects out).
/// Texts in results are already worded in the interface language by the runtime.
public enum Msg: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// Start-up: whether the database is new (the administrator has no password yet).
    case started(firstRun: Bool)

    // Login and accounts
    case loggedIn(SessionInfo)
    case loginFailed(Failure)
    /// The first login of a new database: ask for the administrator's password.
    case administratorPasswordNeeded
    /// The role's permissions changed (an administrator edited the matrix).
    case permissionsChanged(Set<Permission>)
    case usersLoaded([UserRow])
    case matrixLoaded(PermissionMatrix)
    /// An account change went through; the words say what (shown in the log).
    case accountChanged(String)
    case accountFailed(Failure)
    case passwordChanged
    /// The audit log, newest first.
    case auditLoaded([AuditEntry])
    /// The audit log could not be read (denied, the database): said on the status line.
    case auditFailed(Failure)
    /// The audit window's CSV was written (the words say where), or why it was not.
    case auditExported(String)
    case auditExportFailed(String)

    // Connection
    case settingsReady(ports: [PortChoice], profiles: [String])
    /// A saved profile, with its LLS password when one was kept (never drawn).
    case profileLoaded(name: String, LinkSpec, llsPassword: String?)
    case profilesChanged([String])
    case connecting
    case connected(String)
    /// The device was learned and another map than the given one fits it (its name).
    case deviceMap(String)
    /// The search of F6 in the connection window: the candidate being tried.
    case findTrying(tried: Int, total: Int, candidate: String)
    /// It found the device: the settings that reach it, and what answered, in words.
    case found(LinkSpec, summary: String)
    /// Nothing answered within the limit, or the medium could not be opened.
    case findFailed(Failure)
    case connectFailed(Failure)
    /// The user's last real connection, brought back at login (plain `hlmcs`).
    case connectionRestored(LinkSpec)
    case disconnected(String?)

    // Reads
    case progress(ReadProgressInfo)
    case readStopped

    // Pages (issue 7)
    /// The result of a page's request.
    case page(ParameterPage, PageResult)
    /// The serial number changed: the device now answers at this logical (lower) address.
    case serverAddressChanged(Int)
    /// Once a second: the PC's time.
    case tick(Date)

    // Exchange log
    case log(String)
    case trace(String)
    /// The log was saved (the words say where), or why it was not.
    case logSaved(String)
    case logSaveFailed(String)
}

/// The logged-in user as the UI needs it: who, the role, and what the role may do now
/// (menus hide what it may not; the runtime's authorizer decides anyway), and the user's
/// own choices kept from a session before (the unit of energy).
public struct SessionInfo: Equatable, Sendable {
    public var user: String
    public var role: Role
    public var permissions: Set<Permission>
    /// The unit the user last chose for energy (Wh when never).
    public var energyUnit: EnergyUnit

    public init(user: String, role: Role, permissions: Set<Permission>, energyUnit: EnergyUnit = .wh) {
        self.user = user
        self.role = role
        self.permissions = permissions
        self.energyUnit = energyUnit
    }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

/// How far a read is: bytes and frames received, seconds since it began, and rows of a
/// list or profile (with their total when the device said it).
public struct ReadProgressInfo: Equatable, Sendable {
    public var bytes: Int
    public var frames: Int
    public var seconds: Double
    public var rows: Int
    public var totalRows: Int?

    public init(bytes: Int, frames: Int, rows: Int = 0, totalRows: Int? = nil, seconds: Double) {
        self.bytes = bytes
        self.frames = frames
        self.seconds = seconds
        self.rows = rows
        self.totalRows = totalRows
    }
}
