import Testing
@testable import ES951

/// The `.set` file (SPEC F-60): written, read back, and refused whole when broken.
@Suite struct SettingsFileTests {
    static var full: SettingsFile {
        var s = DeviceSettings()
        s.rs485Baud = 19200
        s.timeZoneMinutesEast = 180
        s.apn = "internet.mts.ru"
        s.primaryServer = .some(ServerEndpoint("10.0.0.1:5000"))
        s.backupServer = .some(nil)
        s.heartbeatSeconds = 180
        s.dhcp = false
        s.ip = IPv4Address("192.168.1.10")
        s.mask = IPv4Address("255.255.255.0")
        s.gateway = IPv4Address("192.168.1.1")
        s.dns1 = IPv4Address("8.8.8.8")
        s.dns2 = IPv4Address("8.8.4.4")
        s.tcpPort = 4059
        return SettingsFile(model: "ES-951", firmware: "2.7.0", settings: s)
    }

    func parse(_ text: String, model: String? = "ES-951") throws(SettingsFile.Problem) -> SettingsFile {
        try SettingsFile.parse(Array(text.utf8), deviceModel: model)
    }

    func refusal(_ text: String, model: String? = "ES-951") -> SettingsFile.Problem? {
        do { _ = try parse(text, model: model); return nil } catch { return error }
    }

    /// Issue 20 item 5: the end line in any case, the model in any case, a primary
    /// server written empty for none (as the man page says).
    @Test func endModelAndAnEmptyServerAreReadAsTheManPageSays() throws {
        let file = try parse("hlmcs-settings 1\nmodel = es-951\ngprs.primary-server =\ngprs.apn = m2m\nEND\n")
        #expect(file.model == "es-951")
        #expect(file.settings.primaryServer == .some(nil))
        #expect(SettingsFile.sameModel("es-951", "ES-951") && !SettingsFile.sameModel("ES-950", "ES-951"))
        #expect(refusal("hlmcs-settings 1\nmodel = ES-950\nEnd\n")?.kind == .otherModel(file: "ES-950", device: "ES-951"))
        // None is a value the device may hold: writing it is no problem of the model's.
        var gprs = GPRSSettings()
        gprs.primaryServer = nil
        #expect(gprs.validate([.primaryServer]).isEmpty)
    }

    @Test func writtenThenReadIsTheSame() throws {
        let text = Self.full.text(exportedAt: "2026-11-25T12:00:00+03:00")
        #expect(text.hasPrefix("hlmcs-settings 1\n"))
        #expect(text.hasSuffix("\nend\n"))
        #expect(text.contains("gprs.backup-server =\n"))
        #expect(text.contains("clock.time-zone = UTC+03:00\n"))
        #expect(try parse(text) == Self.full)
    }

    @Test func neverHoldsTheSerialNumberTheMACOrAPassword() {
        let text = Self.full.text().lowercased()
        for word in ["serial-number =", "mac =", "password =", "dpd-user ="] { #expect(!text.contains(word)) }
    }

    @Test func aPersonMayDeleteLinesCommentAndUseWindowsLineEnds() throws {
        let text = "\u{FEFF}hlmcs-settings 1\r\n# mine\r\nmodel = ES-951\r\n\r\n  gprs.apn = internet  \r\nend\r\n"
        let file = try parse(text)
        #expect(file.settings.apn == "internet")
        #expect(file.settings.keys == [.apn])
        #expect(file.firmware == nil)
    }

    @Test func timeZonesInTheirUsualSpellings() {
        #expect(TimeZoneRule.parse("UTC+3") == 180)
        #expect(TimeZoneRule.parse("UTC-03:30") == -210)
        #expect(TimeZoneRule.parse("+05:45") == 345)
        #expect(TimeZoneRule.parse("UTC") == 0)
        #expect(TimeZoneRule.parse("UTC+15") == nil)
        #expect(TimeZoneRule.parse("UTC+3:07") == nil)
        #expect(TimeZoneRule.parse("MSK") == nil)
        #expect(TimeZoneRule.text(-210) == "UTC-03:30")
    }

    /// Empty or blank is no zone, never UTC (issue 14: `clock.time-zone =` planned
    /// UTC+03:00 → UTC+00:00); only "UTC" written out is UTC.
    @Test func anEmptyTimeZoneIsRefusedNotTakenForUTC() {
        #expect(TimeZoneRule.parse("") == nil)
        #expect(TimeZoneRule.parse("   ") == nil)
        #expect(throws: SettingsFile.Problem.self) { try parse(Self.head + "clock.time-zone =\nend\n") }
    }

    static let head = "hlmcs-settings 1\nmodel = ES-951\n"

    @Test func brokenFilesAreRefusedWholeNamingTheLine() {
        #expect(refusal("hlmcs-settings 1\nmodel = ES-951\ngprs.apn = internet\n") == .init(line: 3, .truncated))
        #expect(refusal("[gprs]\napn=internet\nend\n") == .init(line: 1, .notASettingsFile))
        #expect(refusal("hlmcs-settings 2\nmodel = ES-951\nend\n") == .init(line: 1, .unsupportedVersion("2")))
        #expect(refusal(Self.head + "gprs.apn = x\nend\ngprs.apn = y\n") == .init(line: 5, .textAfterEnd))
        #expect(refusal(Self.head + "gprs.apn internet\nend\n") == .init(line: 3, .notKeyValue))
        #expect(refusal(Self.head + "gprs.colour = red\nend\n") == .init(line: 3, .unknownKey("gprs.colour")))
        #expect(refusal(Self.head + "gprs.apn = a\ngprs.apn = b\nend\n") == .init(line: 4, .duplicateKey("gprs.apn")))
        #expect(refusal("hlmcs-settings 1\ngprs.apn = a\nend\n") == .init(line: 0, .missingModel))
        #expect(refusal("hlmcs-settings 1\nmodel = ES-950\nend\n") == .init(line: 2, .otherModel(file: "ES-950", device: "ES-951")))
        #expect(refusal(Self.head + "serial-number = 95100002\nend\n") == .init(line: 3, .forbiddenKey("serial-number")))
        #expect(refusal(Self.head + "gprs.dpd-password = x\nend\n") == .init(line: 3, .forbiddenKey("gprs.dpd-password")))
    }

    @Test(arguments: [
        ("ip.address = 256.1.1.1", SettingsFile.ValueRule.ipv4),
        ("ip.tcp-port = 0", .port),
        ("ip.tcp-port = 65536", .port),
        ("ip.mask = 255.0.255.0", .subnetMask),
        ("ip.dhcp = maybe", .onOff),
        ("rs485.speed = 9601", .speed),
        ("clock.time-zone = UTC+25", .timeZone),
        ("gprs.heartbeat-minutes = 0", .heartbeat(HeartbeatInterval.secondsRange)),
        ("gprs.heartbeat-minutes = 1:60", .heartbeat(HeartbeatInterval.secondsRange)),
        ("gprs.heartbeat-minutes = 1093", .heartbeat(HeartbeatInterval.secondsRange)),
        ("gprs.primary-server = 10.0.0.1", .endpoint),
        ("gprs.apn = " + String(repeating: "a", count: 65), .apn(.tooLong(maximum: 64))),
        ("gprs.apn = интернет", .apn(.invalidCharacter("и"))),
    ])
    func invalidValuesAreRefused(_ line: String, _ rule: SettingsFile.ValueRule) {
        guard case .invalidValue(_, _, let expected)? = refusal(Self.head + line + "\nend\n")?.kind else {
            Issue.record("\(line) was not refused as an invalid value")
            return
        }
        #expect(expected == rule)
        #expect(refusal(Self.head + line + "\nend\n")?.line == 3)
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheirLine() {
        var bytes = Array((Self.head + "gprs.apn = ").utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\nend\n".utf8)
        #expect(throws: SettingsFile.Problem(line: 3, .notUTF8)) { try SettingsFile.parse(bytes) }
    }
}
