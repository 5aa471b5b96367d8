import Accounts
import AccountStore
import Concentrator
import Foundation
import TUICore

/// The pages' requests (issue 7), each carried out by the family file of its page:
/// `+Parameters` (basic, clock, battery), `+Network` (GPRS, IP), `+Meters` (meter list,
/// PLC, the meter CSV), `+Data` (meter data, profiles, events, their CSV).
extension DeviceWorker {
    func perform(_ request: PageRequest, for page: ParameterPage, session: Session?) async {
        guard let session else { return }
        if request.needsDevice, concentrator == nil {
            post(.page(page, .failed(words().t("Not connected.", "Нет подключения."))))
            return
        }
        switch request {
        case .readBasic, .writeSerialNumber, .changeLLSPassword, .readClock, .setClock, .syncClock, .setTimeZone,
             .readBattery:
            await parameters(request, page: page, session: session)
        case .readGPRS, .writeGPRS, .readIP, .writeIP:
            await network(request, page: page, session: session)
        case .readMeters, .removeMeter, .removeAllMeters, .readTopology, .exportMeters:
            await meters(request, page: page, session: session)
        case .readCurrent, .readProfile, .readEvents, .exportProfile, .exportEvents:
            await data(request, page: page, session: session)
        case .exportSettings, .previewSettings, .importSettings, .clear, .transferFirmware, .readObjects:
            await service(request, page: page, session: session)
        case .showProfile:
            break   // the app's own navigation, never sent here
        }
    }

    /// Runs a read for `page` after asking the authorizer for `action`: posts what `body`
    /// returns, or the failure in words.
    func read(_ action: Action, page: ParameterPage, session: Session,
              _ body: (Concentrator) async throws -> PageResult) async {
        guard let concentrator else { return }
        do {
            try store.authorize(session, action, now: Date())
        } catch {
            post(.page(page, .failed(words().failure(for: error).message)))
            return
        }
        await reportProgress(concentrator)
        do {
            let result = try await body(concentrator)
            await flushLog(concentrator)
            post(.page(page, Task.isCancelled ? .stopped : result))
        } catch {
            await flushLog(concentrator)
            await failed(error, page: page, concentrator)
        }
        await concentrator.setProgressHandler(nil)
    }

    /// Runs a write for `page`: the authorizer first (the permission of `action`), then an
    /// LLS association, then `body`; the outcome is audited (success only when every value
    /// was taken) and posted value by value.
    func write(_ action: Action, target: String, page: ParameterPage, session: Session,
               _ body: (Concentrator) async throws -> [FieldWrite]) async {
        guard let concentrator else { return }
        let s = words()
        do {
            try store.authorize(session, action, target: target, now: Date())
        } catch {
            post(.page(page, .failed(s.failure(for: error).message)))
            return
        }
        guard requireLLS(for: action, target: target, page: page, session: session) else { return }
        await reportProgress(concentrator)
        guard let entry = await beginWrite(action, target: target, page: page, session: session, concentrator) else { return }
        do {
            let writes = try await body(concentrator)
            await flushLog(concentrator)
            try? store.finishWrite(entry, writes.allSatisfy { $0.outcome == .accepted } ? .success : .failure)
            post(.page(page, .written(writes)))
        } catch {
            await flushLog(concentrator)
            try? store.finishWrite(entry, .failure)
            await failed(error, page: page, concentrator)
        }
        await concentrator.setProgressHandler(nil)
    }

    /// The audit entry of a write, naming the unit (read on this association), recorded
    /// before anything is sent; nil when it could not be (the page is told why, and
    /// nothing may be sent).
    func beginWrite(_ action: Action, target: String, page: ParameterPage, session: Session,
                    _ concentrator: Concentrator) async -> AccountStore.WriteAuditEntry? {
        let s = words()
        do {
            let device = try await concentrator.identity()
            let entry = try store.beginWrite(session, action, target: target + " @ " + device.text, now: Date())
            post(.log(s.writingTo(device)))
            return entry
        } catch let error as ConcentratorError {
            await flushLog(concentrator)
            await failed(error, page: page, concentrator)
        } catch {
            post(.page(page, .failed(error is StorageError ? s.failure(for: error).message : s.auditUnavailable(error))))
        }
        await concentrator.setProgressHandler(nil)
        return nil
    }

    /// Writes need an LLS association: under NLS the write is refused (and audited as a
    /// failure) with the way out. True when the connection may write.
    func requireLLS(for action: Action, target: String, page: ParameterPage, session: Session) -> Bool {
        guard connectedOptions?.security != .lls else { return true }
        let s = words()
        audit(session, action, target: target, .failure)
        post(.page(page, .failed(s.t("Writing needs an LLS association: choose LLS in the settings (F3) and connect again.",
                                     "Для записи нужна ассоциация LLS: выберите LLS в настройках (F3) и подключитесь снова."))))
        return false
    }

    func audit(_ session: Session, _ action: Action, target: String, _ outcome: AuditEntry.Outcome) {
        try? store.record(AuditEntry(time: Date(), user: session.user, action: action.rawValue, target: target, outcome: outcome))
    }

    /// Progress of the request in flight, to the progress bar.
    func reportProgress(_ concentrator: Concentrator) async {
        let started = ContinuousClock.now
        let post = self.post
        await concentrator.setProgressHandler { progress in
            let (sec, atto) = (ContinuousClock.now - started).components
            post(.progress(ReadProgressInfo(bytes: progress.bytes, frames: progress.frames, rows: progress.rows,
                                            totalRows: progress.totalRows,
                                            seconds: Double(sec) + Double(atto) / 1e18)))
        }
    }

    /// A write outcome as the pages see it.
    func fieldWrite(_ field: String, _ outcome: WriteOutcome) -> FieldWrite {
        switch outcome {
        case .accepted: FieldWrite(field: field, outcome: .accepted)
        case .refused(let reason): FieldWrite(field: field, outcome: .refused(reason.description))
        case .notTaken(.data(let data)): FieldWrite(field: field, outcome: .notTaken(readBack: ValueText.text(data)))
        case .notTaken(.error(let reason)): FieldWrite(field: field, outcome: .notTaken(readBack: reason.description))
        }
    }
}
