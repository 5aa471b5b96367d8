/// What the Clear data page clears (SPEC F-61).
public enum ClearChoice: String, CaseIterable, Sendable, Hashable {
    case events, profiles, meters
}

/// One setting a `.set` file would change: its key as the file names it, the device's
/// value and the file's.
public struct SettingsChangeLine: Equatable, Sendable {
    public var key: String
    public var old: String
    public var new: String

    public init(key: String, old: String, new: String) {
        self.key = key
        self.old = old
        self.new = new
    }
}

/// How far a firmware transfer has come.
public struct FirmwareProgress: Equatable, Sendable {
    public var blocksSent: Int
    public var blocksTotal: Int
    public var bytesSent: Int
    public var bytesTotal: Int
    /// Seconds left at the pace so far (nil until it can be told).
    public var secondsLeft: Int?
    /// Blocks the device already had when the transfer began (a resumed transfer).
    public var resumedFrom: Int

    public init(blocksSent: Int, blocksTotal: Int, bytesSent: Int, bytesTotal: Int, secondsLeft: Int? = nil, resumedFrom: Int = 0) {
        self.blocksSent = blocksSent
        self.blocksTotal = blocksTotal
        self.bytesSent = bytesSent
        self.bytesTotal = bytesTotal
        self.secondsLeft = secondsLeft
        self.resumedFrom = resumedFrom
    }

    public var fraction: Double { blocksTotal == 0 ? 0 : Double(blocksSent) / Double(blocksTotal) }
}

/// One way the device's object list differs from the device map.
public struct ObjectDifference: Equatable, Sendable {
    public enum Kind: String, Sendable { case missing, extra, mismatched }
    public var kind: Kind
    /// The logical name, `a.b.c.d.e.f`.
    public var logicalName: String
    /// The map's class/version and the device's ("3/0"), where each is known.
    public var map: String?
    public var device: String?

    public init(kind: Kind, logicalName: String, map: String? = nil, device: String? = nil) {
        self.kind = kind
        self.logicalName = logicalName
        self.map = map
        self.device = device
    }
}

/// One object of the device's object list on the All objects page.
public struct DeviceObjectRow: Equatable, Sendable {
    public var classID: UInt16
    public var version: UInt8
    /// `a.b.c.d.e.f`.
    public var logicalName: String
    /// The role it fills in the map in use (`clock`), nil for none.
    public var role: String?
    /// Whether this association may read any attribute of it (per the object list).
    public var readable: Bool

    public init(classID: UInt16, version: UInt8, logicalName: String, role: String?, readable: Bool) {
        self.classID = classID; self.version = version; self.logicalName = logicalName
        self.role = role; self.readable = readable
    }
}

/// One attribute of an object as read: its index, Blue Book name and value as text.
public struct AttributeLine: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case text(String)
        case refused(String)
        case secret
    }
    public var index: Int8
    public var name: String
    public var value: Value
    /// Whether this association may write it (per the object list; never a secret) — for
    /// a method, invoke it.
    public var writable: Bool
    /// A method of the object (`index` is the method's), not an attribute.
    public var isMethod: Bool

    public init(index: Int8, name: String, value: Value, writable: Bool = false, isMethod: Bool = false) {
        self.index = index; self.name = name; self.value = value; self.writable = writable; self.isMethod = isMethod
    }
}
