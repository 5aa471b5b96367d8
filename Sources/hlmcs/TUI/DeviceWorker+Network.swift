import Accounts
import AccountStore
import Concentrator
import ES951
import Foundation
import Operations
import TUICore

/// The Network pages' requests (SPEC F-33, F-34): a read asks for `info`; a write is
/// `Operator.change(gprs:)`/`change(ip:)`, as `hlmcs gprs` and `hlmcs ip` do it.
extension DeviceWorker {
    func network(_ request: PageRequest, page: ParameterPage, session: Session) async {
        switch request {
        case .readGPRS:
            await read(.info, page: page, session: session) { c in .gprs(try await c.readGPRS()) }
        case .readIP:
            await read(.info, page: page, session: session) { c in .ip(try await c.readIP()) }
        case .writeGPRS(let wanted, let changing):
            await run(page: page, session: session) { op in
                .written(try await op.change(gprs: wanted, changing: changing).map { FieldWrite.of($0.field.rawValue, $0) })
            }
        case .writeIP(let wanted, let changing):
            await run(page: page, session: session) { op in
                .written(try await op.change(ip: wanted, changing: changing).map { FieldWrite.of($0.field.rawValue, $0) })
            }
        default:
            break
        }
    }
}
