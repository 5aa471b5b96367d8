import Accounts
import ES951
import Testing
@testable import TUICore

/// Issue 18 item 2: F10, `q`, Ctrl-C and Switch user ask first when a read or transfer
/// is in flight or typed values are not written, saying what would be lost; Cancel has
/// the focus; with nothing to lose they act at once.
@Suite struct LeaveTests {
    /// The main window with the GPRS page read and its APN edited (not written).
    func edited() -> AppState {
        var s = AppFixtures.main()
        _ = s.update(.page(.gprs, .gprs(NetworkFixtures.gprs)))
        s.pages.gprs.set(.apn, "m2m.test")
        #expect(s.pages.gprs.unsavedEdits == 1)
        return s
    }

    /// A transfer in flight on the firmware page.
    func transferring() -> AppState {
        var s = AppFixtures.main()
        s.busyPage = .firmware
        s.reading = ReadProgressInfo(bytes: 3_300, frames: 16, rows: 16, totalRows: 209, seconds: 40)
        return s
    }

    @Test func withNothingToLoseF10AndQQuitAtOnce() {
        var s = AppFixtures.main()
        #expect(s.handle(.function(10)) == [.quit] && s.quitting)
        var q = AppFixtures.main()
        #expect(q.handle(.character("q")) == [.quit] && q.quitting)
        var c = AppFixtures.main()
        #expect(c.handle(.control("c")) == [.quit] && c.quitting)
    }

    @Test func f10DuringATransferAsksAndCancelIsTheDefault() {
        var s = transferring()
        #expect(s.handle(.function(10)).isEmpty && !s.quitting)
        guard case .leave(.quit, let state)? = s.modal else { Issue.record("\(String(describing: s.modal))"); return }
        #expect(state.selectedButton == 1, "Cancel has the focus")
        let screen = Snapshot.text(s.render(DrawContext(strings: s.strings)))
        #expect(screen.contains("Quit hlmcs?") && screen.contains("In progress on Firmware update: it will be stopped."), "\(screen)")
        // Enter on Cancel: nothing happens.
        #expect(s.handle(.enter).isEmpty && s.modal == nil && !s.quitting && s.reading != nil)
        // F10, then F10 again: quit, the transfer stopped first.
        _ = s.handle(.function(10))
        #expect(s.handle(.function(10)) == [.stopRead, .quit] && s.quitting)
    }

    @Test func ctrlCSaysStopAndASecondCtrlCQuits() {
        var s = transferring()
        _ = s.handle(.control("c"))
        guard case .leave(.interrupt, _)? = s.modal else { Issue.record("\(String(describing: s.modal))"); return }
        #expect(Snapshot.text(s.render(DrawContext(strings: s.strings))).contains("Stop?"))
        #expect(s.handle(.control("c")) == [.stopRead, .quit] && s.quitting)
    }

    @Test func unsavedEditsAreNamedBeforeQuittingOrSwitchingUser() {
        var s = edited()
        _ = s.handle(.character("q"))      // the tree has the focus: q is quit, not a letter
        let screen = Snapshot.text(s.render(DrawContext(strings: s.strings)))
        #expect(screen.contains("Typed and not written: GPRS modem (1)."), "\(screen)")
        _ = s.handle(.escape)
        #expect(s.modal == nil && !s.quitting && s.pages.gprs.form.text(.apn) == "m2m.test")
        // Switch user asks too; Left then Enter switches.
        _ = s.run(.switchUser)
        guard case .leave(.switchUser, _)? = s.modal else { Issue.record("\(String(describing: s.modal))"); return }
        #expect(s.phase == .main)
        _ = s.handle(.left)
        #expect(s.handle(.enter).contains(.logout) && s.phase == .login)
    }

    @Test func theDialogInRussian() {
        var s = transferring()
        s.language = .ru
        _ = s.handle(.function(10))
        let screen = Snapshot.text(s.render(DrawContext(strings: s.strings)))
        #expect(screen.contains("Выйти из hlmcs?") && screen.contains("Идёт работа на странице «Обновление ПО»"), "\(screen)")
    }
}
