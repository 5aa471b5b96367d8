import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shell in a detached tmux window, for end-to-end tests of a real terminal program:
/// `send-keys` types, `capture-pane -p` reads the screen as text.
///
///     let session = try TmuxSession(name: "keys")
///     defer { session.close() }
///     try session.type(try TmuxSession.executable(named: "tui-probe").path)
///     let shown = try session.wait(for: "Key: none")
///     #expect(shown.ok, "did not start:\n\(shown.screen)")
///
/// Each session has a tmux server of its own (`tmux -L <name>`, the name made of the
/// test's, this process's pid and a random suffix; the socket in the session's folder),
/// so two tests never share one; `close()` kills it, and what ran in it. Every tmux
/// command is spawned by `ChildProcess` and may take `commandSeconds` at most: then it is
/// killed and the call throws. `wait` polls the screen up to its own deadline. Nothing
/// here can hang a test run.
///
/// The machine must have tmux: without it `init` throws `.tmuxMissing`, which says to
/// install it (the tests fail; they are never skipped).
public final class TmuxSession {
    /// The session's name, also the name of its tmux server's socket.
    public let name: String
    /// A scratch folder for the test's files (`stty -a` snapshots, a HOME…), removed by
    /// `close()`; it also holds the server's socket.
    public let folder: URL
    /// The longest one tmux command may take.
    public let commandSeconds: Double

    private let tmuxExecutable: URL
    private let clientEnvironment: [String: String]
    /// The tmux server's pid (a daemon: not a child of the test process).
    public private(set) var serverPID: pid_t = 0
    private var closed = false

    /// Starts `sh` with a `$ ` prompt in a `width`×`height` window, with `LANG=C.UTF-8`,
    /// without `LC_ALL` and `NO_COLOR`, and with `environment` added.
    /// - Parameter name: a short name for the test (letters, digits, `-`).
    public convenience init(name: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:],
                            commandSeconds: Double = 10) throws(HarnessError) {
        try self.init(name: name, width: width, height: height, environment: environment,
                      commandSeconds: commandSeconds, tmuxExecutable: try Self.tmux())
    }

    /// The same with a given tmux executable (the harness's tests give it one that hangs).
    init(name: String, width: Int, height: Int, environment: [String: String], commandSeconds: Double,
         tmuxExecutable: URL) throws(HarnessError) {
        self.tmuxExecutable = tmuxExecutable
        let suffix = UUID().uuidString.prefix(6).lowercased()
        self.name = "\(name.prefix(24))-\(getpid())-\(suffix)"
        self.commandSeconds = commandSeconds
        // In /tmp, not $TMPDIR: the socket's path must stay under 108 bytes.
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hlmcs-tmux-\(self.name)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .spawnFailed(command: "tmux", reason: "cannot make \(folder.path): \(error)")
        }
        var client = ProcessInfo.processInfo.environment
        client["TMUX"] = nil
        client["TMUX_PANE"] = nil
        // The socket goes to $TMUX_TMPDIR/tmux-<uid>/<name>: in the folder, gone with it.
        client["TMUX_TMPDIR"] = folder.path
        clientEnvironment = client

        let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let shell = (["env", "-u", "LC_ALL", "-u", "NO_COLOR", "LANG=C.UTF-8", "PS1='$ '"] + variables + ["sh"])
            .joined(separator: " ")
        do {
            try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", self.name, shell])
            let pid = try tmux(["display-message", "-p", "-t", self.name, "#{pid}"])
            serverPID = pid_t(pid.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Kills the tmux server and everything that runs in its window, waits (at most 5 s,
    /// then SIGKILL) until they have ended, and removes the folder. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        let panes = ((try? tmux(["list-panes", "-a", "-F", "#{pane_pid}"])) ?? "")
            .split(separator: "\n").compactMap { pid_t($0) }
        _ = try? tmux(["kill-server"])
        func leftovers() -> [pid_t] {
            ([serverPID] + panes).filter(ProcessTable.isRunning) + panes.flatMap(ProcessTable.members(ofSession:))
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while !leftovers().isEmpty && ContinuousClock.now < deadline { usleep(20_000) }
        for pid in leftovers() { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Types a shell command line and presses Enter.
    public func type(_ line: String) throws(HarnessError) {
        try tmux(["send-keys", "-t", name, "-l", line])
        try tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Sends tmux key names (`F5`, `M-x`, `Escape`, `q`), or literal text with `literal`.
    public func send(_ keys: String, literal: Bool = false) throws(HarnessError) {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + [keys])
    }

    /// Resizes the window (the program in it gets SIGWINCH).
    public func resize(width: Int, height: Int) throws(HarnessError) {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text, one line per row, without attributes.
    public func screen() throws(HarnessError) -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen every 0.1 s until `predicate` holds or `seconds` have passed;
    /// returns the last screen either way.
    @discardableResult
    public func wait(seconds: Double = 15, until predicate: (String) -> Bool) throws(HarnessError)
        -> (ok: Bool, screen: String) {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var text = try screen()
        while !predicate(text) {
            if ContinuousClock.now > deadline { return (false, text) }
            usleep(100_000)
            text = try screen()
        }
        return (true, text)
    }

    /// Polls the screen until it contains `needle`.
    @discardableResult
    public func wait(for needle: String, seconds: Double = 15) throws(HarnessError) -> (ok: Bool, screen: String) {
        try wait(seconds: seconds) { $0.contains(needle) }
    }

    /// `stty -a` output saved in the folder, without its first line (speed, rows,
    /// columns: a resize changes it), to compare the terminal's modes before and after.
    public func modes(_ name: String) -> String {
        file(name).split(separator: "\n").dropFirst().joined(separator: "\n")
    }

    /// A file in the folder, or `<missing name>`.
    public func file(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "<missing \(name)>"
    }

    /// Runs one tmux command against this session's server; returns its standard output.
    /// - Throws: `.failed` on a non-zero status, `.timedOut` past `commandSeconds`.
    @discardableResult
    public func tmux(_ arguments: [String]) throws(HarnessError) -> String {
        // -u: UTF-8 whatever the test's locale; -f /dev/null: no ~/.tmux.conf.
        let run = try ChildProcess.run(tmuxExecutable, ["-u", "-f", "/dev/null", "-L", name] + arguments,
                                       environment: clientEnvironment, seconds: commandSeconds)
        guard run.status == 0 else {
            throw .failed(command: "tmux " + arguments.joined(separator: " "), status: run.status,
                          output: run.stderr + run.stdout)
        }
        return run.stdout
    }

    /// The tmux executable: on `PATH`, else in the usual places.
    public static func tmux() throws(HarnessError) -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return try tmux(in: path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"])
    }

    /// The tmux executable in the first of `folders` that has one.
    static func tmux(in folders: [String]) throws(HarnessError) -> URL {
        let candidates = folders.map { URL(fileURLWithPath: $0).appendingPathComponent("tmux").path }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw .tmuxMissing(searched: Array(Set(folders)).sorted())
        }
        return URL(fileURLWithPath: found)
    }

    /// `value` in single quotes for `sh`.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
