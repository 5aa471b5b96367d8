import Accounts
import ES951

extension AppState {
    /// Requests in flight and the results of the pages: progress, a stop, a result.
    mutating func resultMessage(_ msg: Msg) -> [Effect] {
        let s = strings
        switch msg {
        case .progress(let p):
            if reading != nil { reading = p }
            return []
        case .readStopped:
            reading = nil
            if let id = busyPage {
                let context = pageContext
                _ = pages.with(id) { $0.receive(.stopped, context) }
                busyPage = nil
            }
            status = s["status.stopped"]
            append(s["status.stopped"])
            return []

        case .page(let id, let result):
            followLLSPassword(result)
            let context = pageContext
            _ = pages.with(id) { $0.receive(result, context) }
            // The PLC page finds meters by address in the meter list read on its own page.
            if id == .meters, case .meters(let all, _) = result { pages.plc.knownMeters = all }
            // The serial number read on a page names the files exported from this unit.
            if case .info(let info, _) = result, let serial = info.serialNumber { deviceSerial = serial }
            let exporting = exportInFlight
            if case .metersPage = result {} else if case .firmwareProgress = result {} else { exportInFlight = false }
            switch result {
            case .metersPage, .firmwareProgress: break          // more follows
            case .failed(let failure):
                reading = nil; busyPage = nil
                // After a failed connection its reason stays on screen, not "not connected".
                if !isFailed { status = failure.text }
                // A file not written is in the exchange log too (issue 18 item 10).
                if exporting { append(s["status.exportFailed", failure.text]) }
            case .exportExists(let path):
                reading = nil; busyPage = nil
                status = s["data.export.exists", path]
            case .stopped:
                reading = nil; busyPage = nil
                status = s["status.stopped"]
            case .written(let writes):
                reading = nil; busyPage = nil
                let refused = writes.filter { $0.outcome != .accepted }.count
                status = refused == 0 ? s["status.written", String(writes.count)]
                    : s["status.writtenPartly", String(writes.count - refused), String(writes.count)]
            case .info(_, let asked):
                reading = nil; busyPage = nil
                let lines = InfoPage.Line.allCases.filter { line in line.items.contains(where: asked.contains) }
                status = s.counted("status.readDone", lines.count)
            case .exported(let path, let rows):
                reading = nil; busyPage = nil
                status = s.counted("status.exported", rows, path)
                append(status ?? "")
            default:
                reading = nil; busyPage = nil
                status = s["status.readDonePage"]
            }
            return []
        default:
            return []
        }
    }
}
