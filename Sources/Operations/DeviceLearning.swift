import AccountStore
import Concentrator
import ES951

/// The program's database as the keeper of learned object lists.
public struct StoredObjectLists: ObjectListCache {
    let store: AccountStore
    public init(store: AccountStore) { self.store = store }
    public func objectList(for key: ObjectListKey) async -> [UInt8]? { store.objectList(key: key.text) }
    public func store(objectList: [UInt8], for key: ObjectListKey) async { store.storeObjectList(objectList, key: key.text) }
}

extension Operator {
    /// Learns the device on the open association (its object list from the database, or
    /// read and kept) so that every page uses the map fitted to it. `refresh` reads the
    /// list again.
    @discardableResult
    public func learnDevice(refresh: Bool = false) async throws -> LearnedDevice {
        try await concentrator.learn(cache: StoredObjectLists(store: store), refresh: refresh)
    }
}
