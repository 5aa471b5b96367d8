import ES951
import Testing
@testable import TUICore

/// The settings window as the main window shows it (between the menu line and the key
/// bar), at 80×24 and 120×36, in both languages.
@Suite struct ConnectionSettingsSnapshotTests {
    /// RS-485 with LLS: a found port, the password typed (drawn as •), the focus on the speed.
    static func serial() -> ConnectionSettingsScreen {
        let settings = LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 9600, security: .lls,
                                          serverAddress: 1123)
        var s = ConnectionSettingsScreen(settings: settings, ports: ConnectionSettingsScreen.ports,
                                         profiles: ["office", "substation-12"], sessionHasPassword: true)
        s.set(.password, "secret")
        s.tab(to: .baud)
        return s
    }

    /// TCP/IP with the wrapper, NLS, the focus in the host.
    static func tcp() -> ConnectionSettingsScreen {
        let settings = LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059, wrapper: true, timeoutSeconds: 2.5)
        var s = ConnectionSettingsScreen(settings: settings, ports: [], profiles: ["office"], sessionHasPassword: false)
        s.tab(to: .host)
        return s
    }

    static let languages: [UILanguage] = [.en, .ru]

    @Test(arguments: languages)
    func serial(_ language: UILanguage) {
        for size in Snapshot.sizes {
            Snapshot.check(Self.serial().screen(width: size.width, height: size.height, Snapshot.strings(language)),
                           "settings-serial-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }

    @Test(arguments: languages)
    func tcp(_ language: UILanguage) {
        for size in Snapshot.sizes {
            Snapshot.check(Self.tcp().screen(width: size.width, height: size.height, Snapshot.strings(language)),
                           "settings-tcp-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }

    /// A port of 65536 typed: the field marked, its message at the bottom.
    @Test(arguments: languages)
    func invalid(_ language: UILanguage) {
        var s = Self.tcp()
        s.set(.tcpPort, "65536")
        Snapshot.check(s.screen(Snapshot.strings(language)), "settings-invalid-\(language.rawValue)-80x24")
    }

    /// The question before a profile is deleted.
    @Test(arguments: languages)
    func deleteQuestion(_ language: UILanguage) {
        var s = Self.tcp()
        _ = s.handle(.pageDown)
        _ = s.handle(.function(8))
        Snapshot.check(s.screen(Snapshot.strings(language)), "settings-delete-\(language.rawValue)-80x24")
    }
}
