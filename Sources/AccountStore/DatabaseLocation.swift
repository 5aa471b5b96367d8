import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the database lives and how its file is created.
public enum DatabaseLocation {
    public static let fileName = "hlmcs.sqlite"

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

    /// Creates the database's folder (mode 0700, with missing parents) when it does not
    /// exist — an existing folder's mode is never changed — and the file itself with mode
    /// 0600 when it does not exist.
    public static func prepare(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try createFolders(folder)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)   // the umask may have taken bits away, never added
            close(fd)
        } else if errno != EEXIST {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static func createFolders(_ folder: String) throws {
        var built = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: built])
            }
        }
    }
}
