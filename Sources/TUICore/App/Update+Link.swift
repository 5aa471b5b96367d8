import Accounts
import ES951

extension AppState {
    /// The link: connecting, connected, failed, closed; the server address followed.
    mutating func linkMessage(_ msg: Msg) -> [Effect] {
        let s = strings
        switch msg {
        case .connectionRestored(let spec):
            // Only over the demo the program started on: a connection chosen since stays.
            guard connection.medium == .demo, !isConnected else { return [] }
            connection = spec
            llsPassword = nil
            append(s["log.connectionRestored", spec.mediumSummary])
            return []
        case .connecting:
            link = .connecting
            deviceSerial = nil      // another link may reach another unit
            return []
        case .connected(let text):
            link = .connected(text)
            append(s["log.connected", text])
            return []
        case .findTrying(let tried, let total, let candidate):
            reading = ReadProgressInfo(bytes: 0, frames: 0, rows: tried, totalRows: total, seconds: 0)
            status = s["find.trying", String(tried), String(total), candidate]
            return []
        case .found(let spec, let summary):
            reading = nil
            connection = spec
            llsPassword = nil
            status = s["find.found", summary]
            append(s["find.found", summary])
            return []
        case .findFailed(let failure):
            reading = nil
            status = failure.text
            append(s["find.failed", failure.text])
            return []
        case .deviceMap(let name):
            // The connection panel names the map in use when it is not the given one.
            if case .connected(let text) = link { link = .connected(text + " · " + name) }
            append(s["log.deviceMap", name])
            return []
        case .connectFailed(let failure):
            let text = failure.text
            link = .failed(text)
            reading = nil
            if let id = busyPage {
                // The page waiting for its request learns why nothing came.
                let context = pageContext
                _ = pages.with(id) { $0.receive(.failed(failure), context) }
                busyPage = nil
            }
            status = text
            append(s["log.connectFailed", text])
            return []
        case .disconnected(let reason):
            link = .disconnected
            if let reason { status = reason; append(reason) }
            return []

        case .serverAddressChanged(let address):
            connection.serverAddress = address
            append(s["log.addressFollows", String(address)])
            return []
        default:
            return []
        }
    }
}
