import DLMS

/// One record of the grid event log (7/0.0.99.98.0.255; SPEC F-50): when, the code, and
/// the names the catalogue gives it (nil for a code it does not know).
public struct EventRecord: Equatable, Sendable {
    public var time: COSEMDateTime?
    public var code: Int
    public var info: EventInfo?

    public init(time: COSEMDateTime?, code: Int, info: EventInfo?) {
        self.time = time; self.code = code; self.info = info
    }

    /// From one buffer row: the clock column and the event code column, found by the
    /// capture objects (class 8 attribute 2, and the `event-code` object of the map).
    public init(row: DLMSData, columns: [CaptureObjectDefinition], map: DeviceMap,
                catalogue: EventCatalogue?) throws(ModelError) {
        let cells = try row.elements("event-log")
        // The code: the map's event-code object, else the first value column (a journal
        // of another convention captures its own code object).
        guard let clock = columns.firstIndex(where: { $0.classID == 8 && $0.attribute == 2 }),
              let codeColumn = columns.firstIndex(where: { map.object($0.instance)?.name == "event-code" })
                ?? columns.indices.first(where: { $0 != clock && [1, 3].contains(columns[$0].classID) && columns[$0].attribute == 2 }) else {
            throw .missingInMap("event-log columns")
        }
        guard clock < cells.count, codeColumn < cells.count else { throw .unexpectedValue(field: "event-log", value: row) }
        time = try cells[clock].optionalDateTime("event-log.clock")
        code = try cells[codeColumn].integer("event-code", in: 0...Int64(UInt32.max))
        info = catalogue?.event(code)
    }

    public var russianName: String? { info?.russian }
    public var englishName: String? { info?.english }
}

/// The clock screen (SPEC F-32): the device's time, its time zone (Blue Book sign,
/// −180 = UTC+3) and status.
public struct ClockReading: Equatable, Sendable {
    public var time: COSEMDateTime
    public var timeZone: Int16
    public var status: UInt8?
    /// False when the clock's time-zone sign could not be told (see ``TimeZoneSign``):
    /// `timeZone` is the value as sent.
    public var timeZoneSignKnown = true
    public init(time: COSEMDateTime, timeZone: Int16, status: UInt8?) {
        self.time = time; self.timeZone = timeZone; self.status = status
    }
    /// Time zones a clock may report, in minutes (less than a day either way; the Blue
    /// Book's own ±720 and the odd +14 h zone lie well within).
    public static let plausibleTimeZones = Int64(COSEMDateTime.convertibleOffsets.lowerBound)...Int64(COSEMDateTime.convertibleOffsets.upperBound)

    /// From the clock's attributes 2, 3 and 4 (4 optional).
    public init(time: DLMSData, timeZone: DLMSData, status: DLMSData?) throws(ModelError) {
        self.time = try time.dateTime("clock.time")
        self.timeZone = Int16(try timeZone.integer("clock.time-zone", in: ClockReading.plausibleTimeZones))
        self.status = try status?.unsignedValue("clock.status", as: UInt8.self)
    }
}
