import Foundation
import Accounts
import GRDB

extension AccountStore {
    /// A device's object list as kept by ``storeObjectList(_:key:now:)``; nil when none
    /// is kept or the database cannot be read (the list is then read from the device).
    public func objectList(key: String) -> [UInt8]? {
        try? writer.read { db in
            try Data.fetchOne(db, sql: "SELECT list FROM object_lists WHERE key = ?", arguments: [key]).map { [UInt8]($0) }
        }
    }

    /// Keeps a device's object list (bytes as the device sent them) under `key`,
    /// replacing an older one. A database that cannot record it loses only the saving:
    /// the next association reads the list again.
    public func storeObjectList(_ bytes: [UInt8], key: String, now: Date = Date()) {
        _ = try? writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO object_lists (key, list, learned_at) VALUES (?, ?, ?)",
                           arguments: [key, Data(bytes), UTCTimestamp.text(now, milliseconds: false)])
        }
    }
}
