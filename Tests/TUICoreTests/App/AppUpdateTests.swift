import Accounts
import ES951
import Testing
@testable import TUICore

/// `update`: message in, state and effects out (issue 6).
@Suite("App update") struct AppUpdateTests {
    @Test func loginSendsTheTypedUserAndPassword() {
        var s = AppFixtures.state()
        for c in "ivanov" { #expect(s.update(.key(.character(c))).isEmpty) }
        _ = s.update(.key(.tab))
        for c in "pa55word!" { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.login(user: "ivanov", password: "pa55word!")])
        #expect(s.phase == .login)
    }

    @Test func qIsALetterOnTheLoginScreenAndF10Quits() {
        var s = AppFixtures.state()
        #expect(s.update(.key(.character("q"))).isEmpty)
        #expect(!s.quitting)
        #expect(s.update(.key(.function(10))) == [.quit])
        #expect(s.quitting)
    }

    @Test func afterLoginTheInformationPageIsSelectedWithEveryItemChecked() {
        let s = AppFixtures.main()
        #expect(s.phase == .main)
        #expect(s.page == .info)
        #expect(s.tree.selected == "info")
        #expect(s.pages.info.checked == Set(InfoPage.Line.allCases))
        #expect(s.log.last?.text.contains("Администратор") == true)
    }

    @Test func f5ConnectsFirstThenReadsTheCheckedItemsInOneEffect() {
        var s = AppFixtures.main()
        let effects = s.update(.key(.function(5)))
        #expect(effects == [.connect(.demo, llsPassword: nil), .page(.info, .readInfo(AppFixtures.allItems))])
        #expect(s.reading != nil)
        #expect(s.link == .connecting)
        // A second F5 while reading does nothing.
        #expect(s.update(.key(.function(5))).isEmpty)
    }

    @Test func f5OnAnOpenLinkOnlyReadsAndUncheckedItemsAreLeftOut() {
        var s = AppFixtures.main()
        _ = s.update(.connected("demo"))
        _ = s.update(.key(.tab))                   // into the work area
        _ = s.update(.key(.character(" ")))        // uncheck the serial number
        _ = s.update(.key(.down))
        _ = s.update(.key(.down))
        _ = s.update(.key(.character(" ")))        // uncheck the firmware version
        let effects = s.update(.key(.function(5)))
        let expected = AppFixtures.allItems.filter { $0 != .serialNumber && $0 != .firmwareVersion }
        #expect(effects == [.page(.info, .readInfo(expected))])
    }

    @Test func nothingCheckedReadsNothingAndSaysWhy() {
        var s = AppFixtures.main()
        _ = s.update(.key(.tab))
        _ = s.update(.key(.character("-")))
        #expect(s.update(.key(.function(5))).isEmpty)
        #expect(s.status == s.strings["info.nothingChecked"])
        _ = s.update(.key(.character("+")))
        #expect(s.pages.info.itemsToRead == AppFixtures.allItems)
    }

    @Test func escStopsTheReadInFlight() {
        var s = AppFixtures.main()
        _ = s.update(.connected("demo"))
        _ = s.update(.key(.function(5)))
        #expect(s.update(.key(.escape)) == [.stopRead])
        _ = s.update(.readStopped)
        #expect(s.reading == nil)
        #expect(s.status == s.strings["status.stopped"])
        // Esc with nothing in flight stops nothing.
        #expect(s.update(.key(.escape)).isEmpty)
    }

    @Test func valuesReadAreShownAndRefusedOnesMarked() {
        var s = AppFixtures.main()
        _ = s.update(.key(.function(5)))
        var info = AppFixtures.info
        info.hardwareVersion = nil
        _ = s.update(.page(.info, .info(info, asked: AppFixtures.allItems)))
        #expect(s.reading == nil)
        #expect(s.pages.info.values?.serialNumber == "95100001")
        #expect(s.pages.info.missing == [.hardwareVersion])
        #expect(s.status == s.strings["status.readDone", "14"])
    }

    @Test func progressIsKeptOnlyWhileReading() {
        var s = AppFixtures.main()
        _ = s.update(.progress(ReadProgressInfo(bytes: 10, frames: 1, seconds: 0.1)))
        #expect(s.reading == nil)
        _ = s.update(.key(.function(5)))
        _ = s.update(.progress(ReadProgressInfo(bytes: 120, frames: 2, seconds: 0.3)))
        #expect(s.reading?.bytes == 120)
    }

    @Test func theLastConnectionReplacesTheDemoOnlyAtTheStart() {
        var s = AppFixtures.main()
        let tcp = LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059)
        _ = s.update(.connectionRestored(tcp))
        #expect(s.connection == tcp)
        #expect(s.log.last?.text.contains("TCP 10.0.0.5:4059") == true)
        // A connection chosen since (not the demo) stays.
        let other = LinkSpec(medium: .serial, port: "/dev/ttyUSB0")
        _ = s.update(.connectionRestored(other))
        #expect(s.connection == tcp)
    }

    @Test func aFailedConnectionKeepsItsReasonOnScreen() {
        var s = AppFixtures.main()
        _ = s.update(.key(.function(5)))
        _ = s.update(.connectFailed(Failure(.link, "no answer from 10.0.0.5:4059")))
        _ = s.update(.page(.info, .failed(Failure(.input, "Not connected."))))
        #expect(s.status == "no answer from 10.0.0.5:4059")
        #expect(s.link == .failed("no answer from 10.0.0.5:4059"))
        #expect(s.reading == nil)
    }

    @Test func qAndF10QuitTheMainWindow() {
        var a = AppFixtures.main()
        #expect(a.update(.key(.character("q"))) == [.quit])
        var b = AppFixtures.main()
        #expect(b.update(.key(.function(10))) == [.quit])
    }

    @Test func f10QuitsEvenWithAWindowOpen() {
        var s = AppFixtures.main()
        _ = s.run(.changePassword)
        for c in "q" { _ = s.update(.key(.character(c))) }
        #expect(!s.quitting)                      // q is typed into the password field
        #expect(s.update(.key(.function(10))) == [.quit])
    }

    @Test func f2ConnectsAndDisconnects() {
        var s = AppFixtures.main()
        #expect(s.update(.key(.function(2))) == [.connect(.demo, llsPassword: nil)])
        _ = s.update(.connected("demo · NLS"))
        #expect(s.isConnected)
        #expect(s.update(.key(.function(2))) == [.disconnect])
        _ = s.update(.disconnected("Disconnected."))
        #expect(s.link == .disconnected)
    }

    @Test func f7TogglesTheRawTraceAndTraceLinesShowOnlyThen() {
        var s = AppFixtures.main()
        _ = s.update(.trace("0.000100 > 7e a0 07 03 21 93 0f 01 7e"))
        #expect(s.update(.key(.function(7))) == [.setRawTrace(true)])
        #expect(s.rawTrace)
        let on = s.render(DrawContext(strings: s.strings)).lines.joined(separator: "\n")
        #expect(on.contains("7e a0 07 03 21"))
        _ = s.update(.key(.function(7)))
        let off = s.render(DrawContext(strings: s.strings)).lines.joined(separator: "\n")
        #expect(!off.contains("7e a0 07 03 21"))
    }

    @Test func theTreeChangesThePageAndTabMovesTheFocus() {
        var s = AppFixtures.main()
        _ = s.update(.key(.down))
        #expect(s.page == .basic)
        _ = s.update(.key(.down))
        #expect(s.page == .clock)
        #expect(s.update(.key(.function(5))) == [.connect(.demo, llsPassword: nil), .page(.clock, .readClock)])
        #expect(s.busyPage == .clock)
        _ = s.update(.key(.tab))
        #expect(s.focus == .work)
        _ = s.update(.key(.tab))
        #expect(s.focus == .tree)
    }

    @Test func administratorsSeeUserAndRoleManagementOthersDoNot() {
        let admin = Menus.entries(for: AppFixtures.administrator)[0].commands
        #expect(admin == [.switchUser, .changePassword, .users, .roles, .auditLog, .exit])
        let reader = Menus.entries(for: AppFixtures.reader)[0].commands
        #expect(reader == [.switchUser, .changePassword, .exit])
    }

    @Test func menuChoicesRunTheirCommands() {
        var s = AppFixtures.main()
        #expect(s.update(.key(.function(9))).isEmpty)
        #expect(s.menu.open == 0)
        _ = s.update(.key(.down))
        _ = s.update(.key(.down))                       // Users
        #expect(s.update(.key(.enter)) == [.loadUsers])
        #expect(s.menu.open == nil)
        _ = s.update(.key(.function(9)))
        _ = s.update(.key(.right))                      // Settings
        #expect(s.update(.key(.enter)) == [.prepareSettings])
    }

    @Test func switchUserDisconnectsAndReturnsToTheLogin() {
        var s = AppFixtures.main()
        _ = s.update(.connected("demo"))
        s.llsPassword = "admin@emis"
        let effects = s.run(.switchUser)
        #expect(effects == [.disconnect, .logout])
        #expect(s.phase == .login)
        #expect(s.session == nil)
        #expect(s.llsPassword == nil)
    }

    @Test func theLanguageCanBeSwitchedFromTheMenu() {
        var s = AppFixtures.main(.ru)
        _ = s.run(.language)
        #expect(s.language == .en)
        #expect(s.strings["menu.system"] == "System")
    }

    @Test func settingsAppliedWhileConnectedCloseTheOldLink() {
        var s = AppFixtures.main()
        _ = s.update(.connected("demo"))
        _ = s.update(.settingsReady(ports: [], profiles: []))
        guard case .settings = s.modal else { Issue.record("no settings window"); return }
        var tcp = LinkSpec(medium: .tcp, host: "10.0.0.5")
        tcp.security = .lls
        s.modal = nil
        // What the settings window's apply does.
        // (LLS with no password anywhere is refused by the window, so the session has one.)
        s.modal = .settings(ConnectionSettingsScreen(settings: tcp, ports: [], profiles: [], sessionHasPassword: true))
        let effects = s.handleModal(.enter)
        #expect(s.connection == tcp)
        #expect(effects == [.disconnect])
    }

    @Test func helpOpensScrollsAndCloses() {
        var s = AppFixtures.main()
        _ = s.update(.key(.function(1)))
        guard case .help(0)? = s.modal else { Issue.record("help not open"); return }
        _ = s.update(.key(.down))
        guard case .help(1)? = s.modal else { Issue.record("help did not scroll"); return }
        _ = s.update(.key(.escape))
        #expect(s.modal == nil)
    }

    @Test func aResizeChangesTheSize() {
        var s = AppFixtures.main()
        _ = s.update(.resized(width: 120, height: 36))
        #expect(s.width == 120 && s.height == 36)
        #expect(s.render(DrawContext(strings: s.strings)).width == 120)
    }

    @Test func effectsNeverPrintPasswords() {
        let effects: [Effect] = [
            .login(user: "ivanov", password: "s3cret-pw"), .setAdministratorPassword("s3cret-pw"),
            .changePassword(current: "s3cret-pw", new: "s3cret-pw"),
            .addUser(name: "petrov", role: .read, password: "s3cret-pw"),
            .setUserPassword(name: "petrov", password: "s3cret-pw"),
            .connect(LinkSpec(security: .lls), llsPassword: "s3cret-pw"),
            .saveProfile(name: "pole 7", .demo, llsPassword: "s3cret-pw", keepPassword: true),
        ]
        for effect in effects { #expect(!effect.description.contains("s3cret-pw")) }
    }

    @Test func theLLSPasswordIsNeverDrawn() {
        var s = AppFixtures.main()
        s.llsPassword = "s3cret-pw"
        s.connection.security = .lls
        _ = s.update(.key(.function(7)))
        let text = s.render(DrawContext(strings: s.strings)).lines.joined()
        #expect(!text.contains("s3cret-pw"))
        #expect(text.contains("LLS"))
    }
}

extension AppState.Modal: Equatable {
    public static func == (a: AppState.Modal, b: AppState.Modal) -> Bool {
        switch (a, b) {
        case (.help(let x), .help(let y)): x == y
        case (.message(let t1, let l1), .message(let t2, let l2)): t1 == t2 && l1 == l2
        default: false
        }
    }
}
