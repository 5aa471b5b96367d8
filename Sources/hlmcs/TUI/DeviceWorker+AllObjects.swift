import Accounts
import AccountStore
import Concentrator
import DLMS
import ES951
import Operations
import TUICore

/// The All objects page's requests (issue 17): the learned object list with roles, one
/// object read by name (the `hlmcs read` use case), a profile by its capture objects (the
/// `hlmcs profile --obis` read).
extension DeviceWorker {
    func allObjects(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .listAllObjects:
            await run(page: page, session: session) { op in
                let list = try await op.listObjects()
                return .allObjects(list.map { e, role in
                    DeviceObjectRow(classID: e.classID, version: e.version, logicalName: e.obis.description, role: role,
                                    readable: e.attributes.isEmpty || e.attributes.contains { [1, 3, 4, 6].contains($0.mode) })
                })
            }
        case .readAnyObject(_, let obis):
            let s = words()
            await run(page: page, session: session) { op in
                let (entry, readings) = try await op.readObject(obis)
                let lines = readings.map { r -> AttributeLine in
                    let value: AttributeLine.Value = switch r.value {
                    case .data(let d): .text(ValueText.text(d))
                    case .scaled(let v): .text(v.text(decimalSeparator: s.ru ? "," : ".") + (v.unit.flatMap(s.unitSymbol).map { " " + $0 } ?? ""))
                    case .refused(let e): .refused(Strings.dataAccessResultName(e))
                    case .secret: .secret
                    }
                    return AttributeLine(index: r.index, name: r.name, value: value)
                }
                return .objectAttributes(logicalName: entry.obis.description,
                                         className: InterfaceClasses.info(classID: entry.classID)?.name ?? "class \(entry.classID)", lines)
            }
        case .readAnyProfile(let obis):
            await read(.profile, page: page, session: session) { c in
                .profile(try await c.readProfile(obis: obis, point: nil, from: nil, to: nil))
            }
        default: break
        }
    }
}
