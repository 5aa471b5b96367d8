import Foundation
import Testing
@testable import TUICore

/// The PC's zone from the C library says what Foundation's `TimeZone.current` says
/// (issue 19 moved the pages off Foundation's zone, which loads ICU).
@Suite struct PCZoneTests {
    @Test func theSystemZoneAgreesWithFoundation() {
        for seconds in stride(from: 1_700_000_000.0, to: 1_800_000_000, by: 2_500_000) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(PCZone.system.minutesEast(at: date) == TimeZone.current.secondsFromGMT(for: date) / 60)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .current
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let day = PCZone.system.day(date)
            #expect([day.year, day.month, day.day] == [c.year, c.month, c.day])
        }
    }

    @Test func aFixedZoneMovesTheDayAtItsMidnight() {
        let utcMidnight = Date(timeIntervalSince1970: 1_764_028_800)   // 2025-11-25T00:00:00Z
        let moscow = PCZone.fixed(minutesEast: 180), alaska = PCZone.fixed(minutesEast: -540)
        #expect(moscow.minutesEast(at: utcMidnight) == 180)
        #expect(moscow.day(utcMidnight.addingTimeInterval(-10_801)) == (2025, 11, 24))
        #expect(moscow.day(utcMidnight.addingTimeInterval(-10_800)) == (2025, 11, 25))
        #expect(alaska.day(utcMidnight) == (2025, 11, 24))
        #expect(PCZone.fixed(minutesEast: 0).day(Date(timeIntervalSince1970: .nan)) == (1970, 1, 1))
    }
}
