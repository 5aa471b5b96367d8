import Foundation
import Testing
import TmuxHarness

/// The real terminal: `tui-probe` (Sources/tui-probe) under tmux at 80×24, LANG=C.UTF-8.
/// Without tmux these fail, saying to install it (scripts/test does); they are never skipped.
/// No test measures time: the limits only stop a run that went wrong.
@Suite("Terminal end to end in tmux", .serialized)
struct TerminalEndToEndTests {
    /// tui-probe, built first by `swift test` (this target depends on it).
    static func probe() throws -> String { try TmuxSession.executable(named: "tui-probe").path }

    // The markers are typed as `PROBE-''DONE`, so the command line itself never matches.
    /// Runs the probe after an `stty -a` snapshot.
    func startProbe(in session: TmuxSession, environment: String = "") throws {
        let probe = try Self.probe()
        try session.type("stty -a > \(session.folder.path)/before; \(environment) \(probe)")
    }

    /// Once the probe's screen is gone, prints its exit status and takes a second
    /// snapshot. A separate command line: an interactive shell drops the rest of a list
    /// whose command died of SIGINT.
    func finishProbe(in session: TmuxSession) throws -> (ok: Bool, screen: String) {
        let gone = try session.wait { !$0.contains("PID: ") }
        guard gone.ok else { return gone }
        try session.type("echo \"STATUS=$?\"; stty -a > \(session.folder.path)/after; echo PROBE-''DONE")
        return try session.wait(for: "PROBE-DONE")
    }

    @Test(.timeLimit(.minutes(1))) func drawsKeysResizeAndQuit() throws {
        let session = try TmuxSession(name: "keys")
        defer { session.close() }
        try startProbe(in: session)

        let first = try session.wait { $0.contains("Key: none") && $0.contains("PID: ") }
        #expect(first.ok, "probe did not start:\n\(first.screen)")
        let lines = first.screen.components(separatedBy: "\n")
        #expect(lines.count >= 24)
        #expect(lines[0] == "┌" + String(repeating: "─", count: 78) + "┐")
        #expect(lines[1] == "│ Концентратор ES-951" + String(repeating: " ", count: 58) + "│")
        #expect(lines[2].hasPrefix("│ 漢字テスト "))
        #expect(lines[2].hasSuffix("│"))
        #expect(lines[3].hasPrefix("│ Size: 80x24 "))
        #expect(lines[6].hasPrefix("│ Colors: on "))
        #expect(lines[23] == "└" + String(repeating: "─", count: 78) + "┘")

        for (key, literal, shown) in [("F5", false, "Key: F5"), ("ж", true, "Key: char(ж)"),
                                      ("M-x", false, "Key: Alt+x"), ("Escape", false, "Key: Esc"),
                                      ("Up", false, "Key: Up"), ("PageDown", false, "Key: PageDown"),
                                      ("BSpace", false, "Key: Backspace"), ("C-a", false, "Key: Ctrl+a"),
                                      ("BTab", false, "Key: BackTab"), ("Enter", false, "Key: Enter")] {
            try session.send(key, literal: literal)
            let seen = try session.wait(for: shown)
            #expect(seen.ok, "\(key) not shown as \(shown):\n\(seen.screen)")
        }

        try session.resize(width: 100, height: 30)
        // The size line is drawn before the bottom border: wait for the whole redraw, or
        // a capture taken between the two sees half a frame.
        let bottom = "└" + String(repeating: "─", count: 98) + "┘"
        let resized = try session.wait { screen in
            let rows = screen.components(separatedBy: "\n")
            return screen.contains("Size: 100x30") && rows.count >= 30 && rows[29] == bottom
        }
        #expect(resized.ok, "resize not shown, or its bottom border not drawn:\n\(resized.screen)")

        try session.send("q")
        let done = try finishProbe(in: session)
        #expect(done.ok, "probe did not quit:\n\(done.screen)")
        #expect(done.screen.contains("tui-probe: bye"))
        #expect(done.screen.contains("STATUS=0"))
        #expect(!done.screen.contains("Концентратор"), "the alternate screen should be gone")
        #expect(session.modes("before") == session.modes("after"), "terminal modes not restored")
    }

    @Test(.timeLimit(.minutes(1))) func sigtermRestoresTheTerminal() throws {
        let session = try TmuxSession(name: "sigterm")
        defer { session.close() }
        try startProbe(in: session)
        let started = try session.wait(for: "Key: none")
        #expect(started.ok, "probe did not start:\n\(started.screen)")
        let pid = try #require(Self.pid(in: started.screen))
        #expect(kill(pid, SIGTERM) == 0)
        let done = try finishProbe(in: session)
        #expect(done.ok, "probe did not end:\n\(done.screen)")
        #expect(done.screen.contains("STATUS=143"), "expected death by SIGTERM (128+15):\n\(done.screen)")
        #expect(session.modes("before") == session.modes("after"), "terminal modes not restored")
    }

    @Test(.timeLimit(.minutes(1))) func sighupAndSigintRestoreTheTerminal() throws {
        for (signal, status) in [(SIGHUP, 129), (SIGINT, 130)] {
            let session = try TmuxSession(name: "sig\(signal)")
            defer { session.close() }
            try startProbe(in: session)
            let started = try session.wait(for: "Key: none")
            let pid = try #require(Self.pid(in: started.screen), "probe did not start:\n\(started.screen)")
            #expect(kill(pid, signal) == 0)
            let done = try finishProbe(in: session)
            #expect(done.screen.contains("STATUS=\(status)"), "signal \(signal):\n\(done.screen)")
            #expect(session.modes("before") == session.modes("after"), "signal \(signal): modes not restored")
        }
    }

    @Test(.timeLimit(.minutes(1))) func ctrlZRestoresAndFgRepaints() throws {
        let session = try TmuxSession(name: "tstp")
        defer { session.close() }
        try session.type("set -m")
        let dir = session.folder.path, probe = try Self.probe()
        try session.type("stty -a > \(dir)/before; \(probe)")
        #expect(try session.wait(for: "Key: none").ok)
        try session.send("C-z")
        let stopped = try session.wait(for: "Stopped")
        #expect(stopped.ok, "no job-control stop:\n\(stopped.screen)")
        #expect(!stopped.screen.contains("Концентратор"))
        try session.type("stty -a > \(dir)/suspended; echo SUSPENDED-''CHECKED")
        #expect(try session.wait(for: "SUSPENDED-CHECKED").ok)
        #expect(session.modes("before") == session.modes("suspended"), "modes not restored on Ctrl-Z")
        try session.type("fg")
        let back = try session.wait(for: "Концентратор ES-951")
        #expect(back.ok, "not repainted after fg:\n\(back.screen)")
        try session.send("F7")
        #expect(try session.wait(for: "Key: F7").ok, "keys after fg")
        try session.send("F10")
        #expect(try session.wait(for: "tui-probe: bye").ok)
    }

    /// Under LC_ALL=C the text still goes through C.UTF-8 (Cyrillic survives), but the
    /// boxes are drawn in ASCII: a terminal whose locale is not UTF-8 may not show them
    /// (issue 18 item 9).
    @Test(.timeLimit(.minutes(1))) func cLocaleFallsBackToUTF8AndNoColorTurnsColoursOff() throws {
        let session = try TmuxSession(name: "clocale")
        defer { session.close() }
        try startProbe(in: session, environment: "LC_ALL=C NO_COLOR=1")
        let started = try session.wait(for: "Key: none")
        #expect(started.ok, "probe did not start:\n\(started.screen)")
        let lines = started.screen.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("+--") == true, "box drawn in ASCII under LC_ALL=C:\n\(started.screen)")
        #expect(started.screen.contains("Концентратор ES-951"))
        #expect(started.screen.contains("Colors: off"))
        try session.send("F10")
        let done = try finishProbe(in: session)
        #expect(done.screen.contains("STATUS=0"))
    }

    @Test(.timeLimit(.minutes(1))) func unknownTermIsReportedNotFatal() throws {
        let session = try TmuxSession(name: "badterm")
        defer { session.close() }
        try startProbe(in: session, environment: "TERM=no-such-terminal")
        #expect(try session.wait(for: "tui-probe: ").ok)
        let done = try finishProbe(in: session)
        #expect(done.screen.contains("unknown terminal type 'no-such-terminal'"), "\(done.screen)")
        #expect(done.screen.contains("STATUS=2"))
    }

    @Test(.timeLimit(.minutes(1))) func noTerminalWhenInputAndOutputAreFiles() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        let probe = URL(fileURLWithPath: try Self.probe())
        let run = try ChildProcess.run(probe, environment: environment)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("must be a terminal"), "\(run)")
    }

    static func pid(in screen: String) -> pid_t? {
        guard let range = screen.range(of: "PID: ") else { return nil }
        return pid_t(screen[range.upperBound...].prefix { $0.isNumber })
    }
}
