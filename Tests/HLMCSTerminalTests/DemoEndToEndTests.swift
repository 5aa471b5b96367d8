import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TmuxHarness

/// `hlmcs --demo` in a real terminal (tmux, LANG=C.UTF-8), as a new user meets it:
/// first login with the administrator's new password, each menu, F5 on Concentrator
/// information until the demo's serial number shows, switch user, a resize, quit — and
/// the terminal's modes are as before (`stty -a`). Without tmux these fail, saying to
/// install it; no test measures time (the limits only end a run gone wrong).
@Suite("hlmcs --demo end to end in tmux", .serialized)
struct DemoEndToEndTests {
    static func hlmcs() throws -> String { try TmuxSession.executable(named: "hlmcs").path }

    /// Starts `hlmcs --demo` on a new database in the session's folder, after an
    /// `stty -a` snapshot.
    func start(_ session: TmuxSession, language: String, extra: String = "") throws {
        let db = session.folder.appendingPathComponent("hlmcs.sqlite").path
        try session.type("stty -a > \(session.folder.path)/before; \(try Self.hlmcs()) --demo --lang \(language) --db \(db) \(extra)")
    }


    /// After hlmcs quit: its exit status, and `stty -a` again. Waits for its screen to go
    /// first: keys typed before it gave the terminal back would be lost.
    func finish(_ session: TmuxSession) throws -> String {
        let closed = try session.wait(seconds: 20) { !$0.contains("Exchange log") && !$0.contains("Журнал обмена") }
        #expect(closed.ok, "hlmcs did not quit:\n\(closed.screen)")
        try session.type("echo \"STATUS=$?\"; stty -a > \(session.folder.path)/after; echo HLMCS-''DONE")
        return try expectScreen(session, "HLMCS-DONE", "after quitting")
    }

    @Test(.timeLimit(.minutes(2))) func aNewUserLogsInReadsTheInformationAndQuits() throws {
        let session = try TmuxSession(name: "demo-en")
        defer { session.close() }
        try start(session, language: "en")

        // First login: the administrator, then its new password twice.
        let login = try expectScreen(session, "HLMCS — ES-951 concentrator configurator", "login screen")
        #expect(login.contains("New database"))
        try session.send("Administrator", literal: true)
        try session.send("Enter")
        try expectScreen(session, "Set a password for «Администратор»", "first-run password")
        try session.send("first-pass-1", literal: true)
        try session.send("Tab")
        try session.send("first-pass-1", literal: true)
        try session.send("Enter")
        let main = try expectScreen(session, "Exchange log", "main window")
        for zone in ["System", "Settings", "Help", "Parameters", "Information", "Connection", "F5 Read", "F10 Quit"] {
            #expect(main.contains(zone), "main window lacks \(zone):\n\(main)")
        }

        // Each menu.
        try session.send("F9")
        try expectScreen(session, "Switch user", "System menu")
        let system = try session.screen()
        #expect(system.contains("Users") && system.contains("Roles"), "an administrator sees user management:\n\(system)")
        try session.send("Right")
        try expectScreen(session, "Raw frame trace", "Settings menu")
        try session.send("Right")
        try expectScreen(session, "Keys and screens", "Help menu")
        try session.send("Escape")
        try session.send("F1")
        try expectScreen(session, "this help", "help")
        try session.send("Escape")

        // F5 reads Concentrator information from the demo.
        try session.send("F5")
        let read = try expectScreen(session, "95100001", "serial number after F5")
        #expect(read.contains("ES-951"))
        #expect(read.contains("in one request"), "\(read)")

        // Switch user: back to the login screen, then in again.
        try session.send("F9")
        try expectScreen(session, "Switch user", "System menu")
        try session.send("Enter")
        try expectScreen(session, "Enter your login and password", "login after switching user")
        try session.send("Administrator", literal: true)
        try session.send("Tab")
        try session.send("first-pass-1", literal: true)
        try session.send("Enter")
        try expectScreen(session, "Exchange log", "main window after switching user")

        // A larger terminal: the window is redrawn to its size.
        try session.resize(width: 120, height: 36)
        let big = try session.wait(seconds: 20) { screen in
            screen.components(separatedBy: "\n").contains { $0.hasPrefix("└") && $0.count == 120 }
        }
        #expect(big.ok, "not redrawn at 120×36:\n\(big.screen)")

        try session.send("F10")
        let done = try finish(session)
        #expect(done.contains("STATUS=0"), "\(done)")
        #expect(session.modes("before") == session.modes("after"), "the terminal's modes changed")
    }

    @Test(.timeLimit(.minutes(2))) func inRussianQuitsWithQAfterAReadAndAWrongPasswordIsRefused() throws {
        let session = try TmuxSession(name: "demo-ru")
        defer { session.close() }
        try start(session, language: "ru")
        try expectScreen(session, "HLMCS — конфигуратор концентратора ES-951", "login screen")
        try firstLogin(session, .ru, password: "pervyi-parol")
        try session.send("F5")
        let read = try expectScreen(session, "95100001", "serial number after F5")
        #expect(read.contains("Заводской номер"))

        // A wrong password after switching user is refused and the login stays.
        try session.send("F9")
        try expectScreen(session, "Сменить пользователя", "System menu")
        try session.send("Enter")
        try expectScreen(session, "Введите логин и пароль", "login after switching user")
        try session.send("Администратор", literal: true)
        try session.send("Tab")
        try session.send("nepravilno", literal: true)
        try session.send("Enter")
        let refused = try expectScreen(session, "неверное имя пользователя или пароль", "refusal")
        #expect(!refused.contains("nepravilno"))
        try session.send("pervyi-parol", literal: true)
        try session.send("Enter")
        try expectScreen(session, "Журнал обмена", "main window")
        try session.send("q")
        let done = try finish(session)
        #expect(done.contains("STATUS=0"), "\(done)")
        #expect(session.modes("before") == session.modes("after"), "the terminal's modes changed")
    }

    /// The processes whose parent is `pid` (from /proc).
    static func children(of pid: pid_t) -> [pid_t] {
        guard pid > 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // "pid (comm) state ppid …": the fields after the command's closing parenthesis.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    @Test(.timeLimit(.minutes(2))) func sigtermDuringAReadRestoresTheTerminal() throws {
        let session = try TmuxSession(name: "demo-term")
        defer { session.close() }
        try start(session, language: "en", extra: "--demo-baud 300")
        try expectScreen(session, "HLMCS — ES-951", "login screen")
        try firstLogin(session, .en, password: "first-pass-1")
        try session.send("F5")
        try expectScreen(session, "Esc Stop", "a read in flight (300 baud)")
        // The UI still answers keys mid-read: the help opens and closes.
        try session.send("F1")
        try expectScreen(session, "this help", "help during a read")
        try session.send("Escape")
        try session.send("Escape")
        try expectScreen(session, "Stopped by the user", "Stop (Esc)")
        // SIGTERM to hlmcs, the shell's child in the pane.
        let shell = pid_t(try session.tmux(["display-message", "-p", "-t", session.name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let children = Self.children(of: shell)
        #expect(children.count == 1, "the pane's shell runs \(children)")
        for child in children { kill(child, SIGTERM) }
        let gone = try session.wait(seconds: 20) { !$0.contains("Exchange log") }
        #expect(gone.ok, "hlmcs did not end on SIGTERM:\n\(gone.screen)")
        let done = try finish(session)
        #expect(done.contains("STATUS=143"), "\(done)")
        #expect(session.modes("before") == session.modes("after"), "the terminal's modes changed")
    }
}
