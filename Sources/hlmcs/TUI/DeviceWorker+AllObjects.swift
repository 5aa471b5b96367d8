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
                let writable = Set(entry.attributes.filter { [2, 3, 5, 6].contains($0.mode) }.map(\.index))
                let lines = readings.map { r -> AttributeLine in
                    let value: AttributeLine.Value = switch r.value {
                    case .data(let d): .text(ValueText.text(d))
                    case .scaled(let v): .text(v.text(decimalSeparator: s.ru ? "," : ".") + (v.unit.flatMap(s.unitSymbol).map { " " + $0 } ?? ""))
                    case .refused(let e): .refused(Strings.dataAccessResultName(e))
                    case .secret: .secret
                    }
                    let secret = InterfaceClasses.isSecret(classID: entry.classID, index: r.index)
                    return AttributeLine(index: r.index, name: r.name, value: value, writable: writable.contains(r.index) && !secret)
                }
                // Its methods: the ones the list lets this association invoke (never class 70's).
                let methods = entry.methods.map { m in
                    AttributeLine(index: m.index, name: InterfaceClasses.methodName(classID: entry.classID, index: m.index),
                                  value: .text(""), writable: m.mode > 0 && Operator.methodAction(CosemMethodDescriptor(
                                      classID: entry.classID, instance: entry.obis, method: m.index)) != nil, isMethod: true)
                }
                return .objectAttributes(logicalName: entry.obis.description,
                                         className: InterfaceClasses.info(classID: entry.classID)?.name ?? "class \(entry.classID)", lines + methods)
            }
        case .readAnyProfile(let obis):
            await read(.profile, page: page, session: session) { c in
                .profile(try await c.readProfile(obis: obis, point: nil, from: nil, to: nil))
            }
        case .invokeMethod(let m, let text):
            let s = words()
            await run(page: page, session: session) { op in
                let parameter: DLMSData
                do throws(ValueInput.Problem) { parameter = try ValueInput.parse(text, for: nil) } catch {
                    throw CommandFailure(status: .usage, message: s.message(for: error))
                }
                return .written([fieldWrite("\(m.classID)/\(m.instance)/m\(m.method)", try await op.invoke(m, parameter: parameter))])
            }
        case .writeAnyAttribute(let d, let text):
            let s = words()
            await run(page: page, session: session) { op in
                let data = try await Self.typed(text, for: d, op.concentrator, s)
                return .written([fieldWrite("\(d)", try await op.set(d, data, secret: false))])
            }
        default: break
        }
    }

    /// Typed text as the value `d` takes: by the fitted map's type (and its rule, for the
    /// serial number) where the map has the attribute, else by the type of its value read
    /// now. A value that does not parse is an input failure, worded, nothing sent.
    static func typed(_ text: String, for d: CosemAttributeDescriptor, _ c: Concentrator, _ s: Strings) async throws -> DLMSData {
        let attribute = await c.active.attribute(d)
        let isSerial = await c.active.object(named: "serial-number")?.descriptor(2) == d
        var typeName = attribute?.type.rawValue
        if attribute == nil, case .data(let current)? = try await c.readAttributes([d]).first {
            typeName = MapType.of(current)?.rawValue
        }
        do throws(ValueInput.Problem) {
            if let attribute {
                if isSerial { try ValueInput.checkSerialNumber(text) }
                return try ValueInput.parse(text, for: attribute)
            }
            guard let typeName else { throw ValueInput.Problem.typeNeeded(text) }
            return try ValueInput.parse(text, typeName: typeName, length: nil, timeZone: .current)
        } catch {
            throw CommandFailure(status: .usage, message: s.message(for: error))
        }
    }
}
