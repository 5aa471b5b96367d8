import Accounts
import DLMS
import ES951
import Foundation
import Testing
@testable import TUICore

/// The data pages' keys and the validation of their fields: what F5, Enter, F4 and F8 ask
/// for, and what a bad point, date, window or code shows instead.
@Suite("Data page keys") struct DataPageKeyTests {
    static func context(_ language: UILanguage = .en, _ permissions: Set<Permission> = PermissionMatrix.defaults[.administrator]) -> PageContext {
        PageContext(strings: Snapshot.strings(language), permissions: permissions, lls: false)
    }

    let en = Self.context()

    func type<P: WorkPage>(_ text: String, into page: inout P, _ context: PageContext = Self.context()) {
        for c in text { _ = page.handle(.character(c), context) }
    }

    func clear<P: WorkPage>(_ page: inout P, _ count: Int = 20) {
        for _ in 0..<count { _ = page.handle(.backspace, Self.context()) }
    }

    /// 2026-11-01 00:00 as the pages carry it: the wall-clock fields as UTC.
    func fields(_ text: String) -> Date { TimeInput.parse(text, timeZone: .gmt)! }

    // MARK: - Meter data

    @Test func meterDataReadsThePointTypedAndJumpsToItsProfiles() {
        var page = MeterDataPage()
        #expect(page.read(en) == [.readCurrent(point: 1)])
        clear(&page)
        type("27", into: &page)
        #expect(page.handle(.enter, en) == [.readCurrent(point: 27)])
        #expect(page.handle(.function(4), en) == [.showProfile(.daily, point: 27)])
        #expect(page.handle(.function(8), en).isEmpty, "F8 is CSV on every page, never a profile (issue 18 item 6)")
    }

    @Test func meterDataRefusesLettersAndPointsOutOfRange() {
        var page = MeterDataPage()
        clear(&page)
        type("1д", into: &page)
        #expect(page.point.text == "1")
        #expect(page.refusal == "Digits only")
        clear(&page)
        type("0", into: &page)
        #expect(page.read(en) == [])
        #expect(page.handle(.function(4), en) == [])
        #expect(page.refusal == "Point: a number 1…1000")
        clear(&page)
        type("1001", into: &page)
        #expect(page.read(en) == [])
        clear(&page)
        type("1000", into: &page)
        #expect(page.read(en) == [.readCurrent(point: 1000)])
        var ru = MeterDataPage()
        _ = ru.handle(.character("x"), Self.context(.ru))
        #expect(ru.refusal == "Только цифры")
    }

    @Test func theJumpOpensProfilesPresetAndF5ThereReadsIt() {
        var s = AppFixtures.main(.en)
        s.page = .meterData
        s.tree.selected = ParameterPage.meterData.rawValue
        s.focus = .work
        _ = s.update(.key(.backspace))
        for c in "12" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.function(4)))
        #expect(s.page == .profiles)
        #expect(s.tree.selected == ParameterPage.profiles.rawValue)
        let effects = s.update(.key(.function(5)))
        #expect(effects.contains(.page(.profiles, .readProfile(.daily, point: 12, from: nil, to: nil))))
    }

    @Test func inTheAppTabMovesBetweenTheFieldsAndEscClosesThePrompt() {
        var s = AppFixtures.main(.en)
        s.page = .profiles
        s.tree.selected = ParameterPage.profiles.rawValue
        s.focus = .work
        _ = s.update(.key(.tab))
        #expect(s.focus == .work)
        #expect(s.pages.profiles.focus == .profile)
        _ = s.update(.key(.backTab))
        #expect(s.pages.profiles.focus == .point)
        _ = s.update(.key(.function(5)))
        _ = s.update(.connected("demo"))
        _ = s.update(.page(.profiles, .profile(DataFixtures.daily)))
        _ = s.update(.key(.function(8)))
        #expect(s.pages.profiles.export != nil)
        _ = s.update(.key(.escape))
        #expect(s.pages.profiles.export == nil)
        #expect(s.focus == .work)
        _ = s.update(.key(.escape))
        #expect(s.focus == .tree)
    }

    // MARK: - Profiles

    @Test func profilesReadTheChosenProfileWholeOrInAWindow() {
        var page = ProfilesPage()
        #expect(page.read(en) == [.readProfile(.daily, point: 1, from: nil, to: nil)])
        _ = page.handle(.tab, en)
        #expect(page.focus == .profile)
        _ = page.handle(.right, en)
        _ = page.handle(.right, en)
        #expect(page.choice == .activeMax)
        _ = page.handle(.left, en)
        #expect(page.choice == .monthly)
        _ = page.handle(.tab, en)
        type("2026-11-01", into: &page)
        _ = page.handle(.tab, en)
        type("2026-11-10 12:30", into: &page)
        #expect(page.handle(.enter, en) == [.readProfile(.monthly, point: 1, from: fields("2026-11-01"),
                                                         to: fields("2026-11-10T12:30"))])
        // One side open.
        clear(&page)
        #expect(page.read(en) == [.readProfile(.monthly, point: 1, from: fields("2026-11-01"), to: nil)])
    }

    @Test func badDatesAndAWindowOutOfOrderAreShownNotRead() {
        var page = ProfilesPage()
        _ = page.handle(.tab, en); _ = page.handle(.tab, en)
        #expect(page.focus == .from)
        type("2026-1-01", into: &page)
        #expect(page.messageLine(en.strings)?.text == "From: As YYYY-MM-DD or YYYY-MM-DD HH:MM")
        #expect(page.read(en) == [])
        clear(&page)
        type("2026-02-30", into: &page)
        #expect(page.messageLine(en.strings)?.text == "From: No such date or time")
        #expect(page.messageLine(en.strings)?.problem == true)
        clear(&page)
        type("2026-11-01 24:00", into: &page)
        #expect(page.read(en) == [])
        clear(&page)
        type("2026-11-20", into: &page)
        _ = page.handle(.tab, en)
        type("2026-11-10", into: &page)
        #expect(page.read(en) == [])
        #expect(page.focus == .from)
        #expect(page.messageLine(en.strings)?.text == "From: “From” is after “To”")
        #expect(page.messageLine(Self.context(.ru).strings)?.text == "С: «С» позже, чем «По»")
        // Letters are refused in a date with words; a date in the past century too.
        _ = page.handle(.tab, en)
        type("ноябрь", into: &page)
        #expect(page.window.to.text == "2026-11-10")
        #expect(page.messageLine(en.strings)?.text == "Digits, “-”, “:” and a space only")
        clear(&page)
        type("1969-12-31", into: &page)
        #expect(page.read(en) == [])
    }

    @Test func profilesRefuseAPointOutOfRange() {
        var page = ProfilesPage()
        clear(&page)
        #expect(page.read(en) == [])
        type("1001", into: &page)
        #expect(page.read(en) == [])
        #expect(page.messageLine(en.strings)?.text == "Point: a number 1…1000")
        clear(&page)
        _ = page.handle(.tab, en)
        _ = page.handle(.enter, en)
        #expect(page.focus == .point, "F5 with a bad point goes back to it")
        type("3", into: &page)
        #expect(page.read(en) == [.readProfile(.daily, point: 3, from: nil, to: nil)])
    }

    @Test func aProfileReadIsShownOldestFirstAndExportedAsShown() {
        var page = ProfilesPage()
        _ = page.read(en)
        page.receive(.profile(DataFixtures.daily), en)
        let table = try! #require(page.table)
        #expect(table.rows.count == 89)
        #expect(DataText.dateTime(table.rows.first?.time) == "2026-08-29 00:00")
        #expect(DataText.dateTime(table.rows.last?.time) == "2026-11-25 00:00")
        #expect(page.keyBar(en).map(\.key) == ["F4", "F8", "u"])
        _ = page.handle(.function(8), en)
        #expect(page.export?.path.text == "profile-daily-point1-20260829-20261125.csv")
        #expect(page.wantsEscape && !page.usesTab)
        #expect(page.read(en) == [], "no new read under the prompt")
        clear(&page, 60)
        #expect(page.handle(.enter, en) == [])
        #expect(page.export?.message == "Enter the file name")
        type("/tmp/p1.csv", into: &page)
        #expect(page.handle(.enter, en) == [.exportProfile(path: "/tmp/p1.csv", table)])
        page.receive(.failed(Failure(.input, "Cannot create /tmp/p1.csv: No such file or directory.")), en)
        #expect(page.export?.message == "Cannot create /tmp/p1.csv: No such file or directory.")
        _ = page.handle(.enter, en)
        page.receive(.exported(path: "/tmp/p1.csv", rows: 89), en)
        #expect(page.export == nil)
        _ = page.handle(.function(8), en)
        _ = page.handle(.escape, en)
        #expect(page.export == nil)
    }

    @Test func exportIsOfferedOnlyToWhoMayExport() {
        var page = ProfilesPage()
        let noExport = Self.context(.en, [.read])
        page.receive(.profile(DataFixtures.daily), noExport)
        #expect(page.keyBar(noExport).map(\.key) == ["F4", "u"])
        _ = page.handle(.function(8), noExport)
        #expect(page.export == nil)
        var events = EventsPage()
        events.receive(.events(DataFixtures.events), noExport)
        #expect(events.keyBar(noExport).isEmpty)
        #expect(events.keyBar(en).map(\.key) == ["F8"])
    }

    @Test func f4CyclesTheTableAndAChartOfEachNumberColumn() {
        var page = ProfilesPage()
        _ = page.handle(.function(4), en)
        #expect(page.view == 0, "nothing to chart before a read")
        page.receive(.profile(DataFixtures.daily), en)
        for expected in [1, 2, 3, 4, 0] {
            _ = page.handle(.function(4), en)
            #expect(page.view == expected)
        }
        page.receive(.profile(DataFixtures.activeMax), en)
        #expect(ProfileChartView.chartable(try! #require(page.table)) == [0], "the time of the maximum is not charted")
    }

    @Test func theChartOfAnEnergyRegisterIsWhatWasConsumedEachDay() {
        let table = DataText.oldestFirst(DataFixtures.daily)
        let chart = ProfileChartView(table: table, column: 0, strings: en.strings)
        let bars = chart.bars
        #expect(bars.count == 88)
        guard case .number(let a) = table.rows[0].values[0], case .number(let b) = table.rows[1].values[0] else {
            Issue.record("not numbers"); return
        }
        #expect(bars[0].value.raw == b.raw - a.raw)
        #expect(!chart.monthly)
        let max = ProfileChartView(table: DataFixtures.activeMax, column: 0, strings: en.strings)
        #expect(max.bars.count == 14)
        #expect(max.bars[0].value == ScaledValue(raw: 41_235, scaler: -1, unit: DLMSUnit(27)))
    }

    // MARK: - Energy in Wh, kWh or MWh (issue 18 item 11)

    @Test func uAsksForTheNextUnitOnProfilesAndMeterDataWhateverTheFocus() {
        var profiles = ProfilesPage()
        for focus in ProfilesPage.Focus.allCases.dropLast() {
            profiles.focus = focus
            #expect(profiles.handle(.character("u"), en) == [.setEnergyUnit(.kwh)], "\(focus)")
        }
        #expect(profiles.point.text == "1" && profiles.refusal == nil, "u is no refused letter")
        var kwh = en
        kwh.energyUnit = .kwh
        #expect(profiles.handle(.character("U"), kwh) == [.setEnergyUnit(.mwh)])
        kwh.energyUnit = .mwh
        #expect(profiles.handle(.character("\u{0433}"), kwh) == [.setEnergyUnit(.wh)], "г: u on a Russian layout")
        var meter = MeterDataPage()
        #expect(meter.handle(.character("u"), en) == [.setEnergyUnit(.kwh)])
        #expect(meter.point.text == "1")
        // In the export box `u` is typed into the name.
        profiles.receive(.profile(DataFixtures.daily), en)
        _ = profiles.handle(.function(8), en)
        #expect(profiles.handle(.character("u"), en) == [])
        #expect(profiles.export?.path.text.hasSuffix("u") == true)
        // F1 lists the key on both pages; the key bar only with energy to show.
        #expect(profiles.keyHelp(en).contains { $0.key == "u" && $0.label.contains("kWh") })
        #expect(meter.keyHelp(en).map(\.key) == ["Enter", "F4", "u"])
        #expect(meter.keyBar(en).map(\.key) == ["F4"])
        meter.receive(.current(DataFixtures.current), en)
        #expect(meter.keyBar(en).map(\.key) == ["F4", "u"])
        var max = ProfilesPage()
        max.receive(.profile(DataFixtures.activeMax), en)
        #expect(!max.keyBar(en).contains { $0.key == "u" }, "no energy in a maximum load")
    }

    @Test func theAppKeepsTheUnitForEveryDataPageAndTheUser() {
        var s = AppFixtures.main(.en)
        s.page = .profiles
        s.tree.selected = ParameterPage.profiles.rawValue
        s.focus = .work
        #expect(s.energyUnit == .wh)
        #expect(s.update(.key(.character("u"))) == [.saveEnergyUnit(.kwh)])
        #expect(s.energyUnit == .kwh && s.pageContext.energyUnit == .kwh)
        #expect(s.status == "Energy in kWh / kvarh")
        #expect(s.reading == nil, "nothing is read")
        s.page = .meterData
        s.tree.selected = ParameterPage.meterData.rawValue
        #expect(s.update(.key(.character("u"))) == [.saveEnergyUnit(.mwh)])
        #expect(s.pages.meterData.handle(.character("u"), s.pageContext) == [.setEnergyUnit(.wh)])
        var ru = AppFixtures.main(.ru)
        ru.page = .meterData
        ru.focus = .work
        _ = ru.update(.key(.character("u")))
        #expect(ru.status == "Энергия в кВт·ч / квар·ч")
        // The user's own unit comes with the login; another user's with theirs.
        var info = AppFixtures.administrator
        info.energyUnit = .mwh
        _ = s.update(.loggedIn(info))
        #expect(s.energyUnit == .mwh)
        _ = s.update(.loggedIn(AppFixtures.reader))
        #expect(s.energyUnit == .wh)
    }

    @Test func theTableAndTheExportAreInTheUnitChosen() throws {
        var kwh = en
        kwh.energyUnit = .kwh
        var page = ProfilesPage()
        page.receive(.profile(DataFixtures.daily), kwh)
        let table = try #require(page.table)
        let grid = ProfileGrid(table: table, state: TableState(), firstColumn: 0, strings: en.strings, energy: .kwh)
        #expect(grid.titles == ["A+ (kWh)", "A− (kWh)", "R+ (kvarh)", "R− (kvarh)"])
        #expect(ProfileGrid(table: table, state: TableState(), firstColumn: 0, strings: Self.context(.ru).strings, energy: .mwh).titles
            == ["A+ (МВт·ч)", "A− (МВт·ч)", "R+ (Мвар·ч)", "R− (Мвар·ч)"])
        #expect(DataText.cell(table.rows[0].values[0], en.strings, .kwh) == "1234.567")
        #expect(DataText.cell(table.rows[0].values[0], Self.context(.ru).strings, .mwh) == "1,234567")
        // Power is not energy: P max stays in W.
        let max = DataFixtures.activeMax
        #expect(DataText.title(max.columns[0], en.strings, .mwh) == "P max (W)")
        #expect(DataText.cell(max.rows[0].values[0], en.strings, .mwh) == "4123.5")
        // The CSV is asked in the unit shown.
        _ = page.handle(.function(8), kwh)
        guard case .exportProfile(_, let sent, let choice)? = page.handle(.enter, kwh).first else { Issue.record("no export"); return }
        #expect(sent == table, "the table as read: the runtime converts, as the screen does")
        #expect(choice.energyUnit == .kwh)
    }

    // MARK: - Events

    @Test func eventsReadThePointTheWindowAndTheCode() {
        var page = EventsPage()
        #expect(page.read(en) == [.readEvents(point: 0, from: nil, to: nil, code: nil)])
        #expect(page.messageLine(en.strings)?.text == "Point 0 is the concentrator itself")
        _ = page.handle(.tab, en)
        type("27", into: &page)
        #expect(page.codeNote(en.strings) == DataText.catalogue?.event(27)?.english)
        #expect(page.codeNote(Self.context(.ru).strings) == DataText.catalogue?.event(27)?.russian)
        _ = page.handle(.tab, en)
        type("2026-11-01", into: &page)
        #expect(page.handle(.enter, en) == [.readEvents(point: 0, from: fields("2026-11-01"), to: nil, code: 27)])
    }

    @Test func eventsRefuseABadCodeAndAPointOutOfRange() {
        var page = EventsPage()
        clear(&page)
        type("1001", into: &page)
        #expect(page.read(en) == [])
        #expect(page.messageLine(en.strings)?.text == "Point: a number 0…1000")
        clear(&page)
        type("5", into: &page)
        _ = page.handle(.tab, en)
        type("64", into: &page)
        #expect(page.messageLine(en.strings)?.text == "Event codes: 1…63, comma-separated; empty: all")
        #expect(page.codeNote(en.strings) == "")
        #expect(page.read(en) == [])
        #expect(page.focus == .code)
        clear(&page)
        type("0", into: &page)
        #expect(page.read(en) == [])
        clear(&page)
        #expect(page.codeNote(en.strings) == "all codes")
        type("a", into: &page)
        #expect(page.messageLine(en.strings)?.text == "Digits and commas only")
        #expect(page.read(en) == [.readEvents(point: 5, from: nil, to: nil, code: nil)])
    }

    /// Issue 18 item 10: the screen lists the newest first; the CSV stays oldest first.
    @Test func eventsAreListedNewestFirstAndExportedOldestFirst() {
        var page = EventsPage()
        _ = page.read(en)
        page.receive(.events(DataFixtures.events), en)
        let records = try! #require(page.records)
        #expect(records.count == 17)
        #expect(records.map(\.code) == DataFixtures.events.reversed().map(\.code))
        // The table's selected row is named in full under the fields.
        page.focus = .result
        _ = page.handle(.down, en)
        let shown = try! #require(page.shown)
        #expect(shown.first?.time == records.last?.time, "newest first on screen")
        #expect(page.messageLine(en.strings)?.text == "\(shown[1].code): " + (shown[1].englishName ?? "?"))
        #expect(page.messageLine(Self.context(.ru).strings)?.text == "\(shown[1].code): " + (shown[1].russianName ?? "?"))
        _ = page.handle(.function(8), en)
        #expect(page.export?.path.text == "events-point0-20261105-20261121.csv")
        #expect(page.handle(.enter, en) == [.exportEvents(path: "events-point0-20261105-20261121.csv", records)])
    }

    // MARK: - Several codes, and the list to mark them in (issue 18 item 11)

    /// The Events page on its Code field.
    func onCode() -> EventsPage {
        var page = EventsPage()
        _ = page.handle(.tab, en)
        #expect(page.focus == .code)
        return page
    }

    @Test func theCodeFieldTakesSeveralCodesEachCheckedAndOnce() {
        var page = onCode()
        type("7, 3,7,12,", into: &page)
        #expect(DataInput.codes(page.code.text) == .success([3, 7, 12]), "spaces and a trailing comma allowed, 7 once")
        #expect(page.codeNote(en.strings) == "3 codes")
        #expect(page.codeNote(Self.context(.ru).strings) == "кодов: 3")
        let names = [3, 7, 12].map { "\($0): " + (DataText.eventName(code: $0, en.strings) ?? "?") }.joined(separator: "; ")
        #expect(page.messageLine(en.strings)?.text == names)
        // Several codes: the log is read as all and kept on receipt (the device does not filter).
        #expect(page.read(en) == [.readEvents(point: 0, from: nil, to: nil, code: nil)])
        #expect(page.pendingCodes == [3, 7, 12])
        // One code is asked as before.
        clear(&page)
        type("27,27", into: &page)
        #expect(page.read(en) == [.readEvents(point: 0, from: nil, to: nil, code: 27)])
        // Each code is checked as one was: 1…63, digits only.
        for bad in ["3,64", "0,3", "3,1 2", "100"] {
            clear(&page)
            type(bad, into: &page)
            #expect(page.read(en) == [], "\(bad)")
            #expect(page.messageLine(en.strings)?.problem == true, "\(bad)")
        }
        clear(&page)
        type(",,", into: &page)
        #expect(page.codeNote(en.strings) == "all codes")
        #expect(page.read(en) == [.readEvents(point: 0, from: nil, to: nil, code: nil)])
        clear(&page)
        type("3;", into: &page)
        #expect(page.code.text == "3")
        #expect(page.refusal == "Digits and commas only")
    }

    @Test func insOrPlusOnTheCodeFieldOpensTheListAndEnterPutsTheMarkedCodesInTheField() throws {
        var page = onCode()
        #expect(page.keyBar(en).map(\.key) == ["Ins"], "the key is shown on the Code field")
        _ = page.handle(.insert, en)
        var picker = try #require(page.picker)
        #expect(picker.codes == Array(1...63))
        #expect(picker.checked.isEmpty && picker.list.selected == 0)
        #expect(page.wantsEscape && page.hasTextFocus)
        #expect(page.keyBar(en).map(\.key) == ["Space", "Enter", "Esc"])
        #expect(page.keyBar(Self.context(.ru)).map(\.label) == ["Отметить", "Выбрать", "Отмена"])
        #expect(page.read(en) == [], "F5 reads nothing under the list")
        // ↓↓ Space: code 3; Ins marks 7 and moves down; Space there marks 8, Space again unmarks it.
        for key in [Key.down, .down, .character(" "), .down, .down, .down, .down, .insert, .character(" "), .character(" ")] {
            #expect(page.handle(key, en) == [])
        }
        picker = try #require(page.picker)
        #expect(picker.checked == [3, 7])
        #expect(picker.list.selected == 7)
        #expect(page.code.text == "", "the field changes only on Enter")
        _ = page.handle(.enter, en)
        #expect(page.picker == nil)
        #expect(page.code.text == "3,7")
        #expect(page.focus == .code)
        #expect(page.read(en) == [.readEvents(point: 0, from: nil, to: nil, code: nil)])
        #expect(page.pendingCodes == [3, 7])

        // `+` opens it again on the codes typed, the first marked selected; `a` marks all,
        // `n` none; Esc leaves the field as it was.
        _ = page.handle(.character("+"), en)
        picker = try #require(page.picker)
        #expect(picker.checked == [3, 7] && picker.list.selected == 2)
        _ = page.handle(.character("a"), en)
        #expect(page.picker?.checked.count == 63)
        _ = page.handle(.character("n"), en)
        #expect(page.picker?.checked == [])
        _ = page.handle(.character("\u{0444}"), en)     // ф: `a` on a Russian layout
        #expect(page.picker?.checked.count == 63)
        _ = page.handle(.escape, en)
        #expect(page.picker == nil)
        #expect(page.code.text == "3,7")
        // None marked is all codes: an empty field.
        _ = page.handle(.insert, en)
        _ = page.handle(.character("n"), en)
        _ = page.handle(.enter, en)
        #expect(page.code.text == "")
        #expect(page.codeNote(en.strings) == "all codes")
        // End, and PageDown past the end, stop at the last code.
        _ = page.handle(.insert, en)
        _ = page.handle(.end, en)
        _ = page.handle(.pageDown, en)
        _ = page.handle(.character(" "), en)
        _ = page.handle(.enter, en)
        #expect(page.code.text == "63")
    }

    /// A name too long for the window keeps its end, so "… - начало" and "… - окончание"
    /// stay told apart at 80×24.
    @Test func aLongNameInTheListKeepsItsEnd() {
        let ru = Self.context(.ru).strings
        let begin = try! #require(DataText.eventName(code: 7, ru)), end = try! #require(DataText.eventName(code: 8, ru))
        let (a, b) = (EventCodePicker.shortened(begin, 43), EventCodePicker.shortened(end, 43))
        #expect(DisplayWidth.of(a) == 43 && DisplayWidth.of(b) == 43)
        #expect(a.hasSuffix("… - \u{043D}\u{0430}\u{0447}\u{0430}\u{043B}\u{043E}") && b.hasSuffix("… - " + end.split(separator: " ").last!))
        #expect(a != b)
        #expect(EventCodePicker.shortened("Magnetic field begin", 43) == "Magnetic field begin")
        #expect(EventCodePicker.shortened(String(repeating: "x", count: 50), 10) == "xxxxxxxxx…", "no dash: cut with …")
    }

    @Test func theListOpensOnlyFromTheCodeField() {
        var page = EventsPage()
        #expect(page.focus == .point)
        _ = page.handle(.insert, en)
        _ = page.handle(.character("+"), en)
        #expect(page.picker == nil)
        #expect(page.point.text == "0")
        #expect(page.refusal == "Digits only")
        #expect(!page.keyBar(en).contains { $0.key == "Ins" })
        // F1 lists the key and the list's keys, in both languages.
        let help = page.keyHelp(en)
        #expect(help.contains { $0.key == "Ins +" && $0.label.contains("list of event codes") })
        #expect(help.contains { $0.key == "Space Ins" } && help.contains { $0.key == "a +  n -" })
        #expect(help.last?.key == "F8")
        #expect(page.keyHelp(Self.context(.ru)).contains { $0.key == "Пробел Ins" && $0.label.hasPrefix("в списке") })
        #expect(!page.keyHelp(Self.context(.en, [.read])).contains { $0.key == "F8" })
    }

    @Test func inTheAppEscClosesTheListAndTabStaysInIt() {
        var s = AppFixtures.main(.en)
        s.page = .events
        s.tree.selected = ParameterPage.events.rawValue
        s.focus = .work
        _ = s.update(.key(.tab))
        _ = s.update(.key(.insert))
        #expect(s.pages.events.picker != nil)
        _ = s.update(.key(.character("q")))
        #expect(!s.quitting, "q is no quit while the list is open")
        _ = s.update(.key(.tab))
        #expect(s.focus == .work && s.pages.events.picker != nil)
        #expect(s.update(.key(.function(5))).isEmpty, "F5 reads nothing under the list")
        _ = s.update(.key(.escape))
        #expect(s.pages.events.picker == nil)
        #expect(s.focus == .work, "Esc closed the list, not the page")
    }

    /// Records of codes 1, 3 and 7, and the choice {3, 7}: the table, its count and the
    /// CSV have only 3 and 7.
    @Test func theRecordsShownAndExportedAreOnlyThoseOfTheCodesChosen() throws {
        let catalogue = try #require(DataText.catalogue)
        let records = [1, 3, 7, 1, 7, 3, 1].enumerated().map { i, code in
            EventRecord(time: DataFixtures.midnight(daysBefore: 10 - i, hour: 8), code: code, info: catalogue.event(code))
        }
        var page = onCode()
        type("3,7", into: &page)
        #expect(page.handle(.enter, en) == [.readEvents(point: 0, from: nil, to: nil, code: nil)])
        // What was typed after F5 does not change what the table is of.
        clear(&page)
        type("1", into: &page)
        page.receive(.events(records), en)
        let kept = try #require(page.records)
        #expect(kept.map(\.code) == [3, 7, 7, 3])
        #expect(page.shownCodes == [3, 7])
        page.focus = .result
        #expect(page.messageLine(en.strings)?.text == "3: " + DataText.eventName(kept.last!, en.strings))
        page.focus = .point
        #expect(page.messageLine(en.strings)?.text == "Point 0: 4 events of codes 3,7")
        #expect(page.messageLine(Self.context(.ru).strings)?.text == "Точка 0: событий 4 с кодами 3,7")
        // The table on screen: the code column has 3 and 7 only.
        let area = Rect(x: 0, y: 0, width: 60, height: 12)
        var buffer = ScreenBuffer(width: 60, height: 12)
        page.render(in: area, into: &buffer, context: DrawContext(strings: en.strings), page: en, focused: false)
        let rows = buffer.lines.dropFirst(4).filter { $0.hasPrefix("2026-") }
        #expect(rows.count == 4)
        #expect(rows.map { $0.dropFirst(ProfileGrid.timeWidth).prefix(5).trimmingCharacters(in: .whitespaces) } == ["3", "7", "7", "3"])
        // The CSV: the rows kept, oldest first.
        _ = page.handle(.function(8), en)
        guard case .exportEvents(_, let exported, _)? = page.handle(.enter, en).first else { Issue.record("no export"); return }
        #expect(exported.map(\.code) == [3, 7, 7, 3])
        #expect(exported == kept)
        #expect(page.export?.rows == 4)
        #expect(EventsPage.kept(records, codes: []) == records, "no codes: all")
    }

    @Test func anUnknownCodeIsNamedAsUnknown() {
        let record = EventRecord(time: nil, code: 99, info: nil)
        #expect(DataText.eventName(record, en.strings) == "Unknown event 99")
        #expect(DataText.eventName(record, Self.context(.ru).strings) == "Неизвестное событие 99")
    }
}

/// Issue 18 item 10: the export box names the file after the unit and the days, lets the
/// separators be chosen, and replaces an existing file only on a second Enter.
@Suite struct ExportPromptTests {
    let s = Snapshot.strings(.en)

    @Test func theDefaultNameHasTheSerialAndTheDaysAndDeviceTextIsMadeSafe() {
        let d1 = COSEMDateTime(secondsSince1970: 1_796_000_000, utcOffsetMinutes: 180)
        let d2 = COSEMDateTime(secondsSince1970: 1_796_600_000, utcOffsetMinutes: 180)
        #expect(ExportName.make("events-point0", serial: "95100001", times: [d2, nil, d1]) == "events-point0-95100001-20261130-20261207.csv")
        #expect(ExportName.make("meters", serial: nil) == "meters.csv")
        #expect(ExportName.make("x", serial: "../etc/passwd") == "x-x2e2e2f6574632f706173737764.csv", "no path in a name")
        #expect(ExportName.safe("Счётчик 1") == "x" + Array("Счётчик 1".utf8).map { String(format: "%02x", $0) }.joined())
        #expect(ExportName.safe(String(repeating: "9", count: 100)).count == 32, "bounded")
    }

    @Test func separatorsAreChosenAndAnExistingFileIsReplacedOnlyOnASecondEnter() {
        var p = ExportPrompt(defaultPath: "a.csv", rows: 3)
        #expect(p.separator == "," && p.decimal == ".")
        _ = p.handle(.tab, s)
        _ = p.handle(.right, s)          // "," → Tab
        _ = p.handle(.tab, s)
        _ = p.handle(.right, s)          // "." → ","
        #expect(p.separator == "\t" && p.decimal == ",")
        guard case .write(let name, let choice)? = p.handle(.enter, s) else { Issue.record("no write"); return }
        #expect(name == "a.csv" && choice == CSVChoice(separator: "\t", decimal: ",", overwrite: false))
        p.exists("/home/u/a.csv", s)
        guard case .write(_, let again)? = p.handle(.enter, s) else { Issue.record("no second write"); return }
        #expect(again.overwrite)
        // A name changed after the warning is not replaced without asking again.
        p.writing = false
        p.exists("/home/u/a.csv", s)
        p.focus = .path
        _ = p.handle(.character("x"), s)
        guard case .write(_, let other)? = p.handle(.enter, s) else { Issue.record("no write"); return }
        #expect(!other.overwrite)
    }

    /// ←/→ and Space choose in the separator fields only: in the name they edit it (a
    /// `where` on the last of three patterns left ←/→ choosing there too).
    @Test func arrowsAndSpaceEditTheName() {
        var p = ExportPrompt(defaultPath: "ab.csv", rows: 3)
        #expect(p.focus == .path)
        for key in [Key.left, .left, .left, .left, .character(" "), .character("x")] { _ = p.handle(key, s) }
        #expect(p.separator == "," && p.decimal == ".")
        guard case .write(let name, _)? = p.handle(.enter, s) else { Issue.record("no write"); return }
        #expect(name == "ab x.csv")
    }

    @Test func theSameCharacterForBothIsRefused() {
        var p = ExportPrompt(defaultPath: "a.csv", rows: 3, russian: true)
        #expect(p.separator == ";" && p.decimal == ",")
        _ = p.handle(.tab, s)
        _ = p.handle(.right, s)          // ";" → ","
        #expect(p.handle(.enter, s) == nil && p.message == "The separator and the decimal separator must differ")
    }
}
