import Accounts
import Foundation
import Testing
@testable import TUICore

/// Issue 18 item 11: the audit log in the terminal UI (System ▸ Audit log), for those who
/// may manage users: newest first, stored text escaped, filtered, saved as CSV.
@Suite struct AuditWindowTests {
    /// As the store keeps them: the oldest first.
    static let stored: [AuditEntry] = [
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_500_000), user: "Администратор", action: "users-init", outcome: .success),
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_500_312), user: "Администратор", action: "users-add",
                   target: "ivanov Read", outcome: .success),
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_591_800), user: "ivanov", action: "login", outcome: .success),
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_591_905), user: "ivanov", action: "set",
                   target: "met\u{1b}[2Jer", outcome: .denied),
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_592_403), user: "Администратор", action: "clock-write",
                   target: "95100001 EMSES95195100001", outcome: .started),
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_593_729), user: "petrova", action: "login-failed", outcome: .failure),
        AuditEntry(time: Date(timeIntervalSince1970: 1_795_594_200), user: "Администратор", action: "csv-export",
                   target: "/home/admin/reports/profile-daily-point3-95100001-20261101-20261130.csv", outcome: .success),
    ]
    /// As the runtime posts them: the newest first.
    static let newestFirst = Array(stored.reversed())

    static let configurator = SessionInfo(user: "petrova", role: .configurator,
                                          permissions: PermissionMatrix.defaults[.configurator])

    func screen(_ s: AppState) -> String { Snapshot.text(s.render(DrawContext(strings: s.strings))) }

    /// The window open on the fixtures, its times in Moscow time (UTC+3) whatever the PC's zone.
    func opened(_ language: UILanguage = .en, width: Int = 80, height: Int = 24) -> AppState {
        var s = AppFixtures.main(language, width: width, height: height)
        s.now = Date(timeIntervalSince1970: 1_795_594_500)
        _ = s.update(.auditLoaded(Self.newestFirst))
        if case .audit(var window)? = s.modal {
            window.zone = .fixed(minutesEast: 180)
            s.modal = .audit(window)
        }
        return s
    }

    var window: (AppState) -> AuditWindow? {
        { if case .audit(let w)? = $0.modal { w } else { nil } }
    }

    @Test func onlyThoseWhoManageUsersSeeTheItemAfterRoles() {
        for session in [AppFixtures.reader, Self.configurator] {
            let system = Menus.entries(for: session)[0].commands
            #expect(!system.contains(.auditLog), "\(session.role)")
        }
        let system = Menus.entries(for: AppFixtures.administrator)[0].commands
        #expect(system == [.switchUser, .changePassword, .users, .roles, .auditLog, .exit])
        #expect(AppFixtures.main().menuBar.menus[0].items.map(\.title).contains("Audit log"))
        #expect(!AppFixtures.main(as: AppFixtures.reader).menuBar.menus[0].items.map(\.title).contains("Audit log"))
    }

    @Test func choosingItLoadsTheLogAndTheResultOpensTheWindow() throws {
        var s = AppFixtures.main()
        // F9, down to the fifth item of System, Enter.
        _ = s.update(.key(.function(9)))
        for _ in 0..<4 { _ = s.update(.key(.down)) }
        #expect(s.update(.key(.enter)) == [.loadAudit])
        #expect(s.modal == nil, "the window waits for the log")
        _ = s.update(.auditLoaded(Self.newestFirst))
        #expect(try #require(window(s)).shownEntries == Self.newestFirst)
        let text = screen(s)
        #expect(text.contains("Audit log") && text.contains("7 entries, newest first"), "\(text)")
        // The newest row above the oldest.
        let newest = try #require(text.range(of: "csv-export"))
        let oldest = try #require(text.range(of: "users-init"))
        #expect(newest.lowerBound < oldest.lowerBound)
    }

    @Test func aControlCharacterInStoredTextIsShownEscaped() {
        let text = screen(opened())
        #expect(!text.contains("\u{1b}"))
        #expect(text.contains(" met\\x1b[2Jer "), "\(text)")
    }

    @Test func theFilterNarrowsAndEscClearsItThenEscCloses() {
        var s = opened()
        #expect(s.update(.key(.character("/"))).isEmpty)
        #expect(s.hasTextFocus, "q is a letter in the filter")
        for c in "IVAN" { _ = s.update(.key(.character(c))) }
        // The user "ivanov", and the target of the entry that added him.
        #expect(window(s)?.shownEntries.map(\.action) == ["set", "login", "users-add"])
        var text = screen(s)
        #expect(text.contains("3 of 7 entries match “IVAN”"), "\(text)")
        #expect(text.contains("Filter: [IVAN"), "\(text)")
        // Cyrillic matches in any case; the target and the action are looked in too.
        _ = s.update(.key(.control("u")))
        for c in "АДМИН" { _ = s.update(.key(.character(c))) }
        #expect(window(s)?.shownEntries.map(\.action) == ["csv-export", "clock-write", "users-add", "users-init"])
        _ = s.update(.key(.control("u")))
        for c in "zzz" { _ = s.update(.key(.character(c))) }
        #expect(window(s)?.shownEntries.isEmpty == true)
        #expect(screen(s).contains("No entry matches the filter"))
        _ = s.update(.key(.control("u")))
        for c in "95100001" { _ = s.update(.key(.character(c))) }
        #expect(window(s)?.shownEntries.map(\.action) == ["csv-export", "clock-write"])
        // Enter keeps the filter; the keys move the list again.
        _ = s.update(.key(.enter))
        #expect(!s.hasTextFocus)
        #expect(window(s)?.shownEntries.count == 2)
        // `f` opens it again; Esc in it clears it and every entry is back.
        _ = s.update(.key(.character("f")))
        _ = s.update(.key(.escape))
        #expect(window(s)?.shownEntries == Self.newestFirst)
        text = screen(s)
        #expect(text.contains("7 entries, newest first") && !text.contains("Filter:"), "\(text)")
        // Esc outside the filter closes the window.
        _ = s.update(.key(.escape))
        #expect(s.modal == nil)
    }

    @Test func theKeysScrollALongLog() {
        var many: [AuditEntry] = []
        for i in 0..<60 {
            many.append(AuditEntry(time: Date(timeIntervalSince1970: 1_795_500_000 + Double(60 - i) * 60),
                                   user: "user\(i)", action: "login", outcome: .success))
        }
        var s = AppFixtures.main()
        _ = s.update(.auditLoaded(many))
        #expect(screen(s).contains("user0 ") && !screen(s).contains("user59"))
        _ = s.update(.key(.end))
        #expect(screen(s).contains("user59") && !screen(s).contains("user0 "))
        _ = s.update(.key(.pageUp))
        _ = s.update(.key(.home))
        #expect(screen(s).contains("user0 "))
        _ = s.update(.key(.pageDown))
        #expect(window(s)?.list.selected == 16, "one screen of 16 rows down")
    }

    @Test func aDeniedLoadIsSaidOnTheStatusLine() {
        var s = AppFixtures.main()
        let words = "Permission denied: reading the audit log needs manage-users."
        _ = s.update(.auditFailed(Failure(.permission, words)))
        #expect(s.modal == nil)
        #expect(s.status == words)
        #expect(screen(s).contains("Permission denied"))
    }

    @Test func f5LoadsAgainKeepingTheFilter() {
        var s = opened()
        _ = s.update(.key(.character("/")))
        for c in "ivanov" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.enter))
        #expect(s.update(.key(.function(5))) == [.loadAudit])
        let newer = AuditEntry(time: Date(timeIntervalSince1970: 1_795_600_000), user: "ivanov", action: "logout", outcome: .success)
        _ = s.update(.auditLoaded([newer] + Self.newestFirst))
        #expect(window(s)?.shownEntries.map(\.action) == ["logout", "set", "login", "users-add"])
    }

    @Test func f8WritesTheRowsShownAsCSVToANewFile() {
        var s = opened()
        _ = s.update(.key(.character("/")))
        for c in "ivanov" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.enter))
        _ = s.update(.key(.function(8)))
        #expect(s.hasTextFocus)
        #expect(screen(s).contains("[audit-20261125-111500.csv"), "\(screen(s))")
        _ = s.update(.key(.control("u")))
        for c in "/tmp/a.csv" { _ = s.update(.key(.character(c))) }
        let effects = s.update(.key(.enter))
        guard case .exportAudit(let path, let header, let rows, _)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(path == "/tmp/a.csv")
        #expect(header == ["Time", "User", "Action", "Target", "Outcome"])
        // The stored text (the CSV writer escapes it), the shown rows, newest first.
        #expect(rows == [["2026-11-25 10:31:45", "ivanov", "set", "met\u{1b}[2Jer", "denied"],
                         ["2026-11-25 10:30:00", "ivanov", "login", "", "ok"],
                         ["2026-11-24 09:05:12", "Администратор", "users-add", "ivanov Read", "ok"]])
        _ = s.update(.auditExportFailed("/tmp/a.csv exists: choose another name; nothing was written."))
        #expect(screen(s).contains("exists: choose another"), "the box stays and says why")
        _ = s.update(.auditExported("Audit log written to /tmp/a.csv (3 rows)."))
        #expect(window(s)?.export == nil)
        #expect(screen(s).contains("Audit log written to /tmp/a.csv"))
        #expect(s.log.last?.text == "Audit log written to /tmp/a.csv (3 rows).")
    }

    @Test func noF8WithoutTheRightToExport() {
        var role = AppFixtures.administrator
        role.permissions.remove(.export)
        var s = AppFixtures.main(as: role)
        _ = s.update(.auditLoaded(Self.newestFirst))
        #expect(s.update(.key(.function(8))).isEmpty)
        #expect(window(s)?.export == nil)
        #expect(!screen(s).contains("F8"))
    }

    @Test func anEmptyLogSaysSo() {
        var s = AppFixtures.main(.ru)
        _ = s.update(.auditLoaded([]))
        #expect(screen(s).contains("Журнал аудита пуст."))
        #expect(s.update(.key(.function(8))).isEmpty)
    }

    @Test func aLongCellEndsInAnEllipsisAndTheSelectedEntryIsShownWholeUnderTheTable() {
        var s = opened()
        let whole = "/home/admin/reports/profile-daily-point3-95100001-20261101-20261130.csv"
        var text = screen(s)
        #expect(text.contains(" /home/admin/repor… "), "\(text)")
        #expect(text.contains(whole), "\(text)")
        // A row that fits needs no line of its own.
        _ = s.update(.key(.down))
        text = screen(s)
        #expect(!text.contains(whole) && !text.contains("petrova · login-failed"), "\(text)")
        #expect(AuditWindow.cell("abcdef", 4) == "abc…")
        #expect(AuditWindow.cell("abcd", 4) == "abcd")
    }

    /// The times as the PC's clock reads them, by the C library's zone (no ICU).
    @Test func timesAreThePCsClock() {
        let date = Date(timeIntervalSince1970: 1_795_591_905.9)
        #expect(PCZone.fixed(minutesEast: 180).dateTime(date) == "2026-11-25 10:31:45")
        #expect(PCZone.fixed(minutesEast: -540).dateTime(date) == "2026-11-24 22:31:45")
        let east = PCZone.system.minutesEast(at: date)
        #expect(PCZone.system.dateTime(date) == PCZone.fixed(minutesEast: east).dateTime(date))
    }

    @Test func snapshots() {
        for l in [UILanguage.en, .ru] {
            Snapshot.check(opened(l).render(DrawContext(strings: Snapshot.strings(l))), "audit-window-\(l)-80x24")
        }
    }

    /// `Resources/ui/audit.json`: the window's words in both languages, under its own prefixes.
    @Test func keysPrefixedAndInBothLanguages() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/ui/audit.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: String]])
        for (key, texts) in object {
            #expect(key.hasPrefix("audit.") || key.hasPrefix("runtime.audit.") || key == "menu.item.auditLog", "\(key)")
            #expect(Set(texts.keys) == ["en", "ru"], "\(key)")
        }
        for language in UILanguage.allCases {
            let s = Snapshot.strings(language)
            for outcome in [AuditEntry.Outcome.success, .failure, .denied, .started] {
                #expect(!AuditWindow.outcome(outcome, s).contains("⟨"))
            }
            #expect(!s[MenuCommand.auditLog.titleKey].contains("⟨"))
        }
    }

    /// The window reads at most ``AuditWindow/limit`` entries and says when it has that many.
    @Test func aFullWindowSaysItHoldsTheNewestOnly() {
        var s = AppFixtures.main()
        let many = (0..<AuditWindow.limit).map { i in
            AuditEntry(time: Date(timeIntervalSince1970: 1_795_000_000 - Double(i)), user: "ivanov", action: "get", outcome: .success)
        }
        _ = s.update(.auditLoaded(many))
        #expect(screen(s).contains("The newest 10000 entries, newest first (hlmcs audit lists them all)"), "\(screen(s))")
        _ = s.update(.auditLoaded(Array(many.prefix(5))))
        #expect(screen(s).contains("5 entries, newest first"))
    }
}
