import DLMS
import TextSafety
import ES951

/// The words of `hlmcs settings` (SPEC F-60), in English and Russian.
extension Strings {
    func cannotReadFile(_ path: String) -> String { self["settingsFile.cannotReadFile", path] }

    func cannotWriteFile(_ path: String, _ why: String) -> String { self["settingsFile.cannotWriteFile", path, why] }

    func settingsExported(_ count: Int, _ path: String) -> String { self["settingsFile.exported", String(count), path] }

    func settingsImported(_ count: Int, _ path: String) -> String { self["settingsFile.imported", String(count), path] }

    var settingsNothingToChange: String { self["settingsFile.nothingToChange"] }

    func settingsInvalidTogether(_ path: String, _ problem: String) -> String {
        self["settingsFile.invalidTogether", path, problem]
    }

    func settingsPartlyWritten(written: [String], refused: String, reason: String, notWritten: [String]) -> String {
        let w = written.isEmpty ? self["settingsFile.partlyWritten.nothing"] : written.joined(separator: ", ")
        let n = notWritten.isEmpty ? self["settingsFile.partlyWritten.nothing"] : notWritten.joined(separator: ", ")
        return self["settingsFile.partlyWritten.message", refused, reason, w, n]
    }

    /// A refused `.set` file: which line and why; nothing was written.
    func settingsProblem(_ path: String, _ problem: SettingsFile.Problem) -> String {
        let at = problem.line > 0 ? "\(path):\(problem.line)" : path
        let why: String = switch problem.kind {
        case .notUTF8: self["settingsFile.problem.notUTF8"]
        case .notASettingsFile: self["settingsFile.problem.notASettingsFile", SettingsFile.formatLine]
        case .unsupportedVersion(let v): self["settingsFile.problem.unsupportedVersion", v]
        case .truncated: self["settingsFile.problem.truncated"]
        case .textAfterEnd: self["settingsFile.problem.textAfterEnd"]
        case .notKeyValue: self["settingsFile.problem.notKeyValue"]
        case .unknownKey(let k): self["settingsFile.problem.unknownKey", OutsideText.forTerminal(k, limit: 80)]
        case .duplicateKey(let k): self["settingsFile.problem.duplicateKey", k]
        case .missingModel: self["settingsFile.problem.missingModel"]
        case .otherModel(let file, let device): self["settingsFile.problem.otherModel", file, device]
        case .forbiddenKey(let k): self["settingsFile.problem.forbiddenKey", k]
        case .invalidValue(let key, let value, let rule):
            // The value as found, short and escaped: a file may hold anything.
            "\(key) = \(OutsideText.forTerminal(value, limit: 80)): " + expected(rule)
        case .malformedEscape(let key, let error):
            "\(key): " + escapeProblem(error)
        }
        return self["settingsFile.problem.message", at, why]
    }

    /// A value's escape that does not read back (see the .set section of the man page).
    func escapeProblem(_ error: OutsideText.UnescapeError) -> String {
        let at = error.offset + 1
        return switch error.reason {
        case .danglingBackslash: self["settingsFile.escape.danglingBackslash"]
        case .unknownEscape: self["settingsFile.escape.unknownEscape", error.found, String(at)]
        case .malformedHex: self["settingsFile.escape.malformedHex", error.found, String(at)]
        case .notAScalar: self["settingsFile.escape.notAScalar", error.found, String(at)]
        case .rawControl: self["settingsFile.escape.rawControl", error.found, String(at)]
        }
    }

    func expected(_ rule: SettingsFile.ValueRule) -> String {
        switch rule {
        case .speed: self["settingsFile.expected.speed", LineSpeed.rangeText, LineSpeed.bauds.map(String.init).joined(separator: ", ")]
        case .timeZone: self["settingsFile.expected.timeZone"]
        case .ipv4: self["settingsFile.expected.ipv4"]
        case .subnetMask: self["settingsFile.expected.subnetMask"]
        case .endpoint: self["settingsFile.expected.endpoint"]
        case .port: self["settingsFile.expected.port"]
        case .onOff: self["settingsFile.expected.onOff"]
        case .heartbeat(let r): self["settingsFile.expected.heartbeat", HeartbeatInterval.text(r.lowerBound), HeartbeatInterval.text(r.upperBound)]
        case .apn(let reason):
            switch reason {
            case .tooLong(let max): self["settingsFile.expected.apnTooLong", String(max)]
            case .invalidCharacter(let c): self["settingsFile.expected.apnCharacter", "\(c)"]
            case .empty: self["settingsFile.expected.apnEmpty"]
            default: self["settingsFile.expected.apnInvalid"]
            }
        }
    }
}
