import Testing
@testable import TUICore

/// Issue 18 item 11: "1 values", "1 rows" no more.
@Suite struct CountedTextTests {
    @Test func oneIsSingularInEnglishAndRussianNeedsNoForm() throws {
        let en = try UIStrings.bundled(.en), ru = try UIStrings.bundled(.ru)
        #expect(en.counted("status.readDone", 1) == "Read 1 value in one request.")
        #expect(en.counted("status.readDone", 14) == "Read 14 values in one request.")
        #expect(en.counted("status.exported", 1, "/tmp/a.csv") == "Exported 1 row to /tmp/a.csv")
        #expect(en.counted("objects.all.rows", 1) == "1 row" && en.counted("objects.all.rows", 0) == "0 rows")
        #expect(ru.counted("status.readDone", 1) == "Прочитано значений за один запрос: 1.")
        #expect(ru.counted("objects.all.rows", 1) == "строк: 1")
    }
}
