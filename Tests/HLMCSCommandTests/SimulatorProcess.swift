import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `es951-sim` (built by `swift test`: this target depends on it), started on
/// a free TCP port; ``stop()`` ends it (call it in a `defer`). The InteropTests harness
/// does the same; test targets cannot share code.
final class SimulatorProcess: @unchecked Sendable {
    let process = Process()
    let directory: URL
    let stdoutFile: URL
    /// `127.0.0.1:PORT`, from its `LISTEN tcp …` line.
    private(set) var address = ""

    struct StartFailure: Error, CustomStringConvertible { var description: String }

    static let binary: URL = CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("es951-sim")

    /// - Parameter pty: serve on a pseudo-terminal at this path instead of TCP
    ///   (`address` is then the path).
    init(_ extra: [String] = [], pty: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-sim-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutFile = directory.appendingPathComponent("sim.stdout")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        process.executableURL = Self.binary
        process.arguments = (pty.map { ["--pty", $0] } ?? ["--tcp", "127.0.0.1:0"]) + extra
        let prefix = pty == nil ? "LISTEN tcp " : "LISTEN pty "
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let text = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                address = String(line.dropFirst(prefix.count))
                return
            }
            if !process.isRunning { break }
            usleep(10_000)
        }
        stop()
        throw StartFailure(description: "es951-sim at \(Self.binary.path) printed no LISTEN line")
    }

    /// SIGINT, then SIGKILL after 3 s; removes its files.
    func stop() {
        if process.isRunning {
            process.interrupt()   // es951-sim ends on SIGINT
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
