import ES951
import Export
import Testing
@testable import hlmcs

/// Events the catalogue does not name are named, not left blank, in the CSV and the
/// text output (as the TUI's Events page names them).
@Suite struct EventNameTests {
    @Test func anUnknownCodeIsNamedInBothLanguages() {
        let records = [EventRecord(time: nil, code: 99, info: nil)]
        let en = TableOutput.events(records, Strings(language: .en))
        let ru = TableOutput.events(records, Strings(language: .ru))
        #expect(en.table.rows.first?.last == .text("Unknown event 99"))
        #expect(ru.table.rows.first?.last == .text("Неизвестное событие 99"))
    }
}
