import DLMS
import ES951
import Testing
@testable import TUICore

/// The Backup battery page (F-37): use time in days and hours, voltage, and no judgement
/// of the voltage (the manual names no low level).
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

    @Test func valuesTheDeviceRefusedAreSaidSo() {
        var s = F.on(.battery, lls: false)
        _ = s.update(.key(.function(5)))
        _ = s.update(.page(.battery, .battery(useTime: nil, voltage: AppFixtures.info.batteryVoltage)))
        let screen = F.screen(s)
        #expect(screen.contains("refused by the device"))
        #expect(screen.contains("3.07 V"))
    }
}
