import ES951
import Accounts
import Testing
@testable import TUICore

/// The data pages in the whole main window, at 80×24 and 120×36, in Russian and English:
/// meter data, a profile as a table and as a chart, the export prompt, events with names.
@Suite("Data page snapshots") struct DataSnapshotTests {
    static let languages: [UILanguage] = [.ru, .en]

    func each(_ sizes: [(width: Int, height: Int)] = Snapshot.sizes, _ body: (UILanguage, Int, Int) -> Void) {
        for language in Self.languages {
            for size in sizes { body(language, size.width, size.height) }
        }
    }

    func draw(_ s: AppState) -> ScreenBuffer { s.render(DrawContext(strings: s.strings)) }

    /// Logged in, on `page` with the focus in the work area.
    func on(_ page: ParameterPage, _ l: UILanguage, _ w: Int, _ h: Int) -> AppState {
        var s = AppFixtures.main(l, width: w, height: h)
        s.page = page
        s.tree.selected = page.rawValue
        s.focus = .work
        return s
    }

    /// F5, the connection, then `result` for the page.
    func read(_ s: inout AppState, _ page: ParameterPage, _ result: PageResult, log: String) {
        let effects = s.update(.key(.function(5)))
        #expect(effects.contains { if case .page(page, _) = $0 { true } else { false } })
        _ = s.update(.connected("demo · NLS · 16 → 1/17"))
        _ = s.update(.page(page, result))
        _ = s.update(.log(log))
    }

    @Test func meterData() {
        each { l, w, h in
            var s = on(.meterData, l, w, h)
            read(&s, .meterData, .current(DataFixtures.current), log: "11:40:51  read current point 1  ok  0.002 s  212 B  1 frames")
            Snapshot.check(draw(s), "meterdata-readings-\(l)-\(w)x\(h)")
        }
    }

    /// Issue 18 item 8: a point without a meter (removed) says so instead of blank values.
    @Test func meterDataOfARemovedMeter() {
        for l in [UILanguage.en, .ru] {
            var s = on(.meterData, l, 80, 24)
            read(&s, .meterData, .current(ProfileTable(columns: DataFixtures.current.columns, rows: [])),
                 log: "11:40:51  read current point 1  ok  0.002 s  90 B  1 frames")
            let buffer = draw(s)
            Snapshot.check(buffer, "meterdata-nometer-\(l)-80x24")
            #expect(Snapshot.text(buffer).contains(l == .en ? "there is no meter at this" : "нет показаний"))
        }
    }

    @Test func aDailyProfileAsATable() {
        each { l, w, h in
            var s = on(.profiles, l, w, h)
            read(&s, .profiles, .profile(DataFixtures.daily), log: "11:41:02  read profile daily point 1  ok  0.031 s  4 101 B  3 frames")
            _ = s.update(.key(.tab)); _ = s.update(.key(.tab)); _ = s.update(.key(.tab)); _ = s.update(.key(.tab))
            _ = s.update(.key(.down)); _ = s.update(.key(.down))
            Snapshot.check(draw(s), "profiles-table-\(l)-\(w)x\(h)")
        }
    }

    /// Issue 18 item 11: `u` shows energy in kWh (3 decimals, nothing lost), the status
    /// line says so; 80×24 in both languages.
    @Test func aDailyProfileInKilowattHours() {
        for l in Self.languages {
            var s = on(.profiles, l, 80, 24)
            read(&s, .profiles, .profile(DataFixtures.daily), log: "11:41:02  read profile daily point 1  ok")
            for _ in 0..<4 { _ = s.update(.key(.tab)) }
            #expect(s.update(.key(.character("u"))) == [.saveEnergyUnit(.kwh)])
            Snapshot.check(draw(s), "profiles-kwh-\(l)-80x24")
        }
    }

    @Test func theOtherColumnsOfANarrowTable() {
        for l in Self.languages {
            var s = on(.profiles, l, 80, 24)
            read(&s, .profiles, .profile(DataFixtures.daily), log: "11:41:02  read profile daily point 1  ok")
            for _ in 0..<4 { _ = s.update(.key(.tab)) }
            _ = s.update(.key(.right)); _ = s.update(.key(.right))
            Snapshot.check(draw(s), "profiles-scrolled-\(l)-80x24")
        }
    }

    @Test func aDailyProfileAsAChart() {
        for l in Self.languages {
            var s = on(.profiles, l, 80, 24)
            read(&s, .profiles, .profile(DataFixtures.daily), log: "11:41:02  read profile daily point 1  ok")
            _ = s.update(.key(.function(4)))
            Snapshot.check(draw(s), "profiles-chart-\(l)-80x24")
        }
    }

    @Test func theMaximumLoadWithItsTime() {
        for l in Self.languages {
            var s = on(.profiles, l, 80, 24)
            _ = s.update(.key(.tab)); _ = s.update(.key(.right)); _ = s.update(.key(.right))
            read(&s, .profiles, .profile(DataFixtures.activeMax), log: "11:42:10  read profile active-max point 1  ok")
            Snapshot.check(draw(s), "profiles-activemax-\(l)-80x24")
        }
    }

    @Test func theMaximumLoadAsAChart() {
        each { l, w, h in
            var s = on(.profiles, l, w, h)
            _ = s.update(.key(.tab)); _ = s.update(.key(.right)); _ = s.update(.key(.right))
            read(&s, .profiles, .profile(DataFixtures.activeMax), log: "11:42:10  read profile active-max point 1  ok")
            _ = s.update(.key(.function(4)))
            Snapshot.check(draw(s), "profiles-activemax-chart-\(l)-\(w)x\(h)")
        }
    }

    @Test func aWindowWithABadDate() {
        for l in Self.languages {
            var s = on(.profiles, l, 80, 24)
            _ = s.update(.key(.tab)); _ = s.update(.key(.tab))
            for c in "2026-11-01" { _ = s.update(.key(.character(c))) }
            _ = s.update(.key(.tab))
            for c in "2026-02-30" { _ = s.update(.key(.character(c))) }
            Snapshot.check(draw(s), "profiles-baddate-\(l)-80x24")
        }
    }

    @Test func theExportPrompt() {
        each { l, w, h in
            var s = on(.profiles, l, w, h)
            read(&s, .profiles, .profile(DataFixtures.daily), log: "11:41:02  read profile daily point 1  ok")
            _ = s.update(.key(.function(8)))
            Snapshot.check(draw(s), "profiles-export-\(l)-\(w)x\(h)")
        }
    }

    @Test func eventsWithTheirNames() {
        each { l, w, h in
            var s = on(.events, l, w, h)
            read(&s, .events, .events(DataFixtures.events), log: "11:43:20  read events point 0  ok  0.012 s  1 950 B  2 frames")
            for _ in 0..<4 { _ = s.update(.key(.tab)) }
            _ = s.update(.key(.down)); _ = s.update(.key(.down)); _ = s.update(.key(.down))
            Snapshot.check(draw(s), "events-\(l)-\(w)x\(h)")
        }
    }

    /// Issue 18 item 11: Ins on the Code field lists every code with its name to mark;
    /// 3 and 7 typed are marked, the selection moved down the list.
    @Test func theListOfEventCodes() {
        for l in Self.languages {
            var s = on(.events, l, 80, 24)
            _ = s.update(.key(.tab))
            for c in "3,7" { _ = s.update(.key(.character(c))) }
            _ = s.update(.key(.insert))
            for _ in 0..<9 { _ = s.update(.key(.down)) }
            _ = s.update(.key(.character(" ")))
            Snapshot.check(draw(s), "events-codes-\(l)-80x24")
        }
    }

    @Test func eventsBeforeAReadWithACodeTyped() {
        for l in Self.languages {
            var s = on(.events, l, 80, 24)
            _ = s.update(.key(.tab))
            for c in "45" { _ = s.update(.key(.character(c))) }
            Snapshot.check(draw(s), "events-code-\(l)-80x24")
        }
    }
}
