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

    /// Runs `hlmcs args…`, optionally logged in as `user`, feeding `stdin`.
    /// `input`, when given, is fed as raw bytes instead of `stdin` (bytes that are not UTF-8).
    func run(_ arguments: [String], as user: (String, String)? = nil, stdin: String = "",
             environment extra: [String: String] = [:], input: Data? = nil) throws -> Result {
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
        try process.run()
        input.fileHandleForWriting.write(inputBytes ?? Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ value: Data) { lock.withLock { data = value; finished = true } }
    var done: Bool { lock.withLock { finished } }
    var value: Data { lock.withLock { data } }
}
