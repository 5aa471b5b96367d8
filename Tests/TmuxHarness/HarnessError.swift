/// Why the test harness could not do what a test asked. `description` is the message the
/// failing test shows: what went wrong and, when the machine lacks something, what to do.
public enum HarnessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// tmux is not on this machine (the tests need it; they are never skipped).
    case tmuxMissing(searched: [String])
    /// An executable the test needs was not built next to the tests.
    case executableMissing(name: String, searched: [String])
    /// `posix_spawn` failed, or the harness could not prepare for it.
    case spawnFailed(command: String, reason: String)
    /// The command did not end within its deadline; it was killed with SIGKILL and reaped.
    case timedOut(command: String, seconds: Double, output: String)
    /// The command ended with a non-zero status.
    case failed(command: String, status: Int32, output: String)

    public var description: String {
        switch self {
        case .tmuxMissing(let searched):
            "tmux is not installed (looked in \(searched.joined(separator: ", "))): install it, "
                + "e.g. `apt-get install tmux` (scripts/test does, through scripts/system-packages.sh); "
                + "these tests are never skipped"
        case .executableMissing(let name, let searched):
            "no executable \(name) next to the tests (looked for \(searched.joined(separator: ", "))); "
                + "run `swift build` (or make the test target depend on it)"
        case .spawnFailed(let command, let reason):
            "cannot start \(command): \(reason)"
        case .timedOut(let command, let seconds, let output):
            "\(command) did not end within \(seconds) s (killed)" + (output.isEmpty ? "" : ": \(output)")
        case .failed(let command, let status, let output):
            "\(command) failed with status \(status)" + (output.isEmpty ? "" : ": \(output)")
        }
    }
}
