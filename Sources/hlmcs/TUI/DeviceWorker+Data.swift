import Accounts
import AccountStore
import Concentrator
import DLMS
import ES951
import Export
import Foundation
import Operations
import TUICore

/// The Data pages' requests (issue 7): a point's current readings (F-38), its profiles
/// (F-40, F-41), the grid event log (F-50, F-51), and their CSV files (F-42) — what
/// `hlmcs profile` and `hlmcs events` do, with the same authorizer actions and the same
/// file.
extension DeviceWorker {
    func data(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .readCurrent(let point):
            await read(.profile, page: page, session: session) { c in
                .current(try await c.readCurrentReadings(point: point))
            }
        case .readProfile(let choice, let point, let from, let to):
            await read(.profile, page: page, session: session) { c in
                let (start, end) = try await Self.window(from, to, on: c)
                return .profile(try await c.readProfile(Self.kind(choice), point: point, from: start, to: end))
            }
        case .readEvents(let point, let from, let to, let code):
            await read(.events, page: page, session: session) { c in
                let (start, end) = try await Self.window(from, to, on: c)
                return .events(try await c.readEvents(point: point, from: start, to: end, code: code))
            }
        case .exportProfile(let path, let table, let choice):
            let s = words()
            export(path, choice, page: page, session: session) { TableOutput.profile(table, s, energy: choice.energyUnit).table }
        case .exportEvents(let path, let records, let choice):
            let s = words()
            export(path, choice, page: page, session: session) { TableOutput.events(records, s).table }
        default:
            break
        }
    }

    /// The profile `hlmcs profile` names as `choice`.
    static func kind(_ choice: ProfileChoice) -> ProfileKind {
        switch choice {
        case .daily: .daily
        case .monthly: .monthly
        case .activeMax: .activeMax
        case .reactiveMax: .reactiveMax
        }
    }

    /// A page's window as the device takes it. The pages carry the typed wall-clock
    /// fields (the device's local time) as a UTC date; they get the device's own time
    /// zone (read from its clock, only when there is a window) and become COSEM
    /// date-times the way `--from`/`--to` do.
    static func window(_ from: Date?, _ to: Date?, on concentrator: Concentrator) async throws -> (COSEMDateTime?, COSEMDateTime?) {
        guard from != nil || to != nil else { return (nil, nil) }
        let zone = try await concentrator.readClock().timeZone
        return (from.flatMap { deviceTime($0, timeZone: zone) }, to.flatMap { deviceTime($0, timeZone: zone) })
    }

    /// The wall-clock fields of `fields` (a UTC date) as a COSEM date-time in the zone
    /// `timeZone` (Blue Book sign: −180 is UTC+3); nil outside what a COSEM date-time
    /// holds (the pages take years 1970…2099 only).
    static func deviceTime(_ fields: Date, timeZone: Int16) -> COSEMDateTime? {
        let offset = -Int(timeZone)
        let instant = Int64(fields.timeIntervalSince1970.rounded(.down)) - Int64(offset) * 60
        return COSEMDateTime(secondsSince1970: instant, utcOffsetMinutes: offset)
    }

    /// Writes the rows `table` gives to `path` (UTF-8 with BOM, the separators chosen or
    /// the interface language's, through a temporary file) with
    /// ``Operator/exportCSV(_:format:to:)``, as `--csv` does; posts the full path and the
    /// row count, or why not. An existing file is replaced only when `choice` says so;
    /// otherwise the page hears that it exists and asks.
    func export(_ path: String, _ choice: CSVChoice, page: ParameterPage, session: Session, _ table: () -> CSVTable) {
        let s = words()
        let full = Self.fullPath(path)
        if !choice.overwrite, FileManager.default.fileExists(atPath: full) {
            post(.page(page, .exportExists(path: full)))
            return
        }
        let language: CSVFormat = s.ru ? .russian : .english
        let format = CSVFormat(separator: choice.separator ?? language.separator, decimalSeparator: choice.decimal ?? language.decimalSeparator)
        do {
            let rows = try AuditedUser(store: store, session: session).exportCSV(table(), format: format, to: full)
            post(.page(page, .exported(path: full, rows: rows)))
        } catch {
            post(.page(page, .failed(s.failure(of: error))))
        }
    }

    /// `~/x.csv` in the home folder, a relative name in the working folder.
    static func fullPath(_ path: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            path = home + path.dropFirst()
        }
        if !path.hasPrefix("/") {
            let folder = FileManager.default.currentDirectoryPath
            path = folder + (folder.hasSuffix("/") ? "" : "/") + path
        }
        return path
    }
}
