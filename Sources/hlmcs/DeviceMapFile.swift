import ES951
import Foundation

/// The device map in use: the built-in one, or `--map PATH` (the commands and the TUI).
enum DeviceMapFile {
    /// A file that cannot be read is a usage error worded as a file error, never a
    /// Foundation dump; one that does not parse is a `MapError`.
    static func load(_ path: String?) throws -> DeviceMap {
        guard let path else { return try DeviceMap.builtIn() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw MapFileUnreadable(path: path, reason: FileReason(error))
        }
        return try DeviceMap(data: [UInt8](data))
    }
}

/// `--map PATH` names a file that cannot be read.
struct MapFileUnreadable: Error {
    let path: String
    let reason: FileReason
}
