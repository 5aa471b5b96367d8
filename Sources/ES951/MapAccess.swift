/// Which client SAPs may read and write an attribute (ES951-MAP.md "Access"): R = 16, 32
/// and 48; W = 32 and 48 (the two LLS clients), NLS writing only the point selector.
public struct MapAccess: Sendable, Hashable {
    /// Client SAPs that may read.
    public var read: Set<UInt8>
    /// Client SAPs that may write.
    public var write: Set<UInt8>

    public init(read: Set<UInt8>, write: Set<UInt8> = []) {
        self.read = read; self.write = write
    }

    /// R: readable by every client (16, 32, 48), not writable.
    public static let readOnly = MapAccess(read: [16, 32, 48])
    /// R W: readable by every client, writable by the LLS clients 32 and 48.
    public static let readWrite = MapAccess(read: [16, 32, 48], write: [32, 48])

    public func canRead(client: UInt8) -> Bool { read.contains(client) }
    public func canWrite(client: UInt8) -> Bool { write.contains(client) }
}
