import Accounts
import AccountStore
import Concentrator
import DLMS
import DLMSTransport
import ES951
import Export
import Foundation
import Testing
@testable import TUICore
@testable import hlmcs

/// The Data pages' requests carried out by the runtime against the in-process demo
/// concentrator: profiles whole and by window equal `Concentrator.readProfile` read
/// directly, the CSV file equals the table row by row (BOM, header, separators, decimal
/// comma in Russian), events with their names, and the authorizer's refusals.
@Suite("TUI data pages", .timeLimit(.minutes(1)))
struct TUIDataTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner
    let folder: URL

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 20)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The page's result for `request` (connecting first when asked).
    func result(_ request: PageRequest, on page: ParameterPage) async -> PageResult? {
        runner.perform(.page(page, request))
        let seen = await wait(for: "\(request)") { if case .page(page, _) = $0 { true } else { false } }
        for msg in seen { if case .page(page, let r) = msg { return r } }
        return nil
    }

    func logInAndConnect() async {
        await logIn()
        runner.perform(.connect(.demo, llsPassword: nil))
        _ = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
    }

    /// A concentrator of our own on the runner's demo device (after the runner hung up).
    func direct<T>(_ body: (Concentrator) async throws -> T) async throws -> T {
        runner.perform(.disconnect)
        _ = await wait(for: "disconnection") { if case .disconnected = $0 { true } else { false } }
        let options = LinkSpec.demo
        let (channel, serving) = await runner.worker.demo.connect()
        defer { serving.cancel() }
        let connection = DLMSConnection(channel: channel, configuration: try Link.configuration(options, password: nil))
        let concentrator = Concentrator(connection: connection, map: try DeviceMap.builtIn(), catalogue: nil,
                                        traffic: TrafficCounter(), now: { Date() })
        _ = try await concentrator.open()
        let value = try await body(concentrator)
        await concentrator.close()
        return value
    }

    /// The wall-clock fields of `time` as the pages carry them (a UTC date).
    func fields(_ time: COSEMDateTime?) throws -> Date {
        let t = try #require(time)
        return try #require(TimeInput.parse(String(format: "%04d-%02d-%02dT%02d:%02d", Int(t.date.year), Int(t.date.month),
                                                   Int(t.date.dayOfMonth), Int(t.time.hour), Int(t.time.minute)), timeZone: .gmt))
    }

    /// The CSV file's lines without the BOM and line ends, after checking both.
    func csvLines(_ path: String) throws -> [String] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark first")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n").dropLast()
    }

    // MARK: - Profiles

    @Test func aDailyProfileWholeAndByWindowIsWhatTheConcentratorReads() async throws {
        await logInAndConnect()
        guard case .profile(let whole)? = await result(.readProfile(.daily, point: 1, from: nil, to: nil), on: .profiles)
        else { Issue.record("no profile"); return }
        #expect(whole.rows.count == 89)
        #expect(whole.columns.map(\.name) == ["active-energy-import", "active-energy-export", "reactive-energy-import", "reactive-energy-export"])
        let sorted = DataText.oldestFirst(whole)
        let (from, to) = (sorted.rows[10].time, sorted.rows[20].time)
        guard case .profile(let window)? = await result(.readProfile(.daily, point: 1, from: try fields(from), to: try fields(to)),
                                                        on: .profiles)
        else { Issue.record("no window"); return }
        #expect(DataText.oldestFirst(window).rows == Array(sorted.rows[10...20]))
        // One side open: from the 80th row to the end.
        guard case .profile(let tail)? = await result(.readProfile(.daily, point: 1, from: try fields(sorted.rows[80].time), to: nil),
                                                      on: .profiles)
        else { Issue.record("no tail"); return }
        #expect(DataText.oldestFirst(tail).rows == Array(sorted.rows[80...]))

        let (directWhole, directWindow) = try await direct { c in
            (try await c.readProfile(.daily, point: 1), try await c.readProfile(.daily, point: 1, from: from, to: to))
        }
        #expect(whole == directWhole)
        #expect(window == directWindow)
        await runner.shutdown()
    }

    @Test func theMaximumLoadAndTheCurrentReadingsAreTheConcentrators() async throws {
        await logInAndConnect()
        guard case .profile(let max)? = await result(.readProfile(.activeMax, point: 2, from: nil, to: nil), on: .profiles),
              case .current(let current)? = await result(.readCurrent(point: 2), on: .meterData)
        else { Issue.record("no tables"); return }
        #expect(max.rows.count == 14)
        #expect(current.rows.count == 1)
        let (directMax, directCurrent) = try await direct { c in
            (try await c.readProfile(.activeMax, point: 2), try await c.readCurrentReadings(point: 2))
        }
        #expect(max == directMax)
        #expect(current == directCurrent)
        await runner.shutdown()
    }

    @Test func aPointTheConcentratorLacksIsAWordedFailure() async throws {
        await logInAndConnect()
        guard case .failed(let text)? = await result(.readCurrent(point: 500), on: .meterData) else {
            Issue.record("point 500 of 20 was read"); return
        }
        #expect(!text.text.isEmpty && !text.text.contains("Error("), "\(text)")
        await runner.shutdown()
    }

    // MARK: - CSV

    @Test func theProfileCSVIsTheTableRowByRowInRussian() async throws {
        await logInAndConnect()
        runner.setLanguage(.ru)
        guard case .profile(let read)? = await result(.readProfile(.daily, point: 1, from: nil, to: nil), on: .profiles)
        else { Issue.record("no profile"); return }
        // What the page shows, and what it sends for export.
        var page = ProfilesPage()
        let ru = PageContext(strings: try UIStrings.bundled(.ru), permissions: PermissionMatrix.defaults[.administrator], lls: false)
        _ = page.read(ru)
        page.receive(.profile(read), ru)
        let shown = try #require(page.table)
        let path = folder.appendingPathComponent("daily-1.csv").path
        guard case .exported(let written, let count)? = await result(.exportProfile(path: path, shown), on: .profiles)
        else { Issue.record("not exported"); return }
        #expect(written == path)
        #expect(count == 89)
        let lines = try csvLines(path)
        #expect(lines.first == "Дата-время;A+ (Вт·ч);A− (Вт·ч);R+ (вар·ч);R− (вар·ч)")
        #expect(lines.first == (["data.column.dateTime"].map { ru.strings[$0] } + shown.columns.map { DataText.title($0, ru.strings) })
            .joined(separator: ";"), "the CSV header is the table's")
        #expect(lines.count == 1 + shown.rows.count)
        for (row, line) in zip(shown.rows, lines.dropFirst()) {
            #expect(line.components(separatedBy: ";") == [DataText.dateTime(row.time)] + row.values.map { DataText.cell($0, ru.strings) })
        }
        // Oldest first, the device's local time.
        #expect(lines[1] < lines[89])
        await runner.shutdown()
    }

    @Test func decimalsAreACommaInRussianAndAPointInEnglish() async throws {
        await logInAndConnect()
        let column = ProfileTable.Column(name: "active-max-demand", unit: DLMSUnit(27), scaler: -3,
                                         source: CaptureObjectDefinition(classID: 4, instance: OBISCode(1, 0, 1, 6, 0, 255), attribute: 2))
        let time = COSEMDateTime(year: 2026, month: 11, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 180)
        let table = ProfileTable(columns: [column], rows: [
            ProfileTable.Row(time: time, values: [.number(ScaledValue(raw: 12_345, scaler: -3, unit: DLMSUnit(27)))]),
            ProfileTable.Row(time: time.map { var t = $0; t.date.dayOfMonth = 2; return t },
                             values: [.number(ScaledValue(raw: -7, scaler: -3, unit: DLMSUnit(27)))]),
        ])
        runner.setLanguage(.ru)
        let ruPath = folder.appendingPathComponent("ru.csv").path
        guard case .exported? = await result(.exportProfile(path: ruPath, table), on: .profiles) else { Issue.record("ru"); return }
        #expect(try csvLines(ruPath) == ["Дата-время;P макс (Вт)", "2026-11-01 00:00;12,345", "2026-11-02 00:00;-0,007"])
        runner.setLanguage(.en)
        let enPath = folder.appendingPathComponent("en.csv").path
        guard case .exported? = await result(.exportProfile(path: enPath, table), on: .profiles) else { Issue.record("en"); return }
        #expect(try csvLines(enPath) == ["Date-time,P max (W)", "2026-11-01 00:00,12.345", "2026-11-02 00:00,-0.007"])
        // Issue 18 item 10: an existing file is not replaced unless asked; the separators
        // chosen in the box are the file's.
        guard case .exportExists(let existing)? = await result(.exportProfile(path: enPath, ProfileTable(columns: [], rows: [])), on: .profiles)
        else { Issue.record("overwritten"); return }
        #expect(existing == enPath)
        #expect(try csvLines(enPath).count == 3)
        let tabs = CSVChoice(separator: "\t", decimal: ",", overwrite: true)
        guard case .exported? = await result(.exportProfile(path: enPath, table, tabs), on: .profiles) else { Issue.record("tabs"); return }
        #expect(try csvLines(enPath) == ["Date-time\tP max (W)", "2026-11-01 00:00\t12,345", "2026-11-02 00:00\t-0,007"])
        await runner.shutdown()
    }

    /// Issue 18 item 11: energy in kWh or MWh — the header names the unit of each value
    /// column, the values are the device's digits with the decimal point moved (exact,
    /// the export's decimal separator), power stays in W.
    @Test func theProfileCSVInKilowattHoursAndMegawattHours() async throws {
        await logIn()
        func column(_ name: String, _ unit: DLMSUnit, scaler: Int8, classID: UInt16 = 3) -> ProfileTable.Column {
            ProfileTable.Column(name: name, unit: unit, scaler: scaler,
                                source: CaptureObjectDefinition(classID: classID, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 2))
        }
        let columns = [column("active-energy-import", .wattHour, scaler: 0), column("reactive-energy-import", .varHour, scaler: -3),
                       column("active-max-demand", .watt, scaler: -1, classID: 4)]
        func row(_ day: Int, _ a: Int64, _ r: Int64, _ p: Int64) -> ProfileTable.Row {
            ProfileTable.Row(time: COSEMDateTime(year: 2026, month: 11, day: day, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 180)!,
                             values: [.number(ScaledValue(raw: a, scaler: 0, unit: .wattHour)),
                                      .number(ScaledValue(raw: r, scaler: -3, unit: .varHour)),
                                      .number(ScaledValue(raw: p, scaler: -1, unit: .watt))])
        }
        let table = ProfileTable(columns: columns, rows: [row(1, 1_234_567, 402_777, 41_235), row(2, 0, -5, 0),
                                                          row(3, .max, .max, 7)])
        runner.setLanguage(.ru)
        let ru = folder.appendingPathComponent("kwh-ru.csv").path
        guard case .exported? = await result(.exportProfile(path: ru, table, CSVChoice(energyUnit: .kwh)), on: .profiles)
        else { Issue.record("ru"); return }
        #expect(try csvLines(ru) == ["Дата-время;A+ (кВт·ч);R+ (квар·ч);P макс (Вт)",
                                     "2026-11-01 00:00;1234,567;0,402777;4123,5",
                                     "2026-11-02 00:00;0,000;-0,000005;0,0",
                                     "2026-11-03 00:00;9223372036854775,807;9223372036854,775807;0,7"])
        runner.setLanguage(.en)
        let en = folder.appendingPathComponent("mwh-en.csv").path
        guard case .exported? = await result(.exportProfile(path: en, table, CSVChoice(energyUnit: .mwh)), on: .profiles)
        else { Issue.record("en"); return }
        #expect(try csvLines(en) == ["Date-time,A+ (MWh),R+ (Mvarh),P max (W)",
                                     "2026-11-01 00:00,1.234567,0.000402777,4123.5",
                                     "2026-11-02 00:00,0.000000,-0.000000005,0.0",
                                     "2026-11-03 00:00,9223372036854.775807,9223372036.854775807,0.7"])
        // The separators chosen in the box, and Wh as before.
        let tabs = folder.appendingPathComponent("kwh-tabs.csv").path
        guard case .exported? = await result(.exportProfile(path: tabs, table, CSVChoice(separator: "\t", decimal: ",", energyUnit: .kwh)),
                                             on: .profiles)
        else { Issue.record("tabs"); return }
        #expect(try csvLines(tabs).prefix(2) == ["Date-time\tA+ (kWh)\tR+ (kvarh)\tP max (W)", "2026-11-01 00:00\t1234,567\t0,402777\t4123,5"])
        let wh = folder.appendingPathComponent("wh.csv").path
        guard case .exported? = await result(.exportProfile(path: wh, table), on: .profiles) else { Issue.record("wh"); return }
        #expect(try csvLines(wh).prefix(2) == ["Date-time,A+ (Wh),R+ (varh),P max (W)", "2026-11-01 00:00,1234567,402.777,4123.5"])
        await runner.shutdown()
    }

    /// The unit is the user's: kept in the database, it comes back with the next login;
    /// another user keeps Wh.
    @Test func theUnitChosenComesBackWithTheNextLogin() async throws {
        await logIn()
        let admin = try store.login(name: UserName.firstAdministrator, password: "first-pass-1", now: Date())
        try store.addUser(name: "petrov", role: .read, password: "reader-pass-1", by: admin, now: Date())
        let key = AccountStore.UserSetting.energyUnit.key(admin.user)
        runner.perform(.saveEnergyUnit(.mwh))
        // The accounts run one at a time: once the users are listed, the unit is saved.
        runner.perform(.loadUsers)
        _ = await wait(for: "the users") { if case .usersLoaded = $0 { true } else { false } }
        #expect(try store.setting(key) == "mwh")
        runner.perform(.logout)
        runner.perform(.login(user: admin.user, password: "first-pass-1"))
        let seen = await wait(for: "login") { if case .loggedIn = $0 { true } else { false } }
        #expect(seen.contains { if case .loggedIn(let info) = $0 { info.energyUnit == .mwh } else { false } })
        runner.perform(.logout)
        runner.perform(.login(user: "petrov", password: "reader-pass-1"))
        let other = await wait(for: "petrov") { if case .loggedIn(let i) = $0 { i.user == "petrov" } else { false } }
        #expect(other.contains { if case .loggedIn(let info) = $0 { info.user == "petrov" && info.energyUnit == .wh } else { false } })
        // A value this version does not know is Wh, not a failed login.
        try store.setSetting(AccountStore.UserSetting.energyUnit.key("petrov"), "GWh")
        runner.perform(.logout)
        runner.perform(.login(user: "petrov", password: "reader-pass-1"))
        let again = await wait(for: "petrov again") { if case .loggedIn(let i) = $0 { i.user == "petrov" } else { false } }
        #expect(again.contains { if case .loggedIn(let info) = $0 { info.energyUnit == .wh } else { false } })
        await runner.shutdown()
    }

    @Test func aFileThatCannotBeWrittenIsWordedAndLeavesNothing() async throws {
        await logInAndConnect()
        let path = folder.appendingPathComponent("no-such-folder/p.csv").path
        guard case .failed(let text)? = await result(.exportProfile(path: path, ProfileTable(columns: [], rows: [])), on: .profiles)
        else { Issue.record("written"); return }
        #expect(text.text.contains(path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        await runner.shutdown()
    }

    // MARK: - Events

    @Test func eventsComeWithTheirNamesFilteredByCodeAndExported() async throws {
        await logInAndConnect()
        guard case .events(let all)? = await result(.readEvents(point: 0, from: nil, to: nil, code: nil), on: .events)
        else { Issue.record("no events"); return }
        #expect(all.count >= 100)
        #expect(all.allSatisfy { $0.englishName != nil && $0.russianName != nil }, "every code is in the catalogue")
        let code = all[0].code
        guard case .events(let some)? = await result(.readEvents(point: 0, from: nil, to: nil, code: code), on: .events)
        else { Issue.record("no filtered events"); return }
        #expect(!some.isEmpty && some.allSatisfy { $0.code == code })
        #expect(some.count == all.filter { $0.code == code }.count)
        // A window on the device.
        let sorted = DataText.oldestFirst(all)
        guard case .events(let window)? = await result(.readEvents(point: 0, from: try fields(sorted[50].time), to: nil, code: nil),
                                                       on: .events)
        else { Issue.record("no window"); return }
        #expect(!window.isEmpty && window.count <= sorted.count - 50 + 1)
        #expect(window.allSatisfy { ($0.time?.secondsSince1970() ?? 0) >= (sorted[50].time?.secondsSince1970() ?? 0) - 59 })

        runner.setLanguage(.ru)
        let path = folder.appendingPathComponent("events.csv").path
        guard case .exported(_, let rows)? = await result(.exportEvents(path: path, sorted), on: .events)
        else { Issue.record("not exported"); return }
        #expect(rows == all.count)
        let lines = try csvLines(path)
        #expect(lines.first == "Дата-время;Код;Событие")
        let ru = try UIStrings.bundled(.ru)
        for (record, line) in zip(sorted, lines.dropFirst()) {
            #expect(line == [DataText.dateTime(record.time), String(record.code), DataText.eventName(record, ru)].joined(separator: ";"))
        }
        let directAll = try await direct { c in try await c.readEvents(point: 0) }
        #expect(all == directAll)
        await runner.shutdown()
    }

    /// Issue 18 item 11: records of codes 1, 3 and 7 and the choice {3, 7} on the page:
    /// the CSV the runtime writes of what the page sends has only 3 and 7.
    @Test func theEventsCSVHasOnlyTheCodesChosen() async throws {
        await logIn()
        let catalogue = try EventCatalogue.builtIn()
        let records = [1, 3, 7, 1, 7, 3, 1].enumerated().map { i, code in
            EventRecord(time: COSEMDateTime(year: 2026, month: 11, day: 1 + i, hour: 8, minute: 0, second: 0, utcOffsetMinutes: 180)!,
                        code: code, info: catalogue.event(code))
        }
        let en = PageContext(strings: try UIStrings.bundled(.en), permissions: PermissionMatrix.defaults[.administrator], lls: false)
        var page = EventsPage()
        _ = page.handle(.tab, en)
        for c in "3,7" { _ = page.handle(.character(c), en) }
        #expect(page.read(en) == [.readEvents(point: 0, from: nil, to: nil, code: nil)])
        page.receive(.events(records), en)
        _ = page.handle(.function(8), en)
        let path = folder.appendingPathComponent("events-3-7.csv").path
        for _ in 0..<60 { _ = page.handle(.backspace, en) }
        for c in path { _ = page.handle(.character(c), en) }
        let request = try #require(page.handle(.enter, en).first)
        guard case .exported(_, let rows)? = await result(request, on: .events) else { Issue.record("not exported"); return }
        #expect(rows == 4)
        let lines = try csvLines(path)
        #expect(lines == ["Date-time,Code,Event",
                          "2026-11-02 08:00,3,Magnetic field begin", "2026-11-03 08:00,7,Communication module cover opened",
                          "2026-11-05 08:00,7,Communication module cover opened", "2026-11-06 08:00,3,Magnetic field begin"])
        await runner.shutdown()
    }

    // MARK: - The authorizer

    @Test func anExportIsRefusedToARoleWithoutTheExportPermissionAndAudited() async throws {
        await logInAndConnect()
        let admin = try store.login(name: UserName.firstAdministrator, password: "first-pass-1", now: Date())
        try store.addUser(name: "ivanov", role: .read, password: "reader-pass-1", by: admin, now: Date())
        try store.revoke(.export, from: .read, by: admin, now: Date())
        runner.perform(.login(user: "ivanov", password: "reader-pass-1"))
        _ = await wait(for: "login") { if case .loggedIn(let i) = $0 { i.user == "ivanov" } else { false } }
        guard case .profile(let table)? = await result(.readProfile(.monthly, point: 3, from: nil, to: nil), on: .profiles)
        else { Issue.record("a reader cannot read"); return }
        let path = folder.appendingPathComponent("refused.csv").path
        guard case .failed(let text)? = await result(.exportProfile(path: path, table), on: .profiles)
        else { Issue.record("exported without the permission"); return }
        #expect(text.text.lowercased().contains("export"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: path))
        let denied = try store.auditLog(since: nil, by: admin, now: Date()).filter { $0.outcome == .denied }
        #expect(denied.contains { $0.user == "ivanov" && $0.action == "csv-export" && $0.target == path })
        await runner.shutdown()
    }
}
