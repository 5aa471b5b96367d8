import Foundation

/// The project's bundled data files (the top-level `Resources/` folder), handed out as
/// bytes so that the modules reading them stay free of file handling.
///
/// SwiftPM copies the files named in `Package.swift` (`.copy`) into the target's resource
/// bundle, which `Bundle.module` finds both on macOS and on Linux (there it is the
/// `hlmcs_Resources.resources` folder next to the executable).
///
/// ```swift
/// let bytes = try ResourceBundle.bytes(of: .deviceMap)   // Resources/es951-map.json
/// ```
public enum ResourceBundle {
    /// A data file of the bundle.
    public enum File: String, CaseIterable, Sendable {
        /// `es951-map.json`: the ES-951 COSEM object map (ES951-MAP.md as data).
        case deviceMap = "es951-map.json"
        /// `spodus-map.json`: a concentrator in СПОДЭС/СПОДУС conventions, for a device the
        /// ES-951 map does not fit.
        case spodusMap = "spodus-map.json"
        /// `events.json`: the 63 grid event codes, Russian and English names (manual В5.1).
        case events = "events.json"
    }

    /// Where `file` lies in the bundle, or nil when the bundle lacks it.
    public static func url(of file: File) -> URL? {
        let name = file.rawValue
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return Bundle.module.url(forResource: String(name[..<dot]),
                                 withExtension: String(name[name.index(after: dot)...]))
    }

    /// The bytes of `file`.
    /// - Throws: `ResourceError.missing` when the bundle lacks the file or it cannot be read.
    public static func bytes(of file: File) throws(ResourceError) -> [UInt8] {
        guard let url = url(of: file) else { throw .missing(file.rawValue) }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw .missing(file.rawValue)
        }
    }
}

/// A bundled file that is not there (a broken installation).
public enum ResourceError: Error, Equatable, Sendable {
    case missing(String)
}

extension ResourceBundle {
    /// The interface strings: every `*.json` file of `Resources/ui/` (one per screen), each
    /// an object `{"key": {"en": "…", "ru": "…"}}`, as (file name, bytes), sorted by name.
    /// - Throws: `ResourceError.missing` when the folder is not in the bundle.
    public static func interfaceStringFiles() throws(ResourceError) -> [(name: String, bytes: [UInt8])] {
        guard let folder = Bundle.module.url(forResource: "ui", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .missing("ui")
        }
        var files: [(name: String, bytes: [UInt8])] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { throw .missing("ui/" + name) }
            files.append((name, [UInt8](data)))
        }
        return files
    }
}
