import Accounts
import ES951
import Testing
@testable import TUICore

/// The network pages inside the app: the keys the app passes on or keeps (Esc closes the
/// page's dialog, `q` is typed into a value), and the app's own refusals of a write.
@Suite("Network pages in the app") struct NetworkAppTests {
    func opened(_ page: ParameterPage = .gprs, lls: Bool = true, as session: SessionInfo = AppFixtures.administrator) -> AppState {
        var s = AppFixtures.main(.en, as: session)
        s.connection.security = lls ? .lls : .nls
        s.page = page
        s.tree.selected = page.rawValue
        s.focus = .work
        _ = s.update(.connected("demo"))
        let effects = s.update(.key(.function(5)))
        #expect(effects.contains { if case .page(page, page == .gprs ? .readGPRS : .readIP) = $0 { true } else { false } })
        _ = s.update(.page(page, page == .gprs ? .gprs(NetworkFixtures.gprs) : .ip(NetworkFixtures.ip)))
        return s
    }

    func typeAPN(_ s: inout AppState, _ text: String) {
        _ = s.update(.key(.down))
        _ = s.update(.key(.down))
        for c in text { _ = s.update(.key(.character(c))) }
    }

    @Test func escClosesTheDialogAndTheFocusStays() {
        var s = opened()
        typeAPN(&s, "q")
        #expect(!s.quitting, "q is typed into the APN")
        #expect(s.pages.gprs.form.text(.apn) == "internetq")
        _ = s.update(.key(.function(6)))
        #expect(s.pages.gprs.form.dialog != nil)
        _ = s.update(.key(.escape))
        #expect(s.pages.gprs.form.dialog == nil)
        #expect(s.focus == .work)
        _ = s.update(.key(.escape))
        #expect(s.focus == .tree)
    }

    @Test func theConfirmedWriteGoesToTheRuntime() {
        var s = opened()
        typeAPN(&s, "2")
        _ = s.update(.key(.function(6)))
        let effects = s.update(.key(.enter))
        var wanted = NetworkFixtures.gprs
        wanted.apn = "internet2"
        #expect(effects.contains { if case .page(.gprs, .writeGPRS(wanted, changing: [.apn])) = $0 { true } else { false } }, "\(effects)")
        #expect(s.reading != nil && s.busyPage == .gprs)
    }

    @Test func f5OverEditsAsksFirst() {
        var s = opened(.ip)
        _ = s.update(.key(.down))
        _ = s.update(.key(.character("0")))
        #expect(s.update(.key(.function(5))).isEmpty)
        #expect(s.pages.ip.form.dialog == .overwrite(count: 1))
        _ = s.update(.key(.tab))
        let effects = s.update(.key(.enter))
        #expect(effects.contains { if case .page(.ip, .readIP) = $0 { true } else { false } })
    }

    @Test func aWriteOverNLSIsRefusedByTheApp() {
        var s = opened(lls: false)
        typeAPN(&s, "2")
        _ = s.update(.key(.function(6)))
        #expect(s.update(.key(.enter)).isEmpty)
        #expect(s.status == s.strings["status.needsLLS"])
        #expect(s.pages.gprs.form.text(.apn) == "internet2")
    }

    @Test func aReaderHasNoF6() {
        var s = opened(as: AppFixtures.reader)
        #expect(!s.keyBarItems().contains { $0.key == "F6" })
        typeAPN(&s, "2")
        #expect(s.update(.key(.function(6))).isEmpty)
        #expect(s.pages.gprs.form.text(.apn) == "internet")
    }
}
