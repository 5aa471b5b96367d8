import Accounts
import DLMS
import ES951
import Foundation
@testable import TUICore

/// States and values the Parameters pages' tests start from: the main window on a page,
/// connected over LLS, the PC's clock and zone pinned (UTC+3).
enum ParametersFixtures {
    static let zone = TimeZone(secondsFromGMT: 3 * 3600)!
    /// 2026-11-25 11:40:50 at UTC+3.
    static let now = Date(timeIntervalSince1970: TimeInterval(
        COSEMDateTime(year: 2026, month: 11, day: 25, hour: 8, minute: 40, second: 50, utcOffsetMinutes: 0)!.secondsSince1970()!))

    static let configurator = SessionInfo(user: "petrov", role: .configurator,
                                          permissions: PermissionMatrix.defaults[.configurator])

    /// Logged in as `session`, on `page` with the focus in the work area, connected.
    static func on(_ page: ParameterPage, _ language: UILanguage = .en, width: Int = 80, height: Int = 24,
                   as session: SessionInfo = AppFixtures.administrator, lls: Bool = true) -> AppState {
        var s = AppFixtures.main(language, width: width, height: height, as: session)
        s.page = page
        s.tree.selected = page.rawValue
        s.focus = .work
        if lls {
            s.connection.security = .lls
            s.llsPassword = "admin@emis"
        }
        s.pages.clock.pcZone = .fixed(minutesEast: zone.secondsFromGMT() / 60)
        s.pages.battery.pcZone = .fixed(minutesEast: zone.secondsFromGMT() / 60)
        _ = s.update(.tick(now))
        _ = s.update(.connected(lls ? "demo · LLS · 48 → 1/1001" : "demo · NLS · 16 → 1/1001"))
        return s
    }

    /// Types `text` key by key; returns the effects of the last key.
    @discardableResult
    static func type(_ text: String, into s: inout AppState) -> [Effect] {
        var last: [Effect] = []
        for c in text { last = s.update(.key(.character(c))) }
        return last
    }

    static func context(_ permissions: Set<Permission> = Set(Permission.allCases), _ language: UILanguage = .en,
                        now: Date = now) -> PageContext {
        PageContext(strings: Snapshot.strings(language), permissions: permissions, lls: true, now: now)
    }

    /// The basic parameters of the demo.
    static var basic: ConcentratorInfo {
        var i = ConcentratorInfo()
        i.serialNumber = "95100001"
        i.logicalAddressRS485 = 1001
        i.logicalAddressOptical = 1001
        return i
    }

    /// The device's clock 5 s ahead of `now`, at UTC+3.
    static var clock: ClockReading {
        ClockReading(time: COSEMDateTime(year: 2026, month: 11, day: 25, hour: 11, minute: 40, second: 55, utcOffsetMinutes: 180)!,
                     timeZone: -180, status: 0)
    }

    static func draw(_ s: AppState) -> ScreenBuffer { s.render(DrawContext(strings: s.strings)) }

    static func screen(_ s: AppState) -> String { draw(s).lines.joined(separator: "\n") }

    /// Every language at every size.
    static func each(_ body: (UILanguage, Int, Int) -> Void) {
        for language in [UILanguage.ru, .en] {
            for size in Snapshot.sizes { body(language, size.width, size.height) }
        }
    }
}
