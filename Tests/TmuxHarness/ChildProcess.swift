import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to its end with a deadline, for tests: `posix_spawn`, then `waitpid`
/// with `WNOHANG` in a polling loop. Never Foundation's `Process`, whose
/// `waitUntilExit()` once hung the whole suite on a tmux client that had already exited.
///
///     let run = try ChildProcess.run(probe, environment: ["TERM": "xterm"])
///     #expect(run.status == 2)
///
/// Standard input is `/dev/null`; standard output and standard error go to files in a
/// scratch folder (a pipe could fill up, or never reach end of file when a grandchild
/// such as the tmux server keeps it open). The child gets its own process group, default
/// signal dispositions and an empty signal mask, and no other descriptor of this process.
/// Past the deadline the group is killed with SIGKILL, reaped, and `.timedOut` thrown: a
/// test then fails, it never hangs.
public enum ChildProcess {
    /// How a program ended.
    public struct Finished: Sendable, CustomStringConvertible {
        /// The exit status, or 128 + the signal number when a signal ended it (as a shell says).
        public var status: Int32
        /// The signal that ended it, if one did.
        public var signal: Int32?
        public var stdout: String
        public var stderr: String

        public var description: String {
            let how = signal.map { "killed by signal \($0)" } ?? "exit status \(status)"
            return "\(how)\nstdout: \(stdout)\nstderr: \(stderr)"
        }
    }

    /// Runs `executable` with `arguments` and waits at most `seconds` for it to end.
    /// - Parameter environment: the child's whole environment; nil passes this process's.
    /// - Throws: `HarnessError.spawnFailed` when it cannot start, `.timedOut` when it
    ///   did not end in time (it is killed and reaped first).
    public static func run(_ executable: URL, _ arguments: [String] = [],
                           environment: [String: String]? = nil,
                           seconds: Double = 10) throws(HarnessError) -> Finished {
        let command = ([executable.path] + arguments).joined(separator: " ")
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("hlmcs-child-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw .spawnFailed(command: command, reason: "cannot make \(scratch.path): \(error)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")

        let pid = try spawn(executable.path, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                            stdout: out.path, stderr: err.path, command: command)
        let ending = wait(pid, seconds: seconds)
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        guard let (status, signal) = ending else {
            throw .timedOut(command: command, seconds: seconds, output: stdout + stderr)
        }
        return Finished(status: status, signal: signal, stdout: stdout, stderr: stderr)
    }

    /// Starts the program; returns its pid.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String],
                      stdout: String, stderr: String, command: String) throws(HarnessError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of the test process: a daemon (the tmux server) holding, say, the
        // pipe `swift test` reads the results from would keep it waiting.
        _ = closeFrom?(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw .spawnFailed(command: command, reason: String(cString: strerror(result)))
        }
        return pid
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the
    /// Glibc module does not import; nil without it.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Waits for `pid` to end, polling, at most `seconds`; then kills its process group
    /// and reaps it. Returns (status, signal), nil when it had to be killed.
    static func wait(_ pid: pid_t, seconds: Double) -> (Int32, Int32?)? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        if let ended = reap(pid, until: deadline) { return ended }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        // SIGKILL cannot be caught; the short second deadline only guards against a
        // process stuck in the kernel (then it stays a zombie rather than hang the test).
        _ = reap(pid, until: .now + .seconds(5))
        return nil
    }

    /// Polls `waitpid(pid, WNOHANG)` until the child has ended or `deadline` passes.
    private static func reap(_ pid: pid_t, until deadline: ContinuousClock.Instant) -> (Int32, Int32?)? {
        var pause: UInt32 = 1_000
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                if signal == 0 { return ((status >> 8) & 0xff, nil) }
                return (128 + signal, signal)
            }
            if result == -1 && errno != EINTR {
                // ECHILD: someone else reaped it; it has ended, its status is lost.
                return (-1, nil)
            }
            if ContinuousClock.now >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }
}
