import DLMS
import ES951
import Testing
@testable import TUICore

/// The Backup battery page (F-37): use time in days and hours, voltage, and a verdict
/// against the device map's limits, or none without them (the manual names no low level).
@Suite("Backup battery page") struct BatteryPageTests {
    typealias F = ParametersFixtures

    @Test func f5ReadsUseTimeAndVoltage() {
        var s = F.on(.battery, lls: false)
        #expect(s.update(.key(.function(5))) == [.page(.battery, .readBattery)])
        let info = AppFixtures.info
        _ = s.update(.page(.battery, .battery(useTime: info.batteryUseTime, voltage: info.batteryVoltage)))
        let screen = F.screen(s)
        #expect(screen.contains("354 d 22 h"))
        #expect(screen.contains("30666820 s counted by the device"))
        #expect(screen.contains("3.07 V"))
        #expect(screen.contains("Read at") && screen.contains("11:40:50"))
        #expect(screen.contains("names no voltage"))
        #expect(!screen.lowercased().contains("low battery"))
        #expect(s.keyBarItems().map(\.key) == ["F1", "F2", "F3", "F5", "F7", "F9", "F10"])
    }

    /// In Russian a decimal comma and the unit as the commands write it (`3,07 В`, not `V`;
    /// issue 20 item 7).
    @Test func inRussianTheDecimalSeparatorIsAComma() {
        var s = F.on(.battery, .ru, lls: false)
        _ = s.update(.key(.function(5)))
        let info = AppFixtures.info
        _ = s.update(.page(.battery, .battery(useTime: info.batteryUseTime, voltage: info.batteryVoltage)))
        let screen = F.screen(s)
        #expect(screen.contains("354 сут 22 ч"))
        #expect(screen.contains("3,07 В"))
    }

    /// Issue 18 item 11: a verdict, not a sentence about the manual, when the map gives
    /// limits; each side of each limit.
    @Test(arguments: [(3.07, "good (at least 2.80 V)"), (2.80, "good (at least 2.80 V)"), (2.79, "low: plan a replacement (under 2.80 V)"),
                      (2.60, "low: plan a replacement (under 2.80 V)"), (2.59, "replace it now (under 2.60 V)"),
                      (0.0, "replace it now (under 2.60 V)")])
    func aVerdictAgainstTheMapsLimits(_ volts: Double, _ words: String) {
        var s = F.on(.battery, lls: false)
        _ = s.update(.key(.function(5)))
        let voltage = ScaledValue(raw: Int64((volts * 100).rounded()), scaler: -2, unit: DLMSUnit(rawValue: 35))
        _ = s.update(.page(.battery, .battery(useTime: nil, voltage: voltage, limits: BatteryLimits(lowVolts: 2.8, replaceVolts: 2.6))))
        let screen = F.screen(s)
        #expect(screen.contains("Verdict") && screen.contains(words), "\(screen)")
        #expect(screen.contains("limits are the device map's") && !screen.contains("names no voltage"))
    }

    @Test func theVerdictInRussian() {
        var s = F.on(.battery, .ru, lls: false)
        _ = s.update(.key(.function(5)))
        let info = AppFixtures.info
        _ = s.update(.page(.battery, .battery(useTime: info.batteryUseTime, voltage: info.batteryVoltage, limits: BatteryLimits(lowVolts: 2.8, replaceVolts: 2.6))))
        #expect(F.screen(s).contains("\u{438}\u{441}\u{43F}\u{440}\u{430}\u{432}\u{43D}\u{430} (\u{43D}\u{435} \u{43D}\u{438}\u{436}\u{435} 2,80 \u{412})"))
    }

    @Test func valuesTheDeviceRefusedAreSaidSo() {
        var s = F.on(.battery, lls: false)
        _ = s.update(.key(.function(5)))
        _ = s.update(.page(.battery, .battery(useTime: nil, voltage: AppFixtures.info.batteryVoltage)))
        let screen = F.screen(s)
        #expect(screen.contains("refused by the device"))
        #expect(screen.contains("3.07 V"))
    }
}
