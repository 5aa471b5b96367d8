import Accounts
import AccountStore
import ES951
import Foundation
import TextSafety

/// Words for what issue 14 added to the accounts: a database file refused before SQLite
/// touches it, password text that is not clean UTF-8, a user name that looks like another.
extension Strings {
    func message(for error: DatabaseFileError) -> String {
        switch error {
        case .emptyPath:
            return t("The database path is empty (--db or HLMCS_DB).", "Путь к базе данных пуст (--db или HLMCS_DB).")
        case .notARegularFile(let path, let kind):
            return t("Cannot use \(path) as the database: it is \(kindName(kind).0), not a regular file.",
                     "Нельзя использовать \(path) как базу данных: это \(kindName(kind).1), а не обычный файл.")
        case .permissionsTooOpen(let path, let mode):
            let octal = String(format: "%04o", mode)
            let fix = error.chmodCommand ?? "chmod 600 \(path)"
            return t("Other users may read the database \(path) (mode \(octal)): it holds password hashes. Run: \(fix)",
                     "Базу данных \(path) могут читать другие пользователи (права \(octal)): в ней хранятся хеши паролей. Выполните: \(fix)")
        case .cannotCreate(let path, let code):
            return t("Cannot create \(path): \(String(cString: strerror(code))).", "Не удаётся создать \(path): \(String(cString: strerror(code))).")
        case .cannotInspect(let path, let code):
            return t("Cannot open the database \(path): \(String(cString: strerror(code))).",
                     "Не удаётся открыть базу данных \(path): \(String(cString: strerror(code))).")
        }
    }

    private func kindName(_ kind: DatabaseFileError.FileKind) -> (String, String) {
        switch kind {
        case .directory: ("a folder", "каталог")
        case .characterDevice: ("a character device", "символьное устройство")
        case .blockDevice: ("a block device", "блочное устройство")
        case .fifo: ("a named pipe (FIFO)", "именованный канал (FIFO)")
        case .socket: ("a socket", "сокет")
        case .other: ("a special file", "специальный файл")
        }
    }

    func message(for error: PasswordTextError) -> String {
        switch error {
        case .notUTF8:
            t("The password is not valid UTF-8 text: check the terminal's encoding (LANG) or the input file.",
              "Пароль — не текст в UTF-8: проверьте кодировку терминала (LANG) или входного файла.")
        case .replacementCharacter:
            t("The password contains U+FFFD (�), the mark of text damaged on the way: type it again.",
              "Пароль содержит символ U+FFFD (�) — признак текста, повреждённого при передаче: введите его заново.")
        case .controlCharacter:
            t("The password contains a control character (tab, Escape, NUL…): a password is printable text.",
              "Пароль содержит управляющий символ (табуляция, Escape, NUL…): пароль должен состоять из печатных символов.")
        }
    }

    func message(for error: UserNameError) -> String {
        switch error {
        case .lookalike(let name, let existing):
            t("The user name \(name) looks like that of the existing user \(existing): choose a name that differs by more than letter case or look-alike letters.",
              "Имя \(name) похоже на имя существующего пользователя \(existing): выберите имя, отличающееся не только регистром или похожими буквами.")
        }
    }
    /// A saved connection profile that cannot be read back.
    func profileUnreadable(_ name: String, _ error: LinkSpec.ProfileTextError) -> String {
        let why: String = switch error {
        case .malformed: t("the stored data is damaged", "сохранённые данные повреждены")
        case .newerVersion(let v): t("it was saved by a newer version of hlmcs (format \(v))", "он сохранён более новой версией hlmcs (формат \(v))")
        case .legacy(let word): t("the word \(OutsideText.forTerminal(word, limit: 40)) is not understood", "непонятное слово \(OutsideText.forTerminal(word, limit: 40))")
        }
        return t("Profile \(name) cannot be read: \(why).", "Профиль \(name) не читается: \(why).")
    }
}
