/// Why an export file could not be written. Structured data only: the application
/// words it. After any of these, no file is left at the destination (nor a temporary one).
public enum ExportError: Error, Equatable, Sendable {
    /// The temporary file next to the destination could not be created (missing folder,
    /// no permission): the path of the destination and `errno`.
    case cannotCreate(path: String, errno: Int32)
    /// Writing or flushing the temporary file failed (disk full…).
    case writeFailed(path: String, errno: Int32)
    /// The final rename onto the destination failed.
    case renameFailed(path: String, errno: Int32)
    /// The file was already committed or discarded.
    case finished(path: String)
}
