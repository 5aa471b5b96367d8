/// Why the database file was refused before SQLite opened it (issue 14). Structured data
/// only: the application words it. Kept apart from ``StorageError`` so that adding it
/// changed no `switch` over that type.
public enum DatabaseFileError: Error, Sendable, Hashable {
    /// `--db ''` or an empty `HLMCS_DB` that reached the store.
    case emptyPath
    /// The path names something other than a regular file — `/dev/null`, a folder, a
    /// fifo — where SQLite would write beside it (`/dev/null-journal`) or fail obscurely.
    case notARegularFile(path: String, kind: FileKind)
    /// The file (or its `-wal`, `-shm` or `-journal` companion, then `path` names that
    /// one) may be read by the group or others: password hashes and sealed secrets stand
    /// in it. `mode` is the permission bits (e.g. 0o644); ``chmodCommand`` is the fix.
    case permissionsTooOpen(path: String, mode: Int)
    /// The folder or the file could not be created: the path that failed and `errno`.
    case cannotCreate(path: String, errno: Int32)
    /// The path could not be looked at (a parent is not a folder, no permission to
    /// search it, a loop of links): the path and `errno` of `stat`.
    case cannotInspect(path: String, errno: Int32)

    /// What a non-regular file is.
    public enum FileKind: String, Sendable, Hashable {
        case directory, characterDevice, blockDevice, fifo, socket, other
    }

    /// For ``permissionsTooOpen(path:mode:)``: the command that fixes it, the path quoted
    /// for a POSIX shell when it needs to be (`chmod 600 '/data/my db.sqlite'`).
    public var chmodCommand: String? {
        guard case .permissionsTooOpen(let path, _) = self else { return nil }
        return "chmod 600 " + Self.shellWord(path)
    }

    /// `path` as one shell word: as it is when every character is safe, else in single
    /// quotes; a relative path that starts with `-` gets `./` so it is not an option.
    static func shellWord(_ path: String) -> String {
        let path = path.hasPrefix("-") ? "./" + path : path
        let safe = path.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+,:@%=".unicodeScalars.contains($0))
                && $0.value > 0x20
        }
        if safe && !path.isEmpty { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
