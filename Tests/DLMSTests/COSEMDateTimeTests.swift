import Testing
@testable import DLMS

@Suite struct COSEMDateTimeTests {
    /// PROTOCOL.md §6 #10 clock response value: `07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00`
    /// = 2024-10-15 (Tuesday = 2) 12:30:00.00, deviation −180 (UTC+3), status 00.
    static let clockBytes = hex("07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00")

    @Test func rawFormsRoundTrip() throws {
        let value = try COSEMDateTime(bytes: Self.clockBytes)
        #expect(value.date == COSEMDate(year: 2024, month: 10, dayOfMonth: 15, dayOfWeek: 2))
        #expect(value.time == COSEMTime(hour: 12, minute: 30, second: 0, hundredths: 0))
        #expect(value.deviation == -180)
        #expect(value.status == [])
        #expect(value.bytes == Self.clockBytes)
        #expect(try COSEMDate(bytes: hex("07E80A0F02")) == value.date)
        #expect(try COSEMTime(bytes: hex("0C1E0000")) == value.time)
        #expect(value.date.bytes == hex("07E80A0F02"))
        #expect(value.time.bytes == hex("0C1E0000"))
    }

    @Test func unspecifiedDeviationAndStatus() throws {
        let value = try COSEMDateTime(bytes: hex("FFFF FF FF FF FF FF FF FF 8000 FF"))
        #expect(value.deviation == nil)
        #expect(value.status == .notSpecified)
        #expect(value.bytes == hex("FFFF FF FF FF FF FF FF FF 8000 FF"))
    }

    @Test func rawFormsCheckLength() {
        #expect(throws: DLMSDecodingError.truncated(needed: 12, available: 11)) {
            try COSEMDateTime(bytes: Array(Self.clockBytes.dropLast()))
        }
        #expect(throws: DLMSDecodingError.trailingBytes(1)) { try COSEMDateTime(bytes: Self.clockBytes + [0]) }
        #expect(throws: DLMSDecodingError.truncated(needed: 5, available: 4)) { try COSEMDate(bytes: [1, 2, 3, 4]) }
        #expect(throws: DLMSDecodingError.truncated(needed: 4, available: 3)) { try COSEMTime(bytes: [1, 2, 3]) }
        // A short read leaves the cursor where it was.
        var reader = ByteReader([0x07, 0xE8, 0x0A])
        #expect(throws: DLMSDecodingError.self) { try COSEMDate.decode(from: &reader) }
        #expect(reader.offset == 0)
    }

    @Test func buildsFromFieldsWithWeekday() throws {
        let value = try #require(COSEMDateTime(year: 2024, month: 10, day: 15, hour: 12, minute: 30, second: 0,
                                               hundredths: 0, utcOffsetMinutes: 180))
        #expect(value.bytes == Self.clockBytes)
        #expect(value.utcOffsetMinutes == 180)
        #expect(value.isFullySpecified)
    }

    @Test(arguments: [
        // (year, month, day, ISO weekday)
        (1970, 1, 1, 4), (2000, 1, 1, 6), (2000, 2, 29, 2), (2024, 10, 15, 2), (2021, 1, 24, 7),
        (1900, 3, 1, 4), (2100, 12, 31, 5), (1, 1, 1, 1), (9999, 12, 31, 5),
    ])
    func weekdays(_ sample: (Int, Int, Int, Int)) throws {
        let value = try #require(COSEMDateTime(year: sample.0, month: sample.1, day: sample.2,
                                               hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0))
        #expect(value.date.dayOfWeek == UInt8(sample.3))
    }

    @Test func rejectsImpossibleFields() {
        #expect(COSEMDateTime(year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 1900, month: 2, day: 29, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 2024, month: 13, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 2024, month: 4, day: 31, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 2024, month: 1, day: 1, hour: 24, minute: 0, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 60, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0, hundredths: 100,
                              utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 1440) == nil)
        #expect(COSEMDateTime(year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0, utcOffsetMinutes: nil)?
            .deviation == nil)
    }

    @Test func secondsSince1970() throws {
        // 2024-10-15 12:30 at UTC+3 = 09:30 UTC = 1728984600 (date -u -d '2024-10-15 09:30' +%s).
        let value = try COSEMDateTime(bytes: Self.clockBytes)
        #expect(value.secondsSince1970() == 1_728_984_600)
        #expect(COSEMDateTime(secondsSince1970: 1_728_984_600, utcOffsetMinutes: 180) == value)
        // Epoch, and a negative instant: 1969-12-31 23:59:59 UTC.
        let epoch = try #require(COSEMDateTime(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0,
                                               utcOffsetMinutes: 0))
        #expect(epoch.secondsSince1970() == 0)
        let before = try #require(COSEMDateTime(secondsSince1970: -1, utcOffsetMinutes: 0))
        #expect(before.date == COSEMDate(year: 1969, month: 12, dayOfMonth: 31, dayOfWeek: 3))
        #expect(before.time == COSEMTime(hour: 23, minute: 59, second: 59, hundredths: 0))
        // Negative offset (UTC−5): deviation +300.
        let newYork = try #require(COSEMDateTime(secondsSince1970: 1_728_984_600, utcOffsetMinutes: -300))
        #expect(newYork.deviation == 300)
        #expect(newYork.time.hour == 4)
        #expect(newYork.secondsSince1970() == 1_728_984_600)
        // 2038 and leap-day round trips.
        for seconds: Int64 in [2_147_483_647, 951_782_400, 4_102_444_800, -2_208_988_800] {
            let v = try #require(COSEMDateTime(secondsSince1970: seconds, utcOffsetMinutes: 60))
            #expect(v.secondsSince1970() == seconds)
        }
        #expect(COSEMDateTime(secondsSince1970: .max, utcOffsetMinutes: 0) == nil)
        #expect(COSEMDateTime(secondsSince1970: .min, utcOffsetMinutes: 0) == nil)
    }

    @Test func unspecifiedFieldsHaveNoInstant() throws {
        var value = try COSEMDateTime(bytes: Self.clockBytes)
        value.deviation = nil
        #expect(!value.isFullySpecified)
        #expect(value.secondsSince1970() == nil)
        #expect(value.utcOffsetMinutes == nil)
        for change in [{ (v: inout COSEMDateTime) in v.date.year = 0xFFFF },
                       { $0.date.month = 0xFE }, { $0.date.dayOfMonth = 0xFE },
                       { $0.time.hour = 0xFF }, { $0.time.second = 0xFF }] {
            var v = try COSEMDateTime(bytes: Self.clockBytes)
            change(&v)
            #expect(!v.isFullySpecified)
            #expect(v.secondsSince1970() == nil)
        }
        // Hundredths and weekday may be unspecified.
        var v = try COSEMDateTime(bytes: Self.clockBytes)
        v.time.hundredths = 0xFF
        v.date.dayOfWeek = 0xFF
        #expect(v.secondsSince1970() == 1_728_984_600)
    }

    @Test func descriptions() throws {
        #expect(try COSEMDateTime(bytes: Self.clockBytes).description
                == "2024-10-15 12:30:00 (deviation -180, status 00)")
        #expect(try COSEMDateTime(bytes: hex("FFFF FF FF FF FF FF FF FF 8000 FF")).description
                == "*-*-* *:*:* (deviation *, status ff)")
        #expect(COSEMDate(year: 0xFFFF, month: 0xFE, dayOfMonth: 0xFE, dayOfWeek: 7).description
                == "*-dst-begin-last weekday 7")
        #expect(COSEMTime(hour: 1, minute: 2, second: 3, hundredths: 45).description == "01:02:03.45")
        #expect(COSEMDate(year: 812, month: 1, dayOfMonth: 2).description == "0812-01-02")
    }
}
