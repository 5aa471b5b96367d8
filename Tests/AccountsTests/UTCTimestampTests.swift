import Accounts
import Foundation
import Testing

/// The UTC timestamps written without Foundation's calendar (issue 19) say what
/// Foundation's ISO 8601 style says (to the second exactly; a millisecond apart at most
/// where a binary fraction lies on the boundary), and text read back writes the same text.
@Suite struct UTCTimestampTests {
    @Test func agreesWithFoundationOverTwoCenturies() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: 951_782_400),
                     Date(timeIntervalSince1970: 4_107_542_399.999)]   // 2000-02-29, 2100-02-28T23:59:59.999
        for _ in 0..<2000 {
            dates.append(Date(timeIntervalSince1970: Double(Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)) / 1000))
        }
        for date in dates {
            let text = UTCTimestamp.text(date)
            let read = UTCTimestamp.date(text)
            #expect(read.map { abs($0.timeIntervalSince(date)) < 0.001 } == true, "\(text)")
            #expect(read.map { UTCTimestamp.text($0) } == text)
            let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            #expect(UTCTimestamp.text(whole) == whole.formatted(style))
            #expect(UTCTimestamp.text(date, milliseconds: false) == String(text.prefix(19)) + "Z")
        }
    }

    @Test func millisecondsAreTruncatedAndTheShortFormIsRead() {
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: 1_800_000_000.2509)) == "2027-01-15T08:00:00.250Z")
        #expect(UTCTimestamp.date("2027-01-15T08:00:00Z") == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(UTCTimestamp.date("2024-02-29T23:59:59Z") == Date(timeIntervalSince1970: 1_709_251_199))
    }

    @Test(arguments: ["", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00.000Z", "2026-11-01 06:00:00.000Z",
                      "2026-11-01T06:00:00.000", "2026-11-01T24:00:00Z", "2026-11-01T06:00:00.0Z", "２026-11-01T06:00:00Z",
                      "2026-11-01T06:00:00+03:00", "-026-11-01T06:00:00Z", "2026-11-01T06:0a:00Z",
                      "2024-02-29T23:59:60Z"])
    func refusesWhatIsNotAStoredTimestamp(_ text: String) {
        #expect(UTCTimestamp.date(text) == nil)
    }

    @Test func absurdDatesDoNotTrap() {
        for date in [Date.distantPast, Date.distantFuture, Date(timeIntervalSince1970: .infinity), Date(timeIntervalSince1970: .nan)] {
            #expect(UTCTimestamp.text(date).hasSuffix("Z"))
        }
    }
}
