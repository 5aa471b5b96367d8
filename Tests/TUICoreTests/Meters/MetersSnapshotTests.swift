import Accounts
import ES951
import Testing
@testable import TUICore

/// The Meter list and PLC network pages in the main window, at 80×24 and 120×36, in
/// Russian and English.
@Suite("Meter list and PLC snapshots") struct MetersSnapshotTests {
    static let languages: [UILanguage] = [.ru, .en]

    func each(_ body: (UILanguage, Int, Int) -> Void) {
        for language in Self.languages {
            for size in Snapshot.sizes { body(language, size.width, size.height) }
        }
    }

    func draw(_ s: AppState) -> ScreenBuffer { s.render(DrawContext(strings: s.strings)) }

    /// Logged in, `page` open with the focus on it.
    func opened(_ l: UILanguage, _ w: Int, _ h: Int, _ page: ParameterPage, lls: Bool = false) -> AppState {
        var s = AppFixtures.main(l, width: w, height: h)
        if lls { s.connection.security = .lls }
        s.page = page
        s.tree.selected = page.rawValue
        s.focus = .work
        _ = s.update(.tick(MetersFixtures.now))
        return s
    }

    /// F5 on the meter list and the first page of 20 rows in.
    func loading(_ s: inout AppState, meters: Int) {
        _ = s.update(.key(.function(5)))
        _ = s.update(.connected("demo · NLS · 16 → 1/17"))
        _ = s.update(.page(.meters, .metersPage(Array(MetersFixtures.meters(meters).prefix(20)))))
        _ = s.update(.progress(ReadProgressInfo(bytes: 1100, frames: 9, seconds: 1.1)))
    }

    /// The rest of the list and the poll status in.
    func loaded(_ s: inout AppState, meters: Int) {
        let all = MetersFixtures.meters(meters)
        _ = s.update(.page(.meters, .metersPage(Array(all.dropFirst(20)))))
        _ = s.update(.page(.meters, .meters(all, status: MetersFixtures.statuses(meters))))
        _ = s.update(.log("12:00:01  read meter-list  ok  41.2 s  39512 B  310 frames  \(meters) rows"))
    }

    func type(_ text: String, _ s: inout AppState) {
        for c in text { _ = s.update(.key(.character(c))) }
    }

    @Test func loadingShowsTheFirstPage() {
        each { l, w, h in
            var s = opened(l, w, h, .meters)
            loading(&s, meters: 1000)
            let screen = draw(s)
            #expect(screen.lines.joined().contains("20007919"))
            Snapshot.check(screen, "meters-loading-\(l)-\(w)x\(h)")
        }
    }

    @Test func theWholeList() {
        each { l, w, h in
            var s = opened(l, w, h, .meters)
            loading(&s, meters: 1000)
            loaded(&s, meters: 1000)
            _ = s.update(.key(.down))
            Snapshot.check(draw(s), "meters-list-\(l)-\(w)x\(h)")
        }
    }

    @Test func theBlacklistSortedByFailures() {
        each { l, w, h in
            var s = opened(l, w, h, .meters)
            loading(&s, meters: 1000)
            loaded(&s, meters: 1000)
            _ = s.update(.key(.character("f")))
            _ = s.update(.key(.character("f")))
            while s.pages.meters.sortColumn != .failures { _ = s.update(.key(.character("s"))) }
            _ = s.update(.key(.character("r")))
            _ = s.update(.key(.home))
            #expect(s.pages.meters.selectedLine?.meter.point == 987)
            Snapshot.check(draw(s), "meters-blacklist-\(l)-\(w)x\(h)")
        }
    }

    @Test func columnsScrolledAndASearch() {
        for l in Self.languages {
            var s = opened(l, 80, 24, .meters)
            loading(&s, meters: 1000)
            loaded(&s, meters: 1000)
            for _ in 0..<4 { _ = s.update(.key(.right)) }
            _ = s.update(.key(.character("/")))
            type("23959", &s)
            #expect(s.pages.meters.selectedLine?.meter.point == 500)
            #expect(s.hasTextFocus)
            Snapshot.check(draw(s), "meters-search-\(l)-80x24")
        }
    }

    @Test func theTypedConfirmationOfARemoval() {
        each { l, w, h in
            var s = opened(l, w, h, .meters, lls: true)
            loading(&s, meters: 100)
            loaded(&s, meters: 100)
            for _ in 0..<4 { _ = s.update(.key(.down)) }
            _ = s.update(.key(.delete))
            Snapshot.check(draw(s), "meters-remove-choice-\(l)-\(w)x\(h)")
            _ = s.update(.key(.left))
            _ = s.update(.key(.left))
            _ = s.update(.key(.enter))
            type("2003", &s)
            Snapshot.check(draw(s), "meters-remove-confirm-\(l)-\(w)x\(h)")
            type("9595", &s)
            let effects = s.update(.key(.enter))
            #expect(effects == [.page(.meters, .removeMeter(point: 5))])
        }
    }

    /// Issue 18 item 6: F1 lists every key of the page in view (its key table: filter,
    /// find, sort, F8 CSV, Del), and the page's F-keys work while the tree has the focus.
    @Test func helpListsThePagesKeysAndItsFKeysWorkFromTheTree() {
        var s = opened(.en, 80, 24, .meters, lls: true)
        loading(&s, meters: 30)
        loaded(&s, meters: 30)
        _ = s.update(.key(.function(1)))
        _ = s.update(.key(.pageDown))
        let help = Snapshot.text(draw(s))
        for line in ["On this page: Meter list", "f                      Filter", "F8                     CSV", "Del", "n                      find the next"] {
            #expect(help.contains(line), "\(line):\n\(help)")
        }
        _ = s.update(.key(.escape))
        s.focus = .tree
        _ = s.update(.key(.function(8)))
        #expect(s.focus == .work && Snapshot.text(draw(s)).contains("Export to CSV"), "F8 from the tree")
    }

    /// Issue 18 item 11: under the Blacklist filter "All" says it is the whole list; the
    /// About window gives the version.
    @Test func removingAllUnderAFilterSaysItIsTheWholeList() {
        var s = opened(.en, 80, 24, .meters, lls: true)
        loading(&s, meters: 100)
        loaded(&s, meters: 100)
        _ = s.update(.key(.character("f")))
        _ = s.update(.key(.character("f")))
        _ = s.update(.key(.delete))
        #expect(Snapshot.text(draw(s)).contains("“All” is the whole list"), "\(Snapshot.text(draw(s)))")
        _ = s.update(.key(.escape))
        _ = s.run(.about)
        #expect(Snapshot.text(draw(s)).contains("Version " + ProgramVersion.text))
    }

    @Test func aReaderIsToldAndNothingIsSent() {
        var s = AppFixtures.main(.en, as: AppFixtures.reader)
        s.page = .meters
        s.tree.selected = ParameterPage.meters.rawValue
        s.focus = .work
        loading(&s, meters: 30)
        loaded(&s, meters: 30)
        let before = draw(s).lines
        #expect(before[16].contains("F8 CSV"), "Read may export: \(before[16])")
        #expect(!before[23].contains("Del"))
        #expect(s.update(.key(.delete)).isEmpty)
        #expect(draw(s).lines[16].contains("Your role may not do this."))
    }

    @Test func aFailedConnectionLeavesTheHintNotAnEmptyList() {
        var s = opened(.en, 80, 24, .meters)
        _ = s.update(.key(.function(5)))
        _ = s.update(.connectFailed(Failure(.link, "No answer from the concentrator.")))
        let screen = draw(s).lines
        #expect(screen[2].contains("F5 reads the meter list"), "\(screen.joined(separator: "\n"))")
        #expect(!screen.joined().contains("has no meters"))
        #expect(screen[17].contains("No answer from the concentrator."))
    }

    // MARK: - PLC

    /// The meter list read (the PLC page learns the meters), then F5 on the PLC page.
    func plcRead(_ l: UILanguage, _ w: Int, _ h: Int) -> AppState {
        var s = opened(l, w, h, .meters)
        loading(&s, meters: 12)
        loaded(&s, meters: 12)
        s.page = .plc
        s.tree.selected = ParameterPage.plc.rawValue
        _ = s.update(.key(.function(5)))
        _ = s.update(.page(.plc, .topology(MetersFixtures.topology)))
        return s
    }

    @Test func thePLCTree() {
        each { l, w, h in
            var s = plcRead(l, w, h)
            _ = s.update(.key(.down))
            _ = s.update(.key(.down))
            _ = s.update(.key(.right))
            Snapshot.check(draw(s), "plc-tree-\(l)-\(w)x\(h)")
        }
    }

    @Test func aNodeByItsMeterAddress() {
        each { l, w, h in
            var s = plcRead(l, w, h)
            _ = s.update(.key(.character("a")))
            type("70:B3:D5:1F:00:00:00:0B", &s)
            Snapshot.check(draw(s), "plc-address-\(l)-\(w)x\(h)")
            #expect(s.update(.key(.enter)).isEmpty)
            Snapshot.check(draw(s), "plc-node-\(l)-\(w)x\(h)")
        }
    }

    @Test func aMeterPickedFromTheList() {
        for l in Self.languages {
            var s = plcRead(l, 80, 24)
            _ = s.update(.key(.character("m")))
            type("0000000", &s)
            Snapshot.check(draw(s), "plc-picker-\(l)-80x24")
            _ = s.update(.key(.down))
            _ = s.update(.key(.enter))
            guard case .node(let node) = s.pages.plc.mode else { Issue.record("\(s.pages.plc.mode)"); continue }
            #expect(node.meter?.point == 2)
        }
    }

    @Test func theExportField() {
        for l in Self.languages {
            var s = opened(l, 80, 24, .meters)
            loading(&s, meters: 100)
            loaded(&s, meters: 100)
            _ = s.update(.key(.function(8)))
            Snapshot.check(draw(s), "meters-export-\(l)-80x24")
            let effects = s.update(.key(.enter))
            guard case .page(.meters, .exportMeters(let path, let meters, let status, _))? = effects.first else {
                Issue.record("\(effects)"); continue
            }
            #expect(path == "meters-20261125.csv" && meters.count == 100 && status.count == 100)
        }
    }

    @Test func thePLCPageBeforeARead() {
        for l in Self.languages {
            Snapshot.check(draw(opened(l, 80, 24, .plc)), "plc-notread-\(l)-80x24")
            Snapshot.check(draw(opened(l, 80, 24, .meters)), "meters-notread-\(l)-80x24")
        }
    }
}
