import Foundation

/// A detached tmux session on a private server socket, for end-to-end tests of the real
/// terminal: `send-keys` types, `capture-pane -p` reads the screen as text.
final class TmuxSession {
    static let socket = "hlmcs-tuincurses-tests"
    let name: String
    let folder: URL

    /// The `tui-probe` executable next to the test bundle (`.build/<config>/`).
    static let probe: URL = {
        var candidates: [URL] = []
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0 ..< 4 {
            candidates.append(folder.appendingPathComponent("tui-probe"))
            folder = folder.deletingLastPathComponent()
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/tui-probe"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Starts `sh` in an 80×24 (or given) window, with LANG=C.UTF-8 and a `$ ` prompt.
    init(name: String, width: Int = 80, height: Int = 24) throws {
        self.name = name + "-\(getpid())"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuincurses-\(self.name)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try? Self.tmux(["kill-session", "-t", self.name])
        try Self.tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", self.name,
                       "env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 PS1='$ ' sh"])
    }

    func close() {
        _ = try? Self.tmux(["kill-session", "-t", name])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Types a shell command line and presses Enter.
    func type(_ line: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", line])
        try Self.tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Sends tmux key names (`F5`, `M-x`, `Escape`, `q`) or literal text with `literal`.
    func send(_ keys: String, literal: Bool = false) throws {
        try Self.tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + [keys])
    }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    func screen() throws -> String { try Self.tmux(["capture-pane", "-p", "-t", name]) }

    /// Polls the screen until `predicate` holds; returns the last screen either way.
    @discardableResult
    func wait(seconds: Double = 15, until predicate: (String) -> Bool) throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try screen()
        while !predicate(text) {
            if Date() > deadline { return (false, text) }
            usleep(100_000)
            text = try screen()
        }
        return (true, text)
    }

    func wait(for needle: String, seconds: Double = 15) throws -> (ok: Bool, screen: String) {
        try wait(seconds: seconds) { $0.contains(needle) }
    }

    /// `stty -a` output without its first line (speed, rows, columns: a resize changes it).
    func modes(_ name: String) -> String {
        file(name).split(separator: "\n").dropFirst().joined(separator: "\n")
    }

    func file(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "<missing \(name)>"
    }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        // The first command forks the tmux server, which keeps its stdout: a pipe would
        // then never reach end of file. Only commands that print get one.
        let prints = arguments.first == "capture-pane"
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = prints ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = prints ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "tmux", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
