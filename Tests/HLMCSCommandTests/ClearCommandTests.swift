import Accounts
import AccountStore
import Foundation
import Testing

/// `hlmcs clear LINK events|profiles|meters (--point N | --all-points) --yes` (SPEC F-61)
/// against `es951-sim` subprocesses.
@Suite("clear data", .timeLimit(.minutes(2)))
struct ClearCommandTests {
    static let admin = DeviceCommandTests.admin
    static let reader = DeviceCommandTests.reader
    static let configurator = ("fitter", "fitter-pass-1")
    static let lls = DeviceCommandTests.lls

    /// The simulator with five meters, the administrator, `reader` and `fitter` (Configurator).
    static func setUp() async throws -> (CommandRunner, SimulatorProcess) {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--meters", "5"])
        let store = try AccountStore(path: hlmcs.database, hasher: PasswordHasher(unsafeUncheckedRounds: 1000))
        let session = try store.login(name: admin.0, password: admin.1, now: Date())
        try store.addUser(name: configurator.0, role: .configurator, password: configurator.1, by: session, now: Date())
        return (hlmcs, sim)
    }

    static func events(_ hlmcs: CommandRunner, _ sim: SimulatorProcess, point: Int) async throws -> [[String: Any]] {
        let r = try await hlmcs.run(["events", "--tcp", sim.address, "--point", String(point), "--json"], as: reader)
        #expect(r.status == 0, "\(r.stderr)")
        return try r.lines.map(DeviceCommandTests.json)
    }

    static func rows(_ hlmcs: CommandRunner, _ sim: SimulatorProcess, _ kind: String, point: Int) async throws -> Int {
        let r = try await hlmcs.run(["profile", "--tcp", sim.address, kind, "--point", String(point), "--json"], as: reader)
        #expect(r.status == 0, "\(r.stderr)")
        return r.lines.count
    }

    static func meterPoints(_ hlmcs: CommandRunner, _ sim: SimulatorProcess) async throws -> [Int] {
        let r = try await hlmcs.run(["meters", "--tcp", sim.address, "--json"], as: reader)
        #expect(r.status == 0, "\(r.stderr)")
        return try r.lines.map { try DeviceCommandTests.json($0)["point"] as? Int ?? -1 }
    }

    static func auditEntries(_ hlmcs: CommandRunner) async throws -> [[String: Any]] {
        try await hlmcs.run(["audit", "--json"], as: admin).lines.map(DeviceCommandTests.json)
    }

    @Test func eventsOfOnePointLeaveOneRecordCode63() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let other = try await Self.events(hlmcs, sim, point: 2).count
        #expect(try await Self.events(hlmcs, sim, point: 3).count > 1)
        let clear = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls", "events", "--point", "3", "--yes", "--lang", "en"],
                                  as: Self.admin, environment: Self.lls)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stdout == "Point 3: event log cleared (it holds one record now, code 63).\n")
        let after = try await Self.events(hlmcs, sim, point: 3)
        #expect(after.count == 1 && after.first?["code"] as? Int == 63, "\(after)")
        #expect(try await Self.events(hlmcs, sim, point: 2).count == other)
        #expect(try await Self.auditEntries(hlmcs).contains {
            $0["action"] as? String == "clear" && $0["target"] as? String == "clear events point 3 @ 95100001 (EMSES95195100001)" && $0["outcome"] as? String == "success"
        })
    }

    @Test func profilesOfAllPointsAreEmpty() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        #expect(try await Self.rows(hlmcs, sim, "daily", point: 4) > 0)
        let clear = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls", "profiles", "--all-points", "--yes", "--json"],
                                  as: Self.admin, environment: Self.lls)
        #expect(clear.status == 0, "\(clear.stderr)")
        let lines = try clear.lines.map(DeviceCommandTests.json)
        #expect(lines.map { $0["point"] as? Int } == [0, 1, 2, 3, 4, 5])
        #expect(lines.first?["cleared"] as? [String] == ["daily-profile", "monthly-profile", "active-max-load-profile", "reactive-max-load-profile"])
        for point in [1, 3, 5] {
            for kind in ["daily", "monthly", "active-max", "reactive-max"] {
                #expect(try await Self.rows(hlmcs, sim, kind, point: point) == 0, "\(kind) point \(point)")
            }
        }
        #expect(try await Self.events(hlmcs, sim, point: 3).count > 1, "events are another target")
    }

    @Test func theMeterOfOnePointIsRemoved() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let clear = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls", "meters", "--point", "2", "--yes", "--lang", "ru"],
                                  as: Self.admin, environment: Self.lls)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stdout == "Точка 2: счётчик удалён из списка.\n")
        #expect(try await Self.meterPoints(hlmcs, sim) == [1, 3, 4, 5])
    }

    @Test func withoutYesNothingIsClearedAndTheStatusIs2() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let events = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls", "events", "--point", "3", "--lang", "en"],
                                   as: Self.admin, environment: Self.lls)
        #expect(events.status == 2)
        #expect(events.stderr.contains("the event log of point 3") && events.stderr.contains("--yes"), "\(events.stderr)")
        let meters = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls", "meters", "--all-points"],
                                   as: Self.admin, environment: Self.lls)
        #expect(meters.status == 2)
        // Neither or both of --point and --all-points: usage too.
        for arguments in [["events"], ["events", "--point", "1", "--all-points"], ["dust", "--point", "1"]] {
            let r = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls"] + arguments + ["--yes"], as: Self.admin, environment: Self.lls)
            #expect(r.status == 2, "\(arguments)")
        }
        #expect(try await Self.events(hlmcs, sim, point: 3).count > 1)
        #expect(try await Self.meterPoints(hlmcs, sim) == [1, 2, 3, 4, 5])
        #expect(!(try await Self.auditEntries(hlmcs)).contains { $0["action"] as? String == "clear" })
    }

    @Test func underNLSNothingIsSentAndTheStatusIs1() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["clear", "--tcp", sim.address, "events", "--point", "3", "--yes", "--lang", "en"], as: Self.admin)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Writing needs an LLS association"), "\(r.stderr)")
        #expect(try await Self.events(hlmcs, sim, point: 3).count > 1)
        let meters = try await hlmcs.run(["clear", "--tcp", sim.address, "meters", "--all-points", "--yes"], as: Self.admin)
        #expect(meters.status == 1)
        #expect(try await Self.meterPoints(hlmcs, sim).count == 5)
        #expect(try await Self.auditEntries(hlmcs).contains {
            $0["action"] as? String == "clear" && $0["target"] as? String == "clear events point 3" && $0["outcome"] as? String == "failure"
        })
    }

    @Test func readAndConfiguratorUsersAreRefusedWithStatus4() async throws {
        let (hlmcs, sim) = try await Self.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        for user in [Self.reader, Self.configurator] {
            let r = try await hlmcs.run(["clear", "--tcp", sim.address, "--lls", "events", "--all-points", "--yes"],
                                  as: user, environment: Self.lls)
            #expect(r.status == 4, "\(user.0): \(r.stderr)")
        }
        #expect(try await Self.events(hlmcs, sim, point: 3).count > 1)
    }
}
