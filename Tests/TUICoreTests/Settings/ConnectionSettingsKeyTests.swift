import ES951
import Testing
@testable import TUICore

@Suite struct ConnectionSettingsKeyTests {
    let en = Snapshot.strings(.en)
    let ru = Snapshot.strings(.ru)

    /// A valid TCP setup to spoil one field of.
    static let tcp = LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059)

    @Test func tabAndArrowsMoveAndWrap() {
        var s = ConnectionSettingsScreen(settings: .demo, ports: [], profiles: ["a"], sessionHasPassword: false)
        #expect(s.focus == .field(.medium))
        #expect(s.fields == [.medium, .security, .clientSAP, .serverAddress, .logical, .timeout, .profileName])
        _ = s.handle(.tab)
        #expect(s.focus == .field(.security))
        _ = s.handle(.down)
        #expect(s.focus == .field(.clientSAP))
        _ = s.handle(.up)
        _ = s.handle(.backTab)
        #expect(s.focus == .field(.medium))
        _ = s.handle(.up)
        #expect(s.focus == .profile(0))
        _ = s.handle(.down)
        #expect(s.focus == .field(.medium))
        _ = s.handle(.pageDown)
        #expect(s.focus == .profile(0))
    }

    @Test func mediumChangesTheFieldsShown() {
        var s = ConnectionSettingsScreen(settings: .demo, ports: ConnectionSettingsScreen.ports, profiles: [],
                                         sessionHasPassword: false)
        #expect(!s.text(en).contains("Speed") && !s.text(en).contains("Host"))
        _ = s.handle(.right)
        #expect(s.medium == .serial)
        #expect(s.fields.prefix(6) == [.medium, .port, .baud, .dataBits, .parity, .stopBits])
        #expect(s.text(en).contains("Speed, bit/s     : < 9600 >"))
        #expect(s.text(en).contains("< /dev/ttyUSB0 — FTDI FT232R USB UART >"))
        _ = s.handle(.character(" "))
        #expect(s.medium == .optical)
        #expect(s.fields.prefix(3) == [.medium, .port, .security])
        _ = s.handle(.right)
        #expect(s.medium == .tcp)
        #expect(s.fields.prefix(5) == [.medium, .host, .tcpPort, .wrapper, .security])
        #expect(s.text(en).contains("Host (IP or name)") && !s.text(en).contains("Speed"))
        _ = s.handle(.right)
        #expect(s.medium == .demo)
        _ = s.handle(.left)
        #expect(s.medium == .tcp)
    }

    @Test func typedPortPathAppearsWhenChosen() {
        var s = ConnectionSettingsScreen(settings: LinkSpec(medium: .serial, port: "/dev/ttyS0"),
                                         ports: ConnectionSettingsScreen.ports, profiles: [], sessionHasPassword: false)
        #expect(s.portIndex == 1 && !s.fields.contains(.path))
        s.tab(to: .port)
        _ = s.handle(.right)
        #expect(s.fields.contains(.path))
        #expect(s.text(en).contains("other: type the path"))
        s.set(.path, "/dev/ttyACM0")
        guard case .apply(let settings, _)? = s.handle(.enter) else { Issue.record("not applied"); return }
        #expect(settings.port == "/dev/ttyACM0")
        // A port the discovery did not find is shown as typed; no ports at all say so.
        let none = ConnectionSettingsScreen(settings: LinkSpec(medium: .optical, port: "/dev/ttyUSB3"),
                                            ports: [], profiles: [], sessionHasPassword: false)
        #expect(none.isPortTyped && none.text(.path) == "/dev/ttyUSB3")
        #expect(none.text(en).contains("< none found: type the path >"))
    }

    @Test func enterAppliesExactlyTheTypedTCPSettings() {
        var s = ConnectionSettingsScreen(settings: .demo, ports: [], profiles: [], sessionHasPassword: false)
        for _ in 0..<3 { _ = s.handle(.right) }
        s.set(.host, "meter-gw.example.net")
        s.set(.tcpPort, "4061")
        s.tab(to: .wrapper)
        _ = s.handle(.character(" "))
        s.tab(to: .security)
        _ = s.handle(.right)
        s.set(.password, "s3cret")
        s.set(.clientSAP, "1")
        s.set(.serverAddress, "1123")
        s.set(.logical, "2")
        s.set(.timeout, "2,5")
        let expected = LinkSpec(medium: .tcp, host: "meter-gw.example.net", tcpPort: 4061, wrapper: true,
                                          security: .lls, clientSAP: 1, serverAddress: 1123, logical: 2,
                                          timeoutSeconds: 2.5)
        #expect(s.handle(.enter) == .apply(expected, llsPassword: "s3cret"))
    }

    @Test func enterAppliesSerialSettings() {
        var s = ConnectionSettingsScreen(settings: LinkSpec(medium: .serial),
                                         ports: ConnectionSettingsScreen.ports, profiles: [], sessionHasPassword: true)
        s.tab(to: .port)
        _ = s.handle(.right)
        s.tab(to: .baud)
        _ = s.handle(.left)
        s.tab(to: .dataBits)
        _ = s.handle(.left)
        s.tab(to: .parity)
        _ = s.handle(.right)
        s.tab(to: .stopBits)
        _ = s.handle(.right)
        s.tab(to: .security)
        _ = s.handle(.right)
        // LLS with the password field left empty: the session's password is kept (nil).
        let expected = LinkSpec(medium: .serial, port: "/dev/ttyS0", baud: 4800, dataBits: 7,
                                          parity: .even, stopBits: 2, security: .lls)
        #expect(s.handle(.enter) == .apply(expected, llsPassword: nil))
        #expect(expected.linkText == "--serial /dev/ttyS0 --baud 4800 --data-bits 7 --parity even --stop-bits 2 --lls --broadcast")
    }

    static let unchanged: [LinkSpec] = [
        .demo, tcp,
        LinkSpec(medium: .tcp, host: "gw.local", tcpPort: 4060, wrapper: true, security: .lls, clientSAP: 48,
                           serverAddress: 16383, logical: 3, timeoutSeconds: 0.75),
        LinkSpec(medium: .serial, port: "/dev/ttyS0", baud: 115200, dataBits: 7, parity: .odd, stopBits: 2),
        LinkSpec(medium: .serial, port: "/dev/ttyUSB7", baud: 14400),
        LinkSpec(medium: .optical, port: "/dev/ttyUSB0", baud: 300),
    ]

    /// Opened and applied at once, the settings come back as they were (nothing to
    /// reconnect for), whatever ports were found.
    @Test(arguments: unchanged)
    func enterWithoutChangesGivesTheSameSettings(_ settings: LinkSpec) {
        var s = ConnectionSettingsScreen(settings: settings, ports: ConnectionSettingsScreen.ports, profiles: [],
                                         sessionHasPassword: true)
        #expect(s.handle(.enter) == .apply(settings, llsPassword: nil))
    }

    static let invalid: [(SettingsField, String, String)] = [
        (.host, "256.1.1.1", "Host (IP or name): IPv4 like 10.0.0.5, or a name of a-z, 0-9, '-', '.'"),
        (.host, "", "Host (IP or name): type an IP address or a host name"),
        (.host, "сервер.local", "Host (IP or name): IPv4 like 10.0.0.5, or a name of a-z, 0-9, '-', '.'"),
        (.host, "-gw.local", "Host (IP or name): IPv4 like 10.0.0.5, or a name of a-z, 0-9, '-', '.'"),
        (.tcpPort, "0", "TCP port: a whole number from 1 to 65535"),
        (.tcpPort, "65536", "TCP port: a whole number from 1 to 65535"),
        (.clientSAP, "200", "Client SAP: a whole number from 1 to 127"),
        (.serverAddress, "0", "Server address: a whole number from 1 to 16383"),
        (.serverAddress, "16384", "Server address: a whole number from 1 to 16383"),
        (.logical, "0", "Logical device: a whole number from 1 to 16383"),
        (.timeout, "0.05", "Timeout, s: seconds, from 0.1 to 600"),
        (.timeout, "601", "Timeout, s: seconds, from 0.1 to 600"),
    ]

    @Test(arguments: invalid)
    func invalidValueRefusesAndFocusesTheField(_ field: SettingsField, _ typed: String, _ message: String) {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.set(field, typed)
        #expect(s.text(en).contains(message))
        s.tab(to: .medium)
        #expect(s.text(en).contains(message))  // the first problem shows wherever the focus is
        #expect(s.handle(.enter) == nil)
        #expect(s.focus == .field(field))
        #expect(s.handle(.function(2)) == nil)
        #expect(s.focus == .field(field))
    }

    @Test func limitsAreAccepted() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.set(.tcpPort, "65535")
        s.set(.clientSAP, "127")
        s.set(.serverAddress, "16383")
        s.set(.timeout, "0.1")
        var expected = Self.tcp
        expected.tcpPort = 65535; expected.clientSAP = 127; expected.serverAddress = 16383; expected.timeoutSeconds = 0.1
        #expect(s.handle(.enter) == .apply(expected, llsPassword: nil))
        s.set(.tcpPort, "1")
        s.set(.serverAddress, "1")
        s.set(.timeout, "600")
        #expect(s.problems.isEmpty)
    }

    @Test func numbersTakeDigitsOnly() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.set(.tcpPort, "4a0-5 9")
        #expect(s.text(.tcpPort) == "4059")
    }

    @Test func russianMessage() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.set(.clientSAP, "200")
        #expect(s.text(ru).contains("Адрес клиента (SAP): целое число от 1 до 127"))
    }

    @Test func hiddenInvalidFieldDoesNotBlock() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.set(.host, "bad host")
        s.tab(to: .medium)
        _ = s.handle(.right)  // demo: the host is not shown, and keeps its last valid value
        #expect(s.handle(.enter) == .apply(LinkSpec(medium: .demo, host: "10.0.0.5"), llsPassword: nil))
    }

    @Test func llsWithoutAnyPasswordAsksForOne() {
        var s = ConnectionSettingsScreen(settings: .demo, ports: [], profiles: [], sessionHasPassword: false)
        s.tab(to: .security)
        _ = s.handle(.right)
        #expect(s.handle(.enter) == nil)
        #expect(s.focus == .field(.password))
        #expect(s.text(en).contains("LLS password: type the password (the session has none)"))
        s.type("pw")
        #expect(s.handle(.enter) == .apply(LinkSpec(security: .lls), llsPassword: "pw"))
    }

    @Test func saveProfile() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: ["office"], sessionHasPassword: true)
        #expect(s.handle(.function(2)) == nil)
        #expect(s.focus == .field(.profileName))
        #expect(s.text(en).contains("Profile name: type a name to save the profile under"))
        s.type("  substation 12 ")
        #expect(s.handle(.function(2)) == .saveProfile(name: "substation 12", Self.tcp, llsPassword: nil, keepPassword: false))
    }

    @Test func saveProfileWithPassword() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.tab(to: .security)
        _ = s.handle(.right)
        s.set(.password, "pw1")
        s.tab(to: .keepPassword)
        #expect(s.text(en).contains("[ ]"))
        _ = s.handle(.character(" "))
        s.set(.profileName, "gw")
        var expected = Self.tcp
        expected.security = .lls
        #expect(s.handle(.function(2)) == .saveProfile(name: "gw", expected, llsPassword: "pw1", keepPassword: true))
    }

    @Test func saveOverAnExistingProfileAsksFirst() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: ["office"], sessionHasPassword: false)
        s.set(.profileName, "office")
        #expect(s.handle(.function(2)) == nil)
        #expect(s.text(en).contains("The profile “office” exists. Replace it?"))
        #expect(!s.hasTextFocus)
        _ = s.handle(.escape)
        #expect(s.confirmation == nil && s.handle(.function(2)) == nil)
        #expect(s.handle(.enter) == .saveProfile(name: "office", Self.tcp, llsPassword: nil, keepPassword: false))
    }

    @Test func loadProfile() {
        var s = ConnectionSettingsScreen(settings: .demo, ports: ConnectionSettingsScreen.ports,
                                         profiles: ["office", "substation-12"], sessionHasPassword: false)
        _ = s.handle(.pageDown)
        #expect(s.focus == .profile(1))
        #expect(s.keyBar(en).map(\.key) == ["Enter", "F8", "F2", "Esc"])
        #expect(s.handle(.enter) == .loadProfile(name: "substation-12"))
        let loaded = LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 19200, security: .lls, serverAddress: 300)
        s.load(loaded, profileName: "substation-12", hasPassword: true)
        // The focus leaves the list: the next Enter applies what was loaded (issue 18 item 7).
        #expect(s.focus == .field(.medium))
        #expect(s.text(.profileName) == "substation-12" && s.keepPassword)
        #expect(s.text(en).contains("Profile “substation-12” loaded; Enter applies it"))
        #expect(s.text(en).contains("empty: keep the current one"))
        // One Enter, where the focus already is.
        #expect(s.handle(.enter) == .apply(loaded, llsPassword: nil))
    }

    @Test func deleteProfileAsksFirst() {
        var s = ConnectionSettingsScreen(settings: .demo, ports: [], profiles: ["office", "lab"], sessionHasPassword: false)
        _ = s.handle(.pageDown)
        #expect(s.handle(.function(8)) == nil)
        #expect(s.text(en).contains("Delete the profile “lab”?"))
        #expect(s.keyBar(en).map(\.key) == ["Enter", "←→", "Esc"])
        #expect(s.handle(.enter) == nil)  // "No" is chosen first
        #expect(s.confirmation == nil && !s.text(en).contains("Delete the profile"))
        _ = s.handle(.delete)
        _ = s.handle(.left)
        #expect(s.handle(.enter) == .deleteProfile(name: "lab"))
        s.profilesChanged(["office"])
        #expect(s.focus == .profile(0))
        s.profilesChanged([])
        #expect(s.focus == .field(.profileName))
        #expect(s.text(en).contains("Saved profiles   : (none)"))
    }

    @Test func textFocus() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: ["p"], sessionHasPassword: false)
        #expect(!s.hasTextFocus)
        s.tab(to: .host)
        #expect(s.hasTextFocus)
        _ = s.handle(.end)
        s.type("q")
        #expect(s.text(.host) == "10.0.0.5q")
        s.tab(to: .wrapper)
        #expect(!s.hasTextFocus)
        _ = s.handle(.pageDown)
        #expect(!s.hasTextFocus)
        #expect(s.handle(.escape) == .cancel)
    }

    @Test func cursorFollowsTheText() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        let context = DrawContext(strings: en)
        let area = Rect(x: 0, y: 1, width: 80, height: 22)
        #expect(s.cursorPosition(in: area, context: context) == nil)
        s.tab(to: .host)
        // Row 2 of the screen (frame top at 1), after "▸ Host (IP or name)  : [10.0.0.5".
        let line = s.screen(en).lines[3]
        #expect(line.hasPrefix("│ ▸ Host (IP or name): [10.0.0.5 "))
        #expect(s.cursorPosition(in: area, context: context).map { [$0.x, $0.y] } == [32, 3])
    }

    @Test func errorFromOutsideShowsUntilTheNextKey() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.show(error: "Profile not saved: disk full")
        #expect(s.screen(en).lines[21] == "│ Profile not saved: disk full" + String(repeating: " ", count: 49) + "│")
        _ = s.handle(.tab)
        #expect(!s.text(en).contains("disk full"))
    }

    @Test func cursorStaysWithTheScrolledField() {
        var s = ConnectionSettingsScreen(settings: LinkSpec(medium: .serial), ports: ConnectionSettingsScreen.ports,
                                         profiles: [], sessionHasPassword: false)
        s.tab(to: .profileName)
        let b = s.screen(width: 80, height: 12, en)
        let row = b.lines.firstIndex { $0.contains("▸ Profile name") }
        #expect(row != nil)
        let cursor = s.cursorPosition(in: Rect(x: 0, y: 1, width: 80, height: 10), context: DrawContext(strings: en))
        #expect(cursor.map { [$0.x, $0.y] } == row.map { [24, $0] })
    }

    @Test func passwordIsNeverDrawn() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.tab(to: .security)
        _ = s.handle(.right)
        s.set(.password, "Tajna-42")
        for strings in [en, ru] {
            for size in Snapshot.sizes {
                let text = s.text(width: size.width, height: size.height, strings)
                #expect(!text.contains("Tajna") && !text.contains("42"))
                #expect(text.contains("[••••••••"))
            }
        }
        s.set(.host, "")  // with a problem on the message line
        s.set(.profileName, "x")
        _ = s.handle(.function(2))
        #expect(!s.text(en).contains("Tajna"))
    }

    @Test func scrollsToKeepTheFocusVisible() {
        let names = (1...9).map { "profile-\($0)" }
        var s = ConnectionSettingsScreen(settings: LinkSpec(medium: .serial, security: .lls),
                                         ports: ConnectionSettingsScreen.ports, profiles: names, sessionHasPassword: true)
        #expect(s.text(en).contains("▼"))
        _ = s.handle(.pageDown)
        let lines = s.screen(en).lines
        #expect(lines.contains { $0.contains("▸") && $0.contains("profile-9") })
        #expect(lines[2].contains("▲"))
        #expect(!lines.contains { $0.contains("Connection       :") })
        _ = s.handle(.down)  // wraps to the top
        #expect(s.text(en).contains("▸ Connection"))
    }

    /// Every message fits the message line at 80 columns (76 inside the frame), with the
    /// label it names, in both languages.
    @Test func messagesFitAt80Columns() {
        var problems: [SettingsProblem] = [
            SettingsProblem(field: .path, key: "settings.error.path"),
            SettingsProblem(field: .host, key: "settings.error.hostEmpty"),
            SettingsProblem(field: .host, key: "settings.error.host"),
            SettingsProblem(field: .timeout, key: "settings.error.timeout"),
            SettingsProblem(field: .password, key: "settings.error.password"),
            SettingsProblem(field: .profileName, key: "settings.error.profileName"),
        ]
        for f in [SettingsField.tcpPort, .clientSAP, .serverAddress, .logical] {
            problems.append(SettingsProblem(field: f, key: "settings.error.integer", arguments: ["16", "65535"]))
        }
        for strings in [en, ru] {
            for p in problems { #expect(DisplayWidth.of(p.text(strings)) <= 76, "\(p.text(strings))") }
            #expect(DisplayWidth.of(strings["settings.loaded", "substation-12"]) <= 76)
        }
    }

    @Test func russianTimeoutWithComma() {
        var s = ConnectionSettingsScreen(settings: Self.tcp, ports: [], profiles: [], sessionHasPassword: false)
        s.set(.timeout, "2.5")
        #expect(s.text(ru).contains("Таймаут, с           : [2,5"))
        s.set(.timeout, "7,5")
        #expect(s.text(en).contains("Timeout, s       : [7,5"))
        guard case .apply(let settings, _)? = s.handle(.enter) else { Issue.record("not applied"); return }
        #expect(settings.timeoutSeconds == 7.5)
    }

    @Test func stringsAreDefinedInBothLanguages() {
        let keys = en.keys.filter { $0.hasPrefix("settings.") }
        #expect(keys.count > 40)
        for key in keys { #expect(ru.has(key)) }
        for field in SettingsField.allCases { #expect(en.has(field.labelKey)) }
    }
}
