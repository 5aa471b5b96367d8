#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A process the benchmark starts: stdin from a string (or /dev/null), stdout and stderr to
/// files, so a chatty child never blocks on a full pipe; waited for with a deadline.
struct Child {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    /// Starts `arguments[0]` (a path) with `environment` added to this process's own.
    static func start(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                      in folder: String) throws -> Child {
        let name = URL(fileURLWithPath: arguments[0]).lastPathComponent + "-\(UInt32.random(in: 0...UInt32.max))"
        let out = folder + "/\(name).out", err = folder + "/\(name).err"
        var inputPath = "/dev/null"
        if let stdin {
            inputPath = folder + "/\(name).in"
            try stdin.write(toFile: inputPath, atomically: false, encoding: .utf8)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var merged = ProcessInfo.processInfo.environment
        for (k, v) in environment { merged[k] = v }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchFailure("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        return Child(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits up to `timeout` for the exit status; kills the child (SIGKILL) after that.
    func wait(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F) }
            if r < 0 { return nil }
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return nil
            }
            usleep(1000)
        }
    }

    func stop() {
        kill(pid, SIGTERM)
        if wait(timeout: .seconds(3)) == nil { kill(pid, SIGKILL) }
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Runs to the end; the exit status and the wall time from spawn to exit.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                    in folder: String, timeout: Duration = .seconds(120)) throws -> (status: Int32, seconds: Double, child: Child) {
        let began = ContinuousClock.now
        let child = try start(arguments, environment: environment, stdin: stdin, in: folder)
        guard let status = child.wait(timeout: timeout) else {
            throw BenchFailure("\(arguments.joined(separator: " ")) did not finish within \(timeout)")
        }
        return (status, seconds(ContinuousClock.now - began), child)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
