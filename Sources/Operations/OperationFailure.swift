import ES951

/// Why a use case stopped before or while it touched the device, for the adapters to
/// word (the concentrator's own failures arrive as `ConcentratorError`, the accounts' as
/// `StorageError`).
public enum OperationFailure: Error {
    /// A write on an NLS association: the public client may only read.
    case needsLLS
    /// The write's audit entry could not be recorded: nothing was sent.
    case auditUnavailable(any Error)
    /// A file to read (a `.set` file, a firmware image) is missing, unreadable or empty.
    case unreadableFile(path: String)
    /// A file could not be written (the reason as the system gave it).
    case unwritableFile(path: String, any Error)
    /// A `.set` file that does not parse: its line and problem.
    case settingsFile(path: String, SettingsFile.Problem)
    /// A `.set` file whose values are wrong together with the device's (an IP without
    /// DHCP…): `key: reason`.
    case settingsInvalidTogether(path: String, problem: String)
    /// The LLS password change names a current password that is not the association's.
    case wrongCurrentPassword
    /// A method the program does not offer (disconnect control, class 70: it cuts a
    /// customer's supply).
    case methodNotOffered
    /// A method with no use case of its own: only an administrator may invoke it.
    case administratorOnly
}
