/// COSEM date (5 bytes): year (0xFFFF = not specified), month (0xFD DST end, 0xFE DST
/// begin, 0xFF not specified), day of month (0xFD second-to-last, 0xFE last, 0xFF not
/// specified), day of week (1 = Monday … 7 = Sunday, 0xFF not specified).
/// Fields keep their raw values so special values survive a round trip.
public struct COSEMDate: Hashable, Sendable {
    public var year: UInt16
    public var month: UInt8
    public var dayOfMonth: UInt8
    public var dayOfWeek: UInt8
    public init(year: UInt16, month: UInt8, dayOfMonth: UInt8, dayOfWeek: UInt8 = 0xFF) {
        self.year = year; self.month = month; self.dayOfMonth = dayOfMonth; self.dayOfWeek = dayOfWeek
    }
}

/// COSEM time (4 bytes): hour, minute, second, hundredths; 0xFF = not specified.
public struct COSEMTime: Hashable, Sendable {
    public var hour: UInt8
    public var minute: UInt8
    public var second: UInt8
    public var hundredths: UInt8
    public init(hour: UInt8, minute: UInt8, second: UInt8, hundredths: UInt8 = 0xFF) {
        self.hour = hour; self.minute = minute; self.second = second; self.hundredths = hundredths
    }
}

/// Clock status bits (Blue Book, class 8).
public struct ClockStatus: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let invalidValue = ClockStatus(rawValue: 0x01)
    public static let doubtfulValue = ClockStatus(rawValue: 0x02)
    public static let differentClockBase = ClockStatus(rawValue: 0x04)
    public static let invalidClockStatus = ClockStatus(rawValue: 0x08)
    public static let daylightSavingActive = ClockStatus(rawValue: 0x80)
    /// 0xFF in the status byte means "not specified".
    public static let notSpecified = ClockStatus(rawValue: 0xFF)
}

/// COSEM date-time (12 bytes): date, time, deviation, clock status.
///
/// `deviation` is minutes *to add to local time to get UTC* (Blue Book), i.e. the
/// negated UTC offset: UTC+3 is −180 (`FF 4C`); nil = 0x8000, not specified.
public struct COSEMDateTime: Hashable, Sendable {
    public var date: COSEMDate
    public var time: COSEMTime
    public var deviation: Int16?
    public var status: ClockStatus
    public init(date: COSEMDate, time: COSEMTime, deviation: Int16?, status: ClockStatus = []) {
        self.date = date; self.time = time; self.deviation = deviation; self.status = status
    }
}
