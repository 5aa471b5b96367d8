import Foundation
import Testing

/// `hlmcs settings export|import` (SPEC F-60) against `es951-sim` subprocesses.
@Suite("settings files", .timeLimit(.minutes(2)))
struct SettingsCommandTests {
    static let admin = DeviceCommandTests.admin
    static let lls = DeviceCommandTests.lls

    /// The file without its comment lines (the export time differs).
    static func content(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") }
    }

    func export(_ hlmcs: CommandRunner, _ sim: SimulatorProcess, to path: String) async throws -> CommandRunner.Result {
        try await hlmcs.run(["settings", "export", "--tcp", sim.address, path, "--lang", "en"], as: Self.admin)
    }

    /// Issue 20 item 5: a file a person wrote as the man page allows is taken whole.
    @Test func aHandWrittenFileWithAnEmptyServerAndCapitalsIsImported() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("hand.set").path
        let text = "hlmcs-settings 1\nModel = es-951\ngprs.apn = m2m.hand\ngprs.primary-server =\nEND\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let imported = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", path, "--lang", "en"],
                                           as: Self.admin, environment: Self.lls)
        #expect(imported.status == 0, "\(imported.stderr)")
        let back = hlmcs.folder.appendingPathComponent("back.set").path
        #expect(try await export(hlmcs, sim, to: back).status == 0)
        #expect(Self.content(back).contains("gprs.apn = m2m.hand"))
        #expect(Self.content(back).contains("gprs.primary-server ="), "\(Self.content(back))")
    }

    @Test func aFileTakenFromOneConcentratorMakesAnotherTheSame() async throws {
        let (hlmcs, a) = try await DeviceCommandTests.setUp()
        let b = try await SimulatorProcess()
        defer { a.stop(); b.stop(); hlmcs.removeFolder() }
        // Make A different from the factory: APN, heartbeat (90 s: not whole minutes,
        // issue 20 item 1), TCP port, time zone.
        let gprs = try await hlmcs.run(["gprs", "--tcp", a.address, "--lls", "--apn", "m2m.example", "--heartbeat", "90s"],
                                 as: Self.admin, environment: Self.lls)
        #expect(gprs.status == 0, "\(gprs.stderr)")
        let ip = try await hlmcs.run(["ip", "--tcp", a.address, "--lls", "--tcp-port", "4070"], as: Self.admin, environment: Self.lls)
        #expect(ip.status == 0, "\(ip.stderr)")
        let zone = try await hlmcs.run(["clock", "--tcp", a.address, "--lls", "--time-zone", "UTC+5"], as: Self.admin, environment: Self.lls)
        #expect(zone.status == 0, "\(zone.stderr)")

        let fileA = hlmcs.folder.appendingPathComponent("a.set").path
        let exported = try await export(hlmcs, a, to: fileA)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("13 settings exported"))
        let text = Self.content(fileA)
        #expect(text.first == "hlmcs-settings 1")
        #expect(text.last == "end")
        #expect(text.contains("gprs.apn = m2m.example"))
        #expect(text.contains("clock.time-zone = UTC+05:00"))
        #expect(text.contains("gprs.heartbeat-minutes = 1:30"), "\(text)")
        #expect(!text.joined().contains("95100001"), "the serial number never goes into a .set file")

        let dry = try await hlmcs.run(["settings", "import", "--tcp", b.address, "--lls", fileA, "--dry-run", "--lang", "en"],
                                as: Self.admin, environment: Self.lls)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.lines.contains("gprs.apn: internet → m2m.example"), "\(dry.stdout)")
        let fileB0 = hlmcs.folder.appendingPathComponent("b0.set").path
        _ = try await export(hlmcs, b, to: fileB0)
        #expect(Self.content(fileB0).contains("gprs.apn = internet"), "--dry-run wrote nothing")

        let imported = try await hlmcs.run(["settings", "import", "--tcp", b.address, "--lls", fileA, "--lang", "en"],
                                     as: Self.admin, environment: Self.lls)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("4 settings written"), "\(imported.stdout)")
        let fileB = hlmcs.folder.appendingPathComponent("b.set").path
        _ = try await export(hlmcs, b, to: fileB)
        #expect(Self.content(fileB) == Self.content(fileA))

        let again = try await hlmcs.run(["settings", "import", "--tcp", b.address, "--lls", fileA, "--lang", "en"],
                                  as: Self.admin, environment: Self.lls)
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to write"))
    }

    /// Issue 20 item 1: a heartbeat of 3 s set through the raw attribute is shown,
    /// exported and cloned as 3 s, not as "0 min" that no import takes.
    @Test func aHeartbeatOfSecondsSurvivesShowExportAndImport() async throws {
        let (hlmcs, a) = try await DeviceCommandTests.setUp()
        let b = try await SimulatorProcess()
        defer { a.stop(); b.stop(); hlmcs.removeFolder() }
        let set = try await hlmcs.run(["set", "--tcp", a.address, "--lls", "1/0.0.25.4.128.255/2", "3"], as: Self.admin, environment: Self.lls)
        #expect(set.status == 0, "\(set.stderr)")
        let shown = try await hlmcs.run(["gprs", "--tcp", a.address, "--lang", "en"], as: Self.admin)
        #expect(shown.lines.contains("Heartbeat, min: 0:03"), "\(shown.stdout)")
        let json = try await hlmcs.run(["gprs", "--tcp", a.address, "--json"], as: Self.admin)
        #expect(json.stdout.contains("\"heartbeat-seconds\":3"), "\(json.stdout)")
        let file = hlmcs.folder.appendingPathComponent("a.set").path
        #expect(try await export(hlmcs, a, to: file).status == 0)
        #expect(Self.content(file).contains("gprs.heartbeat-minutes = 0:03"), "\(Self.content(file))")
        let imported = try await hlmcs.run(["settings", "import", "--tcp", b.address, "--lls", file, "--lang", "en"],
                                           as: Self.admin, environment: Self.lls)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("gprs.heartbeat-minutes: 3 → 0:03"), "\(imported.stdout)")
        let back = try await hlmcs.run(["gprs", "--tcp", b.address, "--json"], as: Self.admin)
        #expect(back.stdout.contains("\"heartbeat-seconds\":3"), "\(back.stdout)")
    }

    @Test func everyKindOfBrokenFileIsRefusedWithNothingWritten() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let good = hlmcs.folder.appendingPathComponent("good.set").path
        #expect(try await export(hlmcs, sim, to: good).status == 0)
        let lines = Self.content(good)
        let before = lines
        func changed(_ body: ([String]) -> [String]) -> [UInt8] { Array((body(lines).joined(separator: "\n") + "\n").utf8) }
        let apnChanged: ([String]) -> [String] = { $0.map { $0.hasPrefix("gprs.apn") ? "gprs.apn = changed.apn" : $0 } }
        let cases: [(String, [UInt8], String)] = [
            ("truncated", changed { Array(apnChanged($0).dropLast()) }, ":\(lines.count - 1):"),
            ("not UTF-8", changed(apnChanged) + [0xFF, 0xFE, 0x0A], "UTF-8"),
            ("another model", changed { apnChanged($0).map { $0 == "model = ES-951" ? "model = ES-950" : $0 } }, "ES-950"),
            ("unknown key", changed { apnChanged($0).map { $0 == "end" ? "gprs.colour = red\nend" : $0 } }, "gprs.colour"),
            ("invalid value", changed { apnChanged($0).map { $0.hasPrefix("ip.tcp-port") ? "ip.tcp-port = 0" : $0 } }, "ip.tcp-port"),
            ("serial number", changed { apnChanged($0).map { $0 == "end" ? "serial-number = 95100002\nend" : $0 } }, "serial-number"),
        ]
        for (name, bytes, mention) in cases {
            let path = hlmcs.folder.appendingPathComponent("broken.set").path
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let result = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", path, "--lang", "en"],
                                       as: Self.admin, environment: Self.lls)
            #expect(result.status == 2, "\(name): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(mention), "\(name): \(result.stderr)")
            #expect(result.stderr.contains("nothing was written"), "\(name): \(result.stderr)")
        }
        let after = hlmcs.folder.appendingPathComponent("after.set").path
        #expect(try await export(hlmcs, sim, to: after).status == 0)
        #expect(Self.content(after) == before, "a refused file changed the device")
    }

    @Test func aRefusalMidwaySaysExactlyWhatWasWritten() async throws {
        // The device refuses the IP address (the third change below).
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--refuse-write", "42/0.0.25.1.0.255/3"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("site.set").path
        let text = """
            hlmcs-settings 1
            model = ES-951
            gprs.apn = site.apn
            gprs.heartbeat-minutes = 9
            ip.address = 192.168.7.20
            ip.tcp-port = 4071
            end

            """
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let result = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", path, "--lang", "en"],
                                   as: Self.admin, environment: Self.lls)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("did not take ip.address"), "\(result.stderr)")
        #expect(result.stderr.contains("Written: gprs.apn, gprs.heartbeat-minutes."), "\(result.stderr)")
        #expect(result.stderr.contains("Not written: ip.tcp-port."), "\(result.stderr)")
        let after = hlmcs.folder.appendingPathComponent("after.set").path
        #expect(try await export(hlmcs, sim, to: after).status == 0)
        let values = Self.content(after)
        #expect(values.contains("gprs.apn = site.apn"))
        #expect(values.contains("gprs.heartbeat-minutes = 9"))
        #expect(!values.contains("ip.address = 192.168.7.20"))
        #expect(values.contains("ip.tcp-port = 4059"))
    }

    @Test func aReaderMayNotImportAndNLSCannotWrite() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let path = hlmcs.folder.appendingPathComponent("x.set").path
        FileManager.default.createFile(atPath: path, contents: Data("hlmcs-settings 1\nmodel = ES-951\ngprs.apn = other\nend\n".utf8))
        let reader = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", path], as: DeviceCommandTests.reader,
                                   environment: Self.lls)
        #expect(reader.status == 4, "\(reader.stderr)")
        // A broken file: the denial still comes first (issue 20 item 9), not the file's fault.
        let broken = hlmcs.folder.appendingPathComponent("broken.set").path
        FileManager.default.createFile(atPath: broken, contents: Data("not a settings file\n".utf8))
        let denied = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", broken, "--lang", "en"],
                                         as: DeviceCommandTests.reader, environment: Self.lls)
        #expect(denied.status == 4, "\(denied.stderr)")
        #expect(denied.stderr.contains("settings-import") && !denied.stderr.contains("settings-export"), "\(denied.stderr)")
        // A dry run only reads: its denial names what it does, never an export.
        let dry = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--dry-run", broken, "--lang", "en"],
                                      as: DeviceCommandTests.reader, environment: Self.lls)
        #expect(dry.status == 4 && dry.stderr.contains("settings-preview") && !dry.stderr.contains("settings-export"), "\(dry.stderr)")
        let missing = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", hlmcs.folder.appendingPathComponent("none.set").path],
                                          as: DeviceCommandTests.reader, environment: Self.lls)
        #expect(missing.status == 4, "\(missing.stderr)")
        // The administrator gets the file's fault, with its line.
        let fault = try await hlmcs.run(["settings", "import", "--tcp", sim.address, "--lls", broken, "--lang", "en"],
                                        as: Self.admin, environment: Self.lls)
        #expect(fault.status == 2, "\(fault.stderr)")
        let nls = try await hlmcs.run(["settings", "import", "--tcp", sim.address, path, "--lang", "en"], as: Self.admin)
        #expect(nls.status == 1, "\(nls.stderr)")
        #expect(nls.stderr.contains("Writing needs an LLS association"), "\(nls.stderr)")
    }
}
