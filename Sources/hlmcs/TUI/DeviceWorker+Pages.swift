import Accounts
import AccountStore
import Concentrator
import Foundation
import Operations
import TUICore

/// The pages' requests (issue 7), each carried out by the family file of its page:
/// `+Parameters` (basic, clock, battery), `+Network` (GPRS, IP), `+Meters` (meter list,
/// PLC, the meter CSV), `+Data` (meter data, profiles, events, their CSV).
extension DeviceWorker {
    func perform(_ request: PageRequest, for page: ParameterPage, session: Session?) async {
        guard let session else { return }
        if request.needsDevice, concentrator == nil {
            post(.page(page, .failed(Failure(.link, words()["runtime.notConnected"]))))
            return
        }
        switch request.family {
        case .information:
            if case .readInfo(let items) = request {
                await read(.info, page: page, session: session) { c in .info(try await c.readInfo(items), asked: items) }
            }
        case .parameters: await parameters(request, page: page, session: session)
        case .network: await network(request, page: page, session: session)
        case .meters: await meters(request, page: page, session: session)
        case .data: await data(request, page: page, session: session)
        case .service: await service(request, page: page, session: session)
        case .app: break   // the app's own navigation, never sent here
        }
    }

    /// The use cases on the open association as `session`'s user: "writing to …" goes
    /// to the exchange log.
    func operations(_ session: Session, _ concentrator: Concentrator) -> Operator {
        let post = self.post, words = self.words
        return Operator(store: store, session: session, concentrator: concentrator,
                        security: connectedOptions?.security ?? .nls,
                        announce: { device in post(.log(words().writingTo(device))) },
                        auditLost: { error in post(.log(words().auditOutcomeLost(error))) })
    }

    /// Runs `body` for `page` with progress and the exchange log: posts what it returns,
    /// or the failure in words (a link failure closes the connection).
    func run(page: ParameterPage, session: Session, _ body: (Operator) async throws -> PageResult) async {
        guard let concentrator else { return }
        await reportProgress(concentrator)
        do {
            // Before the first page, the device's objects (kept in the database after the
            // first time) choose and fit the map every page then uses: here, not at connect,
            // so that Esc and the progress bar work for it as for any read.
            if await concentrator.learned == nil {
                let learned = try await concentrator.learn(cache: StoredObjectLists(store: store))
                if learned.adapted.source.name != map.name { post(.deviceMap(learned.adapted.source.name)) }
            }
            let result = try await body(operations(session, concentrator))
            await flushLog(concentrator)
            post(.page(page, Task.isCancelled ? .stopped : result))
        } catch {
            await flushLog(concentrator)
            await failed(error, page: page, concentrator)
        }
        await concentrator.setProgressHandler(nil)
    }

    /// A read for `page` after asking the authorizer for `action`.
    func read(_ action: Action, page: ParameterPage, session: Session,
              _ body: (Concentrator) async throws -> PageResult) async {
        await run(page: page, session: session) { op in try await op.read(action) { try await body($0) } }
    }

    /// Progress of the request in flight, to the progress bar.
    func reportProgress(_ concentrator: Concentrator) async {
        let started = ContinuousClock.now
        let post = self.post
        let phase = progressPhase
        await concentrator.setProgressHandler { progress in
            let (sec, atto) = (ContinuousClock.now - started).components
            let (before, lists) = phase.withLock { $0 }
            post(.progress(ReadProgressInfo(bytes: progress.bytes, frames: progress.frames, rows: before + progress.rows,
                                            totalRows: progress.totalRows.map { $0 * lists },
                                            seconds: Double(sec) + Double(atto) / 1e18)))
        }
    }

    /// A write outcome as the pages see it.
    nonisolated func fieldWrite(_ field: String, _ outcome: WriteOutcome) -> FieldWrite { FieldWrite.of(field, outcome) }
}

extension FieldWrite {
    /// A write outcome as the pages see it.
    static func of(_ field: String, _ outcome: WriteOutcome) -> FieldWrite {
        switch outcome {
        case .accepted: FieldWrite(field: field, outcome: .accepted)
        case .refused(let reason): FieldWrite(field: field, outcome: .refused(reason.description))
        case .notTaken(.data(let data)): FieldWrite(field: field, outcome: .notTaken(readBack: ValueText.text(data)))
        case .notTaken(.error(let reason)): FieldWrite(field: field, outcome: .notTaken(readBack: reason.description))
        }
    }

    /// A setting's outcome as the page shows it: a value not taken shows what the device
    /// holds now.
    static func of<F>(_ field: String, _ write: SettingWrite<F>) -> FieldWrite {
        if write.outcome.isNotTaken, let holds = write.holds { return FieldWrite(field: field, outcome: .notTaken(readBack: holds)) }
        return of(field, write.outcome)
    }
}
