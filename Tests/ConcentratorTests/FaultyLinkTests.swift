import DLMS
import DLMSTransport
import ES951
import Testing
@testable import Concentrator

@Suite("Concentrator over a faulty line", .timeLimit(.minutes(1)))
struct FaultyLinkTests {
    /// With frames corrupted and dropped, a read either returns exactly the clean data
    /// or fails with a link error — never wrong data.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func cleanDataOrAClearFailure(_ seed: UInt64) async throws {
        let clean = try await SimulatorRig.opened(meters: 60)
        let expected = try await clean.concentrator.readMeters(pageSize: 20)
        await clean.finish()
        #expect(expected.count == 60)

        let rig = SimulatorRig(meters: 60, faults: FaultSpec(corrupt: 0.05, drop: 0.05, seed: seed), timeout: .milliseconds(300))
        do {
            _ = try await rig.concentrator.open()
            let meters = try await rig.concentrator.readMeters(pageSize: 20)
            #expect(meters == expected)
        } catch {
            guard case .link = error else { Issue.record("seed \(seed): \(error)"); await rig.finish(); return }
        }
        await rig.finish()
    }

    /// A line cut in the middle of a paged read ends in a link error.
    @Test func cutLine() async throws {
        let rig = SimulatorRig(meters: 200, faults: FaultSpec(cutAfter: 6), timeout: .milliseconds(300))
        _ = try await rig.concentrator.open()
        await #expect {
            _ = try await rig.concentrator.readMeters(pageSize: 10)
        } throws: { error in
            if case .link = error as? ConcentratorError { true } else { false }
        }
        let entry = try #require(await rig.concentrator.exchangeLog.last)
        if case .failure(.link) = entry.outcome {} else { Issue.record("log: \(entry.outcome)") }
        await rig.finish()
    }
}
