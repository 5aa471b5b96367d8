import DLMS
@testable import ES951
import Testing

/// Every model fed the extremes a device can send (issue 14): the smallest and largest
/// value of every A-XDR integer type, NaN and ±∞ floats, 0xFF-filled date-times, in every
/// place a model reads a value. Each must make the model or a `ModelError` — a trap (the
/// old `Int(…)` of a long64-unsigned) ends the whole test run.
@Suite struct ModelExtremesTests {
    static let map = try! DeviceMap.builtIn()

    /// The extremes of each integer type, floats that are no number, dates all 0xFF.
    static let extremes: [DLMSData] = [
        .integer(.min), .integer(.max), .long(.min), .long(.max), .doubleLong(.min), .doubleLong(.max),
        .long64(.min), .long64(.max), .unsigned(.max), .longUnsigned(.max), .doubleLongUnsigned(.max),
        .long64Unsigned(.max), .enumerated(.max), .bcd(.max),
        .float32(Float.nan.bitPattern), .float32(Float.infinity.bitPattern), .float32((-Float.infinity).bitPattern),
        .float64(Double.nan.bitPattern), .float64(Double.infinity.bitPattern), .float64((-Double.infinity).bitPattern),
        .octetString(Array(repeating: 0xFF, count: 12)), .octetString([0x07, 0xEA, 13, 32, 9, 25, 61, 61, 100, 0x7F, 0xFF, 0]),
        .null, .structure([]), .array([]), .visibleString([0x1B, 0x5B, 0x32, 0x4A]),
    ]

    /// `value` in each position of a model that reads `count` values.
    static func placements(_ count: Int) -> [[DLMSData]] {
        var out: [[DLMSData]] = []
        for value in extremes {
            for i in 0..<count {
                var values = Array(repeating: DLMSData.null, count: count)
                values[i] = value
                out.append(values)
                out.append(Array(repeating: value, count: count))
            }
        }
        return out
    }

    @Test func concentratorInfoTakesOrRefusesEveryExtreme() {
        let items = ConcentratorInfo.Item.allCases
        for values in Self.placements(items.count) {
            do {
                let info = try ConcentratorInfo(Dictionary(uniqueKeysWithValues: zip(items, values)), map: Self.map)
                _ = (info.logicalDeviceNameText, info.rs485Baud, info.batteryUseTime?.description, info.batteryVoltage?.doubleValue)
            } catch {}
        }
        // The largest counts are refused as what they are.
        let max = DLMSData.long64Unsigned(.max)
        #expect(throws: ModelError.implausible(field: "meter-counts.configured", value: "18446744073709551615",
                                               allowed: ConcentratorInfo.plausibleMeterCount)) {
            try ConcentratorInfo([.meterCounts: .structure([max, max, max])], map: Self.map)
        }
        #expect(throws: ModelError.self) {
            try ConcentratorInfo([.batteryUseTime: .doubleLongUnsigned(1), .batteryUseTimeScalerUnit: .structure([.integer(127), .enumerated(7)])],
                                 map: Self.map)
        }
    }

    @Test func settingsModelsTakeOrRefuseEveryExtreme() {
        for values in Self.placements(GPRSSettings.Attribute.allCases.count) {
            _ = try? GPRSSettings(Dictionary(uniqueKeysWithValues: zip(GPRSSettings.Attribute.allCases, values)))
        }
        for values in Self.placements(IPSettings.Attribute.allCases.count) {
            _ = try? IPSettings(Dictionary(uniqueKeysWithValues: zip(IPSettings.Attribute.allCases, values)))
        }
        #expect(throws: ModelError.self) { try GPRSSettings([.heartbeat: .long64Unsigned(.max)]) }
    }

    @Test func rowsTakeOrRefuseEveryExtreme() {
        let meterColumns = MeterRecord.columns(in: Self.map)
        let pollColumns = Self.map.object(named: "poll-status")?.captureObjects ?? []
        let eventColumns = Self.map.object(named: "event-log")?.captureObjects ?? []
        let dailyColumns = Self.map.object(named: "daily-profile")?.captureObjects ?? []
        for values in Self.placements(7) {
            _ = try? MeterRecord(row: .structure(values), columns: meterColumns, map: Self.map)
            _ = try? PollStatus(row: .structure(Array(values.prefix(5))), columns: pollColumns, map: Self.map)
            _ = try? EventRecord(row: .structure(Array(values.prefix(2))), columns: eventColumns, map: Self.map, catalogue: nil)
            if let table = try? ProfileTable(captureObjects: dailyColumns, buffer: .array([.structure(Array(values.prefix(5)))]), map: Self.map) {
                for row in table.rows { for cell in row.values { _ = "\(cell)" } }
            }
        }
        let max = DLMSData.long64Unsigned(.max)
        #expect(throws: ModelError.self) {
            try MeterRecord(row: .structure([max, .visibleString([0x31]), .octetString(Array(repeating: 0, count: 8)),
                                             .longUnsigned(1), .enumerated(1), .unsigned(1), .doubleLongUnsigned(0)]),
                            columns: meterColumns, map: Self.map)
        }
        #expect(throws: ModelError.self) {
            try EventRecord(row: .structure([.octetString(Array(repeating: 0xFF, count: 12)), max]), columns: eventColumns,
                            map: Self.map, catalogue: nil)
        }
    }

    @Test func topologyImageAndClockTakeOrRefuseEveryExtreme() throws {
        for values in Self.placements(6) {
            if let t = try? Topology(routingTable: .array([.structure(values)]), neighbourTable: .array([.structure(values)])) {
                _ = t.tree
            }
            _ = try? ImageTransferState(values: Array(values.prefix(4)))
            _ = try? ClockReading(time: values[0], timeZone: values[1], status: values[2])
        }
        let max = DLMSData.long64Unsigned(.max)
        let route = DLMSData.structure([.longUnsigned(1), .longUnsigned(2), .longUnsigned(3), .longUnsigned(300), .unsigned(0), .longUnsigned(5)])
        #expect(throws: ModelError.implausible(field: "routing-table.hop-count", value: "300", allowed: 0...255)) {
            try Topology(routingTable: .array([route]), neighbourTable: .array([]))
        }
        #expect(throws: ModelError.self) {
            try ImageTransferState(values: [max, .bitString(BitString(count: 0, bytes: [])), .doubleLongUnsigned(0), .enumerated(1)])
        }
        let time = DLMSData.octetString([0x07, 0xEA, 12, 7, 0xFF, 10, 0, 0, 0, 0xFF, 0x4C, 0])
        #expect(try ClockReading(time: time, timeZone: .long(-180), status: nil).timeZone == -180)
        #expect(throws: ModelError.implausible(field: "clock.time-zone", value: "-30000", allowed: ClockReading.plausibleTimeZones)) {
            try ClockReading(time: time, timeZone: .long(-30000), status: nil)
        }
        #expect(throws: ModelError.self) { try ClockReading(time: time, timeZone: max, status: nil) }
    }

    /// A date-time whose parts lie outside the Blue Book's ranges is refused; all 0xFF is
    /// "never" (nil); DST and last-day markers are allowed.
    @Test func dateTimesAreValidated() throws {
        let never = DLMSData.octetString([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0xFF])
        #expect(try never.optionalDateTime("t") == nil)
        let month13 = DLMSData.octetString([0x07, 0xEA, 13, 1, 0xFF, 10, 0, 0, 0, 0xFF, 0x4C, 0])
        #expect(throws: ModelError.self) { try month13.optionalDateTime("t") }
        let hour25 = DLMSData.octetString([0x07, 0xEA, 12, 1, 0xFF, 25, 0, 0, 0, 0xFF, 0x4C, 0])
        #expect(throws: ModelError.self) { try hour25.optionalDateTime("t") }
        let lastDay = DLMSData.octetString([0xFF, 0xFF, 0xFE, 0xFE, 0xFF, 10, 0, 0, 0, 0x80, 0x00, 0xFF])
        #expect(try lastDay.optionalDateTime("t") != nil)
    }

    /// Every integer accessor: in range it gives the number, outside it a typed refusal
    /// that names the field and the number as sent.
    @Test func integersAreCheckedIntoRanges() throws {
        #expect(try DLMSData.long64Unsigned(5).integer("f", in: 0...10) == 5)
        #expect(throws: ModelError.implausible(field: "f", value: "18446744073709551615", allowed: 0...10)) {
            try DLMSData.long64Unsigned(.max).integer("f", in: 0...10)
        }
        #expect(throws: ModelError.implausible(field: "f", value: "-9223372036854775808", allowed: 0...10)) {
            try DLMSData.long64(.min).integer("f", in: 0...10)
        }
        #expect(throws: ModelError.implausible(field: "f", value: "65535", allowed: 0...255)) {
            try DLMSData.longUnsigned(.max).unsignedValue("f", as: UInt8.self)
        }
        #expect(throws: ModelError.self) { try DLMSData.long64Unsigned(.max).signedValue("f") }
        #expect(throws: ModelError.self) { try DLMSData.float64(Double.nan.bitPattern).integer("f", in: 0...10) }
    }
}

/// The GPRS change, written once for the command and the TUI (issue 15).
@Suite struct GPRSChangeTests {
    @Test func onlyTheChangedFieldsAreTakenAndThePasswordAlways() {
        let device = GPRSSettings(apn: "internet", primaryServer: ServerEndpoint(host: "10.0.0.1", port: 4059),
                                  backupServer: ServerEndpoint(host: "10.0.0.2", port: 4059), dpdUser: "user", heartbeatSeconds: 180)
        let wanted = GPRSSettings(apn: "other", primaryServer: ServerEndpoint(host: "10.9.9.9", port: 1),
                                  backupServer: nil, dpdUser: "new", dpdPassword: "secret", heartbeatSeconds: 60)
        let changed = device.applying(wanted, changing: [.backupServer, .dpdUser])
        #expect(changed.apn == "internet" && changed.primaryServer == device.primaryServer && changed.heartbeatSeconds == 180)
        #expect(changed.backupServer == nil && changed.dpdUser == "new" && changed.dpdPassword == "secret")
        #expect(device.applying(wanted, changing: Set(GPRSField.allCases)).apn == "other")
    }
}
