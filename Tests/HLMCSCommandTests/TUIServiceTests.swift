import Accounts
import AccountStore
import Concentrator
import DLMS
import ES951
import Foundation
import Testing
import TUICore
@testable import hlmcs

/// The Service pages' requests carried out against the demo concentrator in the process
/// (SPEC F-60): the settings file exported, previewed, imported and read back; a broken
/// file refused with nothing written; a Read role refused by the authorizer; the audit
/// log. Clear, firmware and objects answer "not in this build" until their device API is
/// merged.
@Suite("TUI service pages", .timeLimit(.minutes(1)))
struct TUIServiceTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner
    let folder: URL
    static let lls = LinkSpec(security: .lls)

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 5)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func connect(_ settings: LinkSpec = lls, password: String? = "admin@emis") async {
        runner.perform(.connect(settings, llsPassword: password))
        _ = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
    }

    /// The last page result `request` brings (progress results are passed over).
    func result(_ page: ParameterPage, _ request: PageRequest) async -> PageResult? {
        runner.perform(.page(page, request))
        let seen = await wait(for: "\(request)") { msg in
            if case .page(page, let r) = msg { if case .firmwareProgress = r { false } else { true } } else { false }
        }
        for msg in seen { if case .page(page, let r) = msg { if case .firmwareProgress = r { continue }; return r } }
        return nil
    }

    func gprs() async -> GPRSSettings? {
        if case .gprs(let s)? = await result(.gprs, .readGPRS) { return s }
        Issue.record("no GPRS settings")
        return nil
    }

    func ip() async -> IPSettings? {
        if case .ip(let s)? = await result(.ip, .readIP) { return s }
        Issue.record("no IP settings")
        return nil
    }

    func audit() throws -> [AuditEntry] {
        let admin = try store.login(name: "Administrator", password: "first-pass-1", now: Date())
        return try store.auditLog(since: nil, by: admin, now: Date())
    }

    /// Exports the demo's settings, then edits `key = value` lines of the file into `name`.
    func exportedThenEdited(_ name: String, _ edits: [String: String]) async throws -> String {
        let original = path("export.set")
        guard case .exported(let p, let count)? = await result(.settingsFile, .exportSettings(path: original)) else {
            Issue.record("no export"); return ""
        }
        #expect(p == original)
        #expect(count > 5)
        var lines = try String(contentsOfFile: original, encoding: .utf8).components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            let key = line.components(separatedBy: "=").first?.trimmingCharacters(in: .whitespaces) ?? ""
            if let value = edits[key] { lines[i] = "\(key) = \(value)" }
        }
        let edited = path(name)
        try lines.joined(separator: "\n").write(toFile: edited, atomically: true, encoding: .utf8)
        return edited
    }

    @Test func exportWritesASettingsFileOfTheDevice() async throws {
        await logIn()
        await connect()
        let file = path("settings.set")
        guard case .exported(_, let count)? = await result(.settingsFile, .exportSettings(path: file)) else {
            Issue.record("no export"); return
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let parsed = try SettingsFile.parse(Array(text.utf8))
        #expect(parsed.model == "ES-951")
        #expect(parsed.settings.keys.count == count)
        #expect(parsed.settings.apn == (try #require(await gprs())).apn)
        #expect(try audit().contains { $0.action == "settings-export" && $0.target == file && $0.outcome == .success })
        await runner.shutdown()
    }

    @Test func previewListsTheChangesAndWritesNothing() async throws {
        await logIn()
        await connect()
        let before = try #require(await gprs())
        let file = try await exportedThenEdited("edit.set", ["gprs.apn": "m2m.test", "ip.tcp-port": "4061"])
        guard case .settingsPreview(let lines)? = await result(.settingsFile, .previewSettings(path: file)) else {
            Issue.record("no preview"); return
        }
        #expect(lines == [SettingsChangeLine(key: "gprs.apn", old: before.apn, new: "m2m.test"),
                          SettingsChangeLine(key: "ip.tcp-port", old: "4059", new: "4061")])
        #expect(try #require(await gprs()).apn == before.apn)
        #expect(try #require(await ip()).tcpPort == 4059)
        await runner.shutdown()
    }

    @Test func importWritesEachChangeAndTheDeviceHasThem() async throws {
        await logIn()
        await connect()
        let file = try await exportedThenEdited("edit.set", ["gprs.apn": "m2m.test", "gprs.heartbeat-minutes": "9", "ip.tcp-port": "4061"])
        guard case .written(let writes)? = await result(.settingsFile, .importSettings(path: file)) else {
            Issue.record("no write"); return
        }
        #expect(writes == [FieldWrite(field: "gprs.apn", outcome: .accepted),
                           FieldWrite(field: "gprs.heartbeat-minutes", outcome: .accepted),
                           FieldWrite(field: "ip.tcp-port", outcome: .accepted)])
        let g = try #require(await gprs())
        #expect(g.apn == "m2m.test")
        #expect(g.heartbeatSeconds == 540)
        #expect(try #require(await ip()).tcpPort == 4061)
        // A second preview finds nothing left to change.
        guard case .settingsPreview(let lines)? = await result(.settingsFile, .previewSettings(path: file)) else {
            Issue.record("no preview"); return
        }
        #expect(lines.isEmpty)
        #expect(try audit().contains { $0.action == "settings-import" && $0.target == file + " @ 95100001 (EMSES95195100001)" && $0.outcome == .success })
        await runner.shutdown()
    }

    @Test func aBrokenFileIsRefusedWithItsLineAndNothingIsWritten() async throws {
        await logIn()
        await connect()
        let before = try #require(await gprs())
        let good = try await exportedThenEdited("good.set", ["gprs.apn": "m2m.test"])
        // A bad heartbeat after the APN: the whole file is refused, the APN too.
        var text = try String(contentsOfFile: good, encoding: .utf8)
        text = text.replacingOccurrences(of: "gprs.heartbeat-minutes = \(HeartbeatInterval.text(before.heartbeatSeconds))", with: "gprs.heartbeat-minutes = 0")
        let broken = path("broken.set")
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let line = (text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("gprs.heartbeat-minutes") } ?? -1) + 1
        guard case .failed(let why)? = await result(.settingsFile, .importSettings(path: broken)) else {
            Issue.record("no refusal"); return
        }
        #expect(why.text.contains("broken.set:\(line):"), "\(why)")
        #expect(why.text.contains("nothing was written"))
        // Truncated: no end line.
        let truncated = path("truncated.set")
        try text.replacingOccurrences(of: "\nend", with: "\n").write(toFile: truncated, atomically: true, encoding: .utf8)
        guard case .failed(let cut)? = await result(.settingsFile, .previewSettings(path: truncated)) else {
            Issue.record("no refusal"); return
        }
        #expect(cut.text.contains("truncated"), "\(cut)")
        #expect(try #require(await gprs()).apn == before.apn)
        await runner.shutdown()
    }

    @Test func aReadRoleIsRefusedTheImportAndTheExport() async throws {
        await logIn()
        let file = path("x.set")
        await connect()
        _ = await result(.settingsFile, .exportSettings(path: file))
        let edited = try await exportedThenEdited("edit.set", ["gprs.apn": "m2m.test"])
        runner.perform(.addUser(name: "ivanov", role: .read, password: "reader-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        runner.perform(.logout)
        runner.perform(.login(user: "ivanov", password: "reader-pass-1"))
        _ = await wait(for: "reader login") { if case .loggedIn(let i) = $0 { i.user == "ivanov" } else { false } }
        await connect()
        guard case .failed(let text)? = await result(.settingsFile, .importSettings(path: edited)) else {
            Issue.record("no refusal"); return
        }
        #expect(!text.text.isEmpty)
        guard case .failed? = await result(.settingsFile, .exportSettings(path: path("reader.set"))) else {
            Issue.record("no refusal"); return
        }
        #expect(!FileManager.default.fileExists(atPath: path("reader.set")))
        #expect(try #require(await gprs()).apn != "m2m.test")
        let log = try audit()
        #expect(log.contains { $0.user == "ivanov" && $0.action == "settings-import" && $0.outcome == .denied })
        await runner.shutdown()
    }

    /// Logs in as a new user of `role` (made by the administrator).
    func logInAs(_ role: Role, _ name: String) async {
        runner.perform(.addUser(name: name, role: role, password: "user-pass-12"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        runner.perform(.logout)
        runner.perform(.login(user: name, password: "user-pass-12"))
        _ = await wait(for: "\(name) login") { if case .loggedIn(let i) = $0 { i.user == name } else { false } }
    }

    @Test func aTimeZoneChangeNeedsSetClockAsWellAndNothingIsWrittenWithout() async throws {
        await logIn()
        await connect()
        let file = try await exportedThenEdited("zone.set", ["gprs.apn": "m2m.zone", "clock.time-zone": "UTC+05:00"])
        runner.perform(.revoke(.setClock, .configurator))
        _ = await wait(for: "revoked") { if case .accountChanged = $0 { true } else { false } }
        await logInAs(.configurator, "petrov")
        await connect()
        guard case .failed(let text)? = await result(.settingsFile, .importSettings(path: file)) else {
            Issue.record("no refusal"); return
        }
        #expect(!text.text.isEmpty)
        #expect(try #require(await gprs()).apn != "m2m.zone")
        #expect(try audit().contains { $0.user == "petrov" && $0.action == "time-zone-write" && $0.outcome == .denied })
        await runner.shutdown()
    }

    @Test func aConfiguratorIsRefusedClearAndFirmwareBeforeTheDevice() async throws {
        await logIn()
        await logInAs(.configurator, "petrov")
        await connect()
        let image = path("fw.bin")
        try Data(repeating: 0xA5, count: 2048).write(to: URL(fileURLWithPath: image))
        for (page, request) in [(ParameterPage.clearData, PageRequest.clear(.meters, point: 3)),
                                (.firmware, .transferFirmware(path: image, id: "fw", activate: true))] {
            guard case .failed(let text)? = await result(page, request) else { Issue.record("no answer to \(request)"); continue }
            #expect(text.text != "Not in this build yet.", "\(text)")
        }
        let log = try audit()
        #expect(log.contains { $0.user == "petrov" && $0.action == "clear" && $0.outcome == .denied })
        #expect(log.contains { $0.user == "petrov" && $0.action == "firmware" && $0.outcome == .denied })
        await runner.shutdown()
    }

    @Test func anNLSImportIsRefusedAndAudited() async throws {
        await logIn()
        await connect(.demo, password: nil)
        let edited = try await exportedThenEdited("edit.set", ["gprs.apn": "m2m.test"])
        guard case .failed(let text)? = await result(.settingsFile, .importSettings(path: edited)) else {
            Issue.record("no refusal"); return
        }
        #expect(text.text.contains("LLS"))
        #expect(try #require(await gprs()).apn != "m2m.test")
        await runner.shutdown()
    }

    @Test func clearingEventsOfAPointLeavesOneRecordAndTheObjectListMatchesTheMap() async throws {
        await logIn()
        await connect()
        guard case .written(let writes)? = await result(.clearData, .clear(.events, point: 3)) else {
            Issue.record("no outcome of the clear"); return
        }
        #expect(!writes.isEmpty)
        #expect(writes.allSatisfy { $0.outcome == .accepted }, "\(writes)")
        let log = try audit()
        #expect(log.contains { $0.action == "clear" && $0.outcome == .success })
        guard case .objects(let differences, let compared)? = await result(.objects, .readObjects) else {
            Issue.record("no object list"); return
        }
        #expect(differences.isEmpty, "\(differences)")
        #expect(compared == 54)
        await runner.shutdown()
    }

    /// The All objects page (issue 17): every object with its role, one object by name,
    /// a profile as a table by its capture objects.
    @Test func allObjectsListsTheDeviceAndReadsAnyObject() async throws {
        await logIn()
        await connect()
        guard case .allObjects(let rows)? = await result(.allObjects, .listAllObjects) else {
            Issue.record("no object list"); return
        }
        #expect(rows.count == 54)
        #expect(rows.contains { $0.logicalName == "0.0.1.0.0.255" && $0.classID == 8 && $0.role == "clock" && $0.readable })
        guard case .objectAttributes(let name, let className, let lines)? = await result(.allObjects, .readAnyObject(classID: 8, obis: OBISCode(0, 0, 1, 0, 0, 255))) else {
            Issue.record("no clock"); return
        }
        #expect(name == "0.0.1.0.0.255" && className == "Clock")
        #expect(lines.map(\.name).prefix(4) == ["logical-name", "time", "time-zone", "status"], "\(lines)")
        #expect(lines.contains { if case .text(let t) = $0.value { $0.name == "time-zone" && t == "-180" } else { false } }, "\(lines)")
        guard case .objectAttributes(_, _, let battery)? = await result(.allObjects, .readAnyObject(classID: 3, obis: OBISCode(0, 0, 96, 6, 3, 255))) else {
            Issue.record("no battery voltage"); return
        }
        // A register's value scaled, with its unit in the interface language.
        #expect(battery.contains { if case .text(let t) = $0.value { $0.index == 2 && t.hasSuffix(" V") } else { false } }, "\(battery)")
        guard case .profile(let table)? = await result(.allObjects, .readAnyProfile(obis: OBISCode(1, 0, 98, 2, 0, 255))) else {
            Issue.record("no daily profile"); return
        }
        #expect(table.rows.count > 10 && table.columns.count == 4, "\(table.columns.map(\.name))")
        await runner.shutdown()
    }

    /// F6 on the All objects page: typed by the map (or by the value read), written,
    /// read back, audited; a value that is not of the type is worded and nothing is sent.
    @Test func allObjectsWritesOneAttributeTypedAndReadBack() async throws {
        await logIn()
        await connect()
        let apn = CosemAttributeDescriptor(classID: 45, instance: OBISCode(0, 0, 25, 4, 0, 255), attribute: 2)
        guard case .written(let writes)? = await result(.allObjects, .writeAnyAttribute(apn, text: "m2m.all-objects")) else {
            Issue.record("no write"); return
        }
        #expect(writes.first?.outcome == .accepted, "\(writes)")
        guard case .objectAttributes(_, _, let lines)? = await result(.allObjects, .readAnyObject(classID: 45, obis: apn.instance)) else {
            Issue.record("no read"); return
        }
        #expect(lines.contains { $0.index == 2 && $0.value == .text("m2m.all-objects") && $0.writable }, "\(lines)")
        #expect(try audit().contains { $0.target.contains("45/0.0.25.4.0.255/2") && $0.outcome == .success })
        // A heartbeat (long-unsigned) given as words: refused before the device.
        let heartbeat = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 25, 4, 128, 255), attribute: 2)
        guard case .failed(let failure)? = await result(.allObjects, .writeAnyAttribute(heartbeat, text: "soon")) else {
            Issue.record("no refusal"); return
        }
        #expect(failure.kind == .input && failure.text.contains("soon"), "\(failure)")
        // Methods (issue 17): the event log's reset is clearing, and leaves its one record.
        let log = OBISCode(0, 0, 99, 98, 0, 255)
        guard case .objectAttributes(_, _, let lines)? = await result(.allObjects, .readAnyObject(classID: 7, obis: log)) else {
            Issue.record("no event log"); return
        }
        #expect(lines.contains { $0.isMethod && $0.index == 1 && $0.name == "reset" && $0.writable }, "\(lines)")
        guard case .written(let reset)? = await result(.allObjects, .invokeMethod(CosemMethodDescriptor(classID: 7, instance: log, method: 1),
                                                                                    parameter: "integer:0")) else {
            Issue.record("no reset"); return
        }
        #expect(reset.first?.outcome == .accepted, "\(reset)")
        #expect(try audit().contains { $0.action == "clear" && $0.target.contains("7/0.0.99.98.0.255/m1") && $0.outcome == .success })
        // Disconnect control is not offered, whatever the role.
        guard case .failed(let cut)? = await result(.allObjects, .invokeMethod(CosemMethodDescriptor(classID: 70, instance: OBISCode(0, 0, 96, 3, 10, 255), method: 1),
                                                                                 parameter: "integer:0")) else {
            Issue.record("no refusal of class 70"); return
        }
        #expect(cut.kind == .permission, "\(cut)")
        await runner.shutdown()
    }

    /// A method with no page of its own is an administrator's: a Configurator is refused
    /// (and audited), before anything is sent.
    @Test func anyOtherMethodIsForAnAdministratorOnly() async throws {
        await logIn()
        await logInAs(.configurator, "conf")
        await connect()
        let clock = CosemMethodDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), method: 6)
        guard case .failed(let denied)? = await result(.allObjects, .invokeMethod(clock, parameter: "long:60")) else {
            Issue.record("no refusal"); return
        }
        #expect(denied.kind == .permission && denied.text.contains("administrator"), "\(denied)")
        #expect(try audit().contains { $0.user == "conf" && $0.target.contains("8/0.0.1.0.0.255/m6") && $0.outcome == .denied })
        await runner.shutdown()
    }

    @Test func firmwareIsTransferredActivatedAndTheNewVersionShown() async throws {
        await logIn()
        await connect()
        let image = path("ES951-4.0.0.bin")
        try Data((0..<3000).map { UInt8(truncatingIfNeeded: $0) }).write(to: URL(fileURLWithPath: image))
        runner.perform(.page(.firmware, .transferFirmware(path: image, id: "ES951-4.0.0", activate: true)))
        let seen = await wait(for: "firmware done") { msg in
            if case .page(.firmware, .firmwareDone) = msg { true } else if case .page(.firmware, .failed) = msg { true } else { false }
        }
        let progress = seen.compactMap { msg -> FirmwareProgress? in
            if case .page(.firmware, .firmwareProgress(let p)) = msg { p } else { nil }
        }
        #expect(progress.last?.blocksSent == 16 && progress.last?.blocksTotal == 16, "\(progress.last.map { "\($0)" } ?? "none")")
        guard case .page(.firmware, .firmwareDone(let activated, let version))? = seen.last else {
            Issue.record("no outcome: \(seen.last.map { "\($0)" } ?? "none")"); return
        }
        #expect(activated)
        #expect(version == "ES951-4.0.0")
        #expect(try audit().contains { $0.action == "firmware" && $0.outcome == .success })
        // The version was read on a new association (the device restarts into the new
        // image), as `hlmcs firmware` does; that association is the connection now.
        #expect(!seen.contains { if case .disconnected = $0 { true } else { false } })
        runner.perform(.page(.basic, .readBasic))
        let after = await wait(for: "a read after the update") { if case .page(.basic, _) = $0 { true } else { false } }
        guard case .page(.basic, .basic(let info))? = after.last(where: { if case .page(.basic, _) = $0 { true } else { false } }) else {
            Issue.record("no read on the new association: \(after.suffix(3))"); return
        }
        #expect(info.serialNumber == DemoDevice.serialNumber)
        let log = (seen + after).compactMap { if case .log(let line) = $0 { line } else { nil } }
        #expect(log.filter { $0.contains("  open  ok") }.count == 2, "\(log)")
        #expect(log.filter { $0.contains("  close  ") }.count == 1, "\(log)")
        await runner.shutdown()
    }
}
