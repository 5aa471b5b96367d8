/// What a device map says about the device beyond its objects: how its clock counts
/// time zones, which devices it is for, and which client may write.
///
/// In `es951-map.json` form: `"conventions": {"timeZoneSign": "blue-book" |
/// "east-positive" | "detect", "deviceNamePrefixes": ["EMS"], "writeClients": [48], "eventNames": true}`,
/// every field optional.
public struct MapConventions: Sendable, Hashable {
    /// The clock's sign; nil: find it from the clock (``TimeZoneSign/detect(clock:now:)``).
    public var timeZoneSign: TimeZoneSign?
    /// The map is chosen for a device whose logical device name starts with one of these
    /// (the 3-letter manufacturer id, or more). Empty: chosen only by its objects.
    public var deviceNamePrefixes: [String]
    /// Client SAPs that may write, to refuse a write early with the client to use; empty:
    /// the map's clients with `writes`.
    public var writeClients: [UInt8]
    /// Whether event codes take their names from the built-in catalogue (the ES-951's
    /// codes 1–63); false where journals number their codes each their own way.
    public var eventNames: Bool

    public init(timeZoneSign: TimeZoneSign? = .blueBook, deviceNamePrefixes: [String] = [], writeClients: [UInt8] = [],
                eventNames: Bool = true) {
        self.timeZoneSign = timeZoneSign
        self.deviceNamePrefixes = deviceNamePrefixes
        self.writeClients = writeClients
        self.eventNames = eventNames
    }

    /// Whether the map is meant for a device of this logical device name.
    public func fits(deviceName: String) -> Bool {
        deviceNamePrefixes.contains { !$0.isEmpty && deviceName.hasPrefix($0) }
    }
}
