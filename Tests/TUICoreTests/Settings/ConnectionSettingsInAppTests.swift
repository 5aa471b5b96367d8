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
}
