import Accounts
import AccountStore
import Concentrator
import DLMSTransport
import ES951
import Foundation
import Simulator
import Testing
import TUICore
@testable import hlmcs

/// The terminal UI's effects carried out for real (accounts in an in-memory database, the
/// demo concentrator in the process), their results read from the inbox — everything the
/// runtime does except the terminal.
@Suite("TUI effect runner", .timeLimit(.minutes(1)))
struct TUIEffectRunnerTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner

    init(demoBaud: Int? = nil) throws {
        (inbox, store, runner) = try Self.parts(meters: 20, baud: demoBaud)
    }

    @Test func firstLoginSetsTheAdministratorPasswordThenLogsIn() async throws {
        #expect(try !store.isInitialized())
        runner.perform(.login(user: "Администратор", password: ""))
        _ = await wait(for: "administrator password request") { if case .administratorPasswordNeeded = $0 { true } else { false } }
        runner.perform(.setAdministratorPassword("short"))
        let refused = await wait(for: "refusal") { if case .loginFailed = $0 { true } else { false } }
        #expect(refused.contains { if case .loginFailed(let t) = $0 { t.text.contains("8") } else { false } })
        runner.perform(.setAdministratorPassword("first-pass-1"))
        let seen = await wait(for: "login") { if case .loggedIn = $0 { true } else { false } }
        guard case .loggedIn(let info)? = seen.last(where: { if case .loggedIn = $0 { true } else { false } }) else { return }
        #expect(info.user == "Администратор")
        #expect(info.may(.manageUsers))
        #expect(try store.isInitialized())
        // A wrong password afterwards is refused with words.
        runner.perform(.login(user: "Администратор", password: "wrong-pass"))
        let wrong = await wait(for: "refusal") { if case .loginFailed = $0 { true } else { false } }
        #expect(wrong.contains { if case .loginFailed(let t) = $0 { !t.text.isEmpty } else { false } })
    }

    @Test func connectsToTheDemoAndReadsTheInformationInOneRequest() async throws {
        await logIn()
        runner.perform([.connect(.demo, llsPassword: nil), .page(.info, .readInfo(InfoPage.Line.allCases.flatMap(\.items)))])
        let seen = await wait(for: "information") { if case .page(.info, .info) = $0 { true } else { false } }
        #expect(seen.contains { if case .connected = $0 { true } else { false } })
        guard case .page(.info, .info(let info, let asked))? = seen.first(where: { if case .page(.info, .info) = $0 { true } else { false } })
        else { return }
        #expect(info.serialNumber == DemoDevice.serialNumber)
        #expect(info.model == "ES-951")
        #expect(asked.count == 16)
        // The exchange log names the read: after the association, the device is learned
        // (its object list read the first time, kept after), then one request.
        let logs = seen.compactMap { if case .log(let t) = $0 { t } else { nil } }
        #expect(logs.count == 3, "\(logs)")
        #expect(logs.filter { $0.contains("learn device") }.count == 1, "\(logs)")
        #expect(logs.filter { $0.contains("read info") }.count == 1, "\(logs)")
        runner.perform(.disconnect)
        _ = await wait(for: "disconnection") { if case .disconnected = $0 { true } else { false } }
        await runner.shutdown()
    }

    @Test func llsWithTheRightPasswordConnectsAndAWrongOneIsWorded() async throws {
        await logIn()
        let lls = LinkSpec(security: .lls)
        runner.perform(.connect(lls, llsPassword: "wrong-password"))
        let failed = await wait(for: "refusal") { if case .connectFailed = $0 { true } else { false } }
        #expect(failed.contains { if case .connectFailed(let t) = $0 { t.text.lowercased().contains("password") } else { false } })
        runner.perform(.connect(lls, llsPassword: nil))
        let missing = await wait(for: "missing password") {
            if case .connectFailed(let t) = $0 { t.text.contains("F3") } else { false }
        }
        #expect(!missing.isEmpty)
        runner.perform(.connect(lls, llsPassword: "admin@emis"))
        _ = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
        await runner.shutdown()
    }

    @Test func stopCancelsAReadOnASlowLineAndTheLinkStaysUsable() async throws {
        let slow = try TUIEffectRunnerTests(demoBaud: 1200)
        await slow.logIn()
        slow.runner.perform(.connect(.demo, llsPassword: nil))
        _ = await slow.wait(for: "connection") { if case .connected = $0 { true } else { false } }
        slow.runner.perform(.page(.info, .readInfo(InfoPage.Line.allCases.flatMap(\.items))))
        _ = await slow.wait(for: "progress") { if case .progress = $0 { true } else { false } }
        slow.runner.perform(.stopRead)
        let stopped = await slow.wait(for: "stop") { if case .page(.info, _) = $0 { true } else { false } }
        #expect(stopped.contains { if case .page(.info, .stopped) = $0 { true } else { false } }, "\(stopped.suffix(3))")
        await slow.runner.shutdown()
    }

    @Test func rawTraceLinesComeOnlyWhenAskedAndMaskThePassword() async throws {
        await logIn()
        runner.perform(.connect(.demo, llsPassword: nil))
        _ = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
        #expect(!inbox.drain().contains { if case .trace = $0 { true } else { false } })
        runner.perform(.disconnect)
        _ = await wait(for: "disconnection") { if case .disconnected = $0 { true } else { false } }
        runner.perform(.setRawTrace(true))
        runner.perform(.connect(LinkSpec(security: .lls), llsPassword: "admin@emis"))
        let seen = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
        let lines = seen.compactMap { if case .trace(let t) = $0 { t } else { nil } }
        #expect(lines.count >= 4)
        let hex = Array("admin@emis".utf8).map { String(format: "%02x", $0) }.joined(separator: " ")
        #expect(!lines.contains { $0.contains(hex) })
        #expect(lines.contains { $0.contains("2a 2a 2a 2a 2a 2a 2a 2a 2a 2a") })
        await runner.shutdown()
    }

    @Test func usersAndProfilesGoThroughTheStore() async throws {
        await logIn()
        runner.perform(.addUser(name: "ivanov", role: .read, password: "reader-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        runner.perform(.loadUsers)
        let users = await wait(for: "users") { if case .usersLoaded = $0 { true } else { false } }
        guard case .usersLoaded(let rows)? = users.last else { Issue.record("no users"); return }
        #expect(rows.map(\.name).sorted() == ["ivanov", "Администратор"].sorted())
        runner.perform(.deleteUser(name: "Администратор"))
        let refused = await wait(for: "refusal") { if case .accountFailed = $0 { true } else { false } }
        #expect(!refused.isEmpty)

        let tcp = LinkSpec(medium: .tcp, host: "10.0.0.5", security: .lls, serverAddress: 1123)
        runner.perform(.saveProfile(name: "pole 7", tcp, llsPassword: "admin@emis", keepPassword: true))
        let saved = await wait(for: "profiles") { if case .profilesChanged = $0 { true } else { false } }
        #expect(saved.contains { if case .profilesChanged(let names) = $0 { names == ["pole 7"] } else { false } })
        runner.perform(.loadProfile(name: "pole 7"))
        let loaded = await wait(for: "profile") { if case .profileLoaded = $0 { true } else { false } }
        guard case .profileLoaded(_, let settings, let password)? = loaded.last else { Issue.record("not loaded"); return }
        #expect(settings == tcp)
        #expect(password == "admin@emis")
        // Stored as data (versioned JSON), not as command-line text.
        let session = try store.login(name: "Администратор", password: "first-pass-1", now: Date())
        #expect(try store.profiles(by: session).first?.link == tcp.profileText)
        runner.perform(.deleteProfile(name: "pole 7"))
        let deleted = await wait(for: "profiles") { if case .profilesChanged = $0 { true } else { false } }
        #expect(deleted.contains { if case .profilesChanged(let names) = $0 { names.isEmpty } else { false } })

        // A profile an older version saved as LINK-option text is read, and stored again as data.
        try store.saveProfile(name: "old", link: "--serial /dev/ttyUSB0 --baud 4800 --lls --server-address 300",
                              llsPassword: "admin@emis", loginPassword: "first-pass-1", by: session, now: Date())
        runner.perform(.loadProfile(name: "old"))
        let old = await wait(for: "old profile") { if case .profileLoaded = $0 { true } else { false } }
        guard case .profileLoaded(_, let legacy, let legacyPassword)? = old.last else { Issue.record("old profile not loaded"); return }
        let expected = LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 4800, security: .lls, serverAddress: 300)
        #expect(legacy == expected)
        #expect(legacyPassword == "admin@emis")
        #expect(try store.profiles(by: session).first { $0.name == "old" }?.link == expected.profileText)
    }
}

/// SPEC F-70 (issue 20 item 4): plain `hlmcs` starts on the user's last real connection,
/// not on the demo, once one was configured and used.
@Suite struct LastConnectionTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 5, restoresLastConnection: true)
    }

    @Test func aRealConnectionUsedIsWhereTheNextLoginStarts() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let device = DeviceState(configuration: .init(meters: 2), now: SimulatorServer.now())
        let server = SimulatorServer(device: SharedDevice(ServerApplication(device: device)))
        let serving = Task { await server.serve(listener: listener) }
        defer { listener.close(); serving.cancel() }

        await logIn()
        // The demo is no connection to remember.
        runner.perform(.connect(.demo, llsPassword: nil))
        _ = await wait(for: "demo") { if case .connected = $0 { true } else { false } }
        #expect(try store.setting(LastConnection.key("Администратор")) == nil)

        let tcp = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: Int(listener.port))
        runner.perform(.connect(tcp, llsPassword: nil))
        _ = await wait(for: "the TCP connection") { if case .connected(let t) = $0 { t.contains("TCP") } else { false } }
        runner.perform(.disconnect)
        _ = await wait(for: "disconnection") { if case .disconnected = $0 { true } else { false } }
        #expect(try store.setting(LastConnection.key("Администратор")) == tcp.profileText)

        runner.perform(.logout)
        runner.perform(.login(user: "Администратор", password: "first-pass-1"))
        let seen = await wait(for: "the connection restored") { if case .connectionRestored = $0 { true } else { false } }
        #expect(seen.contains { if case .connectionRestored(let spec) = $0 { spec == tcp } else { false } })
        await runner.shutdown()
    }

    @Test func withoutOneTheDemoStays() async throws {
        await logIn()
        // The accounts run one at a time: once the users are listed, the login's every
        // message has come.
        runner.perform(.loadUsers)
        let seen = await wait(for: "the users") { if case .usersLoaded = $0 { true } else { false } }
        #expect(!seen.contains { if case .connectionRestored = $0 { true } else { false } })
        await runner.shutdown()
    }
}

/// F6 in the connection window (issue 17): the search of `hlmcs detect`, its progress,
/// and Esc stopping it.
@Suite("TUI find", .timeLimit(.minutes(1)))
struct TUIFindTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-find-\(UUID().uuidString.prefix(8))")

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 5)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Issue 20 item 7: the connection line is in the interface language ("демо", not "demo").
    @Test func theDemoIsNamedInTheInterfaceLanguage() async throws {
        await logIn()
        runner.setLanguage(.ru)
        runner.perform(.connect(.demo, llsPassword: nil))
        let seen = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
        #expect(seen.contains { if case .connected(let text) = $0 { text.hasPrefix("демо · NLS") } else { false } }, "\(seen.suffix(2))")
        await runner.shutdown()
    }

    @Test func findTheSpeedOfAPtyAndStopASearchOnASilentOne() async throws {
        let t = self
        defer { try? FileManager.default.removeItem(at: folder) }
        await t.logIn()
        let pty = t.folder.appendingPathComponent("line").path
        let sim = try await SimulatorProcess(["--baud", "19200"], pty: pty)
        defer { sim.stop() }
        t.runner.perform(.find(LinkSpec(medium: .serial, port: pty)))
        let seen = await t.wait(for: "found") { if case .found = $0 { true } else { false } }
        #expect(seen.contains { if case .findTrying(4, _, let c) = $0 { c.hasPrefix("19200 bit/s") } else { false } }, "\(seen)")
        guard case .found(let spec, let summary)? = seen.last else { Issue.record("\(seen.suffix(2))"); return }
        #expect(spec.baud == 19200 && spec.serverAddress == 1001, "\(spec)")
        #expect(summary.hasPrefix("19200 bit/s, all-station 4-byte → 1/1001"), "\(summary)")

        // Nothing answers here: Esc (stopRead) ends the search at once.
        let silent = try PseudoTerminal.open(link: t.folder.appendingPathComponent("silent").path)
        t.runner.perform(.find(LinkSpec(medium: .serial, port: silent.link!)))
        _ = await t.wait(for: "a try") { if case .findTrying = $0 { true } else { false } }
        let pressed = ContinuousClock.now
        t.runner.perform(.stopRead)
        _ = await t.wait(for: "stopped") { if case .readStopped = $0 { true } else { false } }
        #expect(ContinuousClock.now - pressed < .seconds(1))
        withExtendedLifetime(silent) {}
        await t.runner.shutdown()
    }
}

/// Issue 18 item 4: the exchange log saved to a file, never over one.
@Suite struct LogSavingTests {
    @Test func theLogIsWrittenOnceAndAnExistingFileIsLeftAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.txt").path
        let s = Strings(language: .en)
        guard case .logSaved(let text) = EffectRunner.saveLog(["a", "b"], to: path, s) else { Issue.record("not saved"); return }
        #expect(text == "Exchange log saved to \(path) (2 lines).")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\n")
        guard case .logSaveFailed(let again) = EffectRunner.saveLog(["c"], to: path, s) else { Issue.record("overwritten"); return }
        #expect(again.contains("exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\n")
        guard case .logSaveFailed(let nowhere) = EffectRunner.saveLog(["c"], to: folder.path + "/none/x.txt", s) else { Issue.record("?"); return }
        #expect(nowhere.hasPrefix("Could not save to"), "\(nowhere)")
    }
}

/// Issue 19 (idle CPU): the UI loop sleeps on the keyboard and the inbox's pipe; a post
/// makes the pipe readable until the inbox is drained, and only the Clock page wants a
/// tick each second.
@Suite struct IdleWakeTests {
    @Test func aPostWakesTheLoopAndADrainQuietsIt() {
        let inbox = Inbox()
        let fd = inbox.wakeDescriptor
        #expect(fd >= 0)
        func readable() -> Bool {
            var p = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            return poll(&p, 1, 0) == 1
        }
        #expect(!readable())
        for i in 0..<5000 { inbox.post(.log("line \(i)")) }     // more than a pipe holds: never blocks
        #expect(readable())
        #expect(inbox.drain().count == 5000)
        #expect(!readable())
    }

    @Test func onlyTheClockPageTicks() {
        var s = AppState(width: 80, height: 24, language: .en, strings: [.en: try! UIStrings.bundled(.en)])
        #expect(!s.wantsTicks, "the login screen")
        _ = s.update(.loggedIn(SessionInfo(user: "a", role: .administrator, permissions: [])))
        #expect(!s.wantsTicks)
        s.page = .clock
        #expect(s.wantsTicks)
    }
}
