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
                return CommandFailure(status: .link, message: self["errors.device.opticalSignOn", stepName(step)]
                                      + message(for: transport, link: link))
            case .invalid(let problem): return CommandFailure(status: .usage, message: message(for: problem))
            case .noPassword: return CommandFailure(status: .usage, message: llsPasswordNeeded)
            case .notALink:
                return CommandFailure(status: .usage, message: self["errors.device.notALink"])
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
            return CommandFailure(status: .usage, message: self["errors.device.mapUnusable"]
                                  + mapProblem(error))
        case let error as MapFileUnreadable:
            return CommandFailure(status: .usage, message: self["errors.device.mapUnreadable", error.path]
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
        let reason: String = switch error {
        case .notFound: self["errors.traceFile.noFolder"]
        case .permissionDenied: self["errors.traceFile.permissionDenied"]
        case .io(let code, _) where code == EISDIR: self["errors.traceFile.isFolder"]
        case .io(let code, _): String(cString: strerror(code))
        default: self["errors.traceFile.notWritable"]
        }
        return self["errors.traceFile.cannotCreate", path, reason]
    }

    func connectionFailure(_ error: DLMSConnectionError, link: LinkSpec?) -> CommandFailure {
        switch error {
        case .traceFailed(let path, let code):
            return CommandFailure(status: .usage, message: self["errors.connection.traceFailed", path, String(cString: strerror(code))])
        case .transport(let transport):
            return CommandFailure(status: .link, message: message(for: transport, link: link))
        case .dlms(let dlms):
            switch dlms {
            case .associationRejected(_, let diagnostic):
                return CommandFailure(status: .deviceRefused, message: associationRejected(diagnostic, link: link))
            case .initiateFailed(let error):
                return CommandFailure(status: .deviceRefused, message: self["errors.connection.initiateFailed", "\(error)"])
            case .needsHighLevelSecurity(let mechanism):
                return CommandFailure(status: .deviceRefused, message: self["errors.connection.needsHLS", String(mechanism.rawValue)])
            case .exception(let response):
                return CommandFailure(status: .deviceRefused, message: self["errors.connection.exception", "\(response)"])
            case .serviceError(let error):
                return CommandFailure(status: .deviceRefused, message: self["errors.connection.serviceError", "\(error)"])
            case .noResponse(let attempts):
                let waited = link.map { seconds($0.timeout * attempts) } ?? "?"
                return CommandFailure(status: .link, message: self["errors.connection.noResponse", String(attempts), waited])
            case .linkRefused(let control):
                return CommandFailure(status: .link, message: self["errors.connection.linkRefused", "\(control)"])
            case .disconnectedByPeer:
                return CommandFailure(status: .link, message: self["errors.connection.disconnectedByPeer"])
            case .cancelled:
                return CommandFailure(status: .link, message: self["errors.connection.cancelled"])
            case .responseTooLong(let limit):
                return CommandFailure(status: .link, message: self["errors.connection.responseTooLong", String(limit)])
            case .responseDeadline(let seconds):
                return CommandFailure(status: .link, message: self["errors.connection.responseDeadline", String(seconds)])
            case .frameRejected:
                return CommandFailure(status: .link, message: self["errors.connection.frameRejected"])
            case .link(let hdlc):
                return CommandFailure(status: .link, message: self["errors.connection.linkBroke"] + hdlcText(hdlc) + ".")
            case .malformedAPDU:
                return CommandFailure(status: .link, message: self["errors.connection.malformedAPDU"])
            case .unexpectedAPDU(let tag, _):
                return CommandFailure(status: .link, message: self["errors.connection.unexpectedAPDU", hex(tag)])
            case .invokeIDMismatch(let expected, let received):
                return CommandFailure(status: .link, message: self["errors.connection.invokeIDMismatch", String(received), String(expected)])
            case .blockNumberMismatch(let expected, let received):
                return CommandFailure(status: .link, message: self["errors.connection.blockNumberMismatch", String(received), String(expected)])
            case .resultCountMismatch(let expected, let received):
                return CommandFailure(status: .link, message: self["errors.connection.resultCountMismatch", String(received), String(expected)])
            case .illegalTransition:
                return CommandFailure(status: .link, message: self["errors.connection.illegalTransition"])
            }
        }
    }

    func fileReason(_ reason: FileReason) -> String {
        switch reason {
        case .notFound: self["errors.fileReason.notFound"]
        case .permissionDenied: self["errors.fileReason.permissionDenied"]
        case .isFolder: self["errors.fileReason.isFolder"]
        case .tooLarge: self["errors.fileReason.tooLarge"]
        case .other(let text): text
        }
    }

    /// What is wrong with a device map, in words (the place in the file named).
    func mapProblem(_ error: MapError) -> String {
        switch error {
        case .badJSON(let line, let column, _):
            let at = line.map { l in
                column.map { self["errors.map.badJSON.lineColumn", String(l), String($0)] } ?? self["errors.map.badJSON.line", String(l)]
            }
            return self["errors.map.badJSON.notJson"] + (at.map { " (" + $0 + ")" } ?? "") + "."
        case .invalidField(let path, let detail):
            return "\(path): \(detail)."
        case .invalidValue(let path, let value):
            return self["errors.map.invalidValue", path, value]
        case .unknownType(let type, let path):
            return self["errors.map.unknownType", path, type]
        case .duplicateObject(let obis): return self["errors.map.duplicateObject", "\(obis)"]
        case .duplicateName(let name): return self["errors.map.duplicateName", name]
        case .duplicateAttribute(let obis, let index): return self["errors.map.duplicateAttribute", String(index), "\(obis)"]
        case .duplicateMethod(let obis, let index): return self["errors.map.duplicateMethod", String(index), "\(obis)"]
        case .unknownCaptureObject(let profile, let column):
            return self["errors.map.unknownCaptureObject", "\(profile)", "\(column)"]
        case .duplicateEvent(let code): return self["errors.map.duplicateEvent", String(code)]
        case .unsupportedFormat(let format): return self["errors.map.unsupportedFormat", String(format)]
        case .resourceMissing(let name): return self["errors.map.resourceMissing", name]
        }
    }

    private func hex(_ byte: UInt8) -> String { String(byte, radix: 16, uppercase: true) }

    /// An HDLC failure in words (the frame's own fault or the peer's).
    func hdlcText(_ error: HDLCError) -> String {
        switch error {
        case .apduTooLong(let max):
            self["errors.hdlc.apduTooLong", String(max)]
        case .informationTooLong(let count, let max):
            self["errors.hdlc.informationTooLong", String(count), String(max)]
        case .sequenceError: self["errors.hdlc.sequenceError"]
        case .badParameters: self["errors.hdlc.badParameters"]
        case .headerCheckFailed, .frameCheckFailed: self["errors.hdlc.checksum"]
        case .missingFlag, .unsupportedFormat, .badLength, .badAddress, .unknownControl, .unexpectedInformation:
            self["errors.hdlc.malformed"]
        case .addressMismatch: self["errors.hdlc.addressMismatch"]
        }
    }

    /// SPEC.md: a refused association names the reason (wrong password, wrong client address).
    func associationRejected(_ diagnostic: SourceDiagnostic, link: LinkSpec?) -> String {
        let prefix = self["errors.association.prefix"]
        let client = link.map { String($0.clientSAP ?? ($0.security == .lls ? 32 : 16)) } ?? "?"
        switch diagnostic {
        case .serviceUser(13):
            return prefix + self["errors.association.wrongPassword"]
        case .serviceUser(14):
            return prefix + self["errors.association.passwordRequired"]
        case .serviceUser(11), .serviceUser(12):
            return prefix + self["errors.association.securityNotAccepted", client, diagnosticText(diagnostic)]
        case .serviceUser(2):
            return prefix + self["errors.association.contextNotSupported"]
        default:
            return prefix + self["errors.association.wrongClient", client, diagnosticText(diagnostic)]
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
            return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.refused", Self.dataAccessResultName(reason)])
        case .unexpectedValue(let what):
            return CommandFailure(status: .link, message: self["errors.concentrator.unexpectedValue", what])
        case .implausibleValue(let field, let value, let allowed):
            return CommandFailure(status: .link, message: self["errors.concentrator.implausibleValue", field, value,
                                                                String(allowed.lowerBound), String(allowed.upperBound)])
        case .cancelled:
            return CommandFailure(status: .link, message: self["errors.concentrator.cancelled"])
        case .lacks(let role):
            return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.lacks", roleName(role)])
        case .pointRefused(let point, let reason):
            return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.pointRefused", String(point), Self.dataAccessResultName(reason)])
        case .meterListOfAnotherKind:
            return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.meterListOfAnotherKind"])
        case .timeZoneSignUnknown:
            return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.timeZoneSignUnknown"])
        case .clientMayNotWrite(let attribute, let client, let use):
            if let use {
                return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.clientMayNotWrite", String(client), attribute.description, String(use)])
            }
            return CommandFailure(status: .deviceRefused, message: self["errors.concentrator.clientMayNotWriteNone", String(client), attribute.description])
        }
    }

    /// A map role in words ("meter list", "списка ПУ"), or its key where the catalogue
    /// has none (a user's map may name its own roles).
    func roleName(_ role: String) -> String {
        let key = "roles." + role
        return catalogue.has(key) ? self[key] : role
    }

    func message(for error: TransportError, link: LinkSpec?) -> String {
        let isTCP: Bool = { if case .tcp? = link?.medium { return true } else { return false } }()
        switch error {
        case .timedOut(let after):
            if isTCP { return self["errors.transport.noConnectionWithin", linkName(link), seconds(after)] }
            return self["errors.transport.noAnswerWithin", seconds(after)]
        case .closed:
            return self["errors.transport.closed", linkName(link)]
        case .cut:
            return self["errors.transport.cut", linkName(link)]
        case .notFound(let what):
            if isTCP { return self["errors.transport.hostNotFound", what] }
            return self["errors.transport.portNotFound", what]
        case .permissionDenied(let what):
            return self["errors.transport.permissionDenied", what]
        case .busy(let what):
            return self["errors.transport.busy", what]
        case .io(let code, let operation):
            if operation == "connect" && code == ECONNREFUSED {
                return self["errors.transport.connectionRefused", linkName(link)]
            }
            return self["errors.transport.io", linkName(link), operation, String(cString: strerror(code))]
        case .unsupported(let what):
            return self["errors.transport.unsupported", what]
        }
    }

    func linkName(_ link: LinkSpec?) -> String {
        switch link?.medium {
        case .tcp?: link!.host.contains(":") ? "[\(link!.host)]:\(link!.tcpPort)" : "\(link!.host):\(link!.tcpPort)"
        case .serial?, .optical?: link!.port
        case .demo?: self["errors.linkName.demo"]
        case nil: self["errors.linkName.none"]
        }
    }

    func stepName(_ step: OpticalStep) -> String {
        switch step {
        case .signOn: self["errors.opticalStep.signOn"]
        case .identification: self["errors.opticalStep.identification"]
        case .acknowledge: self["errors.opticalStep.acknowledge"]
        case .switchSpeed: self["errors.opticalStep.switchSpeed"]
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
        case .noMedium: return self["errors.linkArguments.noMedium"]
        case .severalMedia: return self["errors.linkArguments.severalMedia"]
        case .badHostPort(let text): return self["errors.linkArguments.badHostPort", text]
        case .wrapperWithoutTCP: return self["errors.linkArguments.wrapperWithoutTCP"]
        case .baudWithoutSerial: return self["errors.linkArguments.baudWithoutSerial"]
        case .bothSecurities: return self["errors.linkArguments.bothSecurities"]
        case .broadcastWithAddress: return self["errors.linkArguments.broadcastWithAddress"]
        case .invalid(let problem): return message(for: problem)
        }
    }

    /// A rule of the link spec broken, with the rule's own range (the command line, the
    /// connection window and a stored profile are checked by the same rules).
    func message(for problem: LinkProblem) -> String {
        func range(_ r: ClosedRange<Int>) -> String { "\(r.lowerBound)–\(r.upperBound)" }
        switch problem {
        case .badPort(let path):
            return self["errors.linkSpec.badPort", OutsideText.forTerminal(path, limit: 80)]
        case .badHost(let host):
            return self["errors.linkSpec.badHost", OutsideText.forTerminal(host, limit: 80)]
        case .badTCPPort(let port): return badPort(port)
        case .badBaud(let baud): return self["errors.linkSpec.badBaud", String(baud), LineSpeed.rangeText]
        case .badDataBits(let n): return self["errors.linkSpec.badDataBits", String(n)]
        case .badStopBits(let n): return self["errors.linkSpec.badStopBits", String(n)]
        case .badClient(let sap):
            return self["errors.linkSpec.badClient", String(sap), range(LinkSpec.clientSAPs)]
        case .badServerAddress(let n):
            return self["errors.linkSpec.badServerAddress", String(n), range(LinkSpec.serverAddresses)]
        case .badLogical(let n):
            return self["errors.linkSpec.badLogical", String(n), range(LinkSpec.logicalDevices)]
        case .badAddressSize(let n): return self["errors.linkSpec.badAddressSize", String(n)]
        case .addressTooLarge(let lower, let logical, let size):
            if size == 1, lower != 0 {
                return self["errors.linkSpec.noServerInOneByte"]
            }
            return self["errors.linkSpec.addressTooLarge", String(lower), String(logical), String(size)]
        case .badMaxInfo(let n):
            let r = HDLCParameters.informationFieldRange
            return self["errors.linkSpec.badMaxInfo", String(n), range(r)]
        case .badWindow(let n):
            let r = HDLCParameters.windowRange
            return self["errors.linkSpec.badWindow", String(n), range(r)]
        case .badTimeout(let s):
            let r = LinkSpec.timeouts
            return self["errors.linkSpec.badTimeout", "\(s)", seconds(r.lowerBound), seconds(r.upperBound)]
        }
    }

    func message(for problem: ValueInput.Problem) -> String {
        switch problem {
        case .typeNeeded(let text):
            return self["errors.value.typeNeeded", text, ValueInput.typeNames.joined(separator: ", ")]
        case .unknownType(let type):
            return self["errors.value.unknownType", type, ValueInput.typeNames.joined(separator: ", ")]
        case .invalid(let text, let type):
            return self["errors.value.invalid", type, text.debugDescription]
        case .unsupportedType(let type):
            return self["errors.value.unsupportedType", type]
        case .blank:
            return self["errors.value.blank"]
        case .serialNumberDigits(let text, let maximum):
            return self["errors.value.serialNumberDigits", String(maximum), text.debugDescription]
        case .secretOnCommandLine:
            return self["errors.value.secretOnCommandLine", ValueInput.secretVariable]
        case .secretNeeded:
            return self["errors.value.secretNeeded", ValueInput.secretVariable]
        }
    }

    func message(for error: ExportError) -> String {
        switch error {
        case .cannotCreate(let path, let code):
            return self["errors.export.cannotCreate", path, String(cString: strerror(code))]
        case .writeFailed(let path, let code):
            return self["errors.export.writeFailed", path, String(cString: strerror(code))]
        case .renameFailed(let path, let code):
            return self["errors.export.renameFailed", path, String(cString: strerror(code))]
        case .finished(let path):
            return self["errors.export.finished", path]
        }
    }

    func message(for refusal: DeviceRefusal) -> String {
        switch refusal {
        case .writeRefused(let attribute, let reason):
            return self["errors.refusal.writeRefused", attribute, Self.dataAccessResultName(reason)]
        case .readRefused(let attribute, let reason):
            return self["errors.refusal.readRefused", attribute, Self.dataAccessResultName(reason)]
        case .notAccepted(let attribute, let wrote, let reads):
            return self["errors.refusal.notAccepted", attribute, wrote, reads]
        }
    }

    /// The Green Book name of a Data-Access-Result (`read-write-denied`), for text and JSON.
    static func dataAccessResultName(_ result: DataAccessResult) -> String { result.description }
}
