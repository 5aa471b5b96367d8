import TestWaiting
import Foundation

/// Runs the built `hlmcs` binary as a subprocess, with its own temporary database.
struct CommandRunner {
    let folder: URL
    let database: String
    var environment: [String: String]

    /// The `hlmcs` executable next to the test bundle (`.build/<config>/`), or `HLMCS_BIN`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["HLMCS_BIN"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = argument0.deletingLastPathComponent()
        for _ in 0 ..< 4 {   // .build/debug/hlmcsPackageTests.xctest[/Contents/MacOS]/…
            candidates.append(folder.appendingPathComponent("hlmcs"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hlmcs"))
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/hlmcs"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-cmd-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("test.sqlite").path
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder.path,
            "LANG": "C.UTF-8",
            "HLMCS_DB": database,
        ]
    }

    func removeFolder() { try? FileManager.default.removeItem(at: folder) }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The longest any one `hlmcs` run may take, in seconds (the slowest take a few):
    /// past it the run is killed and its test fails instead of holding the suite.
    static let runLimit = 120.0

    /// Runs `hlmcs args…`, optionally logged in as `user`, feeding `stdin`.
    /// `input`, when given, is fed as raw bytes instead of `stdin` (bytes that are not UTF-8).
    /// Its end and its output are awaited (Tests/TestWaiting), not waited for: no
    /// thread of the cooperative pool is held meanwhile. A run longer than `limit`
    /// seconds is killed and throws `WaitTimedOut`.
    func run(_ arguments: [String], as user: (String, String)? = nil, stdin: String = "",
             environment extra: [String: String] = [:], input: Data? = nil,
             limit: Double = CommandRunner.runLimit) async throws -> Result {
        let run = try start(arguments, as: user, stdin: stdin, environment: extra, input: input)
        let started = ContinuousClock.now
        guard let status = await run.exit.wait(seconds: limit) else {
            run.process.kill()
            throw WaitTimedOut(what: run.what + " did not end (killed)", seconds: limit)
        }
        // The pipes end with hlmcs (their readers have run since the start).
        let left = max(limit - (ContinuousClock.now - started) / .seconds(1), 5)
        let stdout = try await run.output.value(within: left, "the output of " + run.what)
        let stderr = try await run.errors.value(within: left, "the error output of " + run.what)
        return Result(status: status, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A started `hlmcs`: its exit, and its output and errors read to their end on
    /// threads of their own from the start (a full pipe cannot block it).
    private struct Started {
        let what: String
        let process: Process
        let exit: Arrival<Int32>
        let output: Arrival<Data>
        let errors: Arrival<Data>
    }

    /// Starts `hlmcs`, its input written and closed.
    private func start(_ arguments: [String], as user: (String, String)?, stdin: String,
                       environment extra: [String: String], input: Data?) throws -> Started {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = self.environment
        if let user {
            environment["HLMCS_USER"] = user.0
            environment["HLMCS_PASSWORD"] = user.1
        }
        environment.merge(extra) { $1 }
        process.environment = environment
        let inputBytes = input
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let exit = try process.start()
        let started = Started(what: "hlmcs \(arguments.joined(separator: " "))", process: process, exit: exit,
                              output: output.fileHandleForReading.readToEndOnThread(),
                              errors: errors.fileHandleForReading.readToEndOnThread())
        input.fileHandleForWriting.write(inputBytes ?? Data(stdin.utf8))   // a few bytes: the pipe holds them
        try input.fileHandleForWriting.close()
        return started
    }
}
