import Accounts
import Foundation
import Testing

@Suite struct TimeInputTests {
    let moscow = TimeZone(secondsFromGMT: 3 * 3600)!

    func utc(_ text: String) -> Date { AuditEntry.date(fromTimestamp: text)! }

    @Test func formsOfSpec() {
        #expect(TimeInput.parse("2026-11-01", timeZone: moscow) == utc("2026-10-31T21:00:00.000Z"))
        #expect(TimeInput.parse("2026-11-01T06:00", timeZone: moscow) == utc("2026-11-01T03:00:00.000Z"))
        #expect(TimeInput.parse("2026-11-01T06:00:30", timeZone: .gmt) == utc("2026-11-01T06:00:30.000Z"))
        #expect(TimeInput.parse("2026-11-01T06:00Z", timeZone: moscow) == utc("2026-11-01T06:00:00.000Z"))
        #expect(TimeInput.parse("2026-11-01T06:00+05:00", timeZone: moscow) == utc("2026-11-01T01:00:00.000Z"))
        #expect(TimeInput.parse("2026-11-01T06:00-0130", timeZone: moscow) == utc("2026-11-01T07:30:00.000Z"))
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "2026-02-30", "2026-11-01Z", "2026-11-01T25:00", "2026-11-01T06:00+24:00"])
    func refusesWhatIsNotATime(text: String) {
        #expect(TimeInput.parse(text, timeZone: .gmt) == nil)
    }

    @Test func auditTimestampsAreFixedWidthUTC() {
        let date = Date(timeIntervalSince1970: 1_800_000_000.25)
        #expect(AuditEntry.timestamp(date) == "2027-01-15T08:00:00.250Z")
        #expect(AuditEntry.date(fromTimestamp: "2027-01-15T08:00:00.250Z") == date)
    }
}
