import Foundation
import Testing
@testable import TmuxHarness

/// `ChildProcess`: output, exit status and signals, and above all that a child past its
/// deadline is killed with its process group and reaped, so a test fails instead of
/// hanging. No test measures time.
@Suite("ChildProcess: posix_spawn, waitpid with a deadline")
struct ChildProcessTests {
    let sh = URL(fileURLWithPath: "/bin/sh")

    @Test(.timeLimit(.minutes(1))) func outputAndStatus() throws {
        let run = try ChildProcess.run(sh, ["-c", "echo out; echo err >&2; exit 3"])
        #expect(run.status == 3)
        #expect(run.signal == nil)
        #expect(run.stdout == "out\n")
        #expect(run.stderr == "err\n")
    }

    @Test(.timeLimit(.minutes(1))) func environmentIsTheOneGiven() throws {
        let run = try ChildProcess.run(sh, ["-c", "echo \"$ONLY-${HOME:-none}\""], environment: ["ONLY": "this"])
        #expect(run.stdout == "this-none\n")
    }

    @Test(.timeLimit(.minutes(1))) func aSignalIsReportedAsTheShellDoes() throws {
        let run = try ChildProcess.run(sh, ["-c", "kill -TERM $$"])
        #expect(run.signal == SIGTERM)
        #expect(run.status == 128 + SIGTERM)
    }

    @Test(.timeLimit(.minutes(1))) func standardInputIsEmpty() throws {
        let run = try ChildProcess.run(URL(fileURLWithPath: "/bin/cat"))
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func noDescriptorOfTheTestProcessIsInherited() throws {
        let run = try ChildProcess.run(URL(fileURLWithPath: "/bin/ls"), ["/proc/self/fd"])
        // 0, 1, 2 and the one `ls` opens to read the folder.
        let descriptors = run.stdout.split(separator: "\n").compactMap { Int($0) }
        #expect(descriptors.filter { $0 > 3 }.isEmpty, "\(descriptors)")
    }

    @Test(.timeLimit(.minutes(1))) func pastTheDeadlineTheGroupIsKilledAndReaped() throws {
        // A shell that waits on a grandchild: both must go (the whole process group).
        let command = "sleep 317 & wait"
        let pid = try ChildProcess.spawn(sh.path, ["-c", command], environment: [:],
                                         stdout: "/dev/null", stderr: "/dev/null", command: command)
        #expect(ChildProcess.wait(pid, seconds: 0.3) == nil, "a sleeping shell ended by itself")
        var status: Int32 = 0
        #expect(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD, "the killed child was not reaped")
        #expect(Self.eventually { Self.processes(containing: "sleep 317").isEmpty }, "the grandchild outlived the deadline")
    }

    @Test(.timeLimit(.minutes(1))) func aTimeoutIsAnErrorThatSaysSo() {
        #expect {
            try ChildProcess.run(sh, ["-c", "echo started; exec sleep 318"], seconds: 0.3)
        } throws: { error in
            guard case HarnessError.timedOut(let command, _, let output) = error else { return false }
            return command.contains("sleep 318") && output == "started\n"
        }
    }

    @Test(.timeLimit(.minutes(1))) func aMissingProgramCannotStart() {
        #expect(throws: HarnessError.self) {
            try ChildProcess.run(URL(fileURLWithPath: "/no/such/program"))
        }
    }

    /// Polls `condition` for up to 5 s (a killed process takes a moment to go).
    static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0 ..< 250 where !condition() { usleep(20_000) }
        return condition()
    }

    /// Running processes whose command line contains `text`.
    static func processes(containing text: String) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { pid_t($0) }.filter { pid in
            guard ProcessTable.isRunning(pid),
                  let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(text)
        }
    }
}
