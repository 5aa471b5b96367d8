import Accounts
import Concentrator
import ES951

/// One setting of a write as the user named it: the field, the attribute that carried
/// it (both servers travel in one), what became of it, and — when the device did not
/// take it — what the device holds now, read again (nothing for a write-only password).
public struct SettingWrite<Field: Hashable & Sendable>: Sendable {
    public var field: Field
    public var attribute: String
    public var outcome: WriteOutcome
    public var holds: String?
}

/// The GPRS and IP settings (SPEC F-33, F-34), written by `hlmcs gprs|ip` and the
/// Network pages: read, merge the fields asked for, write only those, read back.
extension Operator {
    /// Writes the `changing` fields of `wanted` over what the device has (asks for
    /// `gprs`; audited with the names of the fields, never a value).
    public func change(gprs wanted: GPRSSettings, changing: Set<GPRSField>) async throws -> [SettingWrite<GPRSField>] {
        let target = "gprs " + changing.map(\.rawValue).sorted().joined(separator: ",")
        let outcomes = try await write(.gprs, target: target) { try await $0.change(gprs: wanted, changing: changing) }
        let back = outcomes.contains(where: \.isNotTaken) ? try? await concentrator.readGPRS() : nil
        return SettingWrite.gprs(outcomes, changing: changing, readBack: back)
    }

    /// Writes the `changing` fields of `wanted` (asks for `ip`), each read back.
    public func change(ip wanted: IPSettings, changing: Set<IPField>) async throws -> [SettingWrite<IPField>] {
        let fields = IPField.allCases.filter(changing.contains)
        let target = "ip " + fields.map(\.rawValue).joined(separator: ",")
        let outcomes = try await write(.ip, target: target) { try await $0.write(ip: wanted, changing: changing) }
        let back = outcomes.contains(where: \.isNotTaken) ? try? await concentrator.readIP() : nil
        return SettingWrite.ip(outcomes, changing: changing, readBack: back)
    }
}

extension SettingWrite where Field == GPRSField {
    /// The outcomes of a GPRS write (one per attribute, ``GPRSSettings/Attribute`` order)
    /// as fields: every changed field of an attribute gets its outcome; a value not taken
    /// shows what the device has (`readBack`, read again), the password nothing.
    public static func gprs(_ outcomes: [WriteOutcome], changing: Set<GPRSField>, readBack: GPRSSettings?) -> [Self] {
        var writes: [Self] = []
        for (attribute, outcome) in zip(GPRSSettings.attributes(for: changing), outcomes) {
            for field in GPRSField.allCases where attribute.fields.contains(field) && changing.contains(field) {
                let holds = outcome.isNotTaken ? readBack.map { NetworkText.text(field, of: $0) } : nil
                writes.append(Self(field: field, attribute: attribute.rawValue, outcome: outcome, holds: holds))
            }
        }
        return writes
    }
}

extension SettingWrite where Field == IPField {
    /// The outcomes of an IP write (one per field, ``IPField`` order) as fields.
    public static func ip(_ outcomes: [WriteOutcome], changing: Set<IPField>, readBack: IPSettings?) -> [Self] {
        zip(IPField.allCases.filter(changing.contains), outcomes).map { field, outcome in
            Self(field: field, attribute: field.rawValue, outcome: outcome,
                 holds: outcome.isNotTaken ? readBack.map { NetworkText.text(field, of: $0) } : nil)
        }
    }
}

extension WriteOutcome {
    /// Taken by the device but read back different.
    public var isNotTaken: Bool {
        if case .notTaken = self { true } else { false }
    }
}

/// The network settings as the pages and the commands show them.
public enum NetworkText {
    /// A GPRS value (the DPD password: nothing, it is write only).
    public static func text(_ field: GPRSField, of s: GPRSSettings) -> String {
        switch field {
        case .apn: s.apn
        case .primaryServer: s.primaryServer?.description ?? ""
        case .backupServer: s.backupServer?.description ?? ""
        case .dpdUser: s.dpdUser
        case .dpdPassword: ""
        case .heartbeat: HeartbeatInterval.text(s.heartbeatSeconds)
        }
    }

    /// An IP value.
    public static func text(_ field: IPField, of s: IPSettings) -> String {
        switch field {
        case .dhcp: s.dhcp ? "on" : "off"
        case .ip: s.ip.description
        case .mask: s.mask.description
        case .gateway: s.gateway.description
        case .dns1: s.dns1.description
        case .dns2: s.dns2.description
        case .tcpPort: String(s.tcpPort)
        }
    }
}
