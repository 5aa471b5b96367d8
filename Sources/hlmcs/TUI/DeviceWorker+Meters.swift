import Accounts
import AccountStore
import Concentrator
import ES951
import Export
import Foundation
import Operations
import TUICore

/// The Meter list and PLC network pages' requests (F-35, F-36), as `hlmcs meters` and
/// `hlmcs topology` do them.
extension DeviceWorker {
    /// Rows of the first page of the meter list: 20 rows are on screen within about a
    /// second at 9600 baud (issue 7 asks for 1.5 s), before the rest is asked for.
    static let firstMeterPage = 20
    /// Rows of every further page (fewer round trips for 1000 meters).
    static let meterPageSize = 100

    func meters(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .readMeters:
            let post = self.post
            // One progress for both lists: 0…N rows of the meter list, then N…2N of the
            // poll status (issue 18 item 8: it went back to 0%).
            let phase = progressPhase
            phase.withLock { $0 = (0, 2) }
            defer { phase.withLock { $0 = (0, 1) } }
            await read(.meters, page: page, session: session) { c in
                let meters = try await c.readMeters(pageSize: Self.meterPageSize, firstPage: Self.firstMeterPage) { rows in
                    post(.page(page, .metersPage(rows)))
                }
                phase.withLock { $0 = (meters.count, 2) }
                let status = try await c.readPollStatus(pageSize: Self.meterPageSize)
                return .meters(meters, status: status)
            }
        case .readTopology:
            await read(.topology, page: page, session: session) { c in .topology(try await c.readTopology()) }
        case .removeMeter(let point):
            await run(page: page, session: session) { op in
                .written(try await op.clear(.meters, point: point).map { fieldWrite("point \(point)", $0.outcome) })
            }
        case .removeAllMeters:
            await run(page: page, session: session) { op in
                .written(try await op.clear(.meters, point: nil).map { fieldWrite("all", $0.outcome) })
            }
        case .exportMeters(let path, let meters, let status, let choice):
            exportMeters(path, meters, status, choice, page: page, session: session)
        default:
            break
        }
    }

    /// Writes the meters to `path` as `hlmcs meters --status --csv` does (UTF-8 with BOM;
    /// `;` and a decimal comma in Russian, `,` and a point in English), audited as
    /// `csv-export`.
    func exportMeters(_ path: String, _ meters: [MeterRecord], _ status: [PollStatus], _ choice: CSVChoice,
                      page: ParameterPage, session: Session) {
        let s = words()
        export(path, choice, page: page, session: session) { TableOutput.meters(meters, statuses: status, s).table }
    }
}
