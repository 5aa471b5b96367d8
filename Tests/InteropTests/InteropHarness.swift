import TestWaiting
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the pieces of an interoperability test as child processes: the Gurux
/// client (Tests/Interop/gurux_read.py in the venv that scripts/test-tools.sh
/// makes) and the simulator `es951-sim` (built by `swift test` because this
/// target depends on it).
enum InteropHarness {
    /// The package root, found from this source file (Tests/InteropTests/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var script: URL { packageRoot.appendingPathComponent("Tests/Interop/gurux_read.py") }
    static var python: URL { packageRoot.appendingPathComponent(".build/peer-venv/bin/python") }
    static var mapFile: URL { packageRoot.appendingPathComponent("Resources/es951-map.json") }

    /// scripts/test-tools.sh, run once per test process: `nil` when the venv is
    /// ready, else what went wrong (the tests fail with it — never skip).
    static var toolsProblem: String? {
        get async { await toolsCheck.value }
    }
    private static let toolsCheck = Task<String?, Never> {
        let tools = packageRoot.appendingPathComponent("scripts/test-tools.sh")
        do {
            let run = try await runToEnd(tools, [], limit: 300)
            if run.status != 0 {
                return "scripts/test-tools.sh exited with \(run.status): \(run.stderr)"
            }
        } catch {
            return "cannot run scripts/test-tools.sh: \(error)"
        }
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return "no \(python.path) after scripts/test-tools.sh"
        }
        return nil
    }

    /// `es951-sim` next to the test bundle (the build products directory).
    static let simulatorBinary: URL? = {
        var starts: [URL] = []
        if let main = Bundle.main.executableURL { starts.append(main) }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        #if os(Linux)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe))
        }
        #endif
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("es951-sim")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }()

    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("hlmcs-interop-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    struct Finished {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var description: String { "\(what) did not finish in time (killed)" }
    }

    /// Runs a program to its end, output in files (no pipe can fill up), killed
    /// after `limit` seconds. Its end is awaited (Tests/TestWaiting): no thread is held.
    static func runToEnd(_ program: URL, _ arguments: [String], limit: Double) async throws -> Finished {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let exit = try process.start()
        var status = await exit.wait(seconds: limit)
        let late = status == nil
        if late { status = await stop(process, exit) }
        let result = Finished(status: status ?? -1,
                              stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                              stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        if late { throw TimedOut(what: "\(program.lastPathComponent) \(arguments.joined(separator: " "))") }
        return result
    }

    /// SIGTERM, then SIGKILL after 3 s; its status (nil if even SIGKILL left it running 10 s).
    static func stop(_ process: Process, _ exit: Arrival<Int32>) async -> Int32? {
        if process.isRunning { process.terminate() }
        if let status = await exit.wait(seconds: 3) { return status }
        process.kill()
        return await exit.wait(seconds: 10)
    }
}

/// One run of Tests/Interop/gurux_read.py: its exit status and JSON lines.
struct GuruxRun: CustomStringConvertible {
    var status: Int32
    var lines: [[String: Any]]
    var stdout: String
    var stderr: String

    /// Runs the Gurux client with `arguments`; its own hard deadline is
    /// `deadline` seconds, ours a little longer.
    static func run(_ arguments: [String], deadline: Double = 60) async throws -> GuruxRun {
        let finished = try await InteropHarness.runToEnd(
            InteropHarness.python,
            [InteropHarness.script.path, "--deadline", String(deadline)] + arguments,
            limit: deadline + 15)
        let lines = finished.stdout.split(separator: "\n").compactMap { line -> [String: Any]? in
            guard let data = line.data(using: .utf8) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
        return GuruxRun(status: finished.status, lines: lines, stdout: finished.stdout, stderr: finished.stderr)
    }

    func all(_ op: String) -> [[String: Any]] { lines.filter { $0["op"] as? String == op } }
    func first(_ op: String) -> [String: Any]? { all(op).first }
    /// The read line for `CLASS/OBIS/ATTR`.
    func read(_ attribute: String) -> [String: Any]? {
        all("read").first { $0["attribute"] as? String == attribute }
    }
    /// A counter of the final `done` line.
    func counter(_ name: String) -> Int? { (first("done")?[name] as? NSNumber)?.intValue }

    var description: String {
        "gurux_read.py exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// A running `es951-sim`, stopped by `stop()` (call it in a `defer`).
final class SimulatorProcess: @unchecked Sendable {
    let process = Process()
    let directory: URL
    /// Its standard output, copied there as it comes.
    let stdoutFile: URL
    let stderrFile: URL
    /// What followed `LISTEN tcp ` or `LISTEN pty ` on its standard output.
    let listening: String
    private let exit: Arrival<Int32>

    struct StartFailure: Error, CustomStringConvertible { var description: String }

    /// Starts the simulator with `arguments` and awaits (at most `wait` seconds) its
    /// `LISTEN <kind> …` line.
    init(_ arguments: [String], waitFor kind: String, wait: Double = 20) async throws {
        guard let binary = InteropHarness.simulatorBinary else {
            throw StartFailure(description: "es951-sim not found next to the test bundle "
                + "(\(CommandLine.arguments[0])); `swift build --product es951-sim` makes it")
        }
        directory = try InteropHarness.scratchDirectory()
        stdoutFile = directory.appendingPathComponent("sim.stdout")
        stderrFile = directory.appendingPathComponent("sim.stderr")
        FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        let copy = try FileHandle(forWritingTo: stdoutFile)
        exit = try process.start()
        let prefix = "LISTEN \(kind) "
        // Its output is read to the end (a full pipe would stop it), copied to stdoutFile.
        let line = output.fileHandleForReading.watchLines(copyTo: copy) { line in
            line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
        }
        // The address, or nil at the end of its output (it ended before listening) or after `wait` s.
        if case let found?? = await line.wait(seconds: wait) {
            listening = found
            return
        }
        listening = ""
        let log = stderrText
        let status = exit.current.map(String.init) ?? "-1"
        stop()
        throw StartFailure(description: "es951-sim \(arguments.joined(separator: " ")) printed no "
            + "'\(prefix)…' line (exit \(status)); stderr:\n\(log)")
    }

    var stderrText: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// Ends the simulator (SIGTERM, SIGKILL if needed 3 s later) without waiting for it;
    /// its files are removed once it has ended.
    func stop() {
        let (process, exit, directory) = (self.process, self.exit, self.directory)
        Task.detached {
            _ = await InteropHarness.stop(process, exit)
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
