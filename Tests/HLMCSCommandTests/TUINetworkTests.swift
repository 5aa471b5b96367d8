import Accounts
import AccountStore
import Concentrator
import DLMS
import ES951
import Foundation
import Operations
import Testing
import TUICore
@testable import hlmcs

/// The GPRS and IP pages' requests carried out against the demo concentrator in the
/// process (SPEC F-33, F-34): reads, writes read back field by field, the refusals
/// (NLS, a Read role) worded, and the audit log.
@Suite("TUI network pages", .timeLimit(.minutes(1)))
struct TUINetworkTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner
    static let lls = LinkSpec(security: .lls)

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 5)
    }

    func connect(_ settings: LinkSpec = lls, password: String? = "admin@emis") async {
        runner.perform(.connect(settings, llsPassword: password))
        _ = await wait(for: "connection") { if case .connected = $0 { true } else { false } }
    }

    /// The page result `request` brings (the first one of `page`).
    func result(_ page: ParameterPage, _ request: PageRequest) async -> PageResult? {
        runner.perform(.page(page, request))
        let seen = await wait(for: "\(request)") { if case .page(page, _) = $0 { true } else { false } }
        for msg in seen { if case .page(page, let r) = msg { return r } }
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

    @Test func anAPNWrittenIsReadBack() async throws {
        await logIn()
        await connect()
        var wanted = try #require(await gprs())
        #expect(wanted.apn == "internet" && wanted.heartbeatSeconds == 180 && wanted.dpdPassword == nil)
        wanted.apn = "m2m.test"
        wanted.heartbeatSeconds = 420          // not in `changing`: must stay 3
        guard case .written(let writes)? = await result(.gprs, .writeGPRS(wanted, changing: [.apn])) else {
            Issue.record("no write result"); return
        }
        #expect(writes == [FieldWrite(field: "apn", outcome: .accepted)])
        let back = try #require(await gprs())
        #expect(back.apn == "m2m.test")
        #expect(back.heartbeatSeconds == 180)
        #expect(back.primaryServer == ServerEndpoint("10.10.0.1:4059"))
        let entry = try #require(try audit().last { $0.action == "gprs" })
        #expect(entry.target == "gprs apn @ 95100001 (EMSES95195100001)" && entry.outcome == .success && entry.user == UserName.canonical("Administrator"))
        await runner.shutdown()
    }

    @Test func theBackupServerAndTheDPDUserChangeAloneAndThePasswordIsNeverAudited() async throws {
        await logIn()
        await connect()
        var wanted = try #require(await gprs())
        wanted.backupServer = ServerEndpoint("10.20.30.40:5000")
        wanted.dpdUser = "operator"
        wanted.dpdPassword = "s3cret-dpd"
        guard case .written(let writes)? = await result(.gprs, .writeGPRS(wanted, changing: [.backupServer, .dpdUser, .dpdPassword])) else {
            Issue.record("no write result"); return
        }
        #expect(writes.map(\.field) == ["backupServer", "dpdUser", "dpdPassword"])
        #expect(writes.allSatisfy { $0.outcome == .accepted })
        let back = try #require(await gprs())
        #expect(back.backupServer == ServerEndpoint("10.20.30.40:5000"))
        #expect(back.primaryServer == ServerEndpoint("10.10.0.1:4059"))
        #expect(back.dpdUser == "operator" && back.dpdPassword == nil)
        let entries = try audit()
        #expect(entries.contains { $0.target == "gprs backupServer,dpdPassword,dpdUser @ 95100001 (EMSES95195100001)" && $0.outcome == .success })
        #expect(!entries.contains { $0.target.contains("s3cret") })
        await runner.shutdown()
    }

    @Test func ipValuesWrittenAreReadBack() async throws {
        await logIn()
        await connect()
        var wanted = try #require(await ip())
        #expect(wanted.ip == IPv4Address(192, 168, 1, 51) && wanted.mac.count == 6)
        wanted.dns2 = IPv4Address(9, 9, 9, 9)
        wanted.tcpPort = 4060
        wanted.gateway = IPv4Address(10, 0, 0, 1)   // not in `changing`
        guard case .written(let writes)? = await result(.ip, .writeIP(wanted, changing: [.dns2, .tcpPort])) else {
            Issue.record("no write result"); return
        }
        #expect(writes == [FieldWrite(field: "dns2", outcome: .accepted), FieldWrite(field: "tcpPort", outcome: .accepted)])
        let back = try #require(await ip())
        #expect(back.dns2 == IPv4Address(9, 9, 9, 9) && back.tcpPort == 4060)
        #expect(back.gateway == IPv4Address(192, 168, 1, 1))
        #expect(try audit().contains { $0.action == "ip" && $0.target == "ip dns2,tcpPort @ 95100001 (EMSES95195100001)" && $0.outcome == .success })
        await runner.shutdown()
    }

    @Test func aWrongValueIsRefusedBeforeAnythingIsWritten() async throws {
        await logIn()
        await connect()
        var wanted = try #require(await gprs())
        wanted.apn = String(repeating: "a", count: 65)
        guard case .failed(let text)? = await result(.gprs, .writeGPRS(wanted, changing: [.apn])) else {
            Issue.record("no refusal"); return
        }
        #expect(text.text.contains("apn"), "\(text)")
        #expect(try #require(await gprs()).apn == "internet")
        #expect(try audit().contains { $0.action == "gprs" && $0.outcome == .failure })
        await runner.shutdown()
    }

    @Test func anNLSWriteIsRefusedWithWords() async throws {
        await logIn()
        await connect(.demo, password: nil)
        var wanted = try #require(await gprs())
        wanted.apn = "m2m.test"
        guard case .failed(let failure)? = await result(.gprs, .writeGPRS(wanted, changing: [.apn])) else {
            Issue.record("no refusal"); return
        }
        #expect(failure.kind == .refused)
        #expect(failure.text.contains("LLS") && failure.text.contains("F3"), "\(failure)")
        #expect(try #require(await gprs()).apn == "internet")
        #expect(try audit().contains { $0.action == "gprs" && $0.target == "gprs apn" && $0.outcome == .failure })
        await runner.shutdown()
    }

    @Test func aReadRoleMayReadButNotWrite() async throws {
        await logIn()
        runner.perform(.addUser(name: "ivanov", role: .read, password: "reader-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        runner.perform(.logout)
        runner.perform(.login(user: "ivanov", password: "reader-pass-1"))
        _ = await wait(for: "reader login") { if case .loggedIn(let i) = $0 { i.user == "ivanov" } else { false } }
        await connect()
        var wanted = try #require(await ip())
        wanted.tcpPort = 4061
        guard case .failed(let failure)? = await result(.ip, .writeIP(wanted, changing: [.tcpPort])) else {
            Issue.record("no refusal"); return
        }
        // Told apart from a device refusal: the program's permission, not the concentrator.
        #expect(failure.kind == .permission)
        #expect(!failure.text.isEmpty)
        #expect(try #require(await ip()).tcpPort == 4059)
        #expect(try audit().contains { $0.user == "ivanov" && $0.action == "ip" && $0.outcome == .denied })
        await runner.shutdown()
    }

    @Test func outcomesBecomeFieldsAndAValueNotTakenShowsTheDevicesValue() {
        // One outcome per attribute: both servers share one, user and password another.
        let gprs = SettingWrite.gprs([.accepted, .refused(.readWriteDenied), .notTaken(readBack: .data(.longUnsigned(300)))],
                                     changing: [.apn, .primaryServer, .backupServer, .heartbeat],
                                     readBack: GPRSSettings(heartbeatSeconds: 300))
        #expect(gprs.map { FieldWrite.of($0.field.rawValue, $0) } == [
            FieldWrite(field: "apn", outcome: .accepted),
            FieldWrite(field: "primaryServer", outcome: .refused(DataAccessResult.readWriteDenied.description)),
            FieldWrite(field: "backupServer", outcome: .refused(DataAccessResult.readWriteDenied.description)),
            FieldWrite(field: "heartbeat", outcome: .notTaken(readBack: "5")),
        ])
        #expect(gprs.map(\.attribute) == ["apn", "servers", "servers", "heartbeat"])
        let ip = SettingWrite.ip([.notTaken(readBack: .data(.boolean(false))), .accepted], changing: [.dhcp, .tcpPort],
                                 readBack: IPSettings(dhcp: false))
        #expect(ip.map { FieldWrite.of($0.field.rawValue, $0) } == [
            FieldWrite(field: "dhcp", outcome: .notTaken(readBack: "off")), FieldWrite(field: "tcpPort", outcome: .accepted)])
        // Without a read-back the wire value is shown.
        let bare = SettingWrite.ip([.notTaken(readBack: .data(.boolean(false)))], changing: [.dhcp], readBack: nil)
        #expect(bare.map { FieldWrite.of($0.field.rawValue, $0) } == [FieldWrite(field: "dhcp", outcome: .notTaken(readBack: "false"))])
    }
}
