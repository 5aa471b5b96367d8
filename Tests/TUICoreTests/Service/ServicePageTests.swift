import Accounts
import Foundation
import Testing
@testable import TUICore

/// The Service pages' keys and validation, through the whole app: what each key asks of
/// the runtime, what is refused before anything is sent, and who sees which page.
@Suite("Service pages") struct ServicePageTests {
    typealias F = ParametersFixtures

    static func requests(_ effects: [Effect]) -> [PageRequest] {
        effects.compactMap { if case .page(_, let r) = $0 { r } else { nil } }
    }

    static func clearField(_ s: inout AppState, _ count: Int = 40) {
        for _ in 0..<count { _ = s.update(.key(.backspace)) }
    }

    @Test func settingsExportToTheDefaultFileOfToday() {
        var s = F.on(.settingsFile, .en)
        let effects = s.update(.key(.enter))
        #expect(Self.requests(effects) == [.exportSettings(path: "settings-2026-11-25.set")])
    }

    @Test func settingsImportPreviewsThenWritesOnlyAfterTheDialog() {
        var s = F.on(.settingsFile, .en)
        _ = s.update(.key(.down))
        F.type("site.set", into: &s)
        #expect(Self.requests(s.update(.key(.function(6)))).isEmpty)      // no preview yet
        #expect(F.screen(s).contains("Preview the file first"))
        #expect(Self.requests(s.update(.key(.enter))) == [.previewSettings(path: "site.set")])
        _ = s.update(.page(.settingsFile, .settingsPreview([SettingsChangeLine(key: "gprs.apn", old: "internet", new: "m2m.test"),
                                                            SettingsChangeLine(key: "ip.tcp-port", old: "4059", new: "4060")])))
        #expect(Self.requests(s.update(.key(.function(6)))).isEmpty)      // the dialog opens
        #expect(F.screen(s).contains("gprs.apn: internet → m2m.test"))
        #expect(Self.requests(s.update(.key(.escape))).isEmpty)           // cancelled: nothing written
        _ = s.update(.key(.function(6)))
        #expect(Self.requests(s.update(.key(.enter))) == [.importSettings(path: "site.set")])
        _ = s.update(.page(.settingsFile, .written([FieldWrite(field: "gprs.apn", outcome: .accepted),
                                                    FieldWrite(field: "ip.tcp-port", outcome: .refused("read-write-denied"))])))
        let screen = F.screen(s)
        #expect(screen.contains("✓ gprs.apn"))
        #expect(screen.contains("✗ ip.tcp-port"))
    }

    @Test func settingsAnotherFileNeedsItsOwnPreview() {
        var s = F.on(.settingsFile, .en)
        _ = s.update(.key(.down))
        F.type("a.set", into: &s)
        _ = s.update(.key(.enter))
        _ = s.update(.page(.settingsFile, .settingsPreview([SettingsChangeLine(key: "gprs.apn", old: "a", new: "b")])))
        F.type("x", into: &s)
        _ = s.update(.key(.function(6)))
        #expect(F.screen(s).contains("Preview the file first"))
    }

    @Test func settingsEmptyPathRefusedAsTyped() {
        var s = F.on(.settingsFile, .ru)
        Self.clearField(&s)
        #expect(F.screen(s).contains("Введите путь к файлу."))
        #expect(Self.requests(s.update(.key(.enter))).isEmpty)
    }

    /// Issue 18 item 3: the export field shows its default name at once; a typed name
    /// replaces it (never appended to it), and Ctrl-U clears any field.
    @Test func settingsExportNameTypedReplacesTheDefault() {
        var s = F.on(.settingsFile, .en)
        #expect(F.screen(s).contains("[settings-"), "the default is shown before any key")
        for c in "/tmp/conc.set" { _ = s.update(.key(.character(c))) }
        #expect(Self.requests(s.update(.key(.enter))) == [.exportSettings(path: "/tmp/conc.set")])
        var t = F.on(.settingsFile, .en)
        _ = t.update(.key(.control("u")))
        #expect(Self.requests(t.update(.key(.enter))).isEmpty, "Ctrl-U left something")
        #expect(F.screen(t).contains("Enter a file path."), "\(F.screen(t))")
    }

    @Test func settingsImportRefusedForAReaderByTheApp() {
        var s = F.on(.settingsFile, .en, as: AppFixtures.reader)
        #expect(Self.requests(s.update(.key(.enter))).isEmpty)
        #expect(!s.pages.settingsFile.hasTextFocus)        // q quits, as on a page without fields
        #expect(F.screen(s).contains("may not use settings files"))
    }

    /// Under NLS, Clear data says LLS is needed before asking for the typed word (issue 18 item 5).
    @Test func clearUnderNLSSaysSoBeforeTheTypedWord() {
        var s = F.on(.clearData, .en, lls: false)
        #expect(Self.requests(s.update(.key(.function(6)))).isEmpty)
        let screen = F.screen(s)
        #expect(screen.contains("Writing needs an LLS connection") && !screen.contains("Type CLEAR"), "\(screen)")
    }

    @Test func clearOnePointWithTheTypedWord() {
        var s = F.on(.clearData, .ru)
        _ = s.update(.key(.right))                    // profiles
        _ = s.update(.key(.down))
        _ = s.update(.key(.right))                    // one point
        _ = s.update(.key(.down))
        F.type("x", into: &s)
        #expect(F.screen(s).contains("Только цифры."))
        F.type("70000", into: &s)
        #expect(F.screen(s).contains("Номер точки 1–65535."))
        Self.clearField(&s, 6)
        F.type("7", into: &s)
        #expect(Self.requests(s.update(.key(.function(6)))).isEmpty)
        F.type("CLEAR", into: &s)
        #expect(Self.requests(s.update(.key(.enter))).isEmpty)       // not the Russian word
        #expect(F.screen(s).contains("Введено не то слово."))
        Self.clearField(&s, 5)
        F.type("ОЧИСТИТЬ", into: &s)
        #expect(Self.requests(s.update(.key(.enter))) == [.clear(.profiles, point: 7)])
    }

    @Test func clearAllPointsIsAllowedOnlyWithThePermission() {
        var s = F.on(.clearData, .en)
        _ = s.update(.key(.function(6)))
        F.type("CLEAR", into: &s)
        #expect(Self.requests(s.update(.key(.enter))) == [.clear(.events, point: nil)])

        var c = F.on(.clearData, .en, as: F.configurator)
        #expect(Self.requests(c.update(.key(.function(6)))).isEmpty)
        #expect(F.screen(c).contains("For administrators only."))
    }

    @Test func treeLeavesOutClearAndFirmwareForOthers() {
        let admin = AppFixtures.main(.en, as: AppFixtures.administrator)
        let reader = AppFixtures.main(.en, as: AppFixtures.reader)
        let service = { (s: AppState) in ParameterTree.roots(s.strings, permissions: s.session?.permissions).last!.children.map(\.id) }
        #expect(service(admin) == ["settingsFile", "clearData", "firmware", "objects", "allObjects"])
        #expect(service(reader) == ["settingsFile", "objects", "allObjects"])
    }

    @Test func firmwareIdentifierFollowsTheFileUntilTyped() {
        #expect(FirmwarePage.identifier(fromPath: "/tmp/img/es951-2.8.0.bin") == "es951-2.8.0")
        #expect(FirmwarePage.identifier(fromPath: "image") == "image")
        var s = F.on(.firmware, .en)
        F.type("fw/new.bin", into: &s)
        #expect(s.pages.firmware.id.text == "new")
        _ = s.update(.key(.down))
        F.type("й", into: &s)
        #expect(F.screen(s).contains("Latin letters, digits and signs only."))
    }

    @Test func firmwareSendsAfterTheDialogAndResumesWithF5() {
        var s = F.on(.firmware, .en)
        F.type("new.bin", into: &s)
        _ = s.update(.key(.down)); _ = s.update(.key(.down))
        _ = s.update(.key(.character(" ")))           // activate off
        #expect(Self.requests(s.update(.key(.function(6)))).isEmpty)
        let sent = Self.requests(s.update(.key(.enter)))
        #expect(sent == [.transferFirmware(path: "new.bin", id: "new", activate: false)])
        _ = s.update(.page(.firmware, .firmwareProgress(FirmwareProgress(blocksSent: 30, blocksTotal: 70, bytesSent: 30720, bytesTotal: 71680, secondsLeft: 42))))
        #expect(F.screen(s).contains("Block 30 of 70"))
        _ = s.update(.page(.firmware, .failed(Failure(.input, "The link was cut."))))
        #expect(Self.requests(s.update(.key(.function(5)))) == [.transferFirmware(path: "new.bin", id: "new", activate: false)])
        _ = s.update(.page(.firmware, .firmwareDone(activated: false, version: "2.7.0")))
        #expect(F.screen(s).contains("Version: 2.7.0"))
    }

    @Test func firmwareEmptyFileRefusedBeforeTheDialog() {
        var s = F.on(.firmware, .en)
        #expect(Self.requests(s.update(.key(.function(6)))).isEmpty)
        #expect(F.screen(s).contains("Enter a file path."))
    }

    @Test func objectsReadWithF5AndListed() {
        var s = F.on(.objects, .en)
        #expect(Self.requests(s.update(.key(.function(5)))) == [.readObjects])
        _ = s.update(.page(.objects, .objects([], compared: 112)))
        #expect(F.screen(s).contains("No differences: 112 objects compared."))
    }
}
