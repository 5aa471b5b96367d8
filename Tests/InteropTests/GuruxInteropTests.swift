import Foundation
import Testing

/// es951-sim read by an implementation none of us wrote: the Gurux DLMS client
/// (PyPI gurux-dlms 1.0.203) driven by Tests/Interop/gurux_read.py.
///
/// Every test starts its own simulator and stops it at the end. If the Python
/// venv cannot be made, the tests fail (scripts/test-tools.sh says why): they
/// are never skipped.
@Suite("Gurux client against es951-sim", .serialized)
struct GuruxInteropTests {
    static let dailyProfile = "1.0.98.2.0.255"
    static let lls = ["--client", "32", "--auth", "low", "--password", "admin@emis"]

    /// Fails the test unless the venv and the simulator binary are there.
    func requireTools() async throws {
        if let problem = await InteropHarness.toolsProblem {
            Issue.record("Gurux venv missing: \(problem)")
            throw ToolsMissing()
        }
        if InteropHarness.simulatorBinary == nil {
            Issue.record("es951-sim not found next to \(CommandLine.arguments[0])")
            throw ToolsMissing()
        }
    }
    struct ToolsMissing: Error {}

    /// Runs `body` with a simulator on an ephemeral TCP port.
    func withTCPSimulator(_ extra: [String] = [], _ body: (_ hostPort: String) async throws -> Void) async throws {
        try await requireTools()
        let simulator = try await SimulatorProcess(["--tcp", "127.0.0.1:0"] + extra, waitFor: "tcp")
        defer { simulator.stop() }
        do { try await body(simulator.listening) } catch {
            Issue.record("simulator stderr:\n\(simulator.stderrText)")
            throw error
        }
        #expect(simulator.process.isRunning, "es951-sim died during the test:\n\(simulator.stderrText)")
    }

    /// (class, OBIS, attr) the map lets client `sap` read, as `CLASS/OBIS/ATTR`.
    static func mapAttributes(readableBy sap: Int) throws -> [String] {
        let data = try Data(contentsOf: InteropHarness.mapFile)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objects = try #require(root["objects"] as? [[String: Any]])
        var found: [String] = []
        for object in objects {
            let classID = try #require(object["class"] as? Int)
            let obis = try #require(object["obis"] as? String)
            for attribute in object["attributes"] as? [[String: Any]] ?? [] {
                guard let readers = attribute["read"] as? [Int], readers.contains(sap),
                      let index = attribute["index"] as? Int else { continue }
                found.append("\(classID)/\(obis)/\(index)")
            }
        }
        return found
    }

    /// The checks every healthy session passes: clean HDLC, a reply address of
    /// 1/1001 (the default serial 95100001), release and disconnect done.
    func expectCleanSession(_ run: GuruxRun, expectedStatus: Int32 = 0,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == expectedStatus, "\(run)", sourceLocation: sourceLocation)
        let ua = run.first("ua")
        #expect(ua?["reply_upper"] as? Int == 1, "\(run)", sourceLocation: sourceLocation)
        #expect(ua?["reply_lower"] as? Int == 1001, "\(run)", sourceLocation: sourceLocation)
        #expect(run.counter("hdlc_errors") == 0, "\(run)", sourceLocation: sourceLocation)
        #expect(run.counter("junk_bytes") == 0, "\(run)", sourceLocation: sourceLocation)
        #expect(run.first("disconnect")?["ok"] as? Bool == true, "\(run)", sourceLocation: sourceLocation)
        #expect(run.first("error") == nil, "\(run)", sourceLocation: sourceLocation)
    }

    func text(_ read: [String: Any]?) -> String? {
        if let value = read?["value"] as? String { return value }
        return (read?["value"] as? [String: Any])?["text"] as? String
    }

    func hex(_ read: [String: Any]?) -> String? { (read?["value"] as? [String: Any])?["hex"] as? String }

    // MARK: -

    @Test("NLS (client 16): every attribute the map lets it read, over TCP")
    func nlsReadsEveryMapAttribute() async throws {
        let expected = try Self.mapAttributes(readableBy: 16)
        #expect(expected.count > 50)
        try await withTCPSimulator { hostPort in
            let run = try await GuruxRun.run(["--tcp", hostPort, "--read-all-map", InteropHarness.mapFile.path])
            expectCleanSession(run)
            let aare = run.first("aare")
            #expect(aare?["ok"] as? Bool == true && aare?["result_code"] as? Int == 0, "\(run)")
            let reads = run.all("read")
            #expect(reads.map { $0["attribute"] as? String ?? "" } == expected, "\(run)")
            let failed = reads.filter { $0["ok"] as? Bool != true }
            #expect(failed.isEmpty, "failed reads: \(failed)")
            #expect(text(run.read("1/0.0.96.1.0.255/2")) == "95100001")
            #expect(text(run.read("1/0.0.96.1.1.255/2")) == "ES-951")
            #expect(text(run.read("1/0.0.96.1.3.255/2")) == "EMIS")
            #expect(run.read("23/0.0.22.0.0.255/9")?["value"] as? Int == 1001)
            #expect(run.read("41/0.0.25.0.0.255/2")?["value"] as? Int == 4059)
            #expect(hex(run.read("8/0.0.1.0.0.255/2"))?.count == 24, "clock: 12-byte date-time")
            // Logical names read back as the OBIS code itself.
            #expect(hex(run.read("1/0.0.96.1.0.255/1")) == "0000600100ff")
        }
    }

    @Test("LLS (client 32): writing the clock, then reading it back")
    func llsClockWrite() async throws {
        try await withTCPSimulator { hostPort in
            let write = try await GuruxRun.run(["--tcp", hostPort] + Self.lls
                                         + ["--set-clock", "2027-03-04T05:06:07+03:00"])
            expectCleanSession(write)
            #expect(write.first("aare")?["ok"] as? Bool == true, "\(write)")
            #expect(write.first("write")?["ok"] as? Bool == true, "\(write)")

            let read = try await GuruxRun.run(["--tcp", hostPort, "--read", "8/0.0.1.0.0.255/2"])
            expectCleanSession(read)
            // 2027-03-04 = 07 EB 03 04; the time runs on from 05:06:07.
            let clock = hex(read.read("8/0.0.1.0.0.255/2")) ?? ""
            #expect(clock.hasPrefix("07eb0304"), "clock read back as \(clock)\n\(read)")
        }
    }

    @Test("NLS may not write the clock (SET refused, not a hang)")
    func nlsClockWriteRefused() async throws {
        try await withTCPSimulator { hostPort in
            let run = try await GuruxRun.run(["--tcp", hostPort, "--set-clock", "now"])
            expectCleanSession(run, expectedStatus: 1)
            let write = run.first("write")
            #expect(write?["ok"] as? Bool == false, "\(run)")
            #expect(write?["error_code"] as? Int == 3, "read-write-denied expected\n\(run)")
        }
    }

    @Test("A wrong LLS password: AARE result 1 (rejected-permanent), diagnostic 13")
    func wrongPassword() async throws {
        try await withTCPSimulator { hostPort in
            let run = try await GuruxRun.run(["--tcp", hostPort, "--client", "32", "--auth", "low",
                                        "--password", "not-the-password", "--set-clock", "now"])
            expectCleanSession(run, expectedStatus: 2)
            let aare = run.first("aare")
            #expect(aare?["ok"] as? Bool == false, "\(run)")
            #expect(aare?["result_code"] as? Int == 1, "\(run)")
            #expect(aare?["diagnostic_code"] as? Int == 13, "\(run)")
            #expect(run.first("write") == nil)
        }
    }

    @Test("Daily profile: whole (89 rows), then a range of 10 days")
    func dailyProfile() async throws {
        try await withTCPSimulator { hostPort in
            let whole = try await GuruxRun.run(["--tcp", hostPort, "--profile", Self.dailyProfile, "--print-rows"])
            expectCleanSession(whole)
            let profile = try #require(whole.first("profile"), "\(whole)")
            #expect(profile["ok"] as? Bool == true, "\(whole)")
            #expect(profile["rows"] as? Int == 89, "\(whole)")
            #expect(profile["ascending"] as? Bool == true, "\(whole)")
            #expect((profile["columns"] as? [String])?.count == 5, "\(whole)")
            #expect((profile["columns"] as? [String])?.first == "8/0.0.1.0.0.255/2", "\(whole)")
            #expect(profile["blocks"] as? Int ?? 0 > 1, "89 rows need block transfer at PDU 1024")
            let rows = whole.all("row").compactMap { $0["row"] as? [Any] }
            #expect(rows.count == 89)
            let aPlus = rows.compactMap { $0.count > 1 ? ($0[1] as? NSNumber)?.intValue : nil }
            #expect(aPlus.count == 89 && zip(aPlus, aPlus.dropFirst()).allSatisfy { $0 < $1 },
                    "A+ must grow day by day: \(aPlus)")

            let stamps = rows.compactMap { $0.first as? String }
            try #require(stamps.count == 89, "row times: \(stamps)")
            let range = try await GuruxRun.run(["--tcp", hostPort, "--profile", Self.dailyProfile,
                                          "--from", stamps[10], "--to", stamps[19]])
            expectCleanSession(range)
            let part = try #require(range.first("profile"), "\(range)")
            #expect(part["selector"] as? String == "range")
            #expect(part["rows"] as? Int == 10, "\(range)")
            #expect(part["first_time"] as? String == stamps[10], "\(range)")
            #expect(part["last_time"] as? String == stamps[19], "\(range)")
        }
    }

    @Test("Max info 32, window 7: segmented both ways, windows of frames")
    func smallFramesLargeWindow() async throws {
        try await withTCPSimulator { hostPort in
            let run = try await GuruxRun.run(["--tcp", hostPort, "--max-info", "32", "--window", "7",
                                        "--read", "1/0.0.96.1.0.255/2", "--read", "1/0.0.42.0.0.255/2",
                                        "--profile", Self.dailyProfile])
            expectCleanSession(run)
            let ua = run.first("ua")
            #expect(ua?["max_info_tx"] as? Int == 32 && ua?["max_info_rx"] as? Int == 32, "\(run)")
            #expect(ua?["window_tx"] as? Int == 7 && ua?["window_rx"] as? Int == 7, "\(run)")
            let profile = run.first("profile")
            #expect(profile?["rows"] as? Int == 89, "\(run)")
            #expect(profile?["rx_segmented"] as? Int ?? 0 > 50, "\(run)")
            #expect(run.counter("out_of_sequence") == 0, "\(run)")
            #expect(run.counter("discarded") == 0, "\(run)")
            #expect(text(run.read("1/0.0.96.1.0.255/2")) == "95100001")
        }
    }

    @Test("A lost frame (--drop-rx 3) is sent again, window 1 and window 7", arguments: [1, 7])
    func droppedFrame(window: Int) async throws {
        try await withTCPSimulator { hostPort in
            let run = try await GuruxRun.run(["--tcp", hostPort, "--max-info", "32", "--window", String(window),
                                        "--drop-rx", "3", "--profile", Self.dailyProfile])
            expectCleanSession(run)
            #expect(run.first("hdlc_drop") != nil, "\(run)")
            #expect(run.counter("discarded") ?? 0 >= 1, "\(run)")
            #expect(run.first("profile")?["rows"] as? Int == 89, "\(run)")
        }
    }

    @Test("Addresses: its own (1/1001), all-station in the 2-byte form, client 48; another address gets no answer")
    func addressing() async throws {
        try await withTCPSimulator { hostPort in
            let serial = ["--read", "1/0.0.96.1.0.255/2"]
            let own = try await GuruxRun.run(["--tcp", hostPort, "--physical", "1001"] + serial)
            expectCleanSession(own)
            #expect(text(own.read("1/0.0.96.1.0.255/2")) == "95100001", "\(own)")

            // 7E A0 08 02 FF 21 93 …: upper 1, lower 0x7F, 2-byte form.
            let short = try await GuruxRun.run(["--tcp", hostPort, "--address-size", "2", "--physical", "0x7F"] + serial)
            expectCleanSession(short)
            #expect(text(short.read("1/0.0.96.1.0.255/2")) == "95100001", "\(short)")

            let configurator = try await GuruxRun.run(["--tcp", hostPort, "--client", "48", "--auth", "low",
                                                 "--password", "admin@emis", "--set-clock", "now"])
            expectCleanSession(configurator)
            #expect(configurator.first("write")?["ok"] as? Bool == true, "\(configurator)")

            let other = try await GuruxRun.run(["--tcp", hostPort, "--physical", "1002", "--timeout", "1"] + serial)
            #expect(other.status == 3, "\(other)")
            #expect(other.counter("rx_frames") == 0, "a frame for 1/1002 must get no answer\n\(other)")
        }
    }

    @Test("The same over a pty: every NLS attribute, the daily profile, LLS clock write")
    func overPTY() async throws {
        try await requireTools()
        let link = FileManager.default.temporaryDirectory
            .appendingPathComponent("hlmcs-interop-pty-\(UUID().uuidString.prefix(8))").path
        let simulator = try await SimulatorProcess(["--pty", link], waitFor: "pty")
        defer { simulator.stop() }
        let expected = try Self.mapAttributes(readableBy: 16)
        let run = try await GuruxRun.run(["--serial", simulator.listening, "--read-all-map", InteropHarness.mapFile.path,
                                    "--profile", Self.dailyProfile], deadline: 90)
        expectCleanSession(run)
        let reads = run.all("read")
        #expect(reads.count == expected.count, "\(run)")
        #expect(reads.allSatisfy { $0["ok"] as? Bool == true }, "\(run)")
        #expect(text(run.read("1/0.0.96.1.0.255/2")) == "95100001")
        #expect(run.first("profile")?["rows"] as? Int == 89, "\(run)")

        // A second session on the same line, LLS, small frames and a window.
        let second = try await GuruxRun.run(["--serial", simulator.listening, "--max-info", "32", "--window", "7"]
                                      + Self.lls + ["--set-clock", "now", "--read", "1/0.0.96.1.0.255/2"])
        expectCleanSession(second)
        #expect(second.first("write")?["ok"] as? Bool == true, "\(second)")
        #expect(simulator.process.isRunning, "es951-sim died:\n\(simulator.stderrText)")
    }

    @Test("The wrapper (IEC 62056-47, --wrapper): NLS reads, the daily profile, an LLS clock write, a wrong password")
    func overTheWrapper() async throws {
        try await withTCPSimulator(["--wrapper"]) { hostPort in
            let expected = try Self.mapAttributes(readableBy: 16)
            let run = try await GuruxRun.run(["--tcp", hostPort, "--wrapper", "--read-all-map", InteropHarness.mapFile.path,
                                        "--profile", Self.dailyProfile])
            #expect(run.status == 0, "\(run)")
            #expect(run.first("error") == nil, "\(run)")
            #expect(run.first("aare")?["ok"] as? Bool == true, "\(run)")
            let reads = run.all("read")
            #expect(reads.count == expected.count, "\(run)")
            #expect(reads.allSatisfy { $0["ok"] as? Bool == true }, "\(run)")
            #expect(text(run.read("1/0.0.96.1.0.255/2")) == "95100001")
            #expect(run.first("profile")?["rows"] as? Int == 89, "\(run)")
            #expect(run.first("release")?["ok"] as? Bool == true, "\(run)")
            #expect(run.counter("junk_bytes") == 0, "\(run)")

            let write = try await GuruxRun.run(["--tcp", hostPort, "--wrapper"] + Self.lls + ["--set-clock", "now"])
            #expect(write.status == 0, "\(write)")
            #expect(write.first("write")?["ok"] as? Bool == true, "\(write)")

            let wrong = try await GuruxRun.run(["--tcp", hostPort, "--wrapper", "--client", "32", "--auth", "low",
                                          "--password", "not-the-password"])
            #expect(wrong.status == 2, "\(wrong)")
            #expect(wrong.first("aare")?["result_code"] as? Int == 1, "\(wrong)")
            #expect(wrong.first("aare")?["diagnostic_code"] as? Int == 13, "\(wrong)")
        }
    }
}
