import DLMS
import ES951
import Foundation
import Testing
@testable import TUICore

/// `Resources/ui/data.json`: keys under `data.` in both languages, and every word the data
/// pages look up by a computed key is there.
@Suite struct DataStringsTests {
    @Test func keysPrefixedAndInBothLanguages() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/ui/data.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: String]])
        #expect(object.count > 40)
        for (key, texts) in object {
            #expect(key.hasPrefix("data."), "\(key)")
            #expect(Set(texts.keys) == ["en", "ru"], "\(key)")
        }
    }

    @Test(arguments: UILanguage.allCases) func computedKeysAreDefined(_ language: UILanguage) {
        let s = Snapshot.strings(language)
        for choice in ProfileChoice.allCases { #expect(!DataText.profileName(choice, s).contains("⟨"), "\(choice)") }
        for key in ["data.problem.digits", "data.problem.dateCharacters", "data.problem.date", "data.problem.noSuchDate",
                    "data.problem.order", "data.problem.code", "data.problem.codeCharacters"] {
            #expect(s.has(key), "\(key)")
        }
        let names = ["active-energy-import", "active-energy-export", "reactive-energy-import", "reactive-energy-export",
                     "active-max-demand", "reactive-max-demand", "active-max-demand.capture-time", "reactive-max-demand.capture-time"]
        for name in names {
            let column = ProfileTable.Column(name: name, unit: DLMSUnit(30), scaler: 0,
                                             source: CaptureObjectDefinition(classID: 3, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 2))
            let title = DataText.title(column, s)
            #expect(!title.contains("⟨") && !title.hasPrefix(name), "\(name): \(title)")
        }
        #expect(DataText.unitSymbol(DLMSUnit(30), s) == (language == .ru ? "Вт·ч" : "Wh"))
        #expect(DataText.unitSymbol(DLMSUnit(33), s) == "A", "a unit without words of its own keeps its symbol")
    }

    /// Every code of the catalogue has a name in each language.
    @Test func everyEventCodeIsNamed() throws {
        let catalogue = try #require(DataText.catalogue)
        #expect(catalogue.events.count == 63)
        for code in 1...63 {
            #expect(DataText.eventName(code: code, Snapshot.strings(.ru)) != nil)
            #expect(DataText.eventName(code: code, Snapshot.strings(.en)) != nil)
        }
    }
}
