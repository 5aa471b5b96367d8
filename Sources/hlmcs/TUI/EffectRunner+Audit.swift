import Accounts
import AccountStore
import Export
import Foundation
import Operations
import TUICore

/// The audit window's effects (System ▸ Audit log), on the accounts queue: the log read
/// as `hlmcs audit` reads it (permission `manage-users`; a denial is audited), and its
/// rows written to a new CSV file (permission `csv-export`, audited).
extension EffectRunner {
    func auditEffect(_ effect: Effect, _ s: Strings, _ now: Date, _ session: Session?) throws {
        guard let session else { return }
        switch effect {
        case .loadAudit:
            // The store gives the oldest first; the window lists the newest first.
            let newest = try store.auditLog(since: nil, newest: AuditWindow.limit, by: session, now: now)
            inbox.post(.auditLoaded(Array(newest.reversed())))
        case .exportAudit(let path, let header, let rows, let choice):
            let full = DeviceWorker.fullPath(path)
            // Never over an existing file, whatever the box chose.
            if FileManager.default.fileExists(atPath: full) {
                inbox.post(.auditExportFailed(s["logWindow.exists", full]))
                return
            }
            let language: CSVFormat = s.ru ? .russian : .english
            let format = CSVFormat(separator: choice.separator ?? language.separator,
                                   decimalSeparator: choice.decimal ?? language.decimalSeparator)
            let table = CSVTable(header: header, rows: rows.map { $0.map(CSVCell.text) })
            let written = try AuditedUser(store: store, session: session, now: { now })
                .exportCSV(table, format: format, to: full)
            inbox.post(.auditExported(written == 1 ? s["runtime.audit.exported.one", full]
                                      : s["runtime.audit.exported", full, String(written)]))
        default:
            break
        }
    }
}
