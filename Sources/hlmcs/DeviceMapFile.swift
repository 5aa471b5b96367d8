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

    /// The other maps a device may fit when no `--map` is given: the user's maps in
    /// `$XDG_CONFIG_HOME/hlmcs/maps/*.json` (`~/.config/hlmcs/maps`), then the built-in
    /// СПОДУС map. With `--map`, none: that map is the one. A user's map that does not
    /// parse is left out (`hlmcs map check FILE` says why).
    static func alternatives(_ path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [DeviceMap] {
        guard path == nil else { return [] }
        var maps: [DeviceMap] = []
        let folder = userMapFolder(environment)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where name.hasSuffix(".json") {
                if let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                   let map = try? DeviceMap(data: [UInt8](data)) { maps.append(map) }
            }
        }
        if let builtIn = try? DeviceMap.builtInMaps() { maps += builtIn.dropFirst() }
        return maps
    }

    /// `$XDG_CONFIG_HOME/hlmcs/maps`, or `~/.config/hlmcs/maps`.
    static func userMapFolder(_ environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("hlmcs/maps")
    }
}

/// `--map PATH` names a file that cannot be read.
struct MapFileUnreadable: Error {
    let path: String
    let reason: FileReason
}
