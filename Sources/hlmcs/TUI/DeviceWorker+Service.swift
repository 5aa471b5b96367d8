import TextSafety
import Accounts
import AccountStore
import Concentrator
import ES951
import Foundation
import TUICore

/// The Service pages' requests (issue 8; SPEC F-60…F-62, `objects`), as the matching
/// commands do them: the settings file through `DeviceSettingsIO` (the code of `hlmcs
/// settings`: `settings-export` to read, `settings-import` to write, `time-zone-write` as
/// well for a time zone), clear data (`clear`), the firmware transfer (`firmware`), the
/// object list (`objects`). Every write is authorized, needs LLS and is audited.
extension DeviceWorker {
    func service(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .exportSettings(let path): await exportSettings(path, page: page, session: session)
        case .previewSettings(let path): await previewSettings(path, page: page, session: session)
        case .importSettings(let path): await importSettings(path, page: page, session: session)
        case .clear(let choice, let point): await clear(choice, point: point, page: page, session: session)
        case .transferFirmware(let path, let id, let activate):
            await transferFirmware(path: path, id: id, activate: activate, page: page, session: session)
        case .readObjects: await readObjects(page: page, session: session)
        default: break
        }
    }

    // MARK: - Settings file (F-60)

    /// Reads the device's settings and saves them as a `.set` file (written whole or not at all).
    func exportSettings(_ path: String, page: ParameterPage, session: Session) async {
        let s = words()
        await read(.settingsExport, page: page, session: session) { c in
            let current = try await DeviceSettingsIO.read(c)
            let text = current.file.text(exportedAt: ISO8601DateFormatter().string(from: Date()))
            do { try DeviceSettingsIO.writeAtomically(text, to: path) } catch {
                audit(session, .settingsExport, target: path, .failure)
                throw CommandFailure(status: .usage, message: s.cannotWriteFile(path, "\(error)"))
            }
            audit(session, .settingsExport, target: path, .success)
            return .exported(path: path, rows: current.file.settings.keys.count)
        }
    }

    /// The file and the device compared: what an import would change, with the checks the
    /// command makes (model, values valid together); nothing is written.
    func previewSettings(_ path: String, page: ParameterPage, session: Session) async {
        let s = words()
        let wanted: SettingsFile
        do { wanted = try DeviceSettingsIO.load(path, strings: s) } catch {
            post(.page(page, .failed(s.failure(for: error).message)))
            return
        }
        await read(.settingsExport, page: page, session: session) { c in
            let (changes, _) = try await settingsChanges(wanted, path: path, c, s)
            return .settingsPreview(changes.map { SettingsChangeLine(key: $0.key.rawValue, old: $0.old, new: $0.new) })
        }
    }

    /// Reads the device and checks the file against it: the changes, or a usage failure
    /// worded with the line or the key at fault.
    func settingsChanges(_ wanted: SettingsFile, path: String, _ c: Concentrator, _ s: Strings) async throws
        -> ([DeviceSettingsIO.Change], DeviceSettingsIO.Current) {
        let current = try await DeviceSettingsIO.read(c)
        if wanted.model != current.file.model {
            throw CommandFailure(status: .usage, message: s.settingsProblem(path, .init(line: 0, .otherModel(file: OutsideText.forTerminal(wanted.model, limit: 80), device: OutsideText.forTerminal(current.file.model, limit: 80)))))
        }
        let changes = DeviceSettingsIO.changes(from: current.file.settings, to: wanted.settings)
        if let problem = DeviceSettingsIO.invalid(changes, current: current, wanted: wanted.settings) {
            throw CommandFailure(status: .usage, message: s.settingsInvalidTogether(path, problem))
        }
        return (changes, current)
    }

    /// Writes the file's changes one value at a time (each read back), stopping at the
    /// first refusal: one `FieldWrite` per key, those after the refusal "not written".
    func importSettings(_ path: String, page: ParameterPage, session: Session) async {
        let s = words()
        let wanted: SettingsFile
        do { wanted = try DeviceSettingsIO.load(path, strings: s) } catch {
            post(.page(page, .failed(s.failure(for: error).message)))
            return
        }
        let link = connectedOptions
        await write(.settingsImport, target: path, page: page, session: session) { c in
            let (changes, current) = try await settingsChanges(wanted, path: path, c, s)
            if changes.contains(where: { $0.key == .timeZone }) {
                try store.authorize(session, .timeZoneWrite, target: path, now: Date())
            }
            guard !changes.isEmpty else { return [] }
            let outcome = try await DeviceSettingsIO.write(changes, current: current, wanted: wanted.settings, concentrator: c, strings: s) { error in
                s.deviceFailure(for: error, link: link)?.message ?? "\(error)"
            }
            var writes = outcome.written.map { FieldWrite(field: $0.rawValue, outcome: .accepted) }
            if let refused = outcome.refused { writes.append(FieldWrite(field: refused.key.rawValue, outcome: .refused(refused.reason))) }
            writes += outcome.notWritten.map { FieldWrite(field: $0.rawValue, outcome: .refused(s.t("not written", "не записано"))) }
            return writes
        }
    }

    // MARK: - Clear data (F-61)

    func clear(_ choice: ClearChoice, point: Int?, page: ParameterPage, session: Session) async {
        let target = "clear \(choice.rawValue) " + (point.map { "point \($0)" } ?? "all")
        await write(.clear, target: target, page: page, session: session) { c in
            let outcomes = try await apiClear(c, choice, point: point)
            return outcomes.map { fieldWrite(choice.rawValue, $0) }
        }
    }

    // MARK: - Firmware (F-62)

    /// Sends the image (the device keeps the blocks it has: a second attempt sends only the
    /// missing ones), verifies it, activates it when asked, then reads the version.
    func transferFirmware(path: String, id: String, activate: Bool, page: ParameterPage, session: Session) async {
        guard let concentrator else { return }
        let s = words()
        let target = "firmware \(id) \(path)"
        do { try store.authorize(session, .firmware, target: target, now: Date()) } catch {
            post(.page(page, .failed(s.failure(for: error).message)))
            return
        }
        guard requireLLS(for: .firmware, target: target, page: page, session: session) else { return }
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
            audit(session, .firmware, target: target, .failure)
            post(.page(page, .failed(s.cannotReadFile(path))))
            return
        }
        await reportProgress(concentrator)
        let post = self.post
        let started = ContinuousClock.now
        let pace = FirmwarePace(started: started)
        guard let entry = await beginWrite(.firmware, target: target, page: page, session: session, concentrator) else { return }
        do {
            let result = try await apiTransferFirmware(concentrator, image: [UInt8](data), id: id, activate: activate) { p in
                post(.page(page, .firmwareProgress(pace.withTimeLeft(p))))
            }
            await flushLog(concentrator)
            try? store.finishWrite(entry, .success)
            post(.page(page, Task.isCancelled ? .stopped : .firmwareDone(activated: result.activated, version: result.version)))
        } catch {
            await flushLog(concentrator)
            try? store.finishWrite(entry, .failure)
            await failed(error, page: page, concentrator)
        }
        await concentrator.setProgressHandler(nil)
    }

    // MARK: - Object list

    func readObjects(page: ParameterPage, session: Session) async {
        await read(.objects, page: page, session: session) { c in
            let (differences, compared) = try await apiObjects(c)
            return .objects(differences, compared: compared)
        }
    }

    // MARK: - Device calls
    /// Clears events, profiles or meters of one point or all (`Concentrator.clear`).
    func apiClear(_ c: Concentrator, _ choice: ClearChoice, point: Int?) async throws -> [WriteOutcome] {
        let target: ClearTarget = switch choice {
        case .events: .events
        case .profiles: .profiles
        case .meters: .meters
        }
        return try await c.clear(target, point: point)
    }

    /// The association's object list compared with the device map: the differences, and how
    /// many objects the device listed.
    func apiObjects(_ c: Concentrator) async throws -> ([ObjectDifference], Int) {
        let list = try await c.readObjectList()
        let comparison = ObjectListComparison(device: list, map: c.map)
        func cv(_ classID: UInt16, _ version: UInt8) -> String { "\(classID)/\(version)" }
        var rows: [ObjectDifference] = []
        rows += comparison.missing.map { ObjectDifference(kind: .missing, logicalName: $0.obis.description, map: cv($0.classID, $0.version)) }
        rows += comparison.extra.map { ObjectDifference(kind: .extra, logicalName: $0.obis.description, device: cv($0.classID, $0.version)) }
        rows += comparison.mismatched.map {
            ObjectDifference(kind: .mismatched, logicalName: $0.obis.description, map: cv($0.mapClass, $0.mapVersion),
                             device: cv($0.deviceClass, $0.deviceVersion))
        }
        return (rows, list.count)
    }

    /// The firmware transfer (`Concentrator.transferImage`): resumes what the device has,
    /// verifies, activates when asked, then reads the firmware version the device reports.
    func apiTransferFirmware(_ c: Concentrator, image: [UInt8], id: String, activate: Bool,
                             progress: @escaping @Sendable (FirmwareProgress) -> Void) async throws -> (activated: Bool, version: String?) {
        let outcome = try await c.transferImage(image, identifier: Array(id.utf8), activate: activate) { p in
            progress(FirmwareProgress(blocksSent: p.blocksDone, blocksTotal: p.blocksTotal, bytesSent: p.bytesDone,
                                      bytesTotal: p.bytesTotal, resumedFrom: p.alreadyThere))
        }
        let version = try? await c.readInfo([.firmwareVersion]).firmwareVersion
        return (outcome.activated, version)
    }
}

/// The time left of a firmware transfer, at the pace of the blocks sent so far this time
/// (blocks the device already had do not count).
struct FirmwarePace: Sendable {
    let started: ContinuousClock.Instant

    func withTimeLeft(_ p: FirmwareProgress) -> FirmwareProgress {
        var p = p
        let sent = p.blocksSent - p.resumedFrom
        let (sec, atto) = (ContinuousClock.now - started).components
        let elapsed = Double(sec) + Double(atto) / 1e18
        if sent > 0, elapsed > 0 { p.secondsLeft = Int((elapsed / Double(sent) * Double(p.blocksTotal - p.blocksSent)).rounded(.up)) }
        return p
    }
}
