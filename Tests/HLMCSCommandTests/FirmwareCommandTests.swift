import Foundation
import Testing

/// `hlmcs firmware` (SPEC F-62) against `es951-sim` subprocesses: a cut transfer, then the
/// same command resuming with only the missing blocks, verified, activated, and the new
/// version shown; users without the permission refused.
@Suite("firmware command", .timeLimit(.minutes(2)))
struct FirmwareCommandTests {
    static let admin = DeviceCommandTests.admin
    static let lls = DeviceCommandTests.lls

    /// Block transfers (ACTION 18/0.0.44.0.0.255 method 2) among the frames a trace sent.
    static func blockTransfers(_ trace: String) -> Int {
        let text = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter {
            $0.contains(" > ") && $0.contains(" c3 01 ") && $0.contains(" 00 12 00 00 2c 00 00 ff 02 ")
        }.count
    }

    @Test func aCutTransferResumesWithOnlyTheMissingBlocks() throws {
        // 20 kB = 105 blocks of 192 bytes; the first connection is cut after 60 frames.
        let (hlmcs, sim) = try DeviceCommandTests.setUp(["--faults", "cut-after=60"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let image = hlmcs.folder.appendingPathComponent("ES951-3.0.0.bin")
        try Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 7) }).write(to: image)
        let trace1 = hlmcs.folder.appendingPathComponent("first.trace").path
        let first = try hlmcs.run(["firmware", "--tcp", sim.address, "--lls", "--trace", trace1, image.path, "--activate", "--lang", "en"],
                                  as: Self.admin, environment: Self.lls)
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stderr.contains("run the same command again to resume"), "\(first.stderr)")
        let sentFirst = Self.blockTransfers(trace1)
        #expect(sentFirst > 0 && sentFirst < 105, "\(sentFirst)")

        let trace2 = hlmcs.folder.appendingPathComponent("second.trace").path
        let second = try hlmcs.run(["firmware", "--tcp", sim.address, "--lls", "--trace", trace2, image.path, "--activate", "--lang", "en"],
                                   as: Self.admin, environment: Self.lls)
        #expect(second.status == 0, "\(second.stderr)")
        let sentSecond = Self.blockTransfers(trace2)
        // Blocks the device got before the cut are not sent again (the last one may have
        // been lost in the cut: sent twice at most).
        #expect(sentFirst + sentSecond >= 105 && sentFirst + sentSecond <= 106, "\(sentFirst) + \(sentSecond)")
        #expect(second.stdout.contains("105 blocks"), "\(second.stdout)")
        #expect(second.stdout.contains("reports version ES951-3.0.0"), "\(second.stdout)")

        let info = try hlmcs.run(["info", "--tcp", sim.address, "--lang", "en"], as: Self.admin)
        #expect(info.lines.contains("Firmware version: ES951-3.0.0"), "\(info.stdout)")
    }

    @Test func onlyAnAdministratorMayUpdate() throws {
        let (hlmcs, sim) = try DeviceCommandTests.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let image = hlmcs.folder.appendingPathComponent("fw.bin")
        try Data(repeating: 1, count: 500).write(to: image)
        let reader = try hlmcs.run(["firmware", "--tcp", sim.address, "--lls", image.path], as: DeviceCommandTests.reader,
                                   environment: Self.lls)
        #expect(reader.status == 4, "\(reader.stderr)")
        let missing = try hlmcs.run(["firmware", "--tcp", sim.address, "--lls", hlmcs.folder.appendingPathComponent("none.bin").path],
                                    as: Self.admin, environment: Self.lls)
        #expect(missing.status == 2, "\(missing.stderr)")
        let nls = try hlmcs.run(["firmware", "--tcp", sim.address, image.path, "--json"], as: Self.admin)
        #expect(nls.status == 1, "\(nls.stderr)")
    }
}
