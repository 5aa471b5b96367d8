import Accounts
import ES951
import Testing
@testable import TUICore

/// The GPRS page's rules and keys (SPEC F-33): every value checked as typed, only the
/// changes written after the dialog, nothing while a value is wrong, marks after a write.
@Suite("GPRS page") struct GPRSPageTests {
    let context = NetworkFixtures.writer()

    /// The page alone, drawn 52×14 (the work area at 80×24), as text.
    func screen(_ page: GPRSPage, _ context: PageContext = NetworkFixtures.writer()) -> String {
        var buffer = ScreenBuffer(width: 52, height: 14)
        page.render(in: buffer.area, into: &buffer, context: DrawContext(strings: context.strings), page: context, focused: true)
        return buffer.lines.joined(separator: "\n")
    }

    @Test func readShowsTheDeviceValuesAndNoPassword() {
        let page = GPRSPage.read()
        #expect(page.form.text(.apn) == "internet")
        #expect(page.form.text(.primaryServer) == "10.10.0.1:4059")
        #expect(page.form.text(.heartbeat) == "3")
        #expect(page.form.text(.dpdPassword) == "")
        #expect(page.form.changed.isEmpty && page.problems().isEmpty)
    }

    @Test func theDefaultsBeforeAReadAreTheModelsOwn() {
        let page = GPRSPage()
        #expect(page.form.text(.apn) == "internet")
        #expect(page.form.text(.heartbeat) == "3")
        #expect(!page.form.loaded)
    }

    @Test func apnRules() {
        var page = GPRSPage.read()
        page.set(.apn, "m2m.beeline.ru")
        #expect(page.problems()[.apn] == nil)
        page.set(.apn, String(repeating: "a", count: 64))
        #expect(page.problems()[.apn] == nil)
        page.set(.apn, String(repeating: "a", count: 65))
        #expect(page.problems()[.apn] == .reason(.tooLong(maximum: 64)))
        #expect(screen(page).contains("APN: at most 64 characters"))
        page.set(.apn, "")
        #expect(page.problems()[.apn] == .reason(.empty))
        // Cyrillic is refused as it is typed, with the reason.
        page.set(.apn, "int")
        _ = page.handle(.character("ж"), context)
        #expect(page.form.text(.apn) == "int")
        #expect(screen(page).contains("APN: «ж» not allowed; only a–z, 0–9, - and ."))
        _ = page.handle(.character("e"), context)
        #expect(!screen(page).contains("«ж»"))
    }

    @Test func serverRules() {
        var page = GPRSPage.read()
        for bad in ["256.1.1.1:4059", "10.0.0.1", "10.0.0:4059"] {
            page.set(.primaryServer, bad)
            #expect(page.problems()[.primaryServer] == NetworkProblem(key: "network.problem.endpoint"), "\(bad)")
        }
        for port in ["0", "65536"] {
            page.set(.primaryServer, "10.0.0.1:" + port)
            #expect(page.problems()[.primaryServer] == NetworkProblem(key: "network.problem.port", arguments: ["1", "65535"]), "\(port)")
        }
        page.set(.primaryServer, "10.0.0.1:65535")
        #expect(page.problems()[.primaryServer] == nil)
        page.set(.primaryServer, "")
        #expect(page.problems()[.primaryServer] == .reason(.empty))
        // The backup server may be empty, but not wrong.
        page.set(.backupServer, "")
        #expect(page.problems()[.backupServer] == nil)
        page.set(.backupServer, "1.2.3.4:0")
        #expect(page.problems()[.backupServer]?.key == "network.problem.port")
        #expect(screen(page).contains("Backup server: the port must be 1–65535"))
        _ = page.handle(.character("x"), context)
        #expect(page.form.text(.backupServer) == "1.2.3.4:0")
        #expect(page.form.refusedCharacter == "x")
    }

    /// Issue 18 item 7: a bad key in Heartbeat is said of Heartbeat (it was blamed on
    /// Primary server), and the words go with the next good key.
    @Test func aRefusedKeyIsSaidOfTheRowItWasTypedIn() {
        var page = GPRSPage.read()
        let context = NetworkFixtures.writer()
        guard let row = page.form.rows.firstIndex(where: { $0.field == .heartbeat }) else { Issue.record("no heartbeat row"); return }
        page.form.focus = row
        _ = page.handle(.character("x"), context)
        let refused = screen(page).components(separatedBy: "\n").filter { $0.contains("\"x\"") || $0.contains("«x»") }
        #expect(refused.count == 1 && refused[0].contains("Heartbeat") && !refused[0].contains("Primary"), "\(screen(page))")
        _ = page.handle(.character("5"), context)
        #expect(!screen(page).contains("«x»") && !screen(page).contains("\"x\""), "\(screen(page))")
    }

    @Test func heartbeatRules() {
        var page = GPRSPage.read()
        for good in ["1092", "1092:15", "0:01", "1:30"] {
            page.set(.heartbeat, good)
            #expect(page.problems()[.heartbeat] == nil, "\(good)")
        }
        for bad in ["0", "1093", "1092:16", "99999999", "1:3", "1:75", "::"] {
            page.set(.heartbeat, bad)
            #expect(page.problems()[.heartbeat] == .reason(.duration(HeartbeatInterval.secondsRange)), "\(bad)")
        }
        page.set(.heartbeat, "1:30")
        #expect(page.wanted().settings.heartbeatSeconds == 90)
        page.set(.heartbeat, "")
        #expect(page.problems()[.heartbeat] == .reason(.empty))
        page.set(.heartbeat, "5м")
        #expect(page.form.text(.heartbeat) == "5")
    }

    /// Issue 20 item 1: a device with 90 s shows 1:30, and writing another field leaves
    /// the heartbeat alone; before, it showed 1 and a write of it set 60 s.
    @Test func aHeartbeatOfSecondsIsShownAndKeptExactly() {
        var device = NetworkFixtures.gprs
        device.heartbeatSeconds = 90
        var page = GPRSPage.read(device)
        #expect(page.form.text(.heartbeat) == "1:30")
        #expect(screen(page).contains("1:30"), "\(screen(page))")
        page.set(.apn, "m2m.test")
        let (settings, changing) = page.wanted()
        #expect(!changing.contains(.heartbeat) && settings.heartbeatSeconds == 90)
        page.set(.heartbeat, "2:05")
        #expect(page.wanted().settings.heartbeatSeconds == 125 && page.wanted().changing.contains(.heartbeat))
    }

    @Test func dpdRules() {
        var page = GPRSPage.read()
        page.set(.dpdUser, String(repeating: "u", count: 65))
        #expect(page.problems()[.dpdUser] == .reason(.tooLong(maximum: 64)))
        // A changed user needs the password (the DPD structure is written whole).
        page.set(.dpdUser, "operator")
        #expect(page.problems()[.dpdPassword] == .reason(.passwordRequired))
        page.set(.dpdPassword, "s3cret")
        #expect(page.problems().isEmpty)
        page.set(.dpdPassword, String(repeating: "p", count: 65))
        #expect(page.problems()[.dpdPassword] == .reason(.tooLong(maximum: 64)))
        // Cyrillic is refused without being named (it is a secret).
        page.set(.dpdPassword, "ab")
        _ = page.handle(.character("ж"), context)
        #expect(page.form.text(.dpdPassword) == "ab")
        let text = screen(page)
        #expect(text.contains("DPD password: character not allowed"))
        #expect(!text.contains("ж"))
    }

    @Test func thePasswordIsNeverShown() {
        var page = GPRSPage.read()
        page.set(.dpdPassword, "topsecret")
        _ = page.handle(.function(6), context)
        let text = screen(page)
        #expect(!text.contains("topsecret"))
        #expect(text.contains("DPD password: (changed)"))
    }

    @Test func f6WritesOnlyTheChangedFieldsAfterTheDialog() throws {
        var page = GPRSPage.read()
        page.set(.apn, "m2m.test")
        page.set(.heartbeat, "5")
        #expect(page.handle(.function(6), context).isEmpty)
        guard case .write(let changes)? = page.form.dialog else { Issue.record("no dialog"); return }
        #expect(changes.map(\.labelKey) == ["network.gprs.apn", "network.gprs.heartbeat"])
        let text = screen(page)
        #expect(text.contains("APN: internet → m2m.test"))
        #expect(text.contains("Heartbeat, min: 3 → 5"))
        let requests = page.handle(.enter, context)
        guard case .writeGPRS(let settings, let changing)? = requests.first, requests.count == 1 else {
            Issue.record("no write: \(requests)"); return
        }
        #expect(changing == [.apn, .heartbeat])
        #expect(settings.apn == "m2m.test" && settings.heartbeatSeconds == 300)
        #expect(settings.dpdPassword == nil)
        #expect(page.form.dialog == nil)
    }

    @Test func aLongAPNShowsWholeInTheDialog() {
        var page = GPRSPage.read()
        let apn = "m2m." + String(repeating: "a", count: 50) + ".example"   // 62 characters
        page.set(.apn, apn)
        page.set(.primaryServer, "192.168.100.200:65535")
        _ = page.handle(.function(6), context)
        // The dialog's lines without its frame and the indent, joined.
        let joined = screen(page).components(separatedBy: "\n").map { line in
            String(line.drop { $0 != "│" }.dropFirst().prefix { $0 != "│" }).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }.joined(separator: " ")
        #expect(joined.contains("APN: internet → m2m." + String(repeating: "a", count: 31) + " " + String(repeating: "a", count: 19) + ".example"),
                "\(screen(page))")
        #expect(joined.contains("Primary server: 10.10.0.1:4059 → 192.168.100.200:65535"), "\(screen(page))")
        #expect(joined.contains("[ Write ] [ Cancel ]"), "\(screen(page))")
    }

    @Test func theDialogCancelsWithEscOrTheSecondButton() {
        var page = GPRSPage.read()
        page.set(.apn, "m2m.test")
        _ = page.handle(.function(6), context)
        #expect(page.wantsEscape && page.usesTab)
        #expect(page.handle(.escape, context).isEmpty)
        #expect(page.form.dialog == nil && !page.wantsEscape)
        _ = page.handle(.function(6), context)
        _ = page.handle(.right, context)
        #expect(page.handle(.enter, context).isEmpty)
        #expect(page.form.text(.apn) == "m2m.test")
    }

    @Test func nothingIsSentWhileAValueIsWrong() {
        var page = GPRSPage.read()
        page.set(.apn, "m2m.test")
        page.set(.primaryServer, "256.1.1.1:4059")
        #expect(page.handle(.function(6), context).isEmpty)
        #expect(page.form.dialog == nil)
        #expect(page.form.focusedRow?.field == .primaryServer)
        #expect(screen(page).contains("Correct the values marked ! first."))
    }

    @Test func nothingIsSentBeforeARead() {
        var page = GPRSPage()
        page.set(.apn, "m2m.test")
        #expect(page.handle(.function(6), context).isEmpty)
        #expect(page.form.dialog == nil)
        #expect(screen(page).contains("Read the device's values first (F5)."))
    }

    @Test func nothingIsSentWithoutAChange() {
        var page = GPRSPage.read()
        #expect(page.handle(.function(6), context).isEmpty)
        #expect(page.form.noteKey == "network.nothingChanged")
    }

    @Test func f5AsksBeforeReadingOverEdits() {
        var page = GPRSPage.read()
        #expect(page.read(context) == [.readGPRS])
        page.set(.apn, "m2m.test")
        #expect(page.read(context).isEmpty)
        #expect(page.form.dialog == .overwrite(count: 1))
        // Cancel has the focus: Enter keeps the edit.
        #expect(page.handle(.enter, context).isEmpty)
        #expect(page.form.text(.apn) == "m2m.test")
        _ = page.read(context)
        _ = page.handle(.left, context)
        #expect(page.handle(.enter, context) == [.readGPRS])
        page.receive(.gprs(NetworkFixtures.gprs), context)
        #expect(page.form.text(.apn) == "internet")
    }

    @Test func aValueNotTakenIsMarkedAndTheTypedValueStays() {
        var page = GPRSPage.read()
        page.set(.apn, "m2m.test")
        page.set(.heartbeat, "5")
        page.receive(.written([FieldWrite(field: "apn", outcome: .notTaken(readBack: "internet")),
                               FieldWrite(field: "heartbeat", outcome: .accepted)]), context)
        #expect(page.form.text(.apn) == "m2m.test")
        #expect(page.form.marks[.apn] == .notTaken(readBack: "internet"))
        #expect(page.form.changed == [.apn])
        let text = screen(page)
        #expect(text.contains("APN: not taken, the device has internet"))
        #expect(text.contains("✗"))
        // A refusal is worded too; editing the value clears its mark.
        page.receive(.written([FieldWrite(field: "apn", outcome: .refused("read-write-denied"))]), context)
        #expect(screen(page).contains("APN: refused by the device (read-write-denied)"))
        page.set(.apn, "m2m.test2")
        #expect(page.form.marks[.apn] == nil)
    }

    @Test func aDeviceValueTheRulesRefuseDoesNotStopWritingTheOthers() {
        var page = GPRSPage.read(GPRSSettings(apn: "internet", primaryServer: nil,
                                              backupServer: ServerEndpoint("backup.example:4059")))
        #expect(page.problems().isEmpty)
        page.set(.apn, "m2m.test")
        _ = page.handle(.function(6), context)
        #expect(page.handle(.enter, context).count == 1)
        // Typed, a value is judged (a server is typed as IP:port).
        page.set(.primaryServer, "1")
        #expect(page.problems()[.primaryServer] == NetworkProblem(key: "network.problem.endpoint"))
        page.set(.primaryServer, "")
        #expect(page.problems().isEmpty, "back to the device's (empty) value")
    }

    @Test func aPasswordNotTakenIsSaidWithoutAValue() {
        var page = GPRSPage.read()
        page.set(.dpdUser, "operator")
        page.set(.dpdPassword, "s3cret")
        page.receive(.written([FieldWrite(field: "dpdUser", outcome: .notTaken(readBack: "emis")),
                               FieldWrite(field: "dpdPassword", outcome: .notTaken(readBack: ""))]), context)
        let text = screen(page)
        #expect(text.contains("DPD password: not taken by the device"))
        #expect(text.contains("DPD user: not taken, the device has emis"))
        #expect(!text.contains("s3cret"))
    }

    @Test func anEditWhileTheWriteIsInFlightStaysAnEdit() {
        var page = GPRSPage.read()
        page.set(.apn, "m2m.one")
        _ = page.handle(.function(6), context)
        #expect(page.handle(.enter, context).count == 1)
        page.set(.apn, "m2m.two")
        page.receive(.written([FieldWrite(field: "apn", outcome: .accepted)]), context)
        #expect(page.form.device[.apn] == "m2m.one")
        #expect(page.form.changed == [.apn])
    }

    @Test func anAcceptedPasswordIsForgotten() {
        var page = GPRSPage.read()
        page.set(.dpdPassword, "s3cret")
        page.receive(.written([FieldWrite(field: "dpdPassword", outcome: .accepted)]), context)
        #expect(page.form.text(.dpdPassword) == "")
        #expect(page.form.changed.isEmpty)
    }

    @Test func aReaderSeesTheValuesReadOnlyAndNoF6() {
        let reader = NetworkFixtures.reader()
        var page = GPRSPage.read()
        #expect(page.keyBar(reader).isEmpty)
        #expect(page.keyBar(context).map(\.key) == ["F6"])
        _ = page.handle(.down, reader)
        _ = page.handle(.character("x"), reader)
        _ = page.handle(.backspace, reader)
        #expect(page.form.changed.isEmpty)
        #expect(!page.hasTextFocus)
        #expect(page.handle(.function(6), reader).isEmpty)
        #expect(page.form.dialog == nil)
        #expect(screen(page, reader).contains("Read only: your role may not write."))
        #expect(page.read(reader) == [.readGPRS])
    }

    @Test func upAndDownMoveBetweenTheValues() {
        var page = GPRSPage.read()
        #expect(page.form.focusedRow?.field == .primaryServer)
        _ = page.handle(.down, context)
        _ = page.handle(.down, context)
        #expect(page.form.focusedRow?.field == .apn)
        _ = page.handle(.pageDown, context)
        #expect(page.form.focusedRow?.field == .heartbeat)
        _ = page.handle(.down, context)
        #expect(page.form.focusedRow?.field == .heartbeat)
        _ = page.handle(.up, context)
        #expect(page.form.focusedRow?.field == .dpdPassword)
    }
}
