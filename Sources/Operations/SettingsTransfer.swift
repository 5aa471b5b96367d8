import Accounts
import Concentrator
import DLMS
import ES951
import Foundation

/// The settings of a `.set` file (SPEC F-60) to and from the device: `hlmcs settings
/// export|import` and the Service page's export, preview and import.
public enum SettingsTransfer {
    /// What the device has now, as a file, and the models it came from.
    public struct Current: Sendable {
        public var file: SettingsFile
        public var gprs: GPRSSettings
        public var ip: IPSettings
    }

    /// One value a file changes: its key, the device's text and the file's.
    public struct Change: Equatable, Sendable {
        public var key: DeviceSettings.Key
        public var old: String
        public var new: String
    }

    /// An import checked against the device: what it changes, and the device it was read from.
    public struct Plan: Sendable {
        public var path: String
        public var wanted: SettingsFile
        public var current: Current
        public var changes: [Change]
    }

    /// What an import did: the keys written, the one that stopped it and why, and those
    /// never tried after it.
    public struct Outcome: Sendable {
        public var written: [DeviceSettings.Key] = []
        public var stopped: (key: DeviceSettings.Key, why: Stop)?
        public var notWritten: [DeviceSettings.Key] = []
        public var complete: Bool { stopped == nil }
    }

    /// Why an import stopped at a key.
    public enum Stop: Sendable {
        case refused(DataAccessResult)
        case notTaken(GetDataResult)
        case failed(any Error)
    }

    /// Reads the file; a missing or unreadable one, or one that does not parse, is a
    /// typed failure naming the path (and the line).
    public static func load(_ path: String) throws -> SettingsFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw OperationFailure.unreadableFile(path: path) }
        do { return try SettingsFile.parse([UInt8](data)) } catch {
            throw OperationFailure.settingsFile(path: path, error)
        }
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
        s.heartbeatSeconds = gprs.heartbeatSeconds
        s.dhcp = ip.dhcp
        s.ip = ip.ip
        s.mask = ip.mask
        s.gateway = ip.gateway
        s.dns1 = ip.dns1
        s.dns2 = ip.dns2
        s.tcpPort = ip.tcpPort
        return Current(file: SettingsFile(model: info.model ?? "", firmware: info.firmwareVersion, settings: s), gprs: gprs, ip: ip)
    }

    /// The keys of `wanted` whose value differs from `current`, in file order.
    static func changes(from current: DeviceSettings, to wanted: DeviceSettings) -> [Change] {
        wanted.keys.compactMap { key in
            let new = wanted.text(of: key) ?? ""
            let old = current.text(of: key) ?? ""
            return new == old ? nil : Change(key: key, old: old, new: new)
        }
    }

    /// The wanted values checked together with the device's (an IP without DHCP…) before
    /// anything is written: the first problem as `key: reason`.
    static func invalid(_ changes: [Change], current: Current, wanted: DeviceSettings) -> String? {
        let ip = merged(current.ip, wanted)
        if let issue = ip.validate(Set(changes.compactMap { ipField($0.key) })).first {
            return "ip.\(issue.field.rawValue): \(issue.reason)"
        }
        let gprs = merged(current.gprs, wanted)
        if let issue = gprs.validate(Set(changes.compactMap { gprsField($0.key) })).first {
            return "gprs.\(issue.field.rawValue): \(issue.reason)"
        }
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
        if let v = s.heartbeatSeconds { g.heartbeatSeconds = v }
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

    /// Writes each change, one value at a time (each read back), stopping at the first
    /// the device does not take.
    static func write(_ plan: Plan, on concentrator: Concentrator) async -> Outcome {
        var outcome = Outcome()
        let gprs = merged(plan.current.gprs, plan.wanted.settings)
        let ip = merged(plan.current.ip, plan.wanted.settings)
        var pending = plan.changes.map(\.key)
        while let key = pending.first {
            // Both servers travel in one attribute: written together.
            var keys = [key]
            if key == .primaryServer || key == .backupServer {
                keys = pending.filter { $0 == .primaryServer || $0 == .backupServer }
            }
            let result: WriteOutcome
            do {
                result = try await write(keys, gprs: gprs, ip: ip, wanted: plan.wanted.settings, concentrator: concentrator)
            } catch {
                outcome.stopped = (key, .failed(error))
                outcome.notWritten = pending.filter { !keys.contains($0) }
                return outcome
            }
            switch result {
            case .accepted:
                outcome.written += keys
                pending.removeAll { keys.contains($0) }
            case .refused(let reason):
                outcome.stopped = (key, .refused(reason))
                outcome.notWritten = pending.filter { !keys.contains($0) }
                return outcome
            case .notTaken(let readBack):
                outcome.stopped = (key, .notTaken(readBack))
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
}

extension Operator {
    /// Reads the device's settings and saves them to `path` as a `.set` file (written
    /// whole or not at all); audited as `settings-export`. Returns what was saved.
    public func exportSettings(to path: String) async throws -> SettingsFile {
        let current = try await read(.settingsExport, target: path) { try await SettingsTransfer.read($0) }
        let text = current.file.text(exportedAt: UTCTimestamp.text(now(), milliseconds: false))
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            audit(.settingsExport, target: path, .failure)
            throw OperationFailure.unwritableFile(path: path, error)
        }
        audit(.settingsExport, target: path, .success)
        return current.file
    }

    /// Reads the device and checks `wanted` against it (the model, the values valid
    /// together): what an import would change. Nothing is written; asks for and is
    /// audited as `settings-preview` (reading) only.
    public func planImport(_ wanted: SettingsFile, path: String) async throws -> SettingsTransfer.Plan {
        let current = try await read(.settingsPreview, target: path) { try await SettingsTransfer.read($0) }
        if !SettingsFile.sameModel(wanted.model, current.file.model) {
            throw OperationFailure.settingsFile(path: path, .init(line: 0, .otherModel(
                file: SettingsFile.Problem.quote(wanted.model), device: SettingsFile.Problem.quote(current.file.model))))
        }
        let changes = SettingsTransfer.changes(from: current.file.settings, to: wanted.settings)
        if let problem = SettingsTransfer.invalid(changes, current: current, wanted: wanted.settings) {
            throw OperationFailure.settingsInvalidTogether(path: path, problem: problem)
        }
        return SettingsTransfer.Plan(path: path, wanted: wanted, current: current, changes: changes)
    }

    /// Writes a plan's changes (`settings-import`; a time-zone change needs `time-zone-write`
    /// as well, asked before anything is written), one value at a time, each read back,
    /// stopping at the first the device does not take. Audited: success only when all were taken.
    public func importSettings(_ plan: SettingsTransfer.Plan) async throws -> SettingsTransfer.Outcome {
        try authorize(.settingsImport, target: plan.path)
        if plan.changes.contains(where: { $0.key == .timeZone }) {
            try authorize(.timeZoneWrite, target: plan.path)
        }
        guard !plan.changes.isEmpty else { return SettingsTransfer.Outcome() }
        return try await write(.settingsImport, target: plan.path, succeeded: \.complete) { c in
            await SettingsTransfer.write(plan, on: c)
        }
    }
}
