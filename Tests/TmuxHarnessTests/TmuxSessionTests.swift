import Foundation
import Testing
@testable import TmuxHarness

/// `TmuxSession` with a plain shell: typing and reading the screen, and that `close()`
/// leaves nothing behind (server, shell, program in the window, folder).
@Suite("TmuxSession: a private tmux server per session")
struct TmuxSessionTests {
    @Test(.timeLimit(.minutes(1))) func typesAndReadsTheScreen() throws {
        let session = try TmuxSession(name: "echo", environment: ["GREETING": "it's here"])
        defer { session.close() }
        // Typed as HELLO-""WORLD, so the command line itself never matches.
        try session.type("echo \"HELLO-\"\"WORLD $GREETING\" > \(session.folder.path)/out; cat \(session.folder.path)/out")
        let seen = try session.wait(for: "HELLO-WORLD it's here")
        #expect(seen.ok, "\(seen.screen)")
        #expect(session.file("out") == "HELLO-WORLD it's here\n")
        #expect(session.file("none") == "<missing none>")
    }

    @Test(.timeLimit(.minutes(1))) func sessionsHaveServersOfTheirOwn() throws {
        let one = try TmuxSession(name: "one"), two = try TmuxSession(name: "two")
        defer {
            one.close()
            two.close()
        }
        #expect(one.name != two.name)
        #expect(ProcessTable.isRunning(one.serverPID) && ProcessTable.isRunning(two.serverPID))
        #expect(one.serverPID != two.serverPID)
        #expect(try one.tmux(["list-sessions", "-F", "#{session_name}"]) == one.name + "\n")
    }

    @Test(.timeLimit(.minutes(1))) func closeLeavesNothingBehind() throws {
        let session = try TmuxSession(name: "close")
        try session.type("sleep 319")
        #expect(ChildProcessTests.eventually { !ChildProcessTests.processes(containing: "sleep 319").isEmpty })
        let server = session.serverPID
        session.close()
        #expect(!ProcessTable.isRunning(server), "tmux server \(server) still running")
        #expect(ChildProcessTests.processes(containing: "sleep 319").isEmpty, "the program in the window outlived close()")
        #expect(!FileManager.default.fileExists(atPath: session.folder.path))
        #expect(throws: HarnessError.self) { try session.screen() }
        session.close()
    }

    /// What once hung the whole suite: a tmux client that does not end. Now the call
    /// throws, and the client is gone.
    @Test(.timeLimit(.minutes(1))) func aTmuxCommandThatNeverEndsIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-fake-tmux-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("tmux")
        try "#!/bin/sh\nexec sleep 321\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        #expect {
            try TmuxSession(name: "hang", width: 80, height: 24, environment: [:], commandSeconds: 0.5, tmuxExecutable: fake)
        } throws: { error in
            guard case HarnessError.timedOut(let command, _, _) = error else { return false }
            return command.contains("new-session")
        }
        #expect(ChildProcessTests.eventually { ChildProcessTests.processes(containing: "sleep 321").isEmpty })
    }

    @Test(.timeLimit(.minutes(1))) func withoutTmuxTheErrorSaysToInstallIt() {
        #expect {
            try TmuxSession.tmux(in: ["/no/such/folder"])
        } throws: { error in
            "\(error)".contains("tmux is not installed") && "\(error)".contains("install it")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aMissingExecutableSaysWhereItLooked() {
        #expect {
            try TmuxSession.executable(named: "no-such-program")
        } throws: { error in
            "\(error)".contains(".build/debug/no-such-program")
        }
    }
}
