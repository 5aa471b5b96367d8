import DLMS
import DLMSTransport
import ES951
import Foundation
import Testing
@testable import Concentrator

/// Clearing data (F-61) against the simulator: the reset method of the event log and of
/// the four profiles, point by point, and the meter-removal object; each read back.
@Suite("Concentrator clear data", .timeLimit(.minutes(1)))
struct ClearTests {
    @Test func eventsOfOnePointLeaveOneRecordCode63AndOtherPointsAlone() async throws {
        let rig = try await SimulatorRig.opened(meters: 10)
        let before = try await rig.concentrator.readEvents(point: 3)
        let other = try await rig.concentrator.readEvents(point: 4)
        #expect(before.count > 1 && !other.isEmpty)
        let steps = try await rig.concentrator.clearSteps(.events, point: 3)
        #expect(steps == [ClearStep(point: 3, object: "event-log", outcome: .accepted)])
        let after = try await rig.concentrator.readEvents(point: 3)
        #expect(after.map(\.code) == [63])
        #expect(try await rig.concentrator.readEvents(point: 4).count == other.count)
        let entry = try #require(await rig.concentrator.exchangeLog.last { $0.what.hasPrefix("clear") })
        #expect(entry.what == "clear events point 3" && entry.outcome == .written(accepted: 1, of: 1))
        await rig.finish()
    }

    @Test func profilesOfAllPointsAreEmptyAfterwards() async throws {
        let rig = try await SimulatorRig.opened(meters: 4)
        #expect(!(try await rig.concentrator.readProfile(.daily, point: 2)).rows.isEmpty)
        let steps = try await rig.concentrator.clearSteps(.profiles, point: nil)
        // Point 0 and the four meters, four profiles each, in that order.
        #expect(steps.count == 5 * 4)
        #expect(steps.allSatisfy { $0.outcome == .accepted })
        #expect(steps.map(\.point) == [0, 1, 2, 3, 4].flatMap { [Int?](repeating: $0, count: 4) })
        #expect(Array(steps.prefix(4).map(\.object)) == ProfileKind.allCases.map(\.objectName))
        for point in 1...4 {
            for kind in ProfileKind.allCases {
                #expect(try await rig.concentrator.readProfile(kind, point: point).rows.isEmpty, "\(kind) point \(point)")
            }
        }
        // The event log is another target: untouched.
        #expect(try await rig.concentrator.readEvents(point: 2).count > 1)
        await rig.finish()
    }

    @Test func metersOfOnePointAndThenAll() async throws {
        let rig = try await SimulatorRig.opened(meters: 10)
        #expect(try await rig.concentrator.clear(.meters, point: 6) == [.accepted])
        let meters = try await rig.concentrator.readMeters()
        #expect(meters.count == 9 && !meters.contains { $0.point == 6 })
        #expect(try await rig.concentrator.clear(.meters, point: nil) == [.accepted])
        #expect(try await rig.concentrator.readMeters().isEmpty)
        await rig.finish()
    }

    @Test func underNLSTheFirstResetIsRefusedAndNothingIsCleared() async throws {
        let rig = try await SimulatorRig.opened(client: 16, password: nil, meters: 5)
        let before = try await rig.concentrator.readEvents(point: 2)
        let steps = try await rig.concentrator.clearSteps(.events, point: nil)
        #expect(steps == [ClearStep(point: 0, object: "event-log", outcome: .refused(.readWriteDenied))])
        #expect(try await rig.concentrator.readEvents(point: 2).count == before.count)
        #expect(try await rig.concentrator.clear(.profiles, point: 2) == [.refused(.readWriteDenied)])
        #expect(!(try await rig.concentrator.readProfile(.daily, point: 2)).rows.isEmpty)
        await rig.finish()
    }
}
