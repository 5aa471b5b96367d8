import Accounts
import ES951
import Testing
@testable import TUICore

/// The meter list page's keys: paging, filters, search, sort, columns, removal with a typed
/// confirmation, export; 1000 rows.
@Suite("Meter list page") struct MetersPageTests {
    let context = MetersFixtures.context()

    func type(_ text: String, into page: inout MetersPage, _ context: PageContext) -> [PageRequest] {
        text.flatMap { page.handle(.character($0), context) }
    }

    func shownPoints(_ page: MetersPage) -> [Int] { page.view.map { page.lines[$0].meter.point } }

    @Test func f5AsksForTheListAndPagesAppendAsTheyArrive() {
        var page = MetersPage()
        #expect(page.read(context) == [.readMeters])
        #expect(page.loading)
        let all = MetersFixtures.meters(150)
        page.receive(.metersPage(Array(all[0..<20])), context)
        #expect(page.lines.count == 20)
        #expect(page.loading && !page.statusRead)
        page.receive(.metersPage(Array(all[20..<120])), context)
        #expect(shownPoints(page) == Array(1...120))
        page.receive(.metersPage(Array(all[120...])), context)
        page.receive(.meters(all, status: MetersFixtures.statuses(150)), context)
        #expect(!page.loading && page.statusRead)
        #expect(page.lines.count == 150)
        #expect(page.lines[6].status?.state == .blacklisted)
        // F5 again starts from nothing.
        #expect(page.read(context) == [.readMeters])
        #expect(page.lines.isEmpty)
    }

    @Test func theSelectionStaysOnItsMeterWhileMorePagesArrive() {
        var page = MetersPage()
        _ = page.read(context)
        let all = MetersFixtures.meters(60)
        page.receive(.metersPage(Array(all[0..<20])), context)
        for _ in 0..<5 { _ = page.handle(.down, context) }
        #expect(page.selectedLine?.meter.point == 6)
        page.receive(.metersPage(Array(all[20...])), context)
        page.receive(.meters(all, status: MetersFixtures.statuses(60)), context)
        #expect(page.selectedLine?.meter.point == 6)
    }

    @Test func pagingThrough1000RowsByTheScreenful() {
        var page = MetersFixtures.page(1000)
        let rows = page.tableRows(context)
        #expect(rows == 11)
        _ = page.handle(.pageDown, context)
        #expect(page.selectedRow == 11)
        var presses = 1
        while page.selectedRow < 999, presses < 200 {
            _ = page.handle(.pageDown, context)
            presses += 1
        }
        #expect(page.selectedLine?.meter.point == 1000)
        #expect(presses == (999 + rows - 1) / rows)
        _ = page.handle(.pageUp, context)
        #expect(page.selectedRow == 999 - rows)
        _ = page.handle(.home, context)
        #expect(page.selectedRow == 0)
        _ = page.handle(.end, context)
        #expect(page.selectedRow == 999)
        // A taller area pages by its own height.
        let tall = MetersFixtures.context(height: 23, width: 82)
        _ = page.handle(.home, tall)
        _ = page.handle(.pageDown, tall)
        #expect(page.selectedRow == page.tableRows(tall))
        #expect(page.tableRows(tall) == 19)
    }

    @Test func filtersCycleAndCount() {
        var page = MetersFixtures.page(100)
        #expect(page.filter == .all && page.view.count == 100)
        #expect(page.counts[.blacklist] == 5 && page.counts[.online] == 85)
        _ = page.handle(.character("f"), context)
        #expect(page.filter == .online)
        #expect(page.view.count == 85)
        #expect(page.view.allSatisfy { page.lines[$0].status?.state == .online })
        _ = page.handle(.character("f"), context)
        #expect(page.filter == .blacklist)
        #expect(shownPoints(page) == [7, 27, 47, 67, 87])
        _ = page.handle(.character("f"), context)
        #expect(page.filter == .all && page.view.count == 100)
    }

    @Test func theBlacklistFilterIsEmptyUntilThePollStatusIsIn() {
        var page = MetersPage()
        _ = page.read(context)
        page.receive(.metersPage(MetersFixtures.meters(20)), context)
        _ = page.handle(.character("f"), context)
        _ = page.handle(.character("f"), context)
        #expect(page.filter == .blacklist && page.view.isEmpty)
        page.receive(.meters(MetersFixtures.meters(20), status: MetersFixtures.statuses(20)), context)
        #expect(shownPoints(page) == [7])
    }

    @Test func searchBySerialOrAddressAndEnterForTheNextMatch() {
        var page = MetersFixtures.page(1000)
        _ = page.handle(.character("/"), context)
        #expect(page.hasTextFocus && page.wantsEscape)
        // Serial of point 500: 20 000 000 + 500·7919 = 23 959 500.
        _ = type("23959500", into: &page, context)
        #expect(page.selectedLine?.meter.point == 500)
        #expect(page.note == nil)
        // Part of an address, with colons: …:00:00:01:xx are points 256…511.
        _ = page.handle(.escape, context)
        _ = page.handle(.home, context)
        _ = page.handle(.character("/"), context)
        _ = type("D5:1F:00:00:01", into: &page, context)
        #expect(page.selectedLine?.meter.point == 256)
        _ = page.handle(.enter, context)
        #expect(page.selectedLine?.meter.point == 257)
        // Without separators, lower case.
        _ = page.handle(.escape, context)
        _ = page.handle(.character("/"), context)
        _ = type("1f0000020a", into: &page, context)
        #expect(page.selectedLine?.meter.point == 522)
        // Nothing found: said, the selection stays.
        _ = type("zz", into: &page, context)
        #expect(page.selectedLine?.meter.point == 522)
        #expect(page.note?.text == "Not found: 1f0000020azz")
        _ = page.handle(.escape, context)
        #expect(!page.wantsEscape && page.note == nil)
        // `n` finds the next one of the text kept.
        var again = MetersFixtures.page(1000)
        _ = again.handle(.character("/"), context)
        _ = type("7919", into: &again, context)
        let first = again.selectedLine?.meter.point
        _ = again.handle(.escape, context)
        _ = again.handle(.character("n"), context)
        #expect(first == 1)
        #expect(again.selectedLine.map { $0.meter.serial.contains("7919") && $0.meter.point == 10 } == true)
    }

    @Test func sortByEachColumnAndReverse() {
        var page = MetersFixtures.page(100)
        _ = page.handle(.character("s"), context)
        #expect(page.sortColumn == .point)
        _ = page.handle(.character("r"), context)
        #expect(shownPoints(page).first == 100 && shownPoints(page).last == 1)
        // On to failures: blacklisted meters (100+ failures) last, ascending.
        while page.sortColumn != .failures { _ = page.handle(.character("s"), context) }
        let failures = page.view.map { page.lines[$0].status?.failedPolls ?? 0 }
        #expect(failures == failures.sorted())
        #expect(shownPoints(page).suffix(5) == [7, 27, 47, 67, 87])
        _ = page.handle(.character("r"), context)
        #expect(shownPoints(page).prefix(5) == [87, 67, 47, 27, 7])
        // State: online first, then the blacklist, then unknown.
        while page.sortColumn != .state { _ = page.handle(.character("s"), context) }
        let states = page.view.map { page.lines[$0].status?.state }
        #expect(states.first == .online && states.last == .unknown)
        #expect(states.firstIndex(of: .blacklisted)! > states.lastIndex(of: .online)!)
        // Sorting keeps the selected meter selected.
        _ = page.handle(.down, context)
        let selected = page.selectedLine?.meter.point
        _ = page.handle(.character("s"), context)
        #expect(page.selectedLine?.meter.point == selected)
    }

    @Test func columnsScrollSidewaysOnlyWhenTheyDoNotFit() {
        var page = MetersFixtures.page(30)
        let s = context.strings
        let narrow = page.layout(width: 52, s)
        #expect(narrow.columns.map(\.column) == [.point, .serial, .address, .type, .tariff, .state])
        #expect(narrow.hiddenRight && !narrow.hiddenLeft)
        for _ in 0..<10 { _ = page.handle(.right, context) }
        let scrolled = page.layout(width: 52, s)
        #expect(scrolled.columns.first?.column == .point && scrolled.columns.last?.column == .failures)
        #expect(!scrolled.hiddenRight && scrolled.hiddenLeft)
        for _ in 0..<10 { _ = page.handle(.left, context) }
        #expect(page.layout(width: 52, s).columns.map(\.column) == narrow.columns.map(\.column))
        // All of them at 82 columns, in both languages.
        for language in UILanguage.allCases {
            let wide = page.layout(width: 82, Snapshot.strings(language))
            #expect(wide.columns.count == MeterColumn.allCases.count, "\(language)")
        }
    }

    @Test func removingOneMeterNeedsItsSerialTyped() {
        var page = MetersFixtures.page(30)
        for _ in 0..<4 { _ = page.handle(.down, context) }
        #expect(page.handle(.delete, context).isEmpty)
        guard case .chooseRemoval = page.mode else { Issue.record("no choice: \(page.mode)"); return }
        #expect(page.usesTab && page.wantsEscape && page.hasTextFocus)
        guard case .chooseRemoval(let first) = page.mode else { return }
        #expect(first.selectedButton == 2, "Cancel has the focus (issue 18 item 11)")
        _ = page.handle(.left, context)
        _ = page.handle(.left, context)
        _ = page.handle(.enter, context)
        guard case .confirmRemoval(.one(5, "20039595"), _) = page.mode else { Issue.record("\(page.mode)"); return }
        // A wrong word is refused with a line in the dialog.
        #expect(type("2003959", into: &page, context).isEmpty)
        #expect(page.handle(.enter, context).isEmpty)
        #expect(page.mismatch)
        #expect(type("5", into: &page, context).isEmpty)
        #expect(page.handle(.enter, context) == [.removeMeter(point: 5)])
        #expect(page.mode == .list)
        // The device took it: the meter leaves the list, the next one is selected.
        page.receive(.written([FieldWrite(field: "point 5", outcome: .accepted)]), context)
        #expect(page.lines.count == 29 && !page.lines.contains { $0.meter.point == 5 })
        #expect(page.selectedLine?.meter.point == 6)
        #expect(page.note?.text == "Meter 20039595 (point 5) removed.")
    }

    @Test func removingAllNeedsTheWordAllAndARefusalKeepsTheList() {
        var page = MetersFixtures.page(30)
        _ = page.handle(.delete, context)
        _ = page.handle(.left, context)
        _ = page.handle(.enter, context)
        guard case .confirmRemoval(.all(30), _) = page.mode else { Issue.record("\(page.mode)"); return }
        _ = type("all", into: &page, context)
        #expect(page.handle(.enter, context).isEmpty)
        for _ in 0..<3 { _ = page.handle(.backspace, context) }
        _ = type("ALL", into: &page, context)
        #expect(page.handle(.enter, context) == [.removeAllMeters])
        page.receive(.written([FieldWrite(field: "all", outcome: .refused("read-write-denied"))]), context)
        #expect(page.lines.count == 30)
        #expect(page.note?.isError == true && page.note?.text.contains("read-write-denied") == true)
        // Russian: ВСЕ.
        let ru = MetersFixtures.context(.ru)
        _ = page.handle(.delete, ru)
        _ = page.handle(.left, ru)
        _ = page.handle(.enter, ru)
        _ = type("ВСЕ", into: &page, ru)
        #expect(page.handle(.enter, ru) == [.removeAllMeters])
        page.receive(.written([FieldWrite(field: "all", outcome: .accepted)]), ru)
        #expect(page.lines.isEmpty && page.view.isEmpty)
    }

    @Test func escapeAndCancelSendNothing() {
        var page = MetersFixtures.page(30)
        _ = page.handle(.delete, context)
        _ = page.handle(.escape, context)
        #expect(page.mode == .list)
        _ = page.handle(.delete, context)
        #expect(page.handle(.enter, context).isEmpty && page.mode == .list, "Enter on Cancel")
        _ = page.handle(.delete, context)
        _ = page.handle(.left, context)
        _ = page.handle(.left, context)
        _ = page.handle(.enter, context)
        _ = type(page.selectedLine!.meter.serial, into: &page, context)
        _ = page.handle(.tab, context)              // to Cancel
        #expect(page.handle(.enter, context).isEmpty)
        #expect(page.mode == .list && page.pendingRemoval == nil)
    }

    @Test func removalIsNotOfferedWithoutThePermissionOrLLS() {
        var page = MetersFixtures.page(30)
        let reader = MetersFixtures.context(permissions: AppFixtures.reader.permissions)
        #expect(page.keyBar(reader).map(\.key) == [])
        #expect(page.handle(.delete, reader).isEmpty)
        #expect(page.mode == .list)
        #expect(page.note?.text == "Your role may not do this.")
        #expect(page.keyBar(context).map(\.key) == ["Del"])
        let nls = MetersFixtures.context(lls: false)
        _ = page.handle(.delete, nls)
        #expect(page.mode == .list)
        #expect(page.note?.text.contains("LLS") == true)
    }

    @Test func exportAsksForAPathThenSendsTheRowsShown() {
        var page = MetersFixtures.page(100)
        _ = page.handle(.character("f"), context)
        _ = page.handle(.character("f"), context)      // blacklist: 5 meters
        _ = page.handle(.function(8), context)
        guard case .export(let prompt) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(prompt.path.text == "meters-20261125.csv" && prompt.rows == 5)
        for _ in 0..<prompt.path.text.count { _ = page.handle(.backspace, context) }
        #expect(page.handle(.enter, context).isEmpty)
        guard case .export(let empty) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(empty.message == "Enter the file name")
        _ = type("/tmp/black.csv", into: &page, context)
        let requests = page.handle(.enter, context)
        guard case .exportMeters(let path, let meters, let status, let choice)? = requests.first else { Issue.record("\(requests)"); return }
        #expect(path == "/tmp/black.csv" && choice == CSVChoice())
        #expect(meters.map(\.point) == [7, 27, 47, 67, 87])
        #expect(status.map(\.point) == [7, 27, 47, 67, 87])
        // The file exists: the box says so; Enter again replaces it.
        page.receive(.exportExists(path: "/tmp/black.csv"), context)
        guard case .export(let asked) = page.mode else { Issue.record("\(page.mode)"); return }
        #expect(asked.message == "/tmp/black.csv exists: Enter again replaces it, or change the name.")
        guard case .exportMeters(_, _, _, let again)? = page.handle(.enter, context).first else { Issue.record("no second write"); return }
        #expect(again.overwrite)
        page.receive(.exported(path: "/tmp/black.csv", rows: 5), context)
        #expect(page.mode == .list)
    }

    @Test func stoppedWhileLoadingKeepsTheRowsAndSaysSo() {
        var page = MetersPage()
        _ = page.read(context)
        page.receive(.metersPage(MetersFixtures.meters(20)), context)
        page.receive(.stopped, context)
        #expect(!page.loading && page.lines.count == 20)
        #expect(page.note?.text.contains("20") == true)
    }

    @Test func onlyTheRowsOnScreenAreDrawn() {
        // A 1000-row table asks the row provider for the visible rows only.
        let page = MetersFixtures.page(1000)
        let asked = Counter()
        let s = context.strings
        let columns = page.layout(width: 52, s).columns
        let view = page.view, lines = page.lines
        var buffer = ScreenBuffer(width: 52, height: 14)
        TableView(columns: columns.map { TableColumn(s[$0.column.titleKey], width: $0.width) }, rowCount: view.count,
                  state: page.table) { row in
            asked.value += 1
            return columns.map { $0.column.text(lines[view[row]], s) }
        }.render(in: Rect(x: 0, y: 1, width: 52, height: 12), into: &buffer)
        #expect(asked.value == 11)
    }

    final class Counter: @unchecked Sendable { var value = 0 }
}
