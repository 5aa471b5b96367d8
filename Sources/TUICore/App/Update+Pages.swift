import Accounts
import ES951

/// The work area's pages: their keys, and their requests turned into effects.
extension AppState {
    mutating func pageKey(_ key: Key) -> [Effect] {
        let context = pageContext
        let requests = pages.with(page) { $0.handle(key, context) } ?? []
        return issue(requests, for: page)
    }

    /// Turns a page's requests into effects: connects first when a device request finds
    /// the link closed; refuses a write the user may not make or that NLS cannot carry.
    mutating func issue(_ requests: [PageRequest], for id: ParameterPage) -> [Effect] {
        guard !requests.isEmpty else {
            // A page that asked nothing may say why (nothing checked…).
            if let notice = pages.with(id, { $0.takeNotice() }) ?? nil { status = notice }
            return []
        }
        if case .showProfile(let choice, let point)? = requests.first {
            pages.profiles.preset(choice, point: point)
            page = .profiles
            tree.selected = ParameterPage.profiles.rawValue
            focus = .work
            return []
        }
        if case .setEnergyUnit(let unit)? = requests.first {
            energyUnit = unit
            status = strings["data.status.unit", Self.energyWords(unit, strings)]
            return [.saveEnergyUnit(unit)]
        }
        if reading != nil, requests.contains(where: \.needsDevice) {
            status = strings["status.busy"]
            return []
        }
        var effects: [Effect] = []
        for request in requests {
            if let needed = request.permission {
                guard session?.may(needed) == true else { status = strings["status.notAllowed"]; return [] }
                guard connection.security == .lls else { status = strings["status.needsLLS"]; return [] }
            }
            if case .changeLLSPassword(_, let new) = request { newLLSPassword = new }
            if request.needsDevice, !isConnected, !effects.contains(where: { if case .connect = $0 { true } else { false } }) {
                link = .connecting
                effects.append(.connect(connection, llsPassword: llsPassword))
            }
            effects.append(.page(id, request))
        }
        reading = ReadProgressInfo(bytes: 0, frames: 0, seconds: 0)
        busyPage = id
        exportInFlight = requests.contains(where: \.isCSVExport)
        status = strings[requests.contains(where: \.isWrite) ? "status.writing" : "status.reading"]
        return effects
    }

    /// `kWh / kvarh`, `кВт·ч / квар·ч`: the units of active and reactive energy in `unit`.
    static func energyWords(_ unit: EnergyUnit, _ s: UIStrings) -> String {
        [DLMSUnit.wattHour, .varHour].map { DataText.energySymbol($0, unit, s) ?? DataText.unitSymbol($0, s) ?? "" }
            .joined(separator: " / ")
    }
}
