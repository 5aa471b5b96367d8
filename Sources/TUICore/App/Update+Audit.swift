import Accounts

/// The audit window (System ▸ Audit log, issue 18 item 11): its keys, the log loaded,
/// the CSV written.
extension AppState {
    mutating func auditMessage(_ msg: Msg) -> [Effect] {
        switch msg {
        case .auditLoaded(let entries):
            if case .audit(var window) = modal {
                window.reload(entries)
                modal = .audit(window)
            } else if modal == nil {
                let mayExport = session.map { $0.may(.read) && $0.may(.export) } ?? false
                modal = .audit(AuditWindow(entries: entries, mayExport: mayExport))
            }
        case .auditFailed(let failure):
            // Like a page's read: the words on the status line (and in the window, when
            // a reload of it failed).
            status = failure.text
            if case .audit(var window) = modal { window.failed(failure.text); modal = .audit(window) }
        case .auditExported(let text), .auditExportFailed(let text):
            let failed = if case .auditExportFailed = msg { true } else { false }
            if case .audit(var window) = modal { window.exported(text, failed: failed); modal = .audit(window) }
            append(text)
        default:
            break
        }
        return []
    }

    mutating func auditKey(_ key: Key, _ current: AuditWindow) -> [Effect] {
        var window = current
        let outcome = window.handle(key, page: AuditWindow.pageRows(height: modalArea.height), now: now, strings)
        modal = .audit(window)
        switch outcome {
        case .close?: modal = nil
        case .reload?: return [.loadAudit]
        case .export(let path, let choice)?:
            let table = window.csv(strings)
            return [.exportAudit(path: path, header: table.header, rows: table.rows, choice)]
        case nil: break
        }
        return []
    }
}
