import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the database lives and how its file is created.
public enum DatabaseLocation {
    public static let fileName = "hlmcs.sqlite"

    /// The files SQLite keeps beside the database, which hold its data too.
    public static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// `$XDG_DATA_HOME/hlmcs/hlmcs.sqlite`, else `~/.local/share/hlmcs/hlmcs.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/hlmcs/" + fileName
    }

    /// Makes `path` ready for SQLite, or says why it cannot be, before SQLite touches it.
    ///
    /// A path that does not exist is created: its folder (mode 0700, with missing parents;
    /// an existing folder's mode is never changed) and the file itself, mode 0600. An
    /// existing path must be a regular file (a link to one will do) that neither the group
    /// nor others may read or write, and so must its `-wal`, `-shm` and `-journal` files
    /// where they exist: the file holds password hashes and sealed LLS passwords.
    public static func prepare(path: String) throws(DatabaseFileError) {
        guard !path.isEmpty else { throw .emptyPath }
        var info = stat()
        if stat(path, &info) == 0 {
            try check(path, info)
            for companion in companionSuffixes.map({ path + $0 }) where stat(companion, &info) == 0 {
                try check(companion, info)
            }
            return
        }
        guard errno == ENOENT else { throw .cannotInspect(path: path, errno: errno) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try createFolders(folder)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(path: path, errno: errno) }
        fchmod(fd, 0o600)   // the umask may have taken bits away, never added
        close(fd)
    }

    /// Refuses what is not a regular file, or is open to the group or others.
    static func check(_ path: String, _ info: stat) throws(DatabaseFileError) {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notARegularFile(path: path, kind: kind(type)) }
        let mode = Int(info.st_mode & 0o777)
        if mode & 0o077 != 0 { throw .permissionsTooOpen(path: path, mode: mode) }
    }

    static func kind(_ type: mode_t) -> DatabaseFileError.FileKind {
        switch type {
        case S_IFDIR: .directory
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        default: .other
        }
    }

    private static func createFolders(_ folder: String) throws(DatabaseFileError) {
        var built = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw .cannotCreate(path: built, errno: errno)
            }
        }
    }
}
