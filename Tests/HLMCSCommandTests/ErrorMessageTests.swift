import Accounts
import Concentrator
import DLMS
import DLMSTransport
import Foundation
import ES951
import Operations
import Testing
@testable import hlmcs

/// The worded failures of ErrorMessages.swift, as a table (STYLE.md "Errors"): the exit
/// status and a part of the text that names the reason, in English and Russian.
@Suite struct ErrorMessageTests {
    static let serial = LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 9600)
    static let tcp = LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059, security: .lls, timeoutSeconds: 5)

    struct Case: Sendable, CustomTestStringConvertible {
        var error: any Error & Sendable
        var link: LinkSpec
        var status: hlmcs.ExitStatus
        var english: String
        var russian: String
        var testDescription: String { english }
    }

    static let cases: [Case] = [
        Case(error: ConcentratorError.associationRejected(.rejectedPermanent, .serviceUser(13)), link: tcp, status: .deviceRefused,
             english: "The concentrator refused the association: wrong password (authentication failure).",
             russian: "Концентратор отклонил ассоциацию: неверный пароль (authentication failure)."),
        Case(error: ConcentratorError.associationRejected(.rejectedPermanent, .serviceUser(1)), link: tcp, status: .deviceRefused,
             english: "wrong client address 32 or security (no reason given)",
             russian: "неверный клиентский адрес 32 или уровень доступа"),
        Case(error: ConcentratorError.link(.dlms(.noResponse(attempts: 4))), link: tcp, status: .link,
             english: "No answer from the concentrator after 4 tries (20 s)",
             russian: "Нет ответа от концентратора после 4 попыток (20 с)"),
        Case(error: LinkError.transport(.notFound("/dev/ttyUSB0")), link: serial, status: .link,
             english: "The port /dev/ttyUSB0 does not exist", russian: "Порт /dev/ttyUSB0 не существует"),
        Case(error: LinkError.transport(.permissionDenied("/dev/ttyUSB0")), link: serial, status: .link,
             english: "No permission to open /dev/ttyUSB0: add yourself to the dialout group",
             russian: "Нет прав на открытие /dev/ttyUSB0: добавьте себя в группу dialout"),
        Case(error: LinkError.transport(.busy("/dev/ttyUSB0")), link: serial, status: .link,
             english: "The port /dev/ttyUSB0 is in use by another program.", russian: "Порт /dev/ttyUSB0 занят другой программой."),
        Case(error: LinkError.transport(.io(errno: ECONNREFUSED, operation: "connect")), link: tcp, status: .link,
             english: "Cannot connect to 10.0.0.5:4059: connection refused", russian: "Не удаётся подключиться к 10.0.0.5:4059"),
        Case(error: LinkError.opticalSignOn(step: .identification, .timedOut(after: .seconds(2))), link: serial, status: .link,
             english: "The optical head sign-on failed at step identification: No answer within 2 s.",
             russian: "на шаге «идентификация»: Нет ответа за 2 с."),
        Case(error: LinkError.invalid(.addressTooLarge(lower: 300, logical: 1, size: 2)), link: serial, status: .usage,
             english: "Server address 300/1 does not fit the 2-byte form", russian: "Адрес сервера 300/1 не помещается в 2-байтовую форму"),
        // Issue 20 item 9: the 1-byte form has no physical part (it is not about 127).
        Case(error: LinkArguments.Problem.invalid(.addressTooLarge(lower: 100, logical: 1, size: 1)), link: tcp, status: .usage,
             english: "The 1-byte address form has no server (physical) address", russian: "В 1-байтовой форме адреса нет адреса сервера"),
        Case(error: LinkError.invalid(.badTimeout(700)), link: serial, status: .usage,
             english: "--timeout 700.0 is out of range (0.1…600 s).", russian: "--timeout 700.0 вне диапазона (0,1…600 с)."),
        Case(error: LinkError.noPassword, link: tcp, status: .usage,
             english: "--lls needs the concentrator's password", russian: "Для --lls нужен пароль концентратора"),
        Case(error: DeviceRefusal.writeRefused(attribute: "45/0.0.25.4.0.255/2", .readWriteDenied), link: tcp, status: .deviceRefused,
             english: "The concentrator refused the write of 45/0.0.25.4.0.255/2: read-write-denied.",
             russian: "Концентратор отклонил запись 45/0.0.25.4.0.255/2: read-write-denied."),
        Case(error: LinkArguments.Problem.invalid(.badServerAddress(0)), link: tcp, status: .usage,
             english: "Server address 0 is out of range (1–16383).", russian: "Адрес сервера 0 вне диапазона (1–16383)."),
    ]

    @Test(arguments: cases)
    func wording(_ c: Case) {
        for (language, expected) in [(Language.en, c.english), (Language.ru, c.russian)] {
            let failure = Strings(language: language).deviceFailure(for: c.error, link: c.link)
            #expect(failure?.status == c.status)
            #expect(failure?.message.contains(expected) == true, "\(failure?.message ?? "nil")")
        }
    }

    /// Issue 18 item 8: a read stopped with Esc is logged as stopped, not as an error.
    @Test func aStopIsNotAnError() {
        let entry = ExchangeLogEntry(time: Date(), what: "read meter-list", outcome: .failure(.cancelled),
                                     duration: .seconds(3), bytes: 900, frames: 6, rows: 120)
        #expect(ExchangeLogText.line(entry, strings: Strings(language: .en), time: "10:00:00")
                == "10:00:00  read meter-list  stopped  3.000 s  900 B  6 frames  120 rows")
        #expect(ExchangeLogText.line(entry, strings: Strings(language: .ru), time: "10:00:00").contains("чтение списка ПУ  остановлено"))
    }

    @Test func exchangeLogFailuresAreWordedNotDumped() {
        let entry = ExchangeLogEntry(time: Date(), what: "read info",
                                     outcome: .failure(.link(.dlms(.noResponse(attempts: 4)))),
                                     duration: .seconds(20), bytes: 0, frames: 0)
        for (language, word) in [(Language.en, "failed: No answer"), (Language.ru, "ошибка: ")] {
            let line = ExchangeLogText.line(entry, strings: Strings(language: language))
            #expect(line.contains(word), "\(line)")
            #expect(!line.contains("noResponse") && !line.contains("DLMSError"), "\(line)")
        }
    }

    /// Issue 20 item 7: the exchange log was `open ок 0.001 s 170 B`; every form the
    /// concentrator writes is worded in Russian, with its parameters kept.
    @Test(arguments: [
        ("open", "открытие связи"), ("close", "закрытие связи"), ("learn device", "изучение устройства"),
        ("read identity", "чтение паспорта"), ("read info", "чтение сведений"), ("read clock", "чтение часов"),
        ("read gprs", "чтение GPRS"), ("read ip", "чтение IP"), ("read topology", "чтение топологии"),
        ("read object list", "чтение списка объектов"), ("read meter-list", "чтение списка ПУ"),
        ("read profile daily point 3", "чтение профиля daily, точка 3"), ("read current point 7", "чтение текущих, точка 7"),
        ("read events point 0", "чтение событий, точка 0"), ("read profile 1.0.99.1.0.255", "чтение профиля 1.0.99.1.0.255"),
        ("read poll-status", "чтение poll-status"), ("get 1/0.0.96.1.0.255/2", "чтение 1/0.0.96.1.0.255/2"),
        ("set clock", "установка часов"), ("sync clock", "синхронизация часов"), ("set time zone", "запись часового пояса"),
        ("set 1/0.0.25.4.128.255/2", "запись 1/0.0.25.4.128.255/2"), ("write gprs apn,heartbeat", "запись GPRS: apn,heartbeat"),
        ("write ip ip,mask", "запись IP: ip,mask"), ("invoke 7/0.0.94.7.128.255/1", "вызов метода 7/0.0.94.7.128.255/1"),
        ("remove meter point 5", "удаление ПУ, точка 5"), ("remove all meters", "удаление всех ПУ"),
        ("clear events point 2", "очистка events, точка 2"), ("clear profiles all points", "очистка profiles, все точки"),
        ("firmware ES951-2.7.1 65536 bytes", "прошивка ES951-2.7.1, 65536 байт"),
    ])
    func exchangeLogOperationsAreWordedInRussian(_ what: String, _ russian: String) {
        let entry = ExchangeLogEntry(time: Date(), what: what, outcome: .success, duration: .milliseconds(218), bytes: 170, frames: 2)
        let ru = ExchangeLogText.line(entry, strings: Strings(language: .ru), time: "10:00:00")
        #expect(ru == "10:00:00  \(russian)  ок  0,218 с  170 Б  2 кадр.")
        let en = ExchangeLogText.line(entry, strings: Strings(language: .en), time: "10:00:00")
        #expect(en == "10:00:00  \(what)  ok  0.218 s  170 B  2 frames")
    }

    /// The forms are matched word by word: a file name with spaces is one `{text}`, a
    /// point that is not a number or a form with words left over stays as written.
    @Test(arguments: [
        ("firmware my image v2.bin 4096 bytes", "\u{43F}\u{440}\u{43E}\u{448}\u{438}\u{432}\u{43A}\u{430} my image v2.bin, 4096 \u{431}\u{430}\u{439}\u{442}"),
        ("read current point 7x", "\u{447}\u{442}\u{435}\u{43D}\u{438}\u{435} current point 7x"),
        ("remove meter point", "remove meter point"), ("open now", "open now"), ("", ""), ("clear  point 2", "clear  point 2"),
        ("read profile daily point 3 extra", "\u{447}\u{442}\u{435}\u{43D}\u{438}\u{435} profile daily point 3 extra"),
    ])
    func exchangeLogFormsAreMatchedWordByWord(_ what: String, _ russian: String) {
        #expect(ExchangeLogText.what(what, Strings(language: .ru)) == russian)
        #expect(ExchangeLogText.what(what, Strings(language: .en)) == (what.hasPrefix("firmware") ? "firmware my image v2.bin 4096 bytes" : what))
    }

    @Test(arguments: [
        ("UTC+3", 180), ("utc-03:30", -210), ("+05:45", 345), ("UTC", 0), ("GMT+2", 120), ("UTC+14", 840), ("UTC-12", -720),
        ("UTC+15", nil), ("3", nil), ("UTC+3:60", nil), ("UTC+3:07", nil), ("UTC-13", nil),
    ] as [(String, Int?)])
    func timeZones(_ text: String, _ minutes: Int?) {
        #expect(TimeZoneRule.parse(text) == minutes)
    }

    @Test func valuesTypedByTheMapOrByAPrefix() throws {
        #expect(try ValueInput.parse("long-unsigned:4059", for: nil) == .longUnsigned(4059))
        #expect(try ValueInput.parse("hex:0a0B", for: nil) == .octetString([0x0A, 0x0B]))
        #expect(throws: ValueInput.Problem.typeNeeded("42")) { try ValueInput.parse("42", for: nil) }
        #expect(throws: ValueInput.Problem.invalid("70000", type: "long-unsigned")) { try ValueInput.parse("long-unsigned:70000", for: nil) }
        let utc = TimeZone(secondsFromGMT: 0)!
        let dt = try ValueInput.parse("date-time:2026-11-01T06:00+03:00", for: nil, timeZone: utc)
        #expect(ValueText.text(dt) == "2026-11-01T06:00:00+03:00")
        #expect(ValueText.text(try ValueInput.parse("date-time:2026-11-01T06:00", for: nil, timeZone: utc)) == "2026-11-01T06:00:00+00:00")
    }

    @Test func setChecksTheActionOfWhatItWrites() {
        #expect(Operator.action(CosemAttributeDescriptor("8/0.0.1.0.0.255/2")!) == .clockWrite)
        #expect(Operator.action(CosemAttributeDescriptor("8/0.0.1.0.0.255/3")!) == .timeZoneWrite)
        #expect(Operator.action(CosemAttributeDescriptor("1/0.0.96.1.0.255/2")!) == .serialNumberWrite)
        #expect(Operator.action(CosemAttributeDescriptor("15/0.0.40.0.2.255/7")!) == .llsPasswordWrite)
        #expect(Operator.action(CosemAttributeDescriptor("1/0.0.94.7.137.255/2")!) == .get)
        #expect(Operator.action(CosemAttributeDescriptor("45/0.0.25.4.0.255/2")!) == .set)
    }

    @Test func getTextOfOctetStrings() {
        #expect(ValueText.text(.octetString(Array("internet".utf8))) == "internet")
        #expect(ValueText.text(.octetString([0x00, 0x1E, 0xC0])) == "001ec0")
        #expect(ValueText.text(.structure([.longUnsigned(1), .array([.boolean(true)])])) == "{1, [true]}")
        let object = ValueText.jsonObject(attribute: "1/0.0.42.0.0.255/2", result: .data(.octetString([0x01, 0x02])))
        #expect(object["hex"] as? String == "0102" && object["value"] as? String == "0102" && object["ok"] as? Bool == true)
        let refused = ValueText.jsonObject(attribute: "x", result: .error(.readWriteDenied))
        #expect(refused["error"] as? String == "read-write-denied" && refused["ok"] as? Bool == false)
    }
}
