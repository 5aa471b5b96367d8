import Accounts
import AccountStore
import Concentrator
import ES951
import Export
import Foundation
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
            await read(.meters, page: page, session: session) { c in
                let meters = try await c.readMeters(pageSize: Self.meterPageSize, firstPage: Self.firstMeterPage) { rows in
                    post(.page(page, .metersPage(rows)))
                }
                let status = try await c.readPollStatus(pageSize: Self.meterPageSize)
                return .meters(meters, status: status)
            }
        case .readTopology:
            await read(.topology, page: page, session: session) { c in .topology(try await c.readTopology()) }
        case .removeMeter(let point):
            await write(.clear, target: "point \(point)", page: page, session: session) { c in
                [fieldWrite("point \(point)", try await c.removeMeter(point: point))]
            }
        case .removeAllMeters:
            await write(.clear, target: "all meters", page: page, session: session) { c in
                [fieldWrite("all", try await c.removeAllMeters())]
            }
        case .exportMeters(let path, let meters, let status):
            exportMeters(path, meters, status, page: page, session: session)
        default:
            break
        }
    }

    /// Writes the meters to `path` as `hlmcs meters --status --csv` does (UTF-8 with BOM;
    /// `;` and a decimal comma in Russian, `,` and a point in English), audited as
    /// `csv-export`.
    func exportMeters(_ path: String, _ meters: [MeterRecord], _ status: [PollStatus], page: ParameterPage, session: Session) {
        let s = words()
        do {
            try store.authorize(session, .csvExport, target: path, now: Date())
        } catch {
            post(.page(page, .failed(s.failure(for: error).message)))
            return
        }
        let output = MetersCommand.output(meters, statuses: status, s)
        do {
            try CSVWriter.write(output.table, format: s.ru ? .russian : .english, to: path)
        } catch {
            audit(session, .csvExport, target: path, .failure)
            post(.page(page, .failed(s.failure(for: error).message)))
            return
        }
        audit(session, .csvExport, target: path, .success)
        post(.page(page, .exported(path: path, rows: output.table.rows.count)))
    }
}
