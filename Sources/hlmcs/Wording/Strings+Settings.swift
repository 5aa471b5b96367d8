import DLMS
import TextSafety
import ES951

/// The words of `hlmcs settings` (SPEC F-60), in English and Russian.
extension Strings {
    func cannotReadFile(_ path: String) -> String {
        t("Cannot read \(path).", "Не удаётся прочитать \(path).")
    }

    func cannotWriteFile(_ path: String, _ why: String) -> String {
        t("Cannot write \(path): \(why)", "Не удаётся записать \(path): \(why)")
    }

    func settingsExported(_ count: Int, _ path: String) -> String {
        t("\(count) settings exported to \(path).", "Настроек выгружено: \(count), файл \(path).")
    }

    func settingsImported(_ count: Int, _ path: String) -> String {
        t("\(count) settings written from \(path) and read back.", "Записано настроек из \(path): \(count), каждая прочитана обратно.")
    }

    var settingsNothingToChange: String {
        t("The concentrator already has these settings: nothing to write.", "В концентраторе уже эти настройки: записывать нечего.")
    }

    func settingsInvalidTogether(_ path: String, _ problem: String) -> String {
        t("\(path) refused, nothing written: \(problem)", "\(path) отклонён, ничего не записано: \(problem)")
    }

    func settingsPartlyWritten(written: [String], refused: String, reason: String, notWritten: [String]) -> String {
        let w = written.isEmpty ? t("nothing", "ничего") : written.joined(separator: ", ")
        let n = notWritten.isEmpty ? t("nothing", "ничего") : notWritten.joined(separator: ", ")
        return t("The concentrator did not take \(refused) (\(reason)). Written: \(w). Not written: \(n).",
                 "Концентратор не принял \(refused) (\(reason)). Записано: \(w). Не записано: \(n).")
    }

    /// A refused `.set` file: which line and why; nothing was written.
    func settingsProblem(_ path: String, _ problem: SettingsFile.Problem) -> String {
        let at = problem.line > 0 ? "\(path):\(problem.line)" : path
        let why: String = switch problem.kind {
        case .notUTF8: t("not UTF-8 text", "не текст UTF-8")
        case .notASettingsFile: t("not a .set file (the first line must be \"\(SettingsFile.formatLine)\")",
                                  "не файл .set (первая строка должна быть «\(SettingsFile.formatLine)»)")
        case .unsupportedVersion(let v): t("format version \(v) is not supported (only 1)", "версия формата \(v) не поддерживается (только 1)")
        case .truncated: t("the file ends without its \"end\" line: truncated?", "файл кончается без строки «end»: обрезан?")
        case .textAfterEnd: t("text after the \"end\" line", "текст после строки «end»")
        case .notKeyValue: t("not \"key = value\"", "не «ключ = значение»")
        case .unknownKey(let k): t("unknown setting \(OutsideText.forTerminal(k, limit: 80))", "неизвестная настройка \(OutsideText.forTerminal(k, limit: 80))")
        case .duplicateKey(let k): t("\(k) given twice", "\(k) указан дважды")
        case .missingModel: t("no \"model\" line", "нет строки «model»")
        case .otherModel(let file, let device): t("made for \(file), the concentrator is \(device)", "сделан для \(file), а концентратор — \(device)")
        case .forbiddenKey(let k): t("\(k) is never imported (serial number, MAC and passwords stay out of .set files)",
                                     "\(k) не импортируется (заводской номер, MAC и пароли в файлы .set не входят)")
        case .invalidValue(let key, let value, let rule):
            // The value as found, short and escaped: a file may hold anything.
            t("\(key) = \(OutsideText.forTerminal(value, limit: 80)): ", "\(key) = \(OutsideText.forTerminal(value, limit: 80)): ") + expected(rule)
        case .malformedEscape(let key, let error):
            t("\(key): ", "\(key): ") + escapeProblem(error)
        }
        return t("\(at): \(why) — nothing was written.", "\(at): \(why) — ничего не записано.")
    }

    /// A value's escape that does not read back (see the .set section of the man page).
    func escapeProblem(_ error: OutsideText.UnescapeError) -> String {
        let at = error.offset + 1
        return switch error.reason {
        case .danglingBackslash: t("a backslash at the end of the value", "обратная косая черта в конце значения")
        case .unknownEscape: t("unknown escape \(error.found) at character \(at) (write \\\\ for a backslash)",
                               "неизвестная последовательность \(error.found) в символе \(at) (обратная косая черта пишется \\\\)")
        case .malformedHex: t("malformed escape \(error.found) at character \(at) (\\xHH or \\u{HHHH})",
                              "неверная последовательность \(error.found) в символе \(at) (\\xHH или \\u{HHHH})")
        case .notAScalar: t("escape \(error.found) at character \(at) names no character",
                            "последовательность \(error.found) в символе \(at) не обозначает символ")
        case .rawControl: t("a control character \(error.found) written as itself at character \(at) (write its escape)",
                            "управляющий символ \(error.found) записан как есть в символе \(at) (нужна его запись через \\)")
        }
    }

    func expected(_ rule: SettingsFile.ValueRule) -> String {
        switch rule {
        case .speed: t("a speed of \(LineSpeed.rangeText) bit/s (\(LineSpeed.bauds.map(String.init).joined(separator: ", ")))",
                        "скорость \(LineSpeed.rangeText) бит/с (\(LineSpeed.bauds.map(String.init).joined(separator: ", ")))")
        case .timeZone: t("a time zone UTC−12:00…UTC+14:00 (e.g. UTC+03:00)", "часовой пояс UTC−12:00…UTC+14:00 (например UTC+03:00)")
        case .ipv4: t("an IPv4 address a.b.c.d, each 0–255", "адрес IPv4 a.b.c.d, каждое 0–255")
        case .subnetMask: t("a subnet mask (ones from the left, e.g. 255.255.255.0)", "маска подсети (единицы слева, например 255.255.255.0)")
        case .endpoint: t("host:port with a port 1–65535, or empty", "хост:порт с портом 1–65535, или пусто")
        case .port: t("a port 1–65535", "порт 1–65535")
        case .onOff: t("on or off", "on или off")
        case .heartbeatMinutes(let r): t("minutes \(r.lowerBound)–\(r.upperBound)", "минуты \(r.lowerBound)–\(r.upperBound)")
        case .apn(let reason):
            switch reason {
            case .tooLong(let max): t("an APN of at most \(max) characters", "APN не длиннее \(max) символов")
            case .invalidCharacter(let c): t("«\(c)» is not allowed in an APN (letters a–z, digits, - and .)", "«\(c)» нельзя в APN (буквы a–z, цифры, - и .)")
            case .empty: t("an APN cannot be empty", "APN не может быть пустым")
            default: t("not a valid APN", "недопустимый APN")
            }
        }
    }
}
