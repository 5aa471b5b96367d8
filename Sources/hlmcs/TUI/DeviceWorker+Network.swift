import Accounts
import AccountStore
import Concentrator
import ES951
import Foundation
import TUICore

/// The Network pages' requests (SPEC F-33, F-34), as `hlmcs gprs` and `hlmcs ip` do them:
/// a read asks for `info`, a write for `gprs` or `ip` (the write permission), needs an
/// LLS association, is audited with the names of the fields written (never a value) and
/// read back field by field.
extension DeviceWorker {
    func network(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .readGPRS:
            await read(.info, page: page, session: session) { c in .gprs(try await c.readGPRS()) }
        case .readIP:
            await read(.info, page: page, session: session) { c in .ip(try await c.readIP()) }
        case .writeGPRS(let wanted, let changing):
            let target = "gprs " + changing.map(\.rawValue).sorted().joined(separator: ",")
            await write(.gprs, target: target, page: page, session: session) { c in
                let outcomes = try await c.change(gprs: wanted, changing: changing)
                let back = outcomes.contains(where: Self.isNotTaken) ? try? await c.readGPRS() : nil
                return Self.gprsWrites(outcomes, changing: changing, readBack: back, fieldWrite)
            }
        case .writeIP(let wanted, let changing):
            let fields = IPField.allCases.filter(changing.contains)
            let target = "ip " + fields.map(\.rawValue).joined(separator: ",")
            await write(.ip, target: target, page: page, session: session) { c in
                let outcomes = try await c.write(ip: wanted, changing: changing)
                let back = outcomes.contains(where: Self.isNotTaken) ? try? await c.readIP() : nil
                return Self.ipWrites(outcomes, changing: changing, readBack: back, fieldWrite)
            }
        default:
            break
        }
    }

    static func isNotTaken(_ outcome: WriteOutcome) -> Bool {
        if case .notTaken = outcome { true } else { false }
    }

    /// The outcomes of a GPRS write (one per attribute, ``GPRSSettings/Attribute`` order)
    /// as the page's fields: every changed field of an attribute gets its outcome; a value
    /// not taken shows what the device has (`readBack`, read again), the password nothing.
    static func gprsWrites(_ outcomes: [WriteOutcome], changing: Set<GPRSField>, readBack: GPRSSettings?,
                           _ fieldWrite: (String, WriteOutcome) -> FieldWrite) -> [FieldWrite] {
        var writes: [FieldWrite] = []
        for (attribute, outcome) in zip(GPRSSettings.attributes(for: changing), outcomes) {
            for field in GPRSField.allCases where attribute.fields.contains(field) && changing.contains(field) {
                if isNotTaken(outcome), let readBack {
                    writes.append(FieldWrite(field: field.rawValue, outcome: .notTaken(readBack: text(field, of: readBack))))
                } else {
                    writes.append(fieldWrite(field.rawValue, outcome))
                }
            }
        }
        return writes
    }

    /// The outcomes of an IP write (one per field, ``IPField`` order) as the page's fields.
    static func ipWrites(_ outcomes: [WriteOutcome], changing: Set<IPField>, readBack: IPSettings?,
                         _ fieldWrite: (String, WriteOutcome) -> FieldWrite) -> [FieldWrite] {
        zip(IPField.allCases.filter(changing.contains), outcomes).map { field, outcome in
            if isNotTaken(outcome), let readBack {
                return FieldWrite(field: field.rawValue, outcome: .notTaken(readBack: text(field, of: readBack)))
            }
            return fieldWrite(field.rawValue, outcome)
        }
    }

    /// A GPRS value as the page shows it (the DPD password: nothing, it is write only).
    static func text(_ field: GPRSField, of s: GPRSSettings) -> String {
        switch field {
        case .apn: s.apn
        case .primaryServer: s.primaryServer?.description ?? ""
        case .backupServer: s.backupServer?.description ?? ""
        case .dpdUser: s.dpdUser
        case .dpdPassword: ""
        case .heartbeat: String(s.heartbeatMinutes)
        }
    }

    /// An IP value as the page shows it.
    static func text(_ field: IPField, of s: IPSettings) -> String {
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
