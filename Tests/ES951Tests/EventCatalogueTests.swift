import Foundation
import Testing
@testable import ES951

@Suite("Event catalogue (manual В5.1)")
struct EventCatalogueTests {
    let catalogue: EventCatalogue
    init() throws { catalogue = try EventCatalogue.builtIn() }

    @Test func all63CodesWithNames() {
        #expect(catalogue.events.map(\.code) == Array(1...63))
        for e in catalogue.events {
            #expect(!e.russian.isEmpty && !e.english.isEmpty, "\(e.code)")
            #expect(!e.russian.contains("3ф") && !e.russian.contains("  "), "\(e.code)")
            #expect(e.russian == e.russian.trimmingCharacters(in: .whitespaces), "\(e.code)")
        }
        #expect(catalogue.event(0) == nil)
        #expect(catalogue.event(64) == nil)
    }

    @Test func threePhaseOnlySetIsExactly() {
        // ES951-MAP.md: 13, 14, 20–25, 28–31, 34–51, 58–61 (28 and 43 included though the
        // manual forgets their suffix).
        let expected = Set([13, 14] + Array(20...25) + Array(28...31) + Array(34...51) + Array(58...61))
        #expect(Set(catalogue.events.filter(\.threePhaseOnly).map(\.code)) == expected)
        #expect(catalogue.event(28)?.threePhaseOnly == true)
        #expect(catalogue.event(43)?.threePhaseOnly == true)
        #expect(catalogue.event(18)?.threePhaseOnly == false)
    }

    @Test func russianNamesByteExact() {
        // Typos fixed as ES951-MAP.md says.
        #expect(Array(catalogue.event(63)!.russian.utf8) == Array("Очистка событий".utf8))
        #expect(catalogue.event(62)?.russian == "Превышение мощности \u{2013} окончание")
        // As the manual writes them: its own mix of hyphen and en dash.
        #expect(catalogue.event(1)?.russian == "Вскрытие крышки зажимов - начало")
        #expect(catalogue.event(13)?.russian == "Обратная последовательность фаз \u{2013} начало")
        #expect(catalogue.event(38)?.russian == "Обрыв фазы \u{0410} \u{2013} начало")
        #expect(catalogue.event(42)?.russian == "Обрыв фазы \u{0421}- начало")
        #expect(catalogue.event(52)?.russian == "Начало обратной полярности подключения")
        // Phase letters are Cyrillic А В С, not Latin.
        #expect(catalogue.event(20)!.russian.unicodeScalars.contains("\u{0412}"))
        #expect(!catalogue.events.contains { $0.russian.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic } })
    }

    @Test func englishNamesExpanded() {
        #expect(catalogue.event(1)?.english == "Terminal cover opened")
        #expect(catalogue.event(2)?.english == "Terminal cover closed")
        #expect(catalogue.event(19)?.english == "Reverse current phase A end")
        #expect(catalogue.event(22)?.english == "Reverse current phase C begin")
        #expect(catalogue.event(41)?.english == "Phase B loss end")
        #expect(catalogue.event(51)?.english == "Current loss phase C end")
        #expect(catalogue.event(61)?.english == "Overcurrent phase C end")
        #expect(catalogue.event(62)?.english == "Power limit exceeded end")
        #expect(catalogue.event(63)?.english == "Event log cleared")
        #expect(Set(catalogue.events.map(\.english)).count == 63)
    }

    @Test func duplicateCodeIsAnError() {
        let json = #"{"format":1,"events":[{"code":1,"russian":"а","english":"a","threePhaseOnly":false},{"code":1,"russian":"б","english":"b","threePhaseOnly":false}]}"#
        #expect(throws: MapError.duplicateEvent(1)) { try EventCatalogue(data: Array(json.utf8)) }
    }

    @Test func missingFieldNamesItsPath() {
        let json = #"{"format":1,"events":[{"code":1,"russian":"а","threePhaseOnly":false}]}"#
        #expect(throws: MapError.invalidField(path: "events[0].english", detail: "missing")) {
            try EventCatalogue(data: Array(json.utf8))
        }
    }
}
