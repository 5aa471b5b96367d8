import ES951
import Foundation
import Testing
@testable import TUICore

/// Issue 18 item 4: the exchange log is cut at the zone's width and cannot be scrolled
/// or saved; Alt-L (Settings ▸ Exchange log) opens it whole, wrapped, scrolled, and F2
/// saves it.
@Suite struct LogWindowTests {
    static let long = "10:04:05  read profile daily point 3  failed: The concentrator did not answer within 5 s (4 attempts); check the cable, the speed and the address."

    func withLog(_ language: UILanguage = .en, lines: Int = 40) -> AppState {
        var s = AppFixtures.main(language)
        for i in 1...lines { _ = s.update(.log("10:00:\(String(format: "%02d", i % 60))  read info  ok  line \(i)")) }
        _ = s.update(.log(Self.long))
        return s
    }

    func screen(_ s: AppState) -> String { Snapshot.text(s.render(DrawContext(strings: s.strings))) }

    @Test func altLOpensTheWholeLogWrappedAndItScrolls() {
        var s = withLog()
        #expect(!screen(s).contains("check the cable, the speed and the address."), "the zone cuts it")
        _ = s.handle(.alt("l"))
        var text = screen(s)
        #expect(text.contains("Exchange log (42 lines)") && text.contains("check the cable, the speed and the") && text.contains("    address."), "\(text)")
        #expect(!text.contains("line 1 "))
        _ = s.handle(.home)
        text = screen(s)
        #expect(text.contains("line 1 ") || text.contains("Logged in"), "\(text)")
        _ = s.handle(.end)
        #expect(screen(s).contains("    address."))
        _ = s.handle(.escape)
        if case .log? = s.modal { Issue.record("Esc closes") }
    }

    @Test func f2SavesUnderADefaultNameThatCanBeChanged() {
        var s = withLog(lines: 3)
        _ = s.run(.exchangeLog)
        _ = s.handle(.function(2))
        #expect(s.hasTextFocus)
        #expect(screen(s).contains("Save to: [hlmcs-log-"), "\(screen(s))")
        _ = s.handle(.control("u"))
        for c in "/tmp/x.txt" { _ = s.handle(.character(c)) }
        let effects = s.handle(.enter)
        guard case .saveLog(let path, let lines)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(path == "/tmp/x.txt" && lines.count == 5 && lines.last == Self.long)
        _ = s.update(.logSaveFailed("/tmp/x.txt exists: choose another name; nothing was written."))
        #expect(screen(s).contains("exists: choose another name"))
    }

    @Test func snapshots() {
        for l in [UILanguage.en, .ru] {
            var s = withLog(l, lines: 6)
            _ = s.handle(.alt("l"))
            Snapshot.check(s.render(DrawContext(strings: s.strings)), "log-window-\(l)-80x24")
        }
    }
}

/// Issue 18 item 10: a CSV file not written is in the exchange log, not only on the
/// status line.
@Suite struct FailedExportLogTests {
    @Test func aFailedExportIsLogged() {
        var s = AppFixtures.main()
        let table = ProfileTable(columns: [], rows: [])
        _ = s.issue([.exportProfile(path: "/nowhere/p.csv", table)], for: .profiles)
        _ = s.update(.page(.profiles, .failed(Failure(.input, "Cannot create /nowhere/p.csv: No such file or directory."))))
        #expect(s.log.last?.text == "Not exported: Cannot create /nowhere/p.csv: No such file or directory.")
        // A failed read is not called an export.
        _ = s.issue([.readInfo(AppFixtures.allItems)], for: .info)
        _ = s.update(.page(.info, .failed(Failure(.link, "No answer."))))
        #expect(s.log.filter { $0.text.hasPrefix("Not exported") }.count == 1)
    }
}
