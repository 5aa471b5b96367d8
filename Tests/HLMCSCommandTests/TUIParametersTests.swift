import Accounts
import AccountStore
import Concentrator
import DLMS
import ES951
import Foundation
import Testing
import TUICore
@testable import hlmcs

/// The Basic parameters, Clock and Backup battery pages' requests carried out for real
/// (SPEC F-31, F-32, F-37): accounts in an in-memory database, the demo concentrator in
/// the process; values checked by reading them back from the simulator, refusals by their
/// words, and every write in the audit log.
@Suite("TUI parameters runtime", .timeLimit(.minutes(1)))
struct TUIParametersTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner
    static let adminPassword = "first-pass-1"
    static let lls = LinkSpec(security: .lls)

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 20)
    }

    /// Waits for the page's answer to a request (to a write: its outcome, the clock read
    /// again comes before it); returns it and every message seen so far.
    func result(_ page: ParameterPage, write: Bool) async -> (PageResult?, [Msg]) {
        func final(_ r: PageResult) -> Bool {
            guard write else { return true }
            switch r { case .written, .failed, .stopped: return true; default: return false }
        }
        let seen = await wait(for: "\(page) result") { msg in
            if case .page(page, let r) = msg { final(r) } else { false }
        }
        for msg in seen.reversed() { if case .page(page, let r) = msg, final(r) { return (r, seen) } }
        return (nil, seen)
    }

    func connect(_ settings: LinkSpec = lls, password: String? = "admin@emis") async -> [Msg] {
        runner.perform(.connect(settings, llsPassword: password))
        return await wait(for: "connection") {
            switch $0 { case .connected, .connectFailed: true; default: false }
        }
    }

    func ask(_ page: ParameterPage, _ request: PageRequest) async -> (PageResult?, [Msg]) {
        runner.perform(.page(page, request))
        return await result(page, write: request.isWrite)
    }

    func audit() throws -> [AuditEntry] {
        let admin = try store.login(name: UserName.firstAdministrator, password: Self.adminPassword, now: Date())
        return try store.auditLog(since: nil, by: admin, now: Date())
    }

    static func written(_ r: PageResult?) -> [FieldWrite]? {
        if case .written(let w)? = r { return w }
        return nil
    }

    /// The clock readings among `seen`.
    static func clocks(_ seen: [Msg]) -> [ClockReading] {
        seen.compactMap { msg -> ClockReading? in
            if case .page(.clock, .clock(let r)) = msg { return r }
            return nil
        }
    }

    static func failure(_ r: PageResult?) -> String? {
        if case .failed(let t)? = r { return t.text }
        return nil
    }

    @Test func basicReadsTheSerialNumberAndBothAddresses() async throws {
        await logIn()
        _ = await connect(.demo, password: nil)
        let (r, _) = await ask(.basic, .readBasic)
        guard case .basic(let info)? = r else { Issue.record("no basic parameters: \(String(describing: r))"); return }
        #expect(info.serialNumber == DemoDevice.serialNumber)
        #expect(info.logicalAddressRS485 == logicalAddress(serial: DemoDevice.serialNumber))
        #expect(info.logicalAddressOptical == 1001)
        await runner.shutdown()
    }

    @Test func aNewSerialNumberMovesTheAddressAndTheNextConnectionAnswersThere() async throws {
        await logIn()
        _ = await connect()
        let (r, seen) = await ask(.basic, .writeSerialNumber("95102345"))
        #expect(Self.written(r) == [FieldWrite(field: "serialNumber", outcome: .accepted)], "\(String(describing: r))")
        // The address reaches the app before the page hears of the write.
        let moved = seen.firstIndex { if case .serverAddressChanged(3345) = $0 { true } else { false } }
        let written = seen.firstIndex { if case .page(.basic, .written) = $0 { true } else { false } }
        #expect(moved != nil && written != nil && moved! < written!, "\(seen)")

        // The next association, at the new address, reads the new serial and address.
        runner.perform(.disconnect)
        _ = await wait(for: "disconnection") { if case .disconnected = $0 { true } else { false } }
        var moved3345 = Self.lls
        moved3345.serverAddress = 3345
        let connected = await connect(moved3345)
        // The device answers from its new address (3345 = 0x0D11).
        #expect(connected.contains { if case .connected(let t) = $0 { t.contains("0x0D11") } else { false } }, "\(connected)")
        let (after, _) = await ask(.basic, .readBasic)
        guard case .basic(let info)? = after else { Issue.record("no read after the write: \(String(describing: after))"); return }
        #expect(info.serialNumber == "95102345")
        #expect(info.logicalAddressRS485 == 3345)
        #expect(info.logicalAddressOptical == 3345)

        let entries = try audit().filter { $0.action == Action.serialNumberWrite.rawValue }
        #expect(entries.map(\.outcome) == [.success], "\(entries)")
        #expect(entries.first?.target.contains("95102345") == true)
        await runner.shutdown()
    }

    @Test func aSerialNumberThatIsNotDigitsNeverReachesTheDevice() async throws {
        await logIn()
        _ = await connect()
        let (r, seen) = await ask(.basic, .writeSerialNumber("9510A"))
        #expect(Self.failure(r)?.contains("digits") == true, "\(String(describing: r))")
        #expect(!seen.contains { if case .serverAddressChanged = $0 { true } else { false } })
        let (read, _) = await ask(.basic, .readBasic)
        if case .basic(let info)? = read { #expect(info.serialNumber == DemoDevice.serialNumber) } else { Issue.record("no read") }
        await runner.shutdown()
    }

    @Test func theLLSPasswordChangesAndOnlyTheNewOneConnectsAfterwards() async throws {
        await logIn()
        _ = await connect()
        // A wrong current password is refused before anything is written.
        let (wrong, _) = await ask(.basic, .changeLLSPassword(current: "not-it", new: "new-secret-7"))
        #expect(Self.failure(wrong)?.contains("current password") == true, "\(String(describing: wrong))")

        let (r, seen) = await ask(.basic, .changeLLSPassword(current: "admin@emis", new: "new-secret-7"))
        #expect(Self.written(r) == [FieldWrite(field: "llsPassword", outcome: .accepted)], "\(String(describing: r))")
        // Neither password is in any message.
        let everything = seen.map { "\($0)" }.joined(separator: "\n")
        #expect(!everything.contains("new-secret-7") && !everything.contains("admin@emis"))

        runner.perform(.disconnect)
        _ = await wait(for: "disconnection") { if case .disconnected = $0 { true } else { false } }
        let old = await connect(password: "admin@emis")
        #expect(old.contains { if case .connectFailed = $0 { true } else { false } }, "the old password still connects: \(old)")
        let new = await connect(password: "new-secret-7")
        #expect(new.contains { if case .connected = $0 { true } else { false } }, "the new password does not connect: \(new)")

        // The association opened with the new password knows it as the current one.
        let (back, _) = await ask(.basic, .changeLLSPassword(current: "new-secret-7", new: "admin@emis"))
        #expect(Self.written(back) == [FieldWrite(field: "llsPassword", outcome: .accepted)])

        let entries = try audit().filter { $0.action == Action.llsPasswordWrite.rawValue }
        #expect(entries.map(\.outcome) == [.failure, .success, .success], "\(entries)")
        #expect(entries.allSatisfy { ($0.target.hasSuffix("= ***") || $0.target.hasSuffix("= *** @ 95100001 (EMSES95195100001)")) && !$0.target.contains("secret") })
        await runner.shutdown()
    }

    @Test func theClockIsSetSynchronisedAndItsZoneChanged() async throws {
        await logIn()
        _ = await connect()
        let (first, _) = await ask(.clock, .readClock)
        guard case .clock(let reading)? = first else { Issue.record("no clock: \(String(describing: first))"); return }
        #expect(reading.timeZone == -180)

        // Set: an hour ahead of now, in the device's zone; the clock read again follows it.
        let target = Int64(Date().timeIntervalSince1970) + 3600
        let time = try #require(COSEMDateTime(secondsSince1970: target, utcOffsetMinutes: 180))
        let (set, seen) = await ask(.clock, .setClock(time))
        #expect(Self.written(set) == [FieldWrite(field: "clock", outcome: .accepted)], "\(String(describing: set))")
        let readBack = try #require(Self.clocks(seen).last?.time.secondsSince1970())
        #expect(abs(readBack - target) <= 10, "set \(target), read back \(readBack)")

        // Sync: the device is back on the PC's time.
        let (sync, synced) = await ask(.clock, .syncClock)
        #expect(Self.written(sync) == [FieldWrite(field: "clock", outcome: .accepted)])
        let now = Int64(Date().timeIntervalSince1970)
        let syncedBack = try #require(Self.clocks(synced).last?.time.secondsSince1970())
        #expect(abs(syncedBack - now) <= 5, "device \(syncedBack), PC \(now)")

        // Time zone: UTC+5 is −300 in the Blue Book's sign.
        let (zone, zoned) = await ask(.clock, .setTimeZone(minutes: -300))
        #expect(Self.written(zone) == [FieldWrite(field: "timeZone", outcome: .accepted)])
        #expect(Self.clocks(zoned).last?.timeZone == -300)

        let entries = try audit()
        #expect(entries.filter { $0.action == Action.clockWrite.rawValue }.map(\.target).count == 2)
        #expect(entries.contains { $0.action == Action.clockWrite.rawValue && $0.target == "clock sync @ 95100001 (EMSES95195100001)" && $0.outcome == .success })
        #expect(entries.contains { $0.action == Action.timeZoneWrite.rawValue && $0.target == "time-zone UTC+5 @ 95100001 (EMSES95195100001)" && $0.outcome == .success })
        await runner.shutdown()
    }

    @Test func aWriteOnAnNLSAssociationIsRefusedAndAudited() async throws {
        await logIn()
        _ = await connect(.demo, password: nil)
        let (r, _) = await ask(.clock, .syncClock)
        #expect(Self.failure(r)?.contains("LLS") == true, "\(String(describing: r))")
        let (serial, _) = await ask(.basic, .writeSerialNumber("95109999"))
        #expect(Self.failure(serial)?.contains("LLS") == true)
        let (read, _) = await ask(.basic, .readBasic)
        if case .basic(let info)? = read { #expect(info.serialNumber == DemoDevice.serialNumber) } else { Issue.record("no read") }
        let entries = try audit()
        #expect(entries.contains { $0.action == Action.clockWrite.rawValue && $0.outcome == .failure })
        #expect(entries.contains { $0.action == Action.serialNumberWrite.rawValue && $0.outcome == .failure })
        await runner.shutdown()
    }

    @Test func aReadUserIsRefusedByTheAuthorizerAndAConfiguratorMaySetTheClock() async throws {
        await logIn()
        runner.perform(.addUser(name: "ivanov", role: .read, password: "reader-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        runner.perform(.addUser(name: "petrov", role: .configurator, password: "config-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }

        runner.perform(.logout)
        runner.perform(.login(user: "ivanov", password: "reader-pass-1"))
        _ = await wait(for: "login") { if case .loggedIn = $0 { true } else { false } }
        _ = await connect()
        let (clock, _) = await ask(.clock, .syncClock)
        #expect(Self.failure(clock)?.lowercased().contains("permission") == true, "\(String(describing: clock))")
        let (password, _) = await ask(.basic, .changeLLSPassword(current: "admin@emis", new: "reader-took-it"))
        #expect(Self.failure(password)?.lowercased().contains("permission") == true, "\(String(describing: password))")
        let (wrongCurrent, _) = await ask(.basic, .changeLLSPassword(current: "guess", new: "reader-took-it"))
        #expect(Self.failure(wrongCurrent)?.lowercased().contains("permission") == true, "a reader hears of the permission first")
        // Reading is allowed.
        let (read, _) = await ask(.battery, .readBattery)
        if case .battery(let time, let volts, _)? = read {
            #expect(time != nil && volts != nil)
        } else { Issue.record("a reader could not read the battery: \(String(describing: read))") }

        runner.perform(.logout)
        runner.perform(.login(user: "petrov", password: "config-pass-1"))
        _ = await wait(for: "login") { if case .loggedIn = $0 { true } else { false } }
        let (sync, _) = await ask(.clock, .syncClock)
        #expect(Self.written(sync) == [FieldWrite(field: "clock", outcome: .accepted)], "\(String(describing: sync))")

        let entries = try audit()
        #expect(entries.contains { $0.user == "ivanov" && $0.action == Action.clockWrite.rawValue && $0.outcome == .denied })
        #expect(entries.filter { $0.user == "ivanov" && $0.action == Action.llsPasswordWrite.rawValue }.map(\.outcome) == [.denied, .denied])
        #expect(entries.contains { $0.user == "petrov" && $0.action == Action.clockWrite.rawValue && $0.outcome == .success })
        await runner.shutdown()
    }

    @Test func theBatteryGivesItsUseTimeAndVoltageWithUnits() async throws {
        await logIn()
        _ = await connect(.demo, password: nil)
        let (r, _) = await ask(.battery, .readBattery)
        guard case .battery(let time?, let volts?, let limits)? = r else { Issue.record("no battery values: \(String(describing: r))"); return }
        // The ES-951 map's limits come with the values (issue 18 item 11).
        #expect(limits == BatteryLimits(lowVolts: 2.8, replaceVolts: 2.6))
        #expect(time.unit?.symbol == "s")
        #expect(volts.unit?.symbol == "V")
        #expect(volts.doubleValue > 2 && volts.doubleValue < 4, "\(volts)")
        await runner.shutdown()
    }
}
