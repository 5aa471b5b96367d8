import Accounts
import ES951
import Testing
@testable import TUICore

/// The GPRS and IP pages in the main window, at 80×24 and 120×36, in Russian and English:
/// read, editing with a wrong value, the change dialog, a value the device did not take.
@Suite("Network snapshots") struct NetworkSnapshotTests {
    static let languages: [UILanguage] = [.ru, .en]

    func each(_ body: (UILanguage, Int, Int) -> Void) {
        for language in Self.languages {
            for size in Snapshot.sizes { body(language, size.width, size.height) }
        }
    }

    func draw(_ s: AppState) -> ScreenBuffer { s.render(DrawContext(strings: s.strings)) }

    /// The main window on `page`, connected over LLS, the work area focused, after F5
    /// and the device's answer.
    func opened(_ page: ParameterPage, _ l: UILanguage, _ w: Int, _ h: Int, as session: SessionInfo = AppFixtures.administrator) -> AppState {
        var s = AppFixtures.main(l, width: w, height: h, as: session)
        s.connection.security = .lls
        s.page = page
        s.tree.selected = page.rawValue
        s.focus = .work
        _ = s.update(.connected("demo · LLS · 48 → 1/17"))
        _ = s.update(.key(.function(5)))
        _ = s.update(.page(page, page == .gprs ? .gprs(NetworkFixtures.gprs) : .ip(NetworkFixtures.ip)))
        return s
    }

    func type(_ s: inout AppState, _ text: String) {
        for c in text { _ = s.update(.key(.character(c))) }
    }

    func erase(_ s: inout AppState, _ count: Int) {
        _ = s.update(.key(.end))
        for _ in 0..<count { _ = s.update(.key(.backspace)) }
    }

    @Test func gprsRead() {
        each { l, w, h in
            Snapshot.check(draw(opened(.gprs, l, w, h)), "gprs-read-\(l)-\(w)x\(h)")
        }
    }

    @Test func gprsReadByAReader() {
        for l in Self.languages {
            Snapshot.check(draw(opened(.gprs, l, 80, 24, as: AppFixtures.reader)), "gprs-reader-\(l)-80x24")
        }
    }

    @Test func gprsEditingWithAWrongValue() {
        each { l, w, h in
            var s = opened(.gprs, l, w, h)
            erase(&s, 4)                      // primary server 10.10.0.1:4059 → 10.10.0.1:
            type(&s, "0")                     // port 0
            _ = s.update(.key(.down))
            _ = s.update(.key(.down))
            type(&s, "-m2m")                  // APN internet-m2m
            type(&s, "ж")                     // refused
            #expect(s.pages.gprs.form.text(.apn) == "internet-m2m")
            Snapshot.check(draw(s), "gprs-invalid-\(l)-\(w)x\(h)")
        }
    }

    @Test func gprsChangeDialog() {
        each { l, w, h in
            var s = opened(.gprs, l, w, h)
            _ = s.update(.key(.down))
            _ = s.update(.key(.down))
            erase(&s, 8)
            type(&s, "m2m.beeline.ru")
            _ = s.update(.key(.down))
            _ = s.update(.key(.down))
            type(&s, "s3cret")
            _ = s.update(.key(.down))
            erase(&s, 1)
            type(&s, "10")
            let effects = s.update(.key(.function(6)))
            #expect(effects.isEmpty)
            Snapshot.check(draw(s), "gprs-dialog-\(l)-\(w)x\(h)")
        }
    }

    @Test func gprsValueNotTaken() {
        each { l, w, h in
            var s = opened(.gprs, l, w, h)
            _ = s.update(.key(.down))
            _ = s.update(.key(.down))
            erase(&s, 8)
            type(&s, "m2m.test")
            _ = s.update(.key(.pageDown))
            erase(&s, 1)
            type(&s, "5")
            _ = s.update(.key(.function(6)))
            let effects = s.update(.key(.enter))
            #expect(effects.contains { if case .page(.gprs, .writeGPRS(_, [.apn, .heartbeat])) = $0 { true } else { false } })
            _ = s.update(.page(.gprs, .written([FieldWrite(field: "apn", outcome: .notTaken(readBack: "internet")),
                                                FieldWrite(field: "heartbeat", outcome: .accepted)])))
            Snapshot.check(draw(s), "gprs-nottaken-\(l)-\(w)x\(h)")
        }
    }

    @Test func ipRead() {
        each { l, w, h in
            Snapshot.check(draw(opened(.ip, l, w, h)), "ip-read-\(l)-\(w)x\(h)")
        }
    }

    @Test func ipEditingWithAWrongValue() {
        each { l, w, h in
            var s = opened(.ip, l, w, h)
            _ = s.update(.key(.down))
            erase(&s, 2)
            type(&s, "256")                   // 192.168.1.256
            _ = s.update(.key(.pageDown))
            erase(&s, 4)
            type(&s, "65536")
            type(&s, "x")
            Snapshot.check(draw(s), "ip-invalid-\(l)-\(w)x\(h)")
        }
    }

    @Test func ipChangeDialog() {
        each { l, w, h in
            var s = opened(.ip, l, w, h)
            _ = s.update(.key(.character(" ")))   // DHCP on
            _ = s.update(.key(.pageDown))
            erase(&s, 4)
            type(&s, "4060")
            let effects = s.update(.key(.function(6)))
            #expect(effects.isEmpty)
            Snapshot.check(draw(s), "ip-dialog-\(l)-\(w)x\(h)")
        }
    }

    @Test func ipValueNotTaken() {
        each { l, w, h in
            var s = opened(.ip, l, w, h)
            for _ in 0..<4 { _ = s.update(.key(.down)) }
            erase(&s, 7)
            type(&s, "9.9.9.9")
            _ = s.update(.key(.function(6)))
            _ = s.update(.key(.enter))
            _ = s.update(.page(.ip, .written([FieldWrite(field: "dns1", outcome: .refused("read-write-denied"))])))
            Snapshot.check(draw(s), "ip-nottaken-\(l)-\(w)x\(h)")
        }
    }
}
