import Testing
@testable import TUICore

/// Issue 18 item 6: every F-key has an Alt+letter, on a Latin and on a Russian layout,
/// for keyboards and terminals that keep the F-keys.
@Suite struct AltKeysTests {
    @Test func eachFKeyHasALetterOnBothLayouts() {
        #expect(AltKeys.table.map(\.function) == Array(1...10))
        for row in AltKeys.table {
            #expect(AltKeys.function(for: .alt(row.latin)) == .function(row.function))
            #expect(AltKeys.function(for: .alt(row.cyrillic)) == .function(row.function))
            #expect(AltKeys.function(for: .alt(Character(row.latin.uppercased()))) == .function(row.function))
        }
        #expect(Set(AltKeys.table.map(\.latin)).count == 10 && Set(AltKeys.table.map(\.cyrillic)).count == 10)
        #expect(AltKeys.function(for: .alt("l")) == nil, "Alt-L stays the exchange log")
        #expect(AltKeys.function(for: .character("h")) == nil)
    }

    @Test func altLettersDoWhatTheirFKeysDo() {
        var s = AppFixtures.main()
        _ = s.update(.key(.alt("h")))
        guard case .help? = s.modal else { Issue.record("Alt-H: no help"); return }
        _ = s.update(.key(.escape))
        #expect(s.modal == nil)
        _ = s.update(.key(.alt("\u{0440}")))          // р: H on a Russian layout
        guard case .help? = s.modal else { Issue.record("Alt-р: no help"); return }
        _ = s.update(.key(.escape))
        #expect(s.update(.key(.alt("s"))) == [.prepareSettings])
        _ = s.update(.key(.alt("m")))
        #expect(s.menu.open != nil, "Alt-M opens the menu as F9 does")
        _ = s.update(.key(.escape))
        #expect(s.update(.key(.alt("q"))) == [.quit])
        #expect(s.quitting)
    }

    @Test func helpListsThem() {
        let text = HelpPage().lines(Snapshot.strings(.en), width: 200).map(\.text).joined(separator: "\n")
        #expect(text.contains("Alt+letter  the F-keys: H F1, C F2"))
    }
}
