import Foundation
import Testing

/// Usage errors in Russian under `--lang ru` or a Russian locale (issue 20 item 7): the
/// parser's English sentences are worded from the catalogue; what was typed is quoted.
@Suite("usage errors in the user's language")
struct UsageErrorTests {
    @Test(arguments: [
        (["events", "--point", "--lang", "ru"], "Ошибка: нет значения для «--point <point>»."),
        (["--bogus", "--lang", "ru"], "Ошибка: неизвестный параметр «--bogus». Может быть, «--baud»?"),
        (["events", "--point", "x", "--lang=ru"], "Ошибка: значение «x» не подходит для «--point <point>»."),
        (["nosuch", "--lang", "ru"], "Ошибка: лишний аргумент «nosuch»."),
        (["events", "--json=yes", "--lang", "ru"], "Ошибка: параметр «--json» не принимает значения, а указано «yes»."),
        (["--demo-meters", "0", "--lang", "ru"], "Ошибка: --demo-meters: от 1 до 1000"),
    ])
    func russianUnderLangRu(_ arguments: [String], _ first: String) async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let r = try await hlmcs.run(arguments)
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == first, "\(r.stderr)")
        #expect(!r.stderr.contains("Error:") && !r.stderr.contains("Usage:") && !r.stderr.contains("for more information"), "\(r.stderr)")
    }

    @Test func theLocaleChoosesRussianAndEnglishStaysAsTheParserWroteIt() async throws {
        let hlmcs = CommandRunner()
        defer { hlmcs.removeFolder() }
        let ru = try await hlmcs.run(["events", "--point"], environment: ["LANG": "ru_RU.UTF-8"])
        #expect(ru.stderr.hasPrefix("Ошибка: нет значения для «--point <point>»."), "\(ru.stderr)")
        #expect(ru.stderr.contains("Вызов: hlmcs events <options>") && ru.stderr.contains("Подробнее: «hlmcs events --help»."))
        let en = try await hlmcs.run(["events", "--point", "--lang", "en"], environment: ["LANG": "ru_RU.UTF-8"])
        #expect(en.stderr.hasPrefix("Error: Missing value for '--point <point>'"), "\(en.stderr)")
        let values = try await hlmcs.run(["events", "--lang", "xx"], environment: ["LANG": "ru_RU.UTF-8"])
        #expect(values.stderr.hasPrefix("Ошибка: значение «xx» не подходит для «--lang <lang>»: допустимо 'ru', 'en'."), "\(values.stderr)")
    }
}
