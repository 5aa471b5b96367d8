import Accounts
import Foundation
import Testing
@testable import TUICore

@Suite struct AccountStringsTests {
    static let problems: [AccountProblem] = [
        .loginEmpty, .loginSpaces, .loginInvalid, .loginTaken, .passwordTooShort(minimum: 8), .passwordEqualsLogin,
        .confirmationDiffers, .cannotDeleteSelf, .protectedPermission(.manageUsers),
    ]

    @Test(arguments: UILanguage.allCases) func everyTextDefined(_ language: UILanguage) {
        let s = language == .ru ? AccountTest.ru : AccountTest.en
        for p in Self.problems { #expect(!p.text(s).contains("⟨"), "\(p)") }
        for p in Permission.allCases { #expect(!AccountLabels.permission(p, s).contains("⟨"), "\(p)") }
        for r in Role.allCases { #expect(!AccountLabels.role(r, s).contains("⟨"), "\(r)") }
    }

    @Test func roleAndPermissionNamesAsTheManual() {
        #expect(Role.allCases.map { AccountLabels.role($0, AccountTest.ru) } == Role.allCases.map(\.russianLabel))
        #expect(Role.allCases.map { AccountLabels.role($0, AccountTest.en) } == Role.allCases.map(\.name))
        #expect(AccountLabels.permission(.settingsFile, AccountTest.ru) == "Файлы настроек (.set)")
    }

    /// The file defines keys under `accounts.` only, each in both languages.
    @Test func keysPrefixed() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/ui/accounts.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: String]])
        #expect(!object.isEmpty)
        for (key, texts) in object {
            #expect(key.hasPrefix("accounts."), "\(key)")
            #expect(Set(texts.keys) == ["en", "ru"], "\(key)")
        }
    }

    @Test func problemsFromTheRules() {
        #expect(AccountProblem.password("1234567", login: "bob") == .passwordTooShort(minimum: 8))
        #expect(AccountProblem.password("12345678", login: "bob") == nil)
        #expect(AccountProblem.password("Aдминистратор", login: "Администратор") == .passwordEqualsLogin)
        #expect(AccountProblem.confirmation("a", of: "b") == .confirmationDiffers)
        #expect(AccountProblem.confirmation("a", of: "a") == nil)
        #expect(AccountProblem.login("", taken: []) == .loginEmpty)
        #expect(AccountProblem.login(" a", taken: []) == .loginSpaces)
        #expect(AccountProblem.login("a\u{7}b", taken: []) == .loginInvalid)
        #expect(AccountProblem.login("Bob", taken: ["bob"]) == .loginTaken)
        #expect(AccountProblem.login("Боб", taken: ["bob"]) == nil)
    }
}
