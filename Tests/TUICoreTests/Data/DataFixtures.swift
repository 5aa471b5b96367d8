import DLMS
import ES951
@testable import TUICore

/// Profiles and events as the demo concentrator gives them (UTC+3, rows at midnight),
/// built by hand so the page tests need no device.
enum DataFixtures {
    static func midnight(daysBefore days: Int, hour: Int = 0, minute: Int = 0) -> COSEMDateTime {
        // 2026-11-25 00:00 at UTC+3 is 2026-11-24 21:00 UTC.
        COSEMDateTime(secondsSince1970: 1_795_554_000 - Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60),
                      utcOffsetMinutes: 180)!
    }

    static func column(_ name: String, _ c: UInt8, unit: UInt8, scaler: Int8 = 0, classID: UInt16 = 3,
                       attribute: Int8 = 2, d: UInt8 = 8) -> ProfileTable.Column {
        ProfileTable.Column(name: name, unit: DLMSUnit(unit), scaler: scaler,
                            source: CaptureObjectDefinition(classID: classID, instance: OBISCode(1, 0, c, d, 0, 255), attribute: attribute))
    }

    static let energyColumns = [column("active-energy-import", 1, unit: 30), column("active-energy-export", 2, unit: 30),
                                column("reactive-energy-import", 3, unit: 32), column("reactive-energy-export", 4, unit: 32)]

    /// 89 daily rows, oldest first (the device's order is newest first here, to show the
    /// page sorts), registers growing by a varying amount each day.
    static var daily: ProfileTable {
        var register: (Int64, Int64, Int64, Int64) = (1_234_567, 45_000, 310_220, 1_200)
        var rows: [ProfileTable.Row] = []
        for day in stride(from: 88, through: 0, by: -1) {
            rows.append(ProfileTable.Row(time: midnight(daysBefore: day), values: [
                .number(ScaledValue(raw: register.0, scaler: 0, unit: DLMSUnit(30))),
                .number(ScaledValue(raw: register.1, scaler: 0, unit: DLMSUnit(30))),
                .number(ScaledValue(raw: register.2, scaler: 0, unit: DLMSUnit(32))),
                .number(ScaledValue(raw: register.3, scaler: 0, unit: DLMSUnit(32))),
            ]))
            let k = Int64((88 - day) * 37 % 90)
            register = (register.0 + 2_000 + k * 140, register.1 + k * 3, register.2 + 400 + k * 20, register.3 + k)
        }
        return ProfileTable(columns: energyColumns, rows: rows.reversed())
    }

    /// The active maximum load: P max in W (scaler −1, so decimals show) and its time.
    static var activeMax: ProfileTable {
        let columns = [column("active-max-demand", 1, unit: 27, scaler: -1, classID: 4, d: 6),
                       ProfileTable.Column(name: "active-max-demand.capture-time", unit: nil, scaler: 0,
                                           source: CaptureObjectDefinition(classID: 4, instance: OBISCode(1, 0, 1, 6, 0, 255), attribute: 5))]
        let rows = (0..<14).map { m in
            ProfileTable.Row(time: midnight(daysBefore: 30 * (13 - m)), values: [
                .number(ScaledValue(raw: Int64(41_235 + m * 1_377 % 20_000), scaler: -1, unit: DLMSUnit(27))),
                .dateTime(midnight(daysBefore: 30 * (13 - m) + 11, hour: 18, minute: 45)),
            ])
        }
        return ProfileTable(columns: columns, rows: rows)
    }

    /// The current readings of a point: one row.
    static var current: ProfileTable {
        ProfileTable(columns: energyColumns, rows: [ProfileTable.Row(time: midnight(daysBefore: 0, hour: 11, minute: 40), values: [
            .number(ScaledValue(raw: 1_658_901, scaler: 0, unit: DLMSUnit(30))),
            .number(ScaledValue(raw: 45_310, scaler: 0, unit: DLMSUnit(30))),
            .number(ScaledValue(raw: 402_777, scaler: 0, unit: DLMSUnit(32))),
            .number(ScaledValue(raw: 3_960, scaler: 0, unit: DLMSUnit(32))),
        ])])
    }

    /// Event records with the catalogue's names, newest first as a device may give them.
    static var events: [EventRecord] {
        let catalogue = try? EventCatalogue.builtIn()
        let codes = [1, 2, 27, 28, 3, 4, 63, 1, 2, 45, 46, 5, 6, 21, 22, 1, 2]
        return codes.enumerated().map { i, code in
            EventRecord(time: midnight(daysBefore: 20 - i, hour: 7 + i % 12, minute: (i * 13) % 60), code: code,
                        info: catalogue?.event(code))
        }.reversed()
    }
}
