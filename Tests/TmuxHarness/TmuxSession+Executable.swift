import Foundation

extension TmuxSession {
    /// The package root, found from this source file (Tests/TmuxHarness/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An executable of this package built next to the tests, to run in a session:
    /// first beside the running test binary (and up to three folders above it, for a
    /// macOS `.xctest` bundle), then in `.build/debug` and `.build/release`. A test target
    /// that depends on the executable target makes `swift test` build it first.
    ///
    ///     let probe = try TmuxSession.executable(named: "tui-probe")
    ///
    /// - Throws: `.executableMissing`, with the places searched.
    public static func executable(named name: String) throws(HarnessError) -> URL {
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0])]
        #if os(Linux)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe))
        }
        #endif
        var candidates: [URL] = []
        for start in starts {
            var folder = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0 ..< 4 {
                candidates.append(folder.appendingPathComponent(name))
                folder = folder.deletingLastPathComponent()
            }
        }
        for configuration in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/\(name)"))
        }
        func isProgram(_ url: URL) -> Bool {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && !folder.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
        guard let found = candidates.first(where: isProgram) else {
            var searched: [String] = []
            for candidate in candidates.map(\.path) where !searched.contains(candidate) { searched.append(candidate) }
            throw .executableMissing(name: name, searched: searched)
        }
        return found
    }
}
