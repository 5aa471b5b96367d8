import DLMS
import ES951

/// The objects of the device map (`Resources/es951-map.json`) that the simulator gives a
/// behaviour of their own, by the map's `name`. The simulator never names an object by
/// its OBIS code: class, logical name and access all come from the map it serves
/// (``ObjectTable``), and an object is recognised by its name. Objects whose behaviour is
/// that of their interface class (the clock, the G3 setups) need no key.
///
/// ```swift
/// let log = try table.require(.eventLog)     // throws MissingObject if the map has none
/// table.object(.eventLog)?.depth             // nil when the map does not serve it
/// ```
enum ObjectKey: String, CaseIterable, Sendable {
    // Identity
    case serialNumber = "serial-number"
    case model = "model"
    case firmwareVersion = "firmware-version"
    case manufacturer = "manufacturer"
    case hardwareVersion = "hardware-version"
    case logicalDeviceName = "logical-device-name"
    // Ports and communication setup
    case hdlcOptical = "hdlc-optical"
    case hdlcRS485 = "hdlc-rs485"
    case gprsModem = "gprs-modem"
    case servers = "servers"
    case dpd = "dpd"
    case heartbeatInterval = "heartbeat-interval"
    case ipv4Setup = "ipv4-setup"
    case macAddress = "mac-address"
    case tcpUDPSetup = "tcp-udp-setup"
    // Meters
    case meterCounts = "meter-counts"
    case meterList = "meter-list"
    case pollStatus = "poll-status"
    case pointNumber = "point-number"
    case meterSerial = "meter-serial"
    case meterAddress = "meter-address"
    case plcShortAddress = "plc-short-address"
    case meterType = "meter-type"
    case tariffMode = "tariff-mode"
    case powerLimit = "power-limit"
    case pollState = "poll-state"
    case lastGoodPoll = "last-good-poll"
    case lastFailedPoll = "last-failed-poll"
    case failedPolls = "failed-polls"
    case removeMeter = "remove-meter"
    case pointSelector = "point-selector"
    // PLC
    case plcPreviousHops = "plc-previous-hops"
    // Battery
    case batteryUseTime = "battery-use-time"
    case batteryVoltage = "battery-voltage"
    // Energy and demand
    case activeEnergyImport = "active-energy-import"
    case activeEnergyExport = "active-energy-export"
    case reactiveEnergyImport = "reactive-energy-import"
    case reactiveEnergyExport = "reactive-energy-export"
    case activeMaxDemand = "active-max-demand"
    case reactiveMaxDemand = "reactive-max-demand"
    // Profiles and events
    case eventCode = "event-code"
    case currentReadings = "current-readings"
    case dailyProfile = "daily-profile"
    case monthlyProfile = "monthly-profile"
    case activeMaxLoadProfile = "active-max-load-profile"
    case reactiveMaxLoadProfile = "reactive-max-load-profile"
    case eventLog = "event-log"
    // Firmware and associations
    case imageTransfer = "image-transfer"
    case associationCurrent = "association-current"
    case associationReader = "association-reader"
    case associationConfigurator = "association-configurator"
}

/// A map without an object the caller asked for by key.
struct MissingObject: Error, Equatable, Sendable, CustomStringConvertible {
    var key: ObjectKey
    init(_ key: ObjectKey) { self.key = key }
    var description: String { "the device map has no object \"\(key.rawValue)\"" }
}

extension DeviceMap {
    /// The object named by `key`.
    /// - Throws: ``MissingObject`` when this map has no object of that name.
    func object(_ key: ObjectKey) throws(MissingObject) -> MapObject {
        guard let object = object(named: key.rawValue) else { throw MissingObject(key) }
        return object
    }

    /// The keys this map has no object for, in declaration order (empty for the built-in map).
    var missingKeys: [ObjectKey] { ObjectKey.allCases.filter { object(named: $0.rawValue) == nil } }
}

extension ObjectTable {
    /// The object named by `key`, or nil when the map does not serve it (a `--map FILE`
    /// may leave objects out: the simulator then serves what the map says, without them).
    func object(_ key: ObjectKey) -> Object? { byName[key].map { objects[$0] } }

    /// The object named by `key`.
    /// - Throws: ``MissingObject`` when the map has no object of that name.
    func require(_ key: ObjectKey) throws(MissingObject) -> Object {
        guard let object = object(key) else { throw MissingObject(key) }
        return object
    }

    /// The key of the object of this class and logical name (a capture object, say), if the
    /// map has that object and the simulator knows it by name.
    func key(classID: UInt16, obis: OBISCode) -> ObjectKey? { object(classID: classID, obis: obis)?.key }
}
