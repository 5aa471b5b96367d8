import TestWaiting
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
    /// Its standard output, copied there as it comes.
    let stdoutFile: URL
    /// `127.0.0.1:PORT`, from its `LISTEN tcp …` line.
    let address: String
    private let exit: Arrival<Int32>

    struct StartFailure: Error, CustomStringConvertible { var description: String }

    static let binary: URL = CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("es951-sim")

    /// Starts it and awaits its `LISTEN` line (at most 15 s).
    /// - Parameter pty: serve on a pseudo-terminal at this path instead of TCP
    ///   (`address` is then the path).
    /// - Parameter command: another server to run instead (the Gurux device server),
    ///   its program and arguments; it must print the same `LISTEN tcp` line.
    init(_ extra: [String] = [], pty: String? = nil, command: (URL, [String])? = nil) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-sim-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutFile = directory.appendingPathComponent("sim.stdout")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        process.executableURL = command?.0 ?? Self.binary
        process.arguments = command?.1 ?? ((pty.map { ["--pty", $0] } ?? ["--tcp", "127.0.0.1:0"]) + extra)
        let prefix = pty == nil ? "LISTEN tcp " : "LISTEN pty "
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let copy = try FileHandle(forWritingTo: stdoutFile)
        exit = try process.start()
        // Its output is read to the end (a full pipe would stop it), copied to stdoutFile.
        let listening = output.fileHandleForReading.watchLines(copyTo: copy) { line in
            line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
        }
        // The line, or nil at the end of its output (it ended before listening) or after 15 s.
        if case let found?? = await listening.wait(seconds: 15) {
            address = found
            return
        }
        address = ""
        stop()
        throw StartFailure(description: "\(process.executableURL?.path ?? "") \(process.arguments ?? []) printed no LISTEN line")
    }

    /// Ends it and awaits its end: SIGINT (es951-sim ends on it), SIGKILL if it is still
    /// running 3 s later; throws if even that has not ended it within 10 s. Removes its files.
    func end() async throws {
        if process.isRunning { process.interrupt() }
        try await reap()
    }

    /// Ends it without waiting for it, for a `defer`: SIGINT now, the rest of ``end()``
    /// in a task of its own. Nothing the tests check happens after this; a test that
    /// needs it gone (nothing listening any more) awaits ``end()`` instead.
    func stop() {
        if process.isRunning { process.interrupt() }
        Task.detached { [self] in try? await reap() }
    }

    /// After SIGINT: SIGKILL if it has not ended within 3 s, then its files removed.
    private func reap() async throws {
        if await exit.wait(seconds: 3) == nil {
            process.kill()
            _ = try await exit.value(within: 10, "es951-sim's end after SIGKILL")
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
