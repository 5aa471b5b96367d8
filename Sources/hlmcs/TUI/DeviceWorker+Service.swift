import TextSafety
import Accounts
import AccountStore
import Concentrator
import ES951
import Foundation
import Operations
import TUICore

/// The Service pages' requests (issue 8; SPEC F-60…F-62, `objects`): the use cases of
/// `Operations` the matching commands call too — the settings file, clear data, the
/// firmware transfer (with the reconnect after an activation), the object list.
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
        case .listAllObjects, .readAnyObject, .readAnyProfile, .writeAnyAttribute, .invokeMethod:
            await allObjects(request, page: page, session: session)
        default: break
        }
    }

    // MARK: - Settings file (F-60)

    /// Reads the device's settings and saves them as a `.set` file (written whole or not at all).
    func exportSettings(_ path: String, page: ParameterPage, session: Session) async {
        await run(page: page, session: session) { op in
            .exported(path: path, rows: try await op.exportSettings(to: path).settings.keys.count)
        }
    }

    /// The file and the device compared: what an import would change, with the checks the
    /// command makes (model, values valid together); nothing is written.
    func previewSettings(_ path: String, page: ParameterPage, session: Session) async {
        await run(page: page, session: session) { op in
            let plan = try await op.planImport(try SettingsTransfer.load(path), path: path)
            return .settingsPreview(plan.changes.map { SettingsChangeLine(key: $0.key.rawValue, old: $0.old, new: $0.new) })
        }
    }

    /// Writes the file's changes one value at a time (each read back), stopping at the
    /// first refusal: one `FieldWrite` per key, those after the refusal "not written".
    func importSettings(_ path: String, page: ParameterPage, session: Session) async {
        let s = words()
        let link = connectedOptions
        await run(page: page, session: session) { op in
            let wanted = try SettingsTransfer.load(path)
            // Under NLS, say so before reading anything.
            try op.authorize(.settingsImport, target: path)
            try op.requireLLS(.settingsImport, target: path)
            let outcome = try await op.importSettings(try await op.planImport(wanted, path: path))
            var writes = outcome.written.map { FieldWrite(field: $0.rawValue, outcome: .accepted) }
            if let (key, why) = outcome.stopped {
                writes.append(FieldWrite(field: key.rawValue, outcome: .refused(s.stopText(why, link: link))))
            }
            writes += outcome.notWritten.map { FieldWrite(field: $0.rawValue, outcome: .refused(s["runtime.service.notWritten"])) }
            return .written(writes)
        }
    }

    // MARK: - Clear data (F-61)

    func clear(_ choice: ClearChoice, point: Int?, page: ParameterPage, session: Session) async {
        let target: ClearTarget = switch choice {
        case .events: .events
        case .profiles: .profiles
        case .meters: .meters
        }
        await run(page: page, session: session) { op in
            .written(try await op.clear(target, point: point).map { fieldWrite(choice.rawValue, $0.outcome) })
        }
    }

    // MARK: - Firmware (F-62)

    /// Sends the image (the device keeps the blocks it has: a second attempt sends only the
    /// missing ones), verifies it, activates it when asked, then reads the version — after
    /// an activation on a new association, which becomes the connection.
    func transferFirmware(path: String, id: String, activate: Bool, page: ParameterPage, session: Session) async {
        let post = self.post
        let pace = FirmwarePace(started: ContinuousClock.now)
        let reopen = reopener()
        await run(page: page, session: session) { op in
            let target = FirmwareUpdate.target(identifier: id)
            try op.authorize(.firmware, target: target)
            try op.requireLLS(.firmware, target: target)
            let image: [UInt8]
            do { image = try FirmwareUpdate.loadImage(path) } catch {
                op.audit(.firmware, target: target, .failure)
                throw error
            }
            let result = try await op.updateFirmware(image, identifier: id, activate: activate, progress: { p in
                post(.page(page, .firmwareProgress(pace.withTimeLeft(FirmwareProgress(
                    blocksSent: p.blocksDone, blocksTotal: p.blocksTotal, bytesSent: p.bytesDone,
                    bytesTotal: p.bytesTotal, resumedFrom: p.alreadyThere)))))
            }, reopen: reopen.open)
            if result.outcome.activated { await adopt(result.reopened, serving: reopen.serving.withLock { $0 }) }
            return .firmwareDone(activated: result.outcome.activated, version: result.version)
        }
    }

    // MARK: - Object list

    func readObjects(page: ParameterPage, session: Session) async {
        await run(page: page, session: session) { op in
            // The object check reads the device's list again (and keeps it): the TUI's way
            // to refresh what was learned, as --refresh-objects is the commands'.
            try await op.learnDevice(refresh: true)
            let (comparison, listed) = try await op.checkObjects()
            func cv(_ classID: UInt16, _ version: UInt8) -> String { "\(classID)/\(version)" }
            var rows: [ObjectDifference] = []
            rows += comparison.missing.map { ObjectDifference(kind: .missing, logicalName: $0.obis.description, map: cv($0.classID, $0.version)) }
            rows += comparison.extra.map { ObjectDifference(kind: .extra, logicalName: $0.obis.description, device: cv($0.classID, $0.version)) }
            rows += comparison.mismatched.map {
                ObjectDifference(kind: .mismatched, logicalName: $0.obis.description, map: cv($0.mapClass, $0.mapVersion),
                                 device: cv($0.deviceClass, $0.deviceVersion))
            }
            return .objects(rows, compared: listed)
        }
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
