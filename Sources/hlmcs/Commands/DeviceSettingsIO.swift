import Concentrator
import DLMS
import ES951
import Foundation

/// Reading, comparing and writing the settings of a `.set` file (SettingsCommand).
enum DeviceSettingsIO {
    /// What the device has now, as a file, and the models it came from.
    struct Current {
        var file: SettingsFile
        var gprs: GPRSSettings
        var ip: IPSettings
    }

    static func read(_ concentrator: Concentrator) async throws -> Current {
        let info = try await concentrator.readInfo([.model, .firmwareVersion, .rs485Speed, .timeZone])
        let gprs = try await concentrator.readGPRS()
        let ip = try await concentrator.readIP()
        var s = DeviceSettings()
        s.rs485Baud = info.rs485Baud
        s.timeZoneMinutesEast = info.timeZone.map { -Int($0) }
        s.apn = gprs.apn
        s.primaryServer = .some(gprs.primaryServer)
        s.backupServer = .some(gprs.backupServer)
        s.heartbeatMinutes = gprs.heartbeatMinutes
        s.dhcp = ip.dhcp
        s.ip = ip.ip
        s.mask = ip.mask
        s.gateway = ip.gateway
        s.dns1 = ip.dns1
        s.dns2 = ip.dns2
        s.tcpPort = ip.tcpPort
        return Current(file: SettingsFile(model: info.model ?? "", firmware: info.firmwareVersion, settings: s), gprs: gprs, ip: ip)
    }

    /// Reads and parses the file; any problem is a usage failure naming the line.
    static func load(_ path: String, strings: Strings) throws -> SettingsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: .usage, message: strings.cannotReadFile(path))
        }
        do { return try SettingsFile.parse([UInt8](data)) } catch {
            throw CommandFailure(status: .usage, message: strings.settingsProblem(path, error))
        }
    }

    struct Change: Equatable {
        var key: DeviceSettings.Key
        var old: String
        var new: String
    }

    /// The keys of `wanted` whose value differs from `current`, in file order.
    static func changes(from current: DeviceSettings, to wanted: DeviceSettings) -> [Change] {
        wanted.keys.compactMap { key in
            let new = wanted.text(of: key) ?? ""
            let old = current.text(of: key) ?? ""
            return new == old ? nil : Change(key: key, old: old, new: new)
        }
    }

    /// Checks the wanted values together with the device's (an IP without DHCP…), before
    /// anything is written: the first problem, worded as `key: reason`.
    static func invalid(_ changes: [Change], current: Current, wanted: DeviceSettings) -> String? {
        let ip = merged(current.ip, wanted)
        let ipFields = Set(changes.compactMap { ipField($0.key) })
        if let issue = ip.validate(ipFields).first { return "ip.\(issue.field.rawValue): \(issue.reason)" }
        let gprs = merged(current.gprs, wanted)
        let gprsFields = Set(changes.compactMap { gprsField($0.key) })
        if let issue = gprs.validate(gprsFields).first { return "gprs.\(issue.field.rawValue): \(issue.reason)" }
        return nil
    }

    static func merged(_ ip: IPSettings, _ s: DeviceSettings) -> IPSettings {
        var ip = ip
        if let v = s.dhcp { ip.dhcp = v }
        if let v = s.ip { ip.ip = v }
        if let v = s.mask { ip.mask = v }
        if let v = s.gateway { ip.gateway = v }
        if let v = s.dns1 { ip.dns1 = v }
        if let v = s.dns2 { ip.dns2 = v }
        if let v = s.tcpPort { ip.tcpPort = v }
        return ip
    }

    static func merged(_ gprs: GPRSSettings, _ s: DeviceSettings) -> GPRSSettings {
        var g = gprs
        if let v = s.apn { g.apn = v }
        if let v = s.primaryServer { g.primaryServer = v }
        if let v = s.backupServer { g.backupServer = v }
        if let v = s.heartbeatMinutes { g.heartbeatMinutes = v }
        g.dpdPassword = nil
        return g
    }

    static func ipField(_ key: DeviceSettings.Key) -> IPField? {
        switch key {
        case .dhcp: .dhcp
        case .ip: .ip
        case .mask: .mask
        case .gateway: .gateway
        case .dns1: .dns1
        case .dns2: .dns2
        case .tcpPort: .tcpPort
        default: nil
        }
    }

    static func gprsField(_ key: DeviceSettings.Key) -> GPRSField? {
        switch key {
        case .apn: .apn
        case .primaryServer: .primaryServer
        case .backupServer: .backupServer
        case .heartbeat: .heartbeat
        default: nil
        }
    }

    struct Outcome {
        var written: [DeviceSettings.Key] = []
        var refused: (key: DeviceSettings.Key, reason: String)?
        var notWritten: [DeviceSettings.Key] = []
    }

    /// Writes each change, one value at a time (each read back), stopping at the first
    /// the device does not take. The command and the TUI both call it.
    static func write(_ changes: [Change], current: Current, wanted: DeviceSettings, run: DeviceRun) async throws -> Outcome {
        try await write(changes, current: current, wanted: wanted, concentrator: run.concentrator, strings: run.strings) { error in
            run.strings.deviceFailure(for: error, link: run.link)?.message ?? "\(error)"
        }
    }

    /// The same on `concentrator`; `describe` words a failed write.
    static func write(_ changes: [Change], current: Current, wanted: DeviceSettings, concentrator: Concentrator,
                      strings: Strings, describe: (Error) -> String) async throws -> Outcome {
        var outcome = Outcome()
        let gprs = merged(current.gprs, wanted)
        let ip = merged(current.ip, wanted)
        var pending = changes.map(\.key)
        while let key = pending.first {
            // Both servers travel in one attribute: written together.
            var keys = [key]
            if key == .primaryServer || key == .backupServer {
                keys = pending.filter { $0 == .primaryServer || $0 == .backupServer }
            }
            let result: WriteOutcome
            do {
                result = try await write(keys, gprs: gprs, ip: ip, wanted: wanted, concentrator: concentrator)
            } catch {
                outcome.refused = (key, describe(error))
                outcome.notWritten = pending.filter { !keys.contains($0) }
                return outcome
            }
            switch result {
            case .accepted:
                outcome.written += keys
                pending.removeAll { keys.contains($0) }
            case .refused(let reason):
                outcome.refused = (key, reason.description)
                outcome.notWritten = pending.filter { !keys.contains($0) }
                return outcome
            case .notTaken(let readBack):
                let shown = if case .data(let data) = readBack { ValueText.text(data) } else { "\(readBack)" }
                outcome.refused = (key, strings.t("reads back \(shown)", "читается как \(shown)"))
                outcome.notWritten = pending.filter { !keys.contains($0) }
                return outcome
            }
        }
        return outcome
    }

    static func write(_ keys: [DeviceSettings.Key], gprs: GPRSSettings, ip: IPSettings, wanted: DeviceSettings,
                      concentrator: Concentrator) async throws -> WriteOutcome {
        let key = keys[0]
        switch key {
        case .rs485Speed:
            let baud = wanted.rs485Baud ?? 9600
            let code = UInt8((0...9).first { 300 << $0 == baud } ?? 5)
            let descriptor = try ConcentratorInfo.Item.rs485Speed.descriptor(in: concentrator.map)
            return try await concentrator.set(descriptor, .enumerated(code))
        case .timeZone:
            return try await concentrator.setTimeZone(minutes: Int16(-(wanted.timeZoneMinutesEast ?? 0)))
        case .apn, .primaryServer, .backupServer, .heartbeat:
            let fields = Set(keys.compactMap(gprsField))
            return try await concentrator.write(gprs: gprs, changing: fields).first ?? .accepted
        case .dhcp, .ip, .mask, .gateway, .dns1, .dns2, .tcpPort:
            return try await concentrator.write(ip: ip, changing: [ipField(key)!]).first ?? .accepted
        }
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
