/// What a device map says about the device beyond its objects: how its clock counts
/// time zones, which devices it is for, and which client may write.
///
/// In `es951-map.json` form: `"conventions": {"timeZoneSign": "blue-book" |
/// "east-positive" | "detect", "deviceNamePrefixes": ["EMS"], "writeClients": [48], "eventNames": true,
/// "battery": {"lowVolts": 2.8, "replaceVolts": 2.6}}`, every field optional.
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
    /// The backup battery's voltages for a verdict (issue 18 item 11); nil: the value is
    /// shown without one. The manual names none: the ES-951 map's are our assumption for
    /// a 3 V lithium cell, which an engineer may change in a map of their own.
    public var battery: BatteryLimits?

    public init(timeZoneSign: TimeZoneSign? = .blueBook, deviceNamePrefixes: [String] = [], writeClients: [UInt8] = [],
                eventNames: Bool = true, battery: BatteryLimits? = nil) {
        self.timeZoneSign = timeZoneSign
        self.deviceNamePrefixes = deviceNamePrefixes
        self.writeClients = writeClients
        self.eventNames = eventNames
        self.battery = battery
    }

    /// Whether the map is meant for a device of this logical device name.
    public func fits(deviceName: String) -> Bool {
        deviceNamePrefixes.contains { !$0.isEmpty && deviceName.hasPrefix($0) }
    }
}

/// Below `lowVolts` the backup battery is low (plan a replacement), below `replaceVolts`
/// it must be replaced (the clock may not survive a power cut).
public struct BatteryLimits: Sendable, Hashable {
    public var lowVolts: Double
    public var replaceVolts: Double

    public init(lowVolts: Double, replaceVolts: Double) {
        self.lowVolts = lowVolts
        self.replaceVolts = replaceVolts
    }

    public enum Verdict: String, Sendable { case good, low, replace }

    public func verdict(volts: Double) -> Verdict {
        volts < replaceVolts ? .replace : volts < lowVolts ? .low : .good
    }
}
