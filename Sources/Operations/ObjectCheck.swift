import Accounts
import Concentrator
import ES951

extension Operator {
    /// The association's object list compared with the device map (`hlmcs objects`, the
    /// Service page's object check; asks for `objects`): the differences, and how many
    /// objects the device listed. A learned device is compared with the map chosen for it
    /// (each role's chosen candidate, or its first where the device lacks the role), with
    /// the list as learned; otherwise the list is read and compared with the given map.
    public func checkObjects() async throws -> (comparison: ObjectListComparison, listed: Int) {
        try await read(.objects) { c in
            if let learned = await c.learned {
                return (ObjectListComparison(device: learned.objects, objects: learned.adapted.expected), learned.objects.count)
            }
            let list = try await c.readObjectList()
            return (ObjectListComparison(device: list, map: c.map), list.count)
        }
    }

    /// The device's object list as learned, each object with the role it fills in the
    /// map in use (`hlmcs objects --list`).
    public func listObjects() async throws -> [(entry: ObjectListEntry, role: String?)] {
        try await read(.objects) { c in
            let learned: LearnedDevice
            if let known = await c.learned { learned = known } else { learned = try await c.learn(cache: nil) }
            return learned.objects.map { ($0, learned.adapted.role(of: $0.obis)) }
        }
    }
}
