import DLMS
import DLMSTransport
import ES951
import Foundation
import Testing
@testable import Concentrator

/// Removing meters (F-35) against the simulator, and the meter list's smaller first page.
@Suite("Concentrator meter removal", .timeLimit(.minutes(1)))
struct ConcentratorMeterRemovalTests {
    @Test func oneMeterRemovedIsGoneFromBothListsAndAgainIsRefused() async throws {
        let rig = try await SimulatorRig.opened(meters: 30)
        #expect(try await rig.concentrator.removeMeter(point: 7) == .accepted)
        let meters = try await rig.concentrator.readMeters(pageSize: 50)
        #expect(meters.count == 29)
        #expect(!meters.contains { $0.point == 7 })
        #expect(meters.contains { $0.point == 8 })
        let status = try await rig.concentrator.readPollStatus(pageSize: 50)
        #expect(status.count == 29 && !status.contains { $0.point == 7 })
        let entry = try #require(await rig.concentrator.exchangeLog.last { $0.what.hasPrefix("remove") })
        #expect(entry.what == "remove meter point 7" && entry.outcome == .written(accepted: 1, of: 1))
        // A point no longer in the list is refused, and nothing else goes.
        #expect(try await rig.concentrator.removeMeter(point: 7) == .refused(.otherReason))
        #expect(try await rig.concentrator.readMeters(pageSize: 50).count == 29)
        await #expect(throws: ConcentratorError.self) { _ = try await rig.concentrator.removeMeter(point: 70_000) }
        await rig.finish()
    }

    @Test func allMetersRemoved() async throws {
        let rig = try await SimulatorRig.opened(meters: 30)
        #expect(try await rig.concentrator.removeAllMeters() == .accepted)
        #expect(try await rig.concentrator.readMeters(pageSize: 50).isEmpty)
        #expect(try await rig.concentrator.readPollStatus(pageSize: 50).isEmpty)
        let entry = try #require(await rig.concentrator.exchangeLog.last { $0.what.hasPrefix("remove") })
        #expect(entry.what == "remove all meters" && entry.outcome == .written(accepted: 1, of: 1))
        await rig.finish()
    }

    @Test func removalRefusedUnderNLSLeavesTheList() async throws {
        let rig = try await SimulatorRig.opened(client: 16, password: nil, meters: 30)
        #expect(try await rig.concentrator.removeMeter(point: 3) == .refused(.readWriteDenied))
        #expect(try await rig.concentrator.removeAllMeters() == .refused(.readWriteDenied))
        #expect(try await rig.concentrator.readMeters(pageSize: 50).count == 30)
        await rig.finish()
    }

    @Test func aSmallerFirstPageThenBiggerOnes() async throws {
        let rig = try await SimulatorRig.opened(meters: 200)
        let pages = Collected<[Int]>()
        let meters = try await rig.concentrator.readMeters(pageSize: 100, firstPage: 20) { pages.append($0.map(\.point)) }
        #expect(pages.all.map(\.count) == [20, 100, 80])
        #expect(pages.all.first == Array(1...20))
        #expect(meters.map(\.point) == Array(1...200))
        await rig.finish()
    }
}
