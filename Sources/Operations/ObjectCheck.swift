import Accounts
import Concentrator
import ES951

extension Operator {
    /// The association's object list compared with the device map (`hlmcs objects`, the
    /// Service page's object check; asks for `objects`): the differences, and how many
    /// objects the device listed.
    public func checkObjects() async throws -> (comparison: ObjectListComparison, listed: Int) {
        try await read(.objects) { c in
            let list = try await c.readObjectList()
            return (ObjectListComparison(device: list, map: c.map), list.count)
        }
    }
}
