import TextSafety
import Concentrator
import Accounts
import AccountStore
import ES951
import Foundation

/// Every sentence the account commands say, in English and Russian (SPEC.md F-73).
/// Never includes a password.
struct Strings {
    let language: Language
    var ru: Bool { language == .ru }

    func t(_ en: String, _ ru: String) -> String { self.ru ? ru : en }

    var promptUser: String { t("User: ", "Пользователь: ") }
    var promptPassword: String { t("Password: ", "Пароль: ") }
    func promptNewPassword(_ user: String) -> String { t("New password for \(user): ", "Новый пароль для \(user): ") }
    var promptLLSPassword: String { t("LLS password of the concentrator: ", "Пароль LLS концентратора: ") }
    var llsPasswordNeeded: String {
        t("--lls needs the concentrator's password: set HLMCS_LLS_PASSWORD, or run on a terminal.",
          "Для --lls нужен пароль концентратора: задайте HLMCS_LLS_PASSWORD или запустите в терминале.")
    }
    var attributesNeeded: String { t("Name at least one attribute as CLASS/OBIS/ATTR (e.g. 1/0.0.96.1.0.255/2).", "Укажите хотя бы один атрибут как КЛАСС/OBIS/АТРИБУТ (например 1/0.0.96.1.0.255/2).") }
    func badAttribute(_ text: String) -> String {
        t("Not CLASS/OBIS/ATTR: \(text) (e.g. 1/0.0.96.1.0.255/2).", "Не КЛАСС/OBIS/АТРИБУТ: \(text) (например 1/0.0.96.1.0.255/2).")
    }
    func readRefusedShort(_ reason: String) -> String { t("refused: \(reason)", "отказ: \(reason)") }
    func infoLabel(_ key: String) -> String {
        switch key {
        case "serial-number": t("Serial number", "Заводской номер")
        case "model": t("Model", "Модель")
        case "firmware-version": t("Firmware version", "Версия ПО")
        case "manufacturer": t("Manufacturer", "Изготовитель")
        case "hardware-version": t("Hardware version", "Версия аппаратуры")
        case "logical-address": t("Logical address", "Логический адрес")
        case "meter-counts": t("Meters configured / online / blacklisted", "Счётчики: всего / на связи / в чёрном списке")
        case "battery-use-time": t("Backup battery use time, s", "Время работы от батареи, с")
        case "battery-voltage": t("Backup battery voltage", "Напряжение батареи")
        default: key
        }
    }
    func badPoint(_ point: Int) -> String { t("Not a metering point: \(point) (0…65535).", "Неверная точка учёта: \(point) (0…65535).") }
    func badEventCode(_ code: Int) -> String { t("Event codes are 1…63, not \(code).", "Коды событий — 1…63, а не \(code).") }
    func badMeterAddress(_ text: String) -> String { t("Not a meter address (EUI-64, 8 bytes in hex): \(text).", "Неверный адрес счётчика (EUI-64, 8 байт в hex): \(text).") }
    func meterNotInNetwork(_ text: String) -> String { t("The concentrator has no route to the meter \(text).", "У концентратора нет маршрута к счётчику \(text).") }
    var syncOrSet: String { t("Give --sync or --set, not both.", "Укажите --sync или --set, но не оба.") }
    func badTimeZone(_ text: String) -> String { t("Not a time zone: \(text) (UTC−12…UTC+14 in quarter hours, e.g. UTC+3, UTC-03:30, UTC+05:45).", "Неверный часовой пояс: \(text) (UTC−12…UTC+14 с шагом 15 минут, например UTC+3, UTC-03:30, UTC+05:45).") }
    var promptDPDPassword: String { t("DPD password: ", "Пароль DPD: ") }
    func secretNeeded(_ variable: String) -> String { t("A password is needed: set \(variable), or run on a terminal.", "Нужен пароль: задайте \(variable) или запустите в терминале.") }
    func badEndpoint(_ text: String) -> String { t("Not IP:PORT: \(text) (e.g. 10.0.0.1:4059).", "Не IP:ПОРТ: \(text) (например 10.0.0.1:4059).") }
    func badAddress(_ field: String, _ text: String) -> String { t("--\(field): not an IPv4 address: \(text).", "--\(field): не IPv4-адрес: \(text).") }
    func badOnOff(_ text: String) -> String { t("--dhcp takes on or off, not \(text).", "--dhcp принимает on или off, а не \(text).") }
    func badPort(_ port: Int) -> String { t("Not a TCP port: \(port) (1–65535).", "Неверный TCP-порт: \(port) (1–65535).") }
    func invalidField(_ field: String, _ reason: ValidationReason) -> String {
        let why: String = switch reason {
        case .empty: t("empty", "пусто")
        case .tooLong(let maximum): t("longer than \(maximum) characters", "длиннее \(maximum) символов")
        case .invalidCharacter(let c): t("character \(String(c).debugDescription) not allowed", "недопустимый символ \(String(c).debugDescription)")
        case .invalidAddress: t("not a valid address", "неверный адрес")
        case .outOfRange(let range): t("outside \(range.lowerBound)…\(range.upperBound)", "вне диапазона \(range.lowerBound)…\(range.upperBound)")
        case .nonContiguousMask: t("not a contiguous mask", "маска не непрерывна")
        case .passwordRequired: t("needs the password too (--dpd-password)", "нужен и пароль (--dpd-password)")
        }
        return t("Invalid \(field): \(why); nothing was written.", "Неверное значение \(field): \(why); ничего не записано.")
    }
    var noPorts: String { t("No serial ports found (is the adapter plugged in?).", "Последовательные порты не найдены (подключён ли адаптер?).") }
    var noAccessHint: String { t("no permission", "нет прав") }
    var dialoutHint: String {
        t("To open the ports marked \"no permission\": sudo usermod -aG dialout $USER, then log in again.",
          "Чтобы открыть порты с пометкой «нет прав»: sudo usermod -aG dialout $USER, затем войдите в систему заново.")
    }
    var promptConfirm: String { t("Repeat the new password: ", "Повторите новый пароль: ") }
    var passwordsDiffer: String { t("The passwords differ; nothing changed.", "Пароли не совпадают; ничего не изменено.") }
    var noPasswordGiven: String { t("No password given.", "Пароль не введён.") }
    var loginNeeded: String {
        t("A login is needed: set HLMCS_USER and HLMCS_PASSWORD, or run on a terminal.",
          "Нужен вход: задайте HLMCS_USER и HLMCS_PASSWORD или запустите в терминале.")
    }
    func databaseUnusable(_ path: String, _ error: Error) -> String {
        if let error = error as? DatabaseFileError { return message(for: error) }
        return t("Cannot open the database \(path): \(databaseReason(error)).", "Не удаётся открыть базу данных \(path): \(databaseReason(error)).")
    }
    var initialized: String {
        t("The administrator's password is set. Log in as \(UserName.firstAdministrator).",
          "Пароль администратора задан. Войдите как \(UserName.firstAdministrator).")
    }
    func userAdded(_ name: String, _ role: Role) -> String {
        t("User \(name) added with role \(role.name).", "Пользователь \(name) добавлен с ролью \(role.russianLabel).")
    }
    func passwordChanged(_ name: String) -> String { t("Password of \(name) changed.", "Пароль пользователя \(name) изменён.") }
    func userDeleted(_ name: String) -> String { t("User \(name) deleted.", "Пользователь \(name) удалён.") }
    func roleChanged(_ name: String, _ role: Role) -> String {
        t("User \(name) now has role \(role.name).", "Пользователю \(name) назначена роль \(role.russianLabel).")
    }
    func granted(_ permission: Permission, _ role: Role) -> String {
        t("Role \(role.name) may now: \(permission.rawValue).", "Роли \(role.russianLabel) разрешено: \(permission.rawValue).")
    }
    func revoked(_ permission: Permission, _ role: Role) -> String {
        t("Role \(role.name) may no longer: \(permission.rawValue).", "Роли \(role.russianLabel) запрещено: \(permission.rawValue).")
    }
    func roleLabel(_ role: Role) -> String { ru ? role.russianLabel : role.name }
    func stoppedBySignal(_ number: Int32) -> String {
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : number == SIGHUP ? "SIGHUP" : "signal \(number)"
        return t("Stopped (\(name)): the request in flight was stopped and the association released; no partial file was left.",
                 "Остановлено (\(name)): текущий запрос прерван, ассоциация освобождена; незаконченных файлов не осталось.")
    }

    /// Before a write: the unit it goes to, as read on this association.
    func writingTo(_ device: DeviceIdentity) -> String {
        t("writing to concentrator \(device.text)", "запись в концентратор \(device.text)")
    }
    func auditUnavailable(_ error: Error) -> String {
        t("The audit log cannot be written (\(databaseReason(error))): nothing was sent to the concentrator. Try again when the database is free.",
          "Журнал аудита не записывается (\(databaseReason(error))): в концентратор ничего не отправлено. Повторите, когда база данных освободится.")
    }
    func auditOutcomeLost(_ error: Error) -> String {
        t("the write was done, but its outcome could not be recorded in the audit log (\(databaseReason(error))); the entry says \"started\".",
          "запись выполнена, но её итог не удалось внести в журнал аудита (\(databaseReason(error))); запись журнала осталась «начато».")
    }
    /// Why the database refused, in words: locked, read-only, full, or SQLite's own text.
    func databaseReason(_ error: Error) -> String {
        switch DatabaseCondition(error) {
        case .locked?: t("the database is locked by another program", "база данных занята другой программой")
        case .readOnly?: t("the database is read-only", "база данных только для чтения")
        case .full?: t("the disk is full", "диск заполнен")
        case .other(let message)?: OutsideText.forTerminal(message, limit: 200)
        case nil: OutsideText.forTerminal("\(error)", limit: 200)
        }
    }

    var noPasswordYet: String { t("no password yet", "пароль не задан") }
    func badTime(_ text: String) -> String {
        t("Not a time: \(text) (ISO 8601, e.g. 2026-11-01 or 2026-11-01T06:00+03:00).",
          "Неверное время: \(text) (ISO 8601, например 2026-11-01 или 2026-11-01T06:00+03:00).")
    }
    func outcome(_ outcome: AuditEntry.Outcome) -> String {
        switch outcome {
        case .success: t("ok", "успех")
        case .failure: t("failed", "ошибка")
        case .denied: t("denied", "отказано")
        case .started: t("started, no outcome recorded", "начато, итог не записан")
        }
    }

    /// The failure, worded, with its exit status.
    func failure(for error: Error) -> CommandFailure {
        switch error {
        case let error as StorageError:
            switch error {
            case .loginFailed, .loginBackedOff, .passwordNotSet, .permissionDenied, .wrongCurrentPassword:
                return CommandFailure(status: .loginOrPermission, message: message(for: error))
            default:
                return CommandFailure(status: .usage, message: message(for: error))
            }
        case let error as AccountsError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as DatabaseFileError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as PasswordTextError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as UserNameError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let failure as CommandFailure:
            return failure
        default:
            if let failure = deviceFailure(for: error) { return failure }
            return CommandFailure(status: .usage, message: t("Error: \(OutsideText.forTerminal("\(error)", limit: 200))",
                                                             "Ошибка: \(OutsideText.forTerminal("\(error)", limit: 200))"))
        }
    }

    func message(for error: StorageError) -> String {
        switch error {
        case .userExists(let name): return t("User \(name) already exists.", "Пользователь \(name) уже существует.")
        case .userNotFound(let name): return t("No user \(name).", "Нет пользователя \(name).")
        case .alreadyInitialized:
            return t("The database is already initialized: users init works only once.",
                     "База данных уже инициализирована: users init выполняется только один раз.")
        case .passwordNotSet(let name):
            return t("Login failed: \(name) has no password yet (run hlmcs users init).",
                     "Вход не выполнен: у \(name) ещё нет пароля (выполните hlmcs users init).")
        case .loginFailed(nil):
            return t("Login failed: wrong user name or password.", "Вход не выполнен: неверное имя пользователя или пароль.")
        case .loginFailed(let seconds?):
            return t("Login failed: wrong user name or password. Too many failed logins in a row: the next attempt is possible in \(seconds) s.",
                     "Вход не выполнен: неверное имя пользователя или пароль. Слишком много неудачных попыток подряд: следующая возможна через \(seconds) с.")
        case .loginBackedOff(let seconds):
            return t("Too many failed logins in a row: try again in \(seconds) s.",
                     "Слишком много неудачных попыток входа подряд: повторите через \(seconds) с.")
        case .permissionDenied(let action, let missing):
            let list = missing.sorted().map(\.rawValue).joined(separator: ", ")
            return t("Permission denied: \(action.rawValue) needs \(list).",
                     "Доступ запрещён: для \(action.rawValue) нужно право \(list).")
        case .wrongCurrentPassword:
            return t("The current password is wrong; nothing changed.", "Текущий пароль неверен; ничего не изменено.")
        case .profileNotFound(let name): return t("No connection profile \(name).", "Нет профиля подключения \(name).")
        }
    }

    func message(for error: AccountsError) -> String {
        switch error {
        case .passwordTooShort(let minimum):
            return t("The password must have at least \(minimum) characters.", "Пароль должен содержать не менее \(minimum) символов.")
        case .passwordEqualsLogin: return t("The password must not be the user name.", "Пароль не должен совпадать с именем пользователя.")
        case .invalidUserName(let name): return t("Not a valid user name: \(name.debugDescription).", "Недопустимое имя пользователя: \(name.debugDescription).")
        case .unknownRole(let text):
            return t("No role \(text): Read, Configurator or Administrator.",
                     "Нет роли \(text): Чтение, Конфигуратор или Администратор.")
        case .unknownPermission(let text):
            let all = Permission.allCases.map(\.rawValue).joined(separator: ", ")
            return t("No permission \(text): \(all).", "Нет права \(text): \(all).")
        case .protectedPermission(let permission, let role):
            return t("The \(role.name) role always keeps \(permission.rawValue).",
                     "Роль \(role.russianLabel) всегда сохраняет право \(permission.rawValue).")
        case .lastAdministrator(let name):
            return t("\(name) is the last administrator and must stay one.",
                     "\(name) — последний администратор и должен им остаться.")
        case .malformedPasswordHash: return t("A stored password hash is damaged.", "Сохранённый хеш пароля повреждён.")
        case .malformedSecret, .secretUnreadable:
            return t("A saved LLS password cannot be opened.", "Сохранённый пароль LLS не удаётся открыть.")
        case .cryptoFailure: return t("Cryptography failed.", "Ошибка криптографии.")
        }
    }
}
