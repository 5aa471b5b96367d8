import DLMS

/// Concentrator information and basic parameters (SPEC F-30, F-31, F-37; ES951-MAP.md
/// "Concentrator information", "Real-time clock", "Backup battery"). Every field is
/// optional: a person may leave items unchecked, and a device may refuse one.
///
/// ```swift
/// let items = ConcentratorInfo.Item.allCases
/// let descriptors = try items.map { try $0.descriptor(in: map) }   // one GET-with-list
/// let info = try ConcentratorInfo(Dictionary(uniqueKeysWithValues: zip(items, values)), map: map)
/// info.batteryVoltage?.description                                 // "3.61 V"
/// ```
public struct ConcentratorInfo: Equatable, Sendable {
    /// One value on the information screen: a map object and attribute.
    public enum Item: String, CaseIterable, Sendable, Hashable {
        case serialNumber, model, firmwareVersion, manufacturer, hardwareVersion, logicalDeviceName
        case logicalAddressOptical, logicalAddressRS485, rs485Speed, meterCounts
        case clock, timeZone
        case batteryUseTime, batteryUseTimeScalerUnit, batteryVoltage, batteryVoltageScalerUnit

        /// Map object name and attribute index.
        public var location: (object: String, attribute: Int8) {
            switch self {
            case .serialNumber: ("serial-number", 2)
            case .model: ("model", 2)
            case .firmwareVersion: ("firmware-version", 2)
            case .manufacturer: ("manufacturer", 2)
            case .hardwareVersion: ("hardware-version", 2)
            case .logicalDeviceName: ("logical-device-name", 2)
            case .logicalAddressOptical: ("hdlc-optical", 9)
            case .logicalAddressRS485: ("hdlc-rs485", 9)
            case .rs485Speed: ("hdlc-rs485", 2)
            case .meterCounts: ("meter-counts", 2)
            case .clock: ("clock", 2)
            case .timeZone: ("clock", 3)
            case .batteryUseTime: ("battery-use-time", 2)
            case .batteryUseTimeScalerUnit: ("battery-use-time", 3)
            case .batteryVoltage: ("battery-voltage", 2)
            case .batteryVoltageScalerUnit: ("battery-voltage", 3)
            }
        }

        public func descriptor(in map: DeviceMap) throws(ModelError) -> CosemAttributeDescriptor {
            try map.descriptor(location.object, location.attribute)
        }
    }

    /// Meters configured, online and blacklisted (0.0.94.7.141.255).
    public struct MeterCounts: Equatable, Sendable {
        public var configured: Int, online: Int, blacklisted: Int
        public init(configured: Int, online: Int, blacklisted: Int) {
            self.configured = configured; self.online = online; self.blacklisted = blacklisted
        }
    }

    public var serialNumber: String?
    public var model: String?
    public var firmwareVersion: String?
    public var manufacturer: String?
    public var hardwareVersion: String?
    /// Octet-string (16): as text when it is printable ASCII, else hex.
    public var logicalDeviceName: [UInt8]?
    public var logicalAddressOptical: UInt16?
    public var logicalAddressRS485: UInt16?
    /// IEC 62056-46 comm_speed enum (0 = 300 … 5 = 9600 … 9 = 115200).
    public var rs485Speed: UInt8?
    public var meterCounts: MeterCounts?
    public var clock: COSEMDateTime?
    /// Blue Book sign: −180 = UTC+3.
    public var timeZone: Int16?
    public var batteryUseTime: ScaledValue?
    public var batteryVoltage: ScaledValue?
    /// Items the device has no object for (not asked for): shown as "this concentrator
    /// has no …", never as a value.
    public var lacking: [Item] = []
    /// False when the clock's time-zone sign could not be told: `timeZone` is the value
    /// as sent, read the Blue Book way.
    public var timeZoneSignKnown = true

    /// A count of meters the device may report: its long-unsigned, well above the 1000
    /// points the concentrator serves (a firmware may count differently), never 2^64 − 1.
    public static let plausibleMeterCount: ClosedRange<Int64> = 0...65_535

    public init() {}

    /// From the values read, keyed by item (items missing or not read stay nil). Scaler and
    /// unit of the battery values come from their attribute 3 when read, else from the map.
    /// - Throws: `ModelError.unexpectedValue` for a value of another type than the map's.
    public init(_ values: [Item: DLMSData], map: DeviceMap) throws(ModelError) {
        func v(_ item: Item) -> DLMSData? { values[item] }
        serialNumber = try v(.serialNumber)?.textValue("serial-number")
        model = try v(.model)?.textValue("model")
        firmwareVersion = try v(.firmwareVersion)?.textValue("firmware-version")
        manufacturer = try v(.manufacturer)?.textValue("manufacturer")
        hardwareVersion = try v(.hardwareVersion)?.textValue("hardware-version")
        logicalDeviceName = try v(.logicalDeviceName)?.octetsValue("logical-device-name")
        logicalAddressOptical = try v(.logicalAddressOptical)?.unsignedValue("hdlc-optical", as: UInt16.self)
        logicalAddressRS485 = try v(.logicalAddressRS485)?.unsignedValue("hdlc-rs485", as: UInt16.self)
        rs485Speed = try v(.rs485Speed)?.unsignedValue("hdlc-rs485.comm-speed", as: UInt8.self)
        if let counts = v(.meterCounts) {
            let e = try counts.elements("meter-counts", count: 3)
            let counts = Self.plausibleMeterCount
            meterCounts = MeterCounts(configured: try e[0].integer("meter-counts.configured", in: counts),
                                      online: try e[1].integer("meter-counts.online", in: counts),
                                      blacklisted: try e[2].integer("meter-counts.blacklisted", in: counts))
        }
        clock = try v(.clock)?.dateTime("clock")
        if let tz = v(.timeZone) { timeZone = Int16(try tz.integer("clock.time-zone", in: ClockReading.plausibleTimeZones)) }
        batteryUseTime = try Self.scaled(v(.batteryUseTime), v(.batteryUseTimeScalerUnit), item: .batteryUseTime, map: map)
        batteryVoltage = try Self.scaled(v(.batteryVoltage), v(.batteryVoltageScalerUnit), item: .batteryVoltage, map: map)
    }

    static func scaled(_ value: DLMSData?, _ scalerUnit: DLMSData?, item: Item,
                       map: DeviceMap) throws(ModelError) -> ScaledValue? {
        guard let value else { return nil }
        let name = item.location.object
        let raw = try value.signedValue(name)
        if let scalerUnit {
            let su = try scalerUnit.scalerUnit(name + ".scaler-unit")
            return ScaledValue(raw: raw, scaler: su.scaler, unit: su.unit)
        }
        let attribute = map.object(named: name)?.attribute(item.location.attribute)
        return ScaledValue(raw: raw, scaler: attribute?.scaler ?? 0, unit: attribute?.unit.map(DLMSUnit.init(rawValue:)))
    }

    /// The RS-485 speed in baud (IEC 62056-46 comm_speed: 300 × 2^n), nil for an unknown code.
    public var rs485Baud: Int? {
        guard let rs485Speed, rs485Speed <= 9 else { return nil }
        return 300 << Int(rs485Speed)
    }

    /// The logical device name as people read it: the text when printable ASCII, else hex.
    public var logicalDeviceNameText: String? {
        guard let logicalDeviceName else { return nil }
        if logicalDeviceName.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: logicalDeviceName, as: UTF8.self) }
        return logicalDeviceName.map { String($0, radix: 16, uppercase: true).leftPadded(2) }.joined()
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
