/// Everything a user can ask the program to do that a permission governs: the commands of
/// SPEC.md F-72 and their TUI counterparts.
public enum Action: String, CaseIterable, Sendable, Hashable, Codable {
    case info, get, meters, topology, profile, events, objects
    /// `clock` without `--sync`/`--set`.
    case clockRead = "clock-read"
    /// `--csv` on a read.
    case csvExport = "csv-export"
    case set, gprs, ip
    case serialNumberWrite = "serial-number-write"
    case llsPasswordWrite = "lls-password-write"
    case clockWrite = "clock-write"
    case timeZoneWrite = "time-zone-write"
    case settingsExport = "settings-export"
    case settingsImport = "settings-import"
    /// `settings import --dry-run` and the import preview: reads the device to show what
    /// an import would change (named as such, not as an export).
    case settingsPreview = "settings-preview"
    case clear, firmware
    /// Managing users (`hlmcs users …`, other than one's own password).
    case users
    /// Reading the audit log.
    case audit
    /// Editing or listing the permission matrix.
    case roles
    /// Listing serial ports: a login only.
    case ports
    /// Changing one's own password: a login only.
    case ownPassword = "own-password"

    /// SPEC.md's action-to-permission table, as data. An empty set means "a login only".
    public static let requirements: [Action: Set<Permission>] = [
        .info: [.read], .get: [.read], .meters: [.read], .topology: [.read],
        .profile: [.read], .events: [.read], .objects: [.read], .clockRead: [.read],
        .csvExport: [.read, .export],
        .set: [.write], .gprs: [.write], .ip: [.write],
        .serialNumberWrite: [.write], .llsPasswordWrite: [.write],
        .clockWrite: [.setClock], .timeZoneWrite: [.setClock],
        .settingsExport: [.settingsFile], .settingsImport: [.settingsFile, .write],
        .settingsPreview: [.settingsFile],
        .clear: [.clear], .firmware: [.firmware],
        .users: [.manageUsers], .audit: [.manageUsers],
        .roles: [.manageRoles],
        .ports: [], .ownPassword: [],
    ]

    /// The permissions this action needs, all of them.
    public var requiredPermissions: Set<Permission> { Self.requirements[self] ?? [] }
}
