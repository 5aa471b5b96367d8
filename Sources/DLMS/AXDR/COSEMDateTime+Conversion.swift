/// Pure calendar arithmetic for COSEM date-times (proleptic Gregorian calendar; no clock,
/// no `Calendar`). `deviation` is minutes from local time to UTC (Blue Book, class 8:
/// UTC = local + deviation), so UTC+3 is deviation −180 (PROTOCOL.md §4).
extension COSEMDateTime {
    /// Years a conversion accepts (0xFFFF means "not specified" on the wire).
    public static let convertibleYears = 1...9999
    /// UTC offsets a conversion accepts, in minutes (less than a day either way).
    public static let convertibleOffsets = -1439...1439

    /// A fully specified date-time; the day of week is computed from the date.
    /// Nil when a field is out of range (month 1…12, day within the month, hour 0…23,
    /// minute and second 0…59, hundredths 0…99, year ``convertibleYears``, offset
    /// ``convertibleOffsets``). `utcOffsetMinutes` nil writes deviation "not specified".
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                 hundredths: Int = 0, utcOffsetMinutes: Int?, status: ClockStatus = []) {
        guard Self.convertibleYears.contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...99).contains(hundredths)
        else { return nil }
        var deviation: Int16?
        if let offset = utcOffsetMinutes {
            guard Self.convertibleOffsets.contains(offset) else { return nil }
            deviation = Int16(-offset)
        }
        let weekday = Self.weekday(daysSince1970: Self.daysFromCivil(year: year, month: month, day: day))
        self.init(date: COSEMDate(year: UInt16(year), month: UInt8(month), dayOfMonth: UInt8(day),
                                  dayOfWeek: UInt8(weekday)),
                  time: COSEMTime(hour: UInt8(hour), minute: UInt8(minute), second: UInt8(second),
                                  hundredths: UInt8(hundredths)),
                  deviation: deviation, status: status)
    }

    /// The local time of the instant `secondsSince1970` (UTC) at `utcOffsetMinutes`,
    /// hundredths 0. Nil when the year falls outside ``convertibleYears`` or the offset
    /// outside ``convertibleOffsets``.
    public init?(secondsSince1970: Int64, utcOffsetMinutes: Int, status: ClockStatus = []) {
        // Years 1…9999 lie within ±(400 000 × 86 400) s of 1970; reject anything far
        // outside before doing arithmetic that could overflow.
        let limit: Int64 = 400_000 * 86_400
        guard Self.convertibleOffsets.contains(utcOffsetMinutes),
              (-limit...limit).contains(secondsSince1970) else { return nil }
        let local = secondsSince1970 + Int64(utcOffsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = Self.civilFromDays(Int(days))
        self.init(year: year, month: month, day: day, hour: secondOfDay / 3600,
                  minute: secondOfDay / 60 % 60, second: secondOfDay % 60, hundredths: 0,
                  utcOffsetMinutes: utcOffsetMinutes, status: status)
    }

    /// The UTC offset in minutes (−deviation); nil when the deviation is not specified.
    public var utcOffsetMinutes: Int? { deviation.map { -Int($0) } }

    /// Year, month, day of month, hour, minute, second and deviation all hold ordinary
    /// values (no "not specified", no DST or last-day markers) and the day exists. Day
    /// of week and hundredths may be unspecified (hundredths 0xFF counts as 0).
    public var isFullySpecified: Bool {
        let year = Int(date.year), month = Int(date.month)
        guard date.year != 0xFFFF, Self.convertibleYears.contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(Int(date.dayOfMonth)),
              time.hour <= 23, time.minute <= 59, time.second <= 59,
              time.hundredths <= 99 || time.hundredths == 0xFF,
              let deviation, Self.convertibleOffsets.contains(-Int(deviation))
        else { return false }
        return true
    }

    /// Seconds since 1970-01-01 00:00:00 UTC (local time + deviation; hundredths dropped),
    /// or nil when not ``isFullySpecified``.
    public func secondsSince1970() -> Int64? {
        guard isFullySpecified, let deviation else { return nil }
        let days = Int64(Self.daysFromCivil(year: Int(date.year), month: Int(date.month),
                                            day: Int(date.dayOfMonth)))
        let secondOfDay = Int64(time.hour) * 3600 + Int64(time.minute) * 60 + Int64(time.second)
        return days * 86_400 + secondOfDay + Int64(deviation) * 60
    }

    // MARK: Calendar arithmetic (H. Hinnant, "chrono-compatible low-level date algorithms")

    /// Days from 1970-01-01 to the given proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    static func weekday(daysSince1970 days: Int) -> Int {
        let r = (days + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
