import Accounts
import ES951
import Testing
@testable import TUICore

/// Basic parameters (F-31): the serial number field and the LLS password fields, their
/// validation as one types, the warning before the serial number is written, and what
/// becomes of a write — through the whole app.
@Suite("Basic parameters page") struct BasicPageTests {
    typealias F = ParametersFixtures

    func read(_ s: inout AppState) {
        #expect(s.update(.key(.function(5))) == [.page(.basic, .readBasic)])
        _ = s.update(.page(.basic, .basic(F.basic)))
    }

    @Test func f5ReadsTheSerialNumberAndTheAddresses() {
        var s = F.on(.basic)
        read(&s)
        let screen = F.screen(s)
        #expect(screen.contains("95100001"))
        #expect(screen.contains("Logical address RS-485") && screen.contains("1001"))
    }

    @Test func theSerialNumberTakesDigitsOnlyAndSaysWhyAsOneTypes() {
        var s = F.on(.basic)
        read(&s)
        F.type("951", into: &s)
        F.type("д", into: &s)
        #expect(s.pages.basic.text(.serial) == "951")
        #expect(F.screen(s).contains("Cyrillic letters are not allowed here"))
        F.type("x", into: &s)
        #expect(s.pages.basic.text(.serial) == "951")
        #expect(F.screen(s).contains("Digits only"))
        F.type("02345", into: &s)
        #expect(s.pages.basic.text(.serial) == "95102345")
        // The message goes once a good key comes; the new address shows under the field.
        let screen = F.screen(s)
        #expect(!screen.contains("Digits only"))
        #expect(screen.contains("logical address will be 3345"))
        F.type("12345678", into: &s)
        #expect(s.pages.basic.text(.serial) == "9510234512345678")
        F.type("9", into: &s)
        #expect(s.pages.basic.text(.serial).count == 16)
        #expect(F.screen(s).contains("Up to 16 digits"))
    }

    @Test func tabGoesBackToTheTreeButChoosesTheButtonInTheWarning() {
        var s = F.on(.basic)
        read(&s)
        F.type("95102345", into: &s)
        _ = s.update(.key(.function(6)))
        _ = s.update(.key(.tab))
        #expect(s.focus == .work)
        #expect(s.pages.basic.confirmation?.state.selectedButton == 1)
        #expect(s.update(.key(.enter)).isEmpty, "Cancel was chosen")
        _ = s.update(.key(.tab))
        #expect(s.focus == .tree)
    }

    @Test func anEmptyOrUnchangedSerialNumberIsNotWrittenNorOneBeforeARead() {
        var s = F.on(.basic)
        F.type("95102345", into: &s)
        #expect(s.update(.key(.function(6))).isEmpty)
        #expect(s.pages.basic.confirmation == nil)
        #expect(F.screen(s).contains("Read first (F5)"))
        for _ in 0..<8 { _ = s.update(.key(.backspace)) }
        read(&s)
        #expect(s.update(.key(.function(6))).isEmpty)
        #expect(F.screen(s).contains("Type the new serial number"))
        F.type("95100001", into: &s)
        #expect(s.update(.key(.function(6))).isEmpty)
        #expect(s.pages.basic.confirmation == nil)
        #expect(F.screen(s).contains("That is the serial number already"))
    }

    @Test func theWarningShowsTheAddressMoveThenTheWriteGoesAndTheConnectionFollows() {
        var s = F.on(.basic)
        read(&s)
        F.type("95102345", into: &s)
        #expect(s.update(.key(.function(6))).isEmpty)
        let warning = F.screen(s)
        #expect(warning.contains("95100001 → 95102345"))
        #expect(warning.contains("1001 → 3345"))
        // Esc closes the warning, nothing written.
        #expect(s.update(.key(.escape)).isEmpty)
        #expect(s.pages.basic.confirmation == nil)
        #expect(s.focus == .work)
        // Again, and Enter on Write.
        _ = s.update(.key(.function(6)))
        #expect(s.update(.key(.enter)) == [.page(.basic, .writeSerialNumber("95102345"))])
        _ = s.update(.serverAddressChanged(3345))
        _ = s.update(.page(.basic, .written([FieldWrite(field: "serialNumber", outcome: .accepted)])))
        #expect(s.connection.serverAddress == 3345)
        #expect(s.pages.basic.info?.serialNumber == "95102345")
        #expect(s.pages.basic.text(.serial).isEmpty)
        #expect(F.screen(s).contains("Written: address 3345 from the next connection"))
    }

    @Test func aSerialNumberTheDeviceDidNotTakeIsMarked() {
        var s = F.on(.basic)
        read(&s)
        F.type("95102345", into: &s)
        _ = s.update(.key(.function(6)))
        _ = s.update(.key(.enter))
        _ = s.update(.page(.basic, .written([FieldWrite(field: "serialNumber", outcome: .notTaken(readBack: "\"95100001\""))])))
        #expect(s.pages.basic.info?.serialNumber == "95100001")
        #expect(s.pages.basic.text(.serial) == "95102345", "the value stays to try again")
        #expect(F.screen(s).contains("Serial number not written: reads back as \"95100001\""))
        #expect(s.status?.contains("0 of 1") == true)
    }

    @Test func theLLSPasswordFieldsCheckEachOtherAndNeverShowThePassword() {
        var s = F.on(.basic)
        read(&s)
        _ = s.update(.key(.down))
        #expect(s.pages.basic.focus == .current)
        _ = s.update(.key(.function(6)))
        #expect(F.screen(s).contains("Type the password"))
        F.type("admin@emis", into: &s)
        _ = s.update(.key(.enter))
        #expect(s.pages.basic.focus == .new)
        F.type("пароль", into: &s)
        #expect(s.pages.basic.text(.new).isEmpty)
        #expect(F.screen(s).contains("Cyrillic letters are not allowed here"))
        F.type("new-secret-7", into: &s)
        _ = s.update(.key(.enter))
        F.type("new-secret-8", into: &s)
        #expect(s.update(.key(.enter)).isEmpty)
        #expect(F.screen(s).contains("The two new passwords differ"))
        for _ in 0..<12 { _ = s.update(.key(.backspace)) }
        F.type("new-secret-7", into: &s)
        let screen = F.screen(s)
        #expect(!screen.contains("admin@emis") && !screen.contains("new-secret"))
        #expect(screen.contains("••••••••••••"))
        #expect(s.update(.key(.enter)).isEmpty)
        #expect(F.screen(s).contains("the next connection needs the new one"))
        #expect(s.update(.key(.enter)) == [.page(.basic, .changeLLSPassword(current: "admin@emis", new: "new-secret-7"))])
        _ = s.update(.page(.basic, .written([FieldWrite(field: "llsPassword", outcome: .accepted)])))
        // The fields are emptied; the session connects with the new password from now on.
        #expect(s.pages.basic.text(.current).isEmpty && s.pages.basic.text(.new).isEmpty && s.pages.basic.text(.confirm).isEmpty)
        #expect(s.llsPassword == "new-secret-7")
        #expect(F.screen(s).contains("LLS password changed"))
    }

    @Test func aPasswordChangeTheDeviceRefusedKeepsTheSessionsPassword() {
        var s = F.on(.basic)
        _ = s.update(.key(.down))
        F.type("admin@emis", into: &s)
        _ = s.update(.key(.down))
        F.type("other-1", into: &s)
        _ = s.update(.key(.down))
        F.type("other-1", into: &s)
        _ = s.update(.key(.function(6)))
        #expect(s.update(.key(.enter)) == [.page(.basic, .changeLLSPassword(current: "admin@emis", new: "other-1"))])
        _ = s.update(.page(.basic, .failed(Failure(.input, "The current password is not the one this connection was opened with."))))
        #expect(s.llsPassword == "admin@emis")
        #expect(s.pages.basic.text(.current).isEmpty)
        _ = s.update(.page(.basic, .written([FieldWrite(field: "llsPassword", outcome: .accepted)])))
        #expect(s.llsPassword == "admin@emis", "a later outcome without a change in flight changes nothing")
    }

    @Test func theNewPasswordMustDifferFromTheCurrentOne() {
        var page = BasicPage()
        let c = F.context()
        _ = page.handle(.tab, c)
        for ch in "same-1" { _ = page.handle(.character(ch), c) }
        _ = page.handle(.tab, c)
        for ch in "same-1" { _ = page.handle(.character(ch), c) }
        _ = page.handle(.tab, c)
        for ch in "same-1" { _ = page.handle(.character(ch), c) }
        #expect(page.handle(.function(6), c).isEmpty)
        #expect(page.problems[.new]?.key == "parameters.error.passwordSame")
        #expect(page.confirmation == nil)
    }

    @Test func aReadUserSeesNoFieldsAndNoWriteKey() {
        var s = F.on(.basic, as: AppFixtures.reader)
        read(&s)
        #expect(!s.keyBarItems().contains { $0.key == "F6" })
        F.type("95102345", into: &s)
        #expect(s.update(.key(.function(6))).isEmpty)
        #expect(s.pages.basic.confirmation == nil)
        let screen = F.screen(s)
        #expect(!screen.contains("New serial number"))
        #expect(screen.contains("«Write data»"))
        // The letter q quits for a reader here (no text field has the focus).
        #expect(s.update(.key(.character("q"))) == [.quit])
    }

    /// Under NLS the write is refused before the confirmation is asked (issue 18 item 5).
    @Test func anNLSConnectionRefusesTheWriteBeforeTheConfirmation() {
        var s = F.on(.basic, lls: false)
        read(&s)
        F.type("95102345", into: &s)
        #expect(s.update(.key(.function(6))).isEmpty)
        #expect(s.pages.basic.confirmation == nil)
        #expect(F.screen(s).contains("Writing needs an LLS connection"), "\(F.screen(s))")
    }

    @Test func serialRulesFollowTheMap() {
        #expect(ParameterRules.serialProblem("95100001") == nil)
        #expect(ParameterRules.serialProblem("1") == nil)
        #expect(ParameterRules.serialProblem("")?.key == "parameters.error.serialEmpty")
        #expect(ParameterRules.serialProblem("9510 0001")?.key == "parameters.error.digitsOnly")
        #expect(ParameterRules.serialProblem("９５１")?.key == "parameters.error.digitsOnly")
        #expect(ParameterRules.serialProblem(String(repeating: "9", count: 17))?.key == "parameters.error.serialLong")
        #expect(ParameterRules.serialProblem(String(repeating: "9", count: 16)) == nil)
    }
}
