import Accounts
import ES951
@testable import TUICore

/// What the network page tests start from: the demo concentrator's settings, contexts of
/// a user who may write and of one who may only read, and typing helpers.
enum NetworkFixtures {
    /// What the demo concentrator answers (fixed parts).
    static var gprs: GPRSSettings {
        GPRSSettings(apn: "internet", primaryServer: ServerEndpoint("10.10.0.1:4059"),
                     backupServer: ServerEndpoint("10.10.0.2:4059"), dpdUser: "emis", heartbeatSeconds: 180)
    }

    static var ip: IPSettings {
        IPSettings(dhcp: false, ip: IPv4Address(192, 168, 1, 51), mask: IPv4Address(255, 255, 255, 0),
                   gateway: IPv4Address(192, 168, 1, 1), dns1: IPv4Address(8, 8, 8, 8), dns2: IPv4Address(1, 1, 1, 1),
                   mac: [0x00, 0x1E, 0xC0, 0x12, 0x34, 0x56], tcpPort: 4059)
    }

    static func writer(_ language: UILanguage = .en) -> PageContext {
        PageContext(strings: Snapshot.strings(language), permissions: PermissionMatrix.defaults[.administrator], lls: true)
    }

    static func reader(_ language: UILanguage = .en) -> PageContext {
        PageContext(strings: Snapshot.strings(language), permissions: PermissionMatrix.defaults[.read], lls: true)
    }
}

extension GPRSPage {
    /// The GPRS page after a read of the demo's settings.
    static func read(_ settings: GPRSSettings = NetworkFixtures.gprs) -> GPRSPage {
        var page = GPRSPage()
        page.receive(.gprs(settings), NetworkFixtures.writer())
        return page
    }

    /// Focuses `field`, empties it and types `text`; returns every request the keys made.
    @discardableResult
    mutating func set(_ field: GPRSField, _ text: String, _ context: PageContext = NetworkFixtures.writer()) -> [PageRequest] {
        form.focus = form.rows.firstIndex { $0.field == field }!
        var requests = handle(.end, context)
        for _ in 0..<(form.text(field).count + 1) { requests += handle(.backspace, context) }
        for c in text { requests += handle(.character(c), context) }
        return requests
    }
}

extension IPPage {
    /// The IP page after a read of the demo's settings.
    static func read(_ settings: IPSettings = NetworkFixtures.ip) -> IPPage {
        var page = IPPage()
        page.receive(.ip(settings), NetworkFixtures.writer())
        return page
    }

    @discardableResult
    mutating func set(_ row: IPSettings.Attribute, _ text: String, _ context: PageContext = NetworkFixtures.writer()) -> [PageRequest] {
        form.focus = form.rows.firstIndex { $0.field == row }!
        var requests = handle(.end, context)
        for _ in 0..<(form.text(row).count + 1) { requests += handle(.backspace, context) }
        for c in text { requests += handle(.character(c), context) }
        return requests
    }
}
