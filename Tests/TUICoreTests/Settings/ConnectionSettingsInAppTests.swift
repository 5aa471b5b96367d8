import ES951
import Testing
@testable import TUICore

/// The settings window inside the main window.
@Suite struct ConnectionSettingsInAppTests {
    /// A failed profile save or load keeps the window and what was typed; the error shows
    /// on its message line.
    @Test func failureShowsInTheWindow() {
        var s = AppFixtures.main()
        _ = s.update(.settingsReady(ports: [], profiles: ["office"]))
        _ = s.update(.key(.right))  // demo → RS-485
        _ = s.update(.accountFailed(Failure(.input, "Profile office cannot be read: --bogus")))
        guard case .settings(let screen)? = s.modal else { Issue.record("the settings window closed"); return }
        #expect(screen.medium == .serial)
        let text = s.render(DrawContext(strings: s.strings)).lines.joined(separator: "\n")
        #expect(text.contains("Profile office cannot be read: --bogus"))
    }

    /// F3, a TCP host typed, Enter: the connection changes and the window closes.
    @Test func appliedFromTheMainWindow() {
        var s = AppFixtures.main()
        _ = s.update(.settingsReady(ports: [], profiles: []))
        for key: Key in [.right, .right, .right, .tab] { _ = s.update(.key(key)) }
        #expect(s.hasTextFocus)
        for c in "10.0.0.9" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.enter))
        #expect(s.modal == nil)
        #expect(s.connection == LinkSpec(medium: .tcp, host: "10.0.0.9"))
    }

    /// F6 (issue 17): the window closes and the search starts from the typed host, the
    /// progress bar on (Esc stops it); its progress and its finding show on the status
    /// line, and what it found becomes the connection.
    @Test func findSearchesFromTheWindowAndTakesWhatAnswered() {
        var s = AppFixtures.main()
        _ = s.update(.settingsReady(ports: [], profiles: []))
        for key: Key in [.right, .right, .right, .tab] { _ = s.update(.key(key)) }
        for c in "10.0.0.9" { _ = s.update(.key(.character(c))) }
        let effects = s.update(.key(.function(6)))
        #expect(s.modal == nil)
        #expect(effects == [.find(LinkSpec(medium: .tcp, host: "10.0.0.9"))], "\(effects)")
        #expect(s.reading != nil)
        _ = s.update(.findTrying(tried: 2, total: 3, candidate: "all-station 2-byte"))
        #expect(s.status == "Finding: 2 of 3, all-station 2-byte")
        #expect(s.update(.key(.escape)) == [.stopRead])
        let found = LinkSpec(medium: .tcp, host: "10.0.0.9", serverAddress: 1042, addressSize: 4)
        _ = s.update(.found(found, summary: "all-station 4-byte → 1/1042"))
        #expect(s.reading == nil && s.connection == found)
        #expect(s.status?.hasPrefix("Found: all-station 4-byte → 1/1042") == true, "\(s.status ?? "")")
    }

    /// Issue 18 item 7: a saved profile applied unchanged is named in the connection
    /// panel's title; a change made afterwards drops the name.
    @Test func theProfileInUseIsNamed() {
        var s = AppFixtures.main()
        _ = s.update(.settingsReady(ports: [], profiles: ["pole 7"]))
        let pole = LinkSpec(medium: .tcp, host: "10.0.0.7")
        // One Enter on the profile's row loads and uses it (item 7: it took two).
        _ = s.update(.profileLoaded(name: "pole 7", pole, llsPassword: nil))
        #expect(s.modal == nil && s.connection == pole && s.profileName == "pole 7")
        #expect(s.render(DrawContext(strings: s.strings)).lines.contains { $0.contains("┌ Connection: pole 7") })
        // Another host typed and applied: no longer the profile.
        _ = s.update(.settingsReady(ports: [], profiles: ["pole 7"]))
        for key: Key in [.tab] { _ = s.update(.key(key)) }
        for c in "9" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.enter))
        #expect(s.connection != pole && s.profileName == nil, "\(s.connection)")
    }

    /// An LLS profile kept without its password: the window stays, on the password.
    @Test func aProfileThatNeedsAPasswordWaitsForIt() {
        var s = AppFixtures.main()
        s.llsPassword = nil
        _ = s.update(.settingsReady(ports: [], profiles: ["pole 8"]))
        var pole = LinkSpec(medium: .tcp, host: "10.0.0.8")
        pole.security = .lls
        _ = s.update(.profileLoaded(name: "pole 8", pole, llsPassword: nil))
        guard case .settings(let screen)? = s.modal else { Issue.record("the window closed without a password"); return }
        #expect(screen.focus == .field(.password), "\(screen.focus)")
        #expect(s.connection != pole)
        _ = s.update(.profileLoaded(name: "pole 8", pole, llsPassword: "kept-secret"))
        #expect(s.modal == nil && s.connection == pole && s.llsPassword == "kept-secret")
    }
}
