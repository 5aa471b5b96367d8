import TextSafety
import Concentrator
import DLMS
import DLMSTransport
import ES951
import Export
import Foundation
import Operations

/// Every failure of a device command put into words, in English and Russian, with its
/// exit status (SPEC.md F-72): 1 the device refused (association rejected, a write
/// refused, a value not accepted), 2 usage or bad input, 3 link or protocol failure.
/// The one place such text is built (STYLE.md "Errors"); tested as a table.
/// Never includes a password.
extension Strings {
    /// The worded failure for an error of the device layers, or nil when `error` is not one.
    /// - Parameter link: the link in use, to name the port or host and the time waited.
    func deviceFailure(for error: Error, link: LinkSpec? = nil) -> CommandFailure? {
        switch error {
        case let error as LinkError:
            switch error {
            case .transport(let transport): return CommandFailure(status: .link, message: message(for: transport, link: link))
            case .opticalSignOn(let step, let transport):
                return CommandFailure(status: .link, message: t(
                    "The optical head sign-on failed at step \(stepName(step)): ",
                    "Вход через оптическую головку не удался на шаге «\(stepName(step))»: ") + message(for: transport, link: link))
            case .invalid(let problem): return CommandFailure(status: .usage, message: message(for: problem))
            case .noPassword: return CommandFailure(status: .usage, message: llsPasswordNeeded)
            case .notALink:
                return CommandFailure(status: .usage, message: t("The demo concentrator is inside the program: there is no line to open.",
                                                                 "Демо-концентратор находится внутри программы: открывать линию не нужно."))
            case .traceFile(let path, let transport):
                return CommandFailure(status: .usage, message: traceFileText(path, transport))
            }
        case let error as ConcentratorError:
            return failure(for: error, link: link)
        case let error as DLMSConnectionError:
            return connectionFailure(error, link: link)
        case let error as TransportError:
            return CommandFailure(status: .link, message: message(for: error, link: link))
        case let error as DLMSError:
            return connectionFailure(.dlms(error), link: link)
        case let problem as LinkArguments.Problem:
            return CommandFailure(status: .usage, message: message(for: problem))
        case let problem as ValueInput.Problem:
            return CommandFailure(status: .usage, message: message(for: problem))
        case let error as ExportError:
            return CommandFailure(status: .usage, message: message(for: error))
        case let error as MapError:
            return CommandFailure(status: .usage, message: t("The device map cannot be used: ", "Карту устройства нельзя использовать: ")
                                  + mapProblem(error))
        case let error as MapFileUnreadable:
            return CommandFailure(status: .usage, message: t("The device map \(error.path) cannot be read: ", "Карту устройства \(error.path) не удаётся прочитать: ")
                                  + fileReason(error.reason) + ".")
        case let refusal as DeviceRefusal:
            return CommandFailure(status: .deviceRefused, message: message(for: refusal))
        case let failure as OperationFailure:
            return self.failure(for: failure)
        default:
            return nil
        }
    }

    /// The trace file cannot be created: a file error, with the reason.
    func traceFileText(_ path: String, _ error: TransportError) -> String {
        let reason: (String, String) = switch error {
        case .notFound: ("its folder does not exist", "её папки не существует")
        case .permissionDenied: ("permission denied", "нет прав на запись")
        case .io(let code, _) where code == EISDIR: ("it is a folder", "это папка")
        case .io(let code, _): (String(cString: strerror(code)), String(cString: strerror(code)))
        default: ("it cannot be written", "её нельзя записать")
        }
        return t("Cannot create the trace file \(path): \(reason.0).",
                 "Не удаётся создать файл трассировки \(path): \(reason.1).")
    }

    func connectionFailure(_ error: DLMSConnectionError, link: LinkSpec?) -> CommandFailure {
        switch error {
        case .traceFailed(let path, let code):
            return CommandFailure(status: .usage, message: t(
                "Writing the trace file \(path) failed (\(String(cString: strerror(code)))); the command was stopped so that no exchange goes unrecorded.",
                "Запись файла трассировки \(path) не удалась (\(String(cString: strerror(code)))); команда остановлена, чтобы обмен не остался незаписанным."))
        case .transport(let transport):
            return CommandFailure(status: .link, message: message(for: transport, link: link))
        case .dlms(let dlms):
            switch dlms {
            case .associationRejected(_, let diagnostic):
                return CommandFailure(status: .deviceRefused, message: associationRejected(diagnostic, link: link))
            case .initiateFailed(let error):
                return CommandFailure(status: .deviceRefused, message: t(
                    "The concentrator refused the association: xDLMS negotiation failed (\(error)).",
                    "Концентратор отклонил ассоциацию: согласование xDLMS не удалось (\(error))."))
            case .exception(let response):
                return CommandFailure(status: .deviceRefused, message: t(
                    "The concentrator refused the request (exception response \(response)).",
                    "Концентратор отклонил запрос (exception response \(response))."))
            case .serviceError(let error):
                return CommandFailure(status: .deviceRefused, message: t(
                    "The concentrator refused the request (service error \(error)).",
                    "Концентратор отклонил запрос (ошибка сервиса \(error))."))
            case .noResponse(let attempts):
                let waited = link.map { seconds($0.timeout * attempts) } ?? "?"
                return CommandFailure(status: .link, message: t(
                    "No answer from the concentrator after \(attempts) tries (\(waited) s): check the cable or the port, the address (--server-address, --client) and the speed.",
                    "Нет ответа от концентратора после \(attempts) попыток (\(waited) с): проверьте кабель или порт, адрес (--server-address, --client) и скорость."))
            case .linkRefused(let control):
                return CommandFailure(status: .link, message: t(
                    "The concentrator refused the HDLC connection (\(control)).",
                    "Концентратор отклонил HDLC-соединение (\(control))."))
            case .disconnectedByPeer:
                return CommandFailure(status: .link, message: t("The concentrator dropped the link.", "Концентратор разорвал соединение."))
            case .cancelled:
                return CommandFailure(status: .link, message: t("Stopped.", "Остановлено."))
            case .responseTooLong(let limit):
                return CommandFailure(status: .link, message: t(
                    "The concentrator's answer went past \(limit) bytes without ending; the read was stopped and the link dropped.",
                    "Ответ концентратора превысил \(limit) байт и не закончился; чтение остановлено, соединение разорвано."))
            case .responseDeadline(let seconds):
                return CommandFailure(status: .link, message: t(
                    "The concentrator's answer was still coming after \(seconds) s, three times longer than the line needs; the read was stopped and the link dropped.",
                    "Ответ концентратора продолжался \(seconds) с — втрое дольше, чем нужно линии; чтение остановлено, соединение разорвано."))
            case .frameRejected:
                return CommandFailure(status: .link, message: t(
                    "The concentrator rejected a frame (FRMR) and the link was closed.",
                    "Концентратор отверг кадр (FRMR), соединение закрыто."))
            case .link(let hdlc):
                return CommandFailure(status: .link, message: t("The link broke: ", "Сбой канала: ") + hdlcText(hdlc) + ".")
            case .malformedAPDU:
                return CommandFailure(status: .link, message: t(
                    "The concentrator's answer could not be decoded (a malformed APDU); nothing was changed.",
                    "Ответ концентратора не удалось разобрать (неверный APDU); ничего не изменено."))
            case .unexpectedAPDU(let tag, _):
                return CommandFailure(status: .link, message: t(
                    "The concentrator answered with an APDU that does not answer the request (tag 0x\(hex(tag))).",
                    "Концентратор прислал APDU, который не отвечает на запрос (тег 0x\(hex(tag)))."))
            case .invokeIDMismatch(let expected, let received):
                return CommandFailure(status: .link, message: t(
                    "The concentrator answered another request (invoke id \(received), expected \(expected)).",
                    "Концентратор ответил на другой запрос (invoke id \(received), ожидался \(expected))."))
            case .blockNumberMismatch(let expected, let received):
                return CommandFailure(status: .link, message: t(
                    "The concentrator sent block \(received) where block \(expected) was due; the read was stopped.",
                    "Концентратор прислал блок \(received) вместо блока \(expected); чтение остановлено."))
            case .resultCountMismatch(let expected, let received):
                return CommandFailure(status: .link, message: t(
                    "The concentrator answered \(received) results for \(expected) requested.",
                    "Концентратор вернул \(received) результатов на \(expected) запрошенных."))
            case .illegalTransition:
                return CommandFailure(status: .link, message: t(
                    "The connection is not in a state to do this (it was closed or is busy).",
                    "Соединение не в том состоянии (закрыто или занято)."))
            }
        }
    }

    func fileReason(_ reason: FileReason) -> String {
        switch reason {
        case .notFound: t("no such file", "файла нет")
        case .permissionDenied: t("permission denied", "нет прав")
        case .isFolder: t("it is a folder", "это папка")
        case .tooLarge: t("too large", "слишком большой")
        case .other(let text): text
        }
    }

    /// What is wrong with a device map, in words (the place in the file named).
    func mapProblem(_ error: MapError) -> String {
        switch error {
        case .badJSON(let line, let column, _):
            let at = line.map { l in column.map { t("line \(l), column \($0)", "строка \(l), столбец \($0)") } ?? t("line \(l)", "строка \(l)") }
            return t("not JSON", "это не JSON") + (at.map { " (" + $0 + ")" } ?? "") + "."
        case .invalidField(let path, let detail):
            return t("\(path): \(detail).", "\(path): \(detail).")
        case .invalidValue(let path, let value):
            return t("\(path): the value \(value) makes no sense.", "\(path): значение \(value) не имеет смысла.")
        case .unknownType(let type, let path):
            return t("\(path): unknown type \(type).", "\(path): неизвестный тип \(type).")
        case .duplicateObject(let obis): return t("object \(obis) appears twice.", "объект \(obis) указан дважды.")
        case .duplicateName(let name): return t("the name \(name) appears twice.", "имя \(name) указано дважды.")
        case .duplicateAttribute(let obis, let index): return t("attribute \(index) of \(obis) appears twice.", "атрибут \(index) объекта \(obis) указан дважды.")
        case .duplicateMethod(let obis, let index): return t("method \(index) of \(obis) appears twice.", "метод \(index) объекта \(obis) указан дважды.")
        case .unknownCaptureObject(let profile, let column):
            return t("profile \(profile) has a column \(column) that is not in the map.", "у профиля \(profile) есть столбец \(column), которого нет в карте.")
        case .duplicateEvent(let code): return t("event \(code) appears twice.", "событие \(code) указано дважды.")
        case .unsupportedFormat(let format): return t("format \(format) is not supported.", "формат \(format) не поддерживается.")
        case .resourceMissing(let name): return t("\(name) is missing from the installation.", "в установке нет \(name).")
        }
    }

    private func hex(_ byte: UInt8) -> String { String(byte, radix: 16, uppercase: true) }

    /// An HDLC failure in words (the frame's own fault or the peer's).
    func hdlcText(_ error: HDLCError) -> String {
        switch error {
        case .apduTooLong(let max):
            t("an answer in segments past \(max) bytes without a last segment",
              "ответ из сегментов превысил \(max) байт без последнего сегмента")
        case .informationTooLong(let count, let max):
            t("a frame of \(count) bytes where \(max) were agreed", "кадр в \(count) байт при согласованных \(max)")
        case .sequenceError: t("frames out of sequence", "нарушен порядок кадров")
        case .badParameters: t("connection parameters that cannot be read", "параметры соединения не читаются")
        case .headerCheckFailed, .frameCheckFailed: t("a frame with a wrong checksum", "кадр с неверной контрольной суммой")
        case .missingFlag, .unsupportedFormat, .badLength, .badAddress, .unknownControl, .unexpectedInformation:
            t("a malformed frame", "неверный кадр")
        case .addressMismatch: t("a frame from another address", "кадр с чужим адресом")
        }
    }

    /// SPEC.md: a refused association names the reason (wrong password, wrong client address).
    func associationRejected(_ diagnostic: SourceDiagnostic, link: LinkSpec?) -> String {
        let prefix = t("The concentrator refused the association: ", "Концентратор отклонил ассоциацию: ")
        let client = link.map { String($0.clientSAP ?? ($0.security == .lls ? 32 : 16)) } ?? "?"
        switch diagnostic {
        case .serviceUser(13):
            return prefix + t("wrong password (authentication failure). Check HLMCS_LLS_PASSWORD.",
                              "неверный пароль (authentication failure). Проверьте HLMCS_LLS_PASSWORD.")
        case .serviceUser(14):
            return prefix + t("a password is required (authentication required): use --lls.",
                              "нужен пароль (authentication required): используйте --lls.")
        case .serviceUser(11), .serviceUser(12):
            return prefix + t("client address \(client) does not accept this security (\(diagnosticText(diagnostic))). Check --client and --nls/--lls.",
                              "клиентский адрес \(client) не принимает этот уровень доступа (\(diagnosticText(diagnostic))). Проверьте --client и --nls/--lls.")
        case .serviceUser(2):
            return prefix + t("application context not supported.", "контекст приложения не поддерживается.")
        default:
            return prefix + t("wrong client address \(client) or security (\(diagnosticText(diagnostic))). Check --client and --nls/--lls.",
                              "неверный клиентский адрес \(client) или уровень доступа (\(diagnosticText(diagnostic))). Проверьте --client и --nls/--lls.")
        }
    }

    func diagnosticText(_ diagnostic: SourceDiagnostic) -> String {
        switch diagnostic {
        case .serviceUser(0): "null"
        case .serviceUser(1): "no reason given"
        case .serviceUser(2): "application context name not supported"
        case .serviceUser(11): "mechanism name not recognised"
        case .serviceUser(12): "mechanism name required"
        case .serviceUser(13): "authentication failure"
        case .serviceUser(14): "authentication required"
        case .serviceUser(let code): "user diagnostic \(code)"
        case .serviceProvider(1): "ACSE provider: no reason given"
        case .serviceProvider(2): "ACSE provider: no common ACSE version"
        case .serviceProvider(let code): "ACSE provider diagnostic \(code)"
        }
    }

    /// The worded failure for an error of the concentrator API (every case has words).
    func failure(for error: ConcentratorError, link: LinkSpec? = nil) -> CommandFailure {
        switch error {
        case .link(let connection): return connectionFailure(connection, link: link)
        case .associationRejected(_, let diagnostic):
            return CommandFailure(status: .deviceRefused, message: associationRejected(diagnostic, link: link))
        case .refused(let reason):
            return CommandFailure(status: .deviceRefused, message: t(
                "The concentrator refused the request: \(Self.dataAccessResultName(reason)).",
                "Концентратор отклонил запрос: \(Self.dataAccessResultName(reason))."))
        case .unexpectedValue(let what):
            return CommandFailure(status: .link, message: t(
                "The concentrator answered with a value this program does not expect (\(what)); check the device map (--map).",
                "Концентратор ответил значением, которого программа не ожидает (\(what)); проверьте карту устройства (--map)."))
        case .implausibleValue(let field, let value, let allowed):
            return CommandFailure(status: .link, message: t(
                "The concentrator sent \(field) = \(value), which cannot be right (expected \(allowed.lowerBound)…\(allowed.upperBound)); nothing was changed.",
                "Концентратор прислал \(field) = \(value), такого значения быть не может (ожидалось \(allowed.lowerBound)…\(allowed.upperBound)); ничего не изменено."))
        case .cancelled:
            return CommandFailure(status: .link, message: t("Stopped.", "Остановлено."))
        }
    }

    func message(for error: TransportError, link: LinkSpec?) -> String {
        let isTCP: Bool = { if case .tcp? = link?.medium { return true } else { return false } }()
        switch error {
        case .timedOut(let after):
            if isTCP { return t("No connection to \(linkName(link)) within \(seconds(after)) s.",
                                "Нет соединения с \(linkName(link)) за \(seconds(after)) с.") }
            return t("No answer within \(seconds(after)) s.", "Нет ответа за \(seconds(after)) с.")
        case .closed:
            return t("The link was closed by the other end (\(linkName(link))).",
                     "Соединение закрыто другой стороной (\(linkName(link))).")
        case .cut:
            return t("The link was cut (\(linkName(link))).", "Линия оборвана (\(linkName(link))).")
        case .notFound(let what):
            if isTCP { return t("Host \(what) not found.", "Узел \(what) не найден.") }
            return t("The port \(what) does not exist: is the adapter plugged in? (hlmcs ports lists the ports.)",
                     "Порт \(what) не существует: подключён ли адаптер? (hlmcs ports показывает порты.)")
        case .permissionDenied(let what):
            return t("No permission to open \(what): add yourself to the dialout group (sudo usermod -aG dialout $USER), then log in again.",
                     "Нет прав на открытие \(what): добавьте себя в группу dialout (sudo usermod -aG dialout $USER) и войдите в систему заново.")
        case .busy(let what):
            return t("The port \(what) is in use by another program.", "Порт \(what) занят другой программой.")
        case .io(let code, let operation):
            if operation == "connect" && code == ECONNREFUSED {
                return t("Cannot connect to \(linkName(link)): connection refused (nothing listens there).",
                         "Не удаётся подключиться к \(linkName(link)): соединение отклонено (там ничего не слушает).")
            }
            return t("I/O error on \(linkName(link)) (\(operation): \(String(cString: strerror(code)))).",
                     "Ошибка ввода-вывода на \(linkName(link)) (\(operation): \(String(cString: strerror(code)))).")
        case .unsupported(let what):
            return t("Not supported: \(what).", "Не поддерживается: \(what).")
        }
    }

    func linkName(_ link: LinkSpec?) -> String {
        switch link?.medium {
        case .tcp?: link!.host.contains(":") ? "[\(link!.host)]:\(link!.tcpPort)" : "\(link!.host):\(link!.tcpPort)"
        case .serial?, .optical?: link!.port
        case .demo?: t("the demo concentrator", "демо-концентратор")
        case nil: t("the link", "линия")
        }
    }

    func stepName(_ step: OpticalStep) -> String {
        switch step {
        case .signOn: t("sign-on request", "запрос входа")
        case .identification: t("identification", "идентификация")
        case .acknowledge: t("acknowledgement and speed choice", "подтверждение и выбор скорости")
        case .switchSpeed: t("switch to the announced speed", "переход на объявленную скорость")
        }
    }

    func seconds(_ duration: Duration) -> String {
        seconds(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    func seconds(_ value: Double) -> String {
        var text = String(format: "%.1f", value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return ru ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    func message(for problem: LinkArguments.Problem) -> String {
        switch problem {
        case .noMedium: return t("Say how to reach the concentrator: --tcp HOST:PORT, --serial DEV or --optical DEV.",
                                 "Укажите, как подключиться к концентратору: --tcp УЗЕЛ:ПОРТ, --serial УСТРОЙСТВО или --optical УСТРОЙСТВО.")
        case .severalMedia: return t("Give only one of --tcp, --serial and --optical.", "Укажите только одно из --tcp, --serial и --optical.")
        case .badHostPort(let text): return t("Not HOST:PORT: \(text).", "Не УЗЕЛ:ПОРТ: \(text).")
        case .wrapperWithoutTCP: return t("--wrapper goes with --tcp only.", "--wrapper используется только с --tcp.")
        case .baudWithoutSerial: return t("--baud goes with --serial only.", "--baud используется только с --serial.")
        case .bothSecurities: return t("Give --nls or --lls, not both.", "Укажите --nls или --lls, но не оба.")
        case .broadcastWithAddress: return t("--broadcast and --server-address exclude each other.", "--broadcast и --server-address исключают друг друга.")
        case .invalid(let problem): return message(for: problem)
        }
    }

    /// A rule of the link spec broken, with the rule's own range (the command line, the
    /// connection window and a stored profile are checked by the same rules).
    func message(for problem: LinkProblem) -> String {
        func range(_ r: ClosedRange<Int>) -> String { "\(r.lowerBound)–\(r.upperBound)" }
        switch problem {
        case .badPort(let path):
            return t("Not a device path: \(OutsideText.forTerminal(path, limit: 80)) (e.g. /dev/ttyUSB0).",
                     "Неверный путь к устройству: \(OutsideText.forTerminal(path, limit: 80)) (например /dev/ttyUSB0).")
        case .badHost(let host):
            return t("Not a host: \(OutsideText.forTerminal(host, limit: 80)).", "Неверный узел: \(OutsideText.forTerminal(host, limit: 80)).")
        case .badTCPPort(let port): return badPort(port)
        case .badBaud(let baud): return t("Unsupported speed \(baud) (\(LineSpeed.rangeText)).", "Неподдерживаемая скорость \(baud) (\(LineSpeed.rangeText)).")
        case .badDataBits(let n): return t("Data bits \(n): use 7 or 8.", "Биты данных \(n): допустимо 7 или 8.")
        case .badStopBits(let n): return t("Stop bits \(n): use 1 or 2.", "Стоп-биты \(n): допустимо 1 или 2.")
        case .badClient(let sap):
            return t("Client SAP \(sap) is out of range (\(range(LinkSpec.clientSAPs))).", "Клиентский SAP \(sap) вне диапазона (\(range(LinkSpec.clientSAPs))).")
        case .badServerAddress(let n):
            return t("Server address \(n) is out of range (\(range(LinkSpec.serverAddresses))).", "Адрес сервера \(n) вне диапазона (\(range(LinkSpec.serverAddresses))).")
        case .badLogical(let n):
            return t("Logical device \(n) is out of range (\(range(LinkSpec.logicalDevices))).", "Логическое устройство \(n) вне диапазона (\(range(LinkSpec.logicalDevices))).")
        case .badAddressSize(let n): return t("Address size \(n): use 1, 2 or 4.", "Размер адреса \(n): допустимо 1, 2 или 4.")
        case .addressTooLarge(let lower, let logical, let size):
            if size == 1, lower != 0 {
                return t("The 1-byte address form has no server (physical) address: drop --server-address or use 2 or 4 bytes.",
                         "В 1-байтовой форме адреса нет адреса сервера (физического): уберите --server-address или используйте 2 или 4 байта.")
            }
            return t("Server address \(lower)/\(logical) does not fit the \(size)-byte form (above 127 needs 4 bytes).",
                     "Адрес сервера \(lower)/\(logical) не помещается в \(size)-байтовую форму (больше 127 — только 4 байта).")
        case .badMaxInfo(let n):
            let r = HDLCParameters.informationFieldRange
            return t("--max-info \(n) is out of range (\(range(r))).", "--max-info \(n) вне диапазона (\(range(r))).")
        case .badWindow(let n):
            let r = HDLCParameters.windowRange
            return t("--window \(n) is out of range (\(range(r))).", "--window \(n) вне диапазона (\(range(r))).")
        case .badTimeout(let s):
            let r = LinkSpec.timeouts
            return t("--timeout \(s) is out of range (\(seconds(r.lowerBound))…\(seconds(r.upperBound)) s).",
                     "--timeout \(s) вне диапазона (\(seconds(r.lowerBound))…\(seconds(r.upperBound)) с).")
        }
    }

    func message(for problem: ValueInput.Problem) -> String {
        switch problem {
        case .typeNeeded(let text):
            return t("The attribute is not in the device map: write the value as TYPE:VALUE (e.g. long-unsigned:\(text)); types: \(ValueInput.typeNames.joined(separator: ", ")).",
                     "Атрибута нет в карте устройства: запишите значение как ТИП:ЗНАЧЕНИЕ (например long-unsigned:\(text)); типы: \(ValueInput.typeNames.joined(separator: ", ")).")
        case .unknownType(let type):
            return t("Unknown type \(type); types: \(ValueInput.typeNames.joined(separator: ", ")).",
                     "Неизвестный тип \(type); типы: \(ValueInput.typeNames.joined(separator: ", ")).")
        case .invalid(let text, let type):
            return t("Not a valid \(type) value: \(text.debugDescription).", "Недопустимое значение типа \(type): \(text.debugDescription).")
        case .unsupportedType(let type):
            return t("A \(type) cannot be given as one value here; use the gprs or ip command.",
                     "Значение типа \(type) нельзя задать одним словом; используйте команды gprs или ip.")
        case .blank:
            return t("The value is empty: nothing was written (an empty value is never sent to the concentrator).",
                     "Значение пустое: ничего не записано (пустое значение в концентратор не отправляется).")
        case .serialNumberDigits(let text, let maximum):
            return t("A serial number is 1 to \(maximum) digits, not \(text.debugDescription): nothing was written.",
                     "Заводской номер — от 1 до \(maximum) цифр, а не \(text.debugDescription): ничего не записано.")
        case .secretOnCommandLine:
            return t("A password is never given on the command line (it stays in the shell history and shows in ps): leave VALUE out and put it in \(ValueInput.secretVariable), or type it at the prompt.",
                     "Пароль не задаётся в командной строке (он остаётся в истории оболочки и виден в ps): не указывайте ЗНАЧЕНИЕ, а задайте его в \(ValueInput.secretVariable) или введите по запросу.")
        case .secretNeeded:
            return t("This attribute is a password: put the new value in \(ValueInput.secretVariable) (no terminal to ask on).",
                     "Этот атрибут — пароль: задайте новое значение в \(ValueInput.secretVariable) (нет терминала для запроса).")
        }
    }

    func message(for error: ExportError) -> String {
        switch error {
        case .cannotCreate(let path, let code):
            return t("Cannot create \(path): \(String(cString: strerror(code))).", "Не удаётся создать \(path): \(String(cString: strerror(code))).")
        case .writeFailed(let path, let code):
            return t("Cannot write \(path): \(String(cString: strerror(code))).", "Не удаётся записать \(path): \(String(cString: strerror(code))).")
        case .renameFailed(let path, let code):
            return t("Cannot put \(path) in place: \(String(cString: strerror(code))).", "Не удаётся сохранить \(path): \(String(cString: strerror(code))).")
        case .finished(let path):
            return t("\(path) is already written.", "\(path) уже записан.")
        }
    }

    func message(for refusal: DeviceRefusal) -> String {
        switch refusal {
        case .writeRefused(let attribute, let reason):
            return t("The concentrator refused the write of \(attribute): \(Self.dataAccessResultName(reason)).",
                     "Концентратор отклонил запись \(attribute): \(Self.dataAccessResultName(reason)).")
        case .readRefused(let attribute, let reason):
            return t("The concentrator refused to read \(attribute): \(Self.dataAccessResultName(reason)).",
                     "Концентратор отказал в чтении \(attribute): \(Self.dataAccessResultName(reason)).")
        case .notAccepted(let attribute, let wrote, let reads):
            return t("The concentrator did not keep the value of \(attribute): wrote \(wrote), reads back \(reads).",
                     "Концентратор не сохранил значение \(attribute): записано \(wrote), читается \(reads).")
        }
    }

    /// The Green Book name of a Data-Access-Result (`read-write-denied`), for text and JSON.
    static func dataAccessResultName(_ result: DataAccessResult) -> String { result.description }
}
