import DLMS
import ES951
import Testing
@testable import Concentrator

@Suite("Read-back comparison")
struct ReadBackComparisonTests {
    static let user = DLMSData.octetString(Array("u".utf8)), secret = DLMSData.octetString(Array("p".utf8))

    @Test(arguments: [
        (DLMSData.longUnsigned(600), DLMSData.longUnsigned(600), false, true),
        (.longUnsigned(600), .longUnsigned(601), false, false),
        (.longUnsigned(600), .doubleLongUnsigned(600), false, false),
        (.octetString([1]), .octetString([]), false, false),
        // A write-only secret reads back empty.
        (.octetString([1]), .octetString([]), true, true),
        (.structure([user, secret]), .structure([user, .octetString([])]), true, true),
        (.structure([user, secret]), .structure([.octetString(Array("v".utf8)), .octetString([])]), true, false),
        (.structure([user, secret]), .structure([user]), true, false),
    ])
    func matches(_ written: DLMSData, _ readBack: DLMSData, _ writeOnly: Bool, _ expected: Bool) {
        #expect(Concentrator.matches(written: written, readBack: readBack, writeOnly: writeOnly) == expected)
    }

    /// A clock that reads back more than 2 s off what was written did not take the time.
    @Test func clockWithinTwoSeconds() throws {
        let t = try #require(COSEMDateTime(year: 2026, month: 1, day: 1, hour: 12, minute: 0, second: 0, utcOffsetMinutes: 180))
        let later = try #require(COSEMDateTime(year: 2026, month: 1, day: 1, hour: 12, minute: 0, second: 2, utcOffsetMinutes: 180))
        let tooLate = try #require(COSEMDateTime(year: 2026, month: 1, day: 1, hour: 12, minute: 0, second: 3, utcOffsetMinutes: 180))
        let sameInOtherZone = try #require(COSEMDateTime(year: 2026, month: 1, day: 1, hour: 11, minute: 0, second: 0, utcOffsetMinutes: 120))
        #expect(Concentrator.sameInstant(.dateTimeOctetString(t), .dateTimeOctetString(later)))
        #expect(!Concentrator.sameInstant(.dateTimeOctetString(t), .dateTimeOctetString(tooLate)))
        #expect(Concentrator.sameInstant(.dateTimeOctetString(t), .dateTimeOctetString(sameInOtherZone)))
        #expect(!Concentrator.sameInstant(.dateTimeOctetString(t), .longUnsigned(1)))
    }

    @Test func errorsFromTheLink() {
        #expect(ConcentratorError(.dlms(.cancelled)) == .cancelled)
        #expect(ConcentratorError(.dlms(.associationRejected(.rejectedPermanent, diagnostic: .serviceUser(1))))
                == .associationRejected(.rejectedPermanent, .serviceUser(1)))
        #expect(ConcentratorError(.transport(.closed)) == .link(.transport(.closed)))
        #expect(ConcentratorError(.dlms(.noResponse(attempts: 4))) == .link(.dlms(.noResponse(attempts: 4))))
    }
}
