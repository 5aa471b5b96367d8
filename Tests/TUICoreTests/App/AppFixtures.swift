import Accounts
import DLMS
import ES951
@testable import TUICore

/// States and values the app tests start from.
enum AppFixtures {
    static func catalogue() -> [UILanguage: UIStrings] {
        [.ru: Snapshot.strings(.ru), .en: Snapshot.strings(.en)]
    }

    static func state(_ language: UILanguage = .en, width: Int = 80, height: Int = 24,
                      firstRun: Bool = false) -> AppState {
        AppState(width: width, height: height, language: language, strings: catalogue(), firstRun: firstRun)
    }

    static let administrator = SessionInfo(user: "Администратор", role: .administrator,
                                           permissions: PermissionMatrix.defaults[.administrator])
    static let reader = SessionInfo(user: "ivanov", role: .read, permissions: PermissionMatrix.defaults[.read])

    /// Logged in, on the main window.
    static func main(_ language: UILanguage = .en, width: Int = 80, height: Int = 24,
                     as session: SessionInfo = administrator) -> AppState {
        var s = state(language, width: width, height: height)
        _ = s.update(.loggedIn(session))
        return s
    }

    /// What the demo concentrator answers (fixed).
    static var info: ConcentratorInfo {
        var i = ConcentratorInfo()
        i.serialNumber = "95100001"
        i.model = "ES-951"
        i.firmwareVersion = "2.7.0"
        i.manufacturer = "EMIS"
        i.hardwareVersion = "1.3"
        i.logicalDeviceName = Array("EMSES95195100001".utf8)
        i.logicalAddressOptical = 1001
        i.logicalAddressRS485 = 1001
        i.rs485Speed = 5
        i.meterCounts = .init(configured: 100, online: 89, blacklisted: 9)
        i.clock = COSEMDateTime(date: COSEMDate(year: 2026, month: 11, dayOfMonth: 25, dayOfWeek: 3),
                                time: COSEMTime(hour: 11, minute: 40, second: 50, hundredths: 0),
                                deviation: -180)
        i.timeZone = -180
        i.batteryUseTime = ScaledValue(raw: 30_666_820, scaler: 0, unit: DLMSUnit(rawValue: 7))
        i.batteryVoltage = ScaledValue(raw: 307, scaler: -2, unit: DLMSUnit(rawValue: 35))
        return i
    }

    /// Every item of the screen, in screen order.
    static let allItems = InfoPage.Line.allCases.flatMap(\.items)
}
