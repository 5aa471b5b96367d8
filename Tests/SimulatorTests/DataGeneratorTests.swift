import Testing
import DLMS
@testable import Simulator

@Suite("DataGenerator")
struct DataGeneratorTests {
    // 2025-10-09 in local time (UTC+3): days since 1970.
    let today = 20_370
    var generator: DataGenerator { DataGenerator(seed: 42, meters: 100, today: today, utcOffsetMinutes: 180) }

    @Test func sameSeedSameData() {
        let a = generator, b = DataGenerator(seed: 42, meters: 100, today: today, utcOffsetMinutes: 180)
        #expect(a.meters() == b.meters())
        #expect(a.pollStatus() == b.pollStatus())
        #expect(a.mesh().routes == b.mesh().routes)
        #expect(a.pointData(17) == b.pointData(17))
        #expect(a.pointData(0) == b.pointData(0))
        let other = DataGenerator(seed: 43, meters: 100, today: today, utcOffsetMinutes: 180)
        #expect(other.meters() != a.meters())
    }

    @Test func splitMix64MatchesTheReference() {
        // splitmix64.c with seed 0: first outputs 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func metersAreNumberedAndUnique() {
        let meters = generator.meters()
        #expect(meters.map(\.point) == Array(1...100))
        #expect(Set(meters.map(\.serial)).count == 100)
        #expect(Set(meters.map(\.eui64)).count == 100)
        #expect(meters.allSatisfy { $0.eui64.count == 8 && $0.serial.count == 8 })
        #expect(Set(meters.map(\.shortAddress)).count == 100)
        #expect(Set(meters.map(\.type)) == [1, 2])
        #expect(meters.allSatisfy { (1...4).contains($0.tariffs) && $0.powerLimit >= 5000 })
        #expect(DataGenerator(seed: 1, meters: 5000, today: today).meterCount == 1000)
        #expect(DataGenerator(seed: 1, meters: 0, today: today).meters().isEmpty)
    }

    @Test func pollStatusHasBlacklistedMeters() {
        let status = generator.pollStatus()
        #expect(status.count == 100)
        let blacklisted = status.filter { $0.state == 2 }
        #expect(blacklisted.count >= 5)
        #expect(blacklisted.allSatisfy { $0.failedPolls >= 20 && $0.lastGoodPoll != nil && $0.lastFailedPoll != nil })
        #expect(status.contains { $0.state == 1 })
    }

    @Test func meshIsATreeAtMostFifteenHopsDeep() {
        let (routes, neighbours) = DataGenerator(seed: 42, meters: 1000, today: today).mesh()
        #expect(routes.count == 1000)
        #expect(routes.allSatisfy { (1...15).contains($0.hopCount) })
        #expect(routes.map(\.hopCount).max() == 15)
        let firstHop = Set(neighbours.map(\.shortAddress))
        #expect(routes.allSatisfy { firstHop.contains($0.nextHop) })
        #expect(routes.filter { $0.hopCount == 1 }.allSatisfy { $0.nextHop == $0.destination })
        #expect(neighbours.allSatisfy { $0.lqi >= 30 })
        #expect(generator.mesh().routes.map(\.hopCount).max()! > 5)
    }

    @Test func profilesHaveTheirDepthsAndGrow() throws {
        let data = try #require(generator.pointData(3))
        #expect(data.daily.count == 89)
        #expect(data.monthly.count == 14)
        #expect(data.activeMaxDemand.count == 14)
        #expect(data.reactiveMaxDemand.count == 14)
        #expect(data.events.count >= 100)
        // The last daily row is today's local midnight; rows a day apart.
        #expect(data.daily.last!.time == Int64(today) * 86_400 - 180 * 60)
        #expect(zip(data.daily, data.daily.dropFirst()).allSatisfy { $1.time - $0.time == 86_400 })
        for rows in [data.daily, data.monthly] {
            for (a, b) in zip(rows, rows.dropFirst()) {
                #expect(b.activeImport > a.activeImport)
                #expect(b.activeExport >= a.activeExport && b.reactiveImport >= a.reactiveImport && b.reactiveExport >= a.reactiveExport)
            }
        }
        // Monthly rows fall on the first of each month, local time.
        for row in data.monthly {
            let local = COSEMDateTime(secondsSince1970: row.time, utcOffsetMinutes: 180)!
            #expect(local.date.dayOfMonth == 1 && local.time.hour == 0)
        }
        #expect(data.activeMaxDemand.allSatisfy { $0.captureTime < $0.time && $0.value > 0 })
        #expect(zip(data.events, data.events.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(data.events.allSatisfy { (1...62).contains($0.code) })
    }

    @Test func theConcentratorHasEventsOnly() throws {
        let data = try #require(generator.pointData(0))
        #expect(data.daily.isEmpty && data.monthly.isEmpty && data.activeMaxDemand.isEmpty)
        #expect(data.events.count == 100)
        #expect(Set(data.events.map(\.code)).isSubset(of: [1, 2, 5, 6, 7, 8, 9, 10, 15, 16]))
        #expect(generator.pointData(101) == nil)
    }

    @Test func singlePhaseMetersHaveNoThreePhaseEvents() {
        let threePhaseOnly: Set<UInt8> = Set([13, 14] + Array(20...25) + Array(28...31) + Array(34...51) + Array(58...61))
        for meter in generator.meters() where meter.type == 1 {
            #expect(generator.pointData(meter.point)!.events.allSatisfy { !threePhaseOnly.contains($0.code) })
        }
    }
}
