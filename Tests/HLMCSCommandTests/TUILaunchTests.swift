import Foundation
import Testing

/// `hlmcs` without a subcommand starts the terminal UI; where it cannot, it says why in
/// the user's language and exits 2, before touching the terminal.
@Suite("TUI launch refusals", .timeLimit(.minutes(1)))
struct TUILaunchTests {
    @Test func withoutATerminalItSaysSo() async throws {
        let runner = CommandRunner()
        defer { runner.removeFolder() }
        let en = try await runner.run(["--demo", "--lang", "en"], environment: ["TERM": "xterm-256color"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("needs a terminal"), "\(en.stderr)")
        let ru = try await runner.run(["--demo", "--lang", "ru"], environment: ["TERM": "xterm-256color"])
        #expect(ru.status == 2)
        #expect(ru.stderr.contains("нужен терминал"), "\(ru.stderr)")
    }

    @Test func badDemoOptionsAreUsageErrors() async throws {
        let runner = CommandRunner()
        defer { runner.removeFolder() }
        let meters = try await runner.run(["--demo", "--demo-meters", "5000"])
        #expect(meters.status == 2)
        #expect(meters.stderr.contains("--demo-meters"))
        let baud = try await runner.run(["--demo", "--demo-baud", "1000"])
        #expect(baud.status == 2)
        #expect(baud.stderr.contains("--demo-baud"))
    }

    @Test func aBadLinkIsAUsageErrorBeforeTheScreenOpens() async throws {
        let runner = CommandRunner()
        defer { runner.removeFolder() }
        let result = try await runner.run(["--tcp", "nonsense", "--lang", "en"])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }
}
