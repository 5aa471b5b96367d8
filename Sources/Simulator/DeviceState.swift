import DLMS
import ES951

/// The one simulated ES-951 that every association shares: identity, passwords, clock
/// offset, settings written by clients, the generated meters and profiles, and the
/// image-transfer progress. A value, changed only through ``ServerApplication``; the
/// TCP server keeps one behind an actor.
public struct DeviceState: Sendable {
    /// How the device starts.
    public struct Configuration: Sendable {
        public var serialNumber: String
        /// The LLS password of clients 32 and 48 (factory `admin@emis`).
        public var password: [UInt8]
        public var meters: Int
        public var seed: UInt64
        /// Blue Book time zone (minutes, −180 = UTC+3).
        public var timeZone: Int16
        public var firmwareVersion: String
        /// Attributes whose writes the device refuses (temporary failure), to train and test
        /// what a client does with a refusal (`es951-sim --refuse-write`).
        public var refusedWrites: Set<CosemAttributeDescriptor>
        public init(serialNumber: String = "95100001", password: [UInt8] = Array("admin@emis".utf8),
                    meters: Int = 100, seed: UInt64 = 1, timeZone: Int16 = -180, firmwareVersion: String = "2.7.0",
                    refusedWrites: Set<CosemAttributeDescriptor> = []) {
            self.serialNumber = serialNumber; self.password = password; self.meters = meters; self.seed = seed
            self.timeZone = timeZone; self.firmwareVersion = firmwareVersion; self.refusedWrites = refusedWrites
        }
    }

    /// Image transfer (class 18) progress.
    public struct ImageTransfer: Sendable, Hashable {
        public static let blockSize: UInt32 = 192
        public static let maximumSize: UInt32 = 64 << 20
        public var identifier: [UInt8] = []
        public var size: UInt32 = 0
        public var transferred: [Bool] = []
        /// 0 not initiated, 1 initiated, 2 verification initiated, 3 verification
        /// successful, 4 verification failed, 5 activation initiated, 6 activation
        /// successful, 7 activation failed.
        public var status: UInt8 = 0
        public var blockCount: Int { Int((size + Self.blockSize - 1) / Self.blockSize) }
        public var firstNotTransferred: UInt32 {
            UInt32(transferred.firstIndex(of: false) ?? transferred.count)
        }
    }

    public internal(set) var serialNumber: String
    /// LLS passwords by client SAP (32, 48).
    public internal(set) var passwords: [UInt16: [UInt8]]
    /// Seconds added to the host clock (SET clock stores the difference).
    public internal(set) var clockOffset: Int64 = 0
    public internal(set) var timeZone: Int16
    public internal(set) var firmwareVersion: String
    public internal(set) var image = ImageTransfer()
    /// Writes refused whatever the value (``Configuration/refusedWrites``).
    public let refusedWrites: Set<CosemAttributeDescriptor>
    public let generator: DataGenerator
    let objects: ObjectTable

    /// Values written by clients (or set up at start) for plain attributes.
    var stored: [CosemAttributeDescriptor: DLMSData] = [:]
    var meters: [SimulatedMeter]
    var poll: [SimulatedPollStatus]
    let routes: [SimulatedRoute]
    let neighbours: [SimulatedNeighbour]
    private var pointCache: [Int: PointData] = [:]
    /// Profiles cleared by a reset (point, profile), and the event logs that hold only
    /// the reset record since.
    var cleared: Set<ProfileKey> = []
    var resetEvents: [Int: [EventRecord]] = [:]
    var pollCleared = false

    struct ProfileKey: Hashable, Sendable { var point: Int; var profile: ObjectKey }

    /// - Parameter now: the host time at start; "today" of the generated profiles is its
    ///   date in the device's time zone.
    public init(configuration: Configuration = Configuration(), now: HostTime) {
        self.init(configuration: configuration, now: now, objects: .builtIn)
    }

    /// A device serving the objects of `map` (`--map FILE`).
    public init(configuration: Configuration = Configuration(), map: DeviceMap, now: HostTime) {
        self.init(configuration: configuration, now: now, objects: ObjectTable(map: map))
    }

    init(configuration: Configuration, now: HostTime, objects: ObjectTable) {
        serialNumber = configuration.serialNumber
        passwords = [32: configuration.password, 48: configuration.password]
        timeZone = configuration.timeZone
        firmwareVersion = configuration.firmwareVersion
        refusedWrites = configuration.refusedWrites
        let local = now.secondsSince1970 - Int64(configuration.timeZone) * 60
        let today = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        generator = DataGenerator(seed: configuration.seed, meters: configuration.meters, today: today,
                                  utcOffsetMinutes: -Int(configuration.timeZone),
                                  // As deep as the map's event log; without one, the generator's minimum.
                                  eventRecords: objects.object(.eventLog)?.depth ?? 0)
        self.objects = objects
        meters = generator.meters()
        poll = generator.pollStatus()
        (routes, neighbours) = generator.mesh()
        seedSettings()
    }

    /// Logical address derived from a serial number: `serial % 10000 + 1000` (ES951-MAP.md).
    public static func logicalAddress(forSerial serial: String) -> UInt16 {
        var value: UInt64 = 0
        for c in serial.utf8 where (0x30...0x39).contains(c) { value = (value &* 10 &+ UInt64(c - 0x30)) % 10_000 }
        return UInt16(value + 1000)
    }

    /// The logical address that the next association (and HDLC connection) uses.
    public var logicalAddress: UInt16 { Self.logicalAddress(forSerial: serialNumber) }

    /// Meters now configured (points that were removed are gone).
    public var meterList: [SimulatedMeter] { meters }
    public var pointCount: Int { generator.meterCount }

    mutating func setSerialNumber(_ serial: String) { serialNumber = serial }

    /// The profiles and events of a point as generated (cached).
    mutating func pointData(_ point: Int) -> PointData? {
        if let cached = pointCache[point] { return cached }
        let meter = point >= 1 && point <= generator.meterCount ? generator.meters()[point - 1] : nil
        guard let data = generator.pointData(point, meter: meter) else { return nil }
        pointCache[point] = data
        return data
    }

    /// The device clock: host time plus the offset a client set.
    public func clock(_ now: HostTime) -> Int64 { now.secondsSince1970 + clockOffset }

    /// A date-time value (octet-string of 12) in the device's time zone; nil gives the
    /// "not specified" date-time.
    func dateTime(_ seconds: Int64?, hundredths: UInt8 = 0) -> DLMSData {
        guard let seconds,
              var value = COSEMDateTime(secondsSince1970: seconds, utcOffsetMinutes: -Int(timeZone)) else {
            return .octetString(Self.unspecifiedDateTime)
        }
        value.time.hundredths = hundredths
        return .dateTimeOctetString(value)
    }

    static let unspecifiedDateTime: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0xFF]

    /// Settings a client may write, with their factory values. Class and logical name come
    /// from the map; an object the map leaves out is not served, so there is nothing to seed.
    private mutating func seedSettings() {
        func put(_ key: ObjectKey, _ a: Int8, _ v: DLMSData) {
            guard let object = objects.object(key) else { return }
            stored[CosemAttributeDescriptor(classID: object.classID, instance: object.obis, attribute: a)] = v
        }
        var rng = SplitMix64.stream(seed: generator.seed, 5)
        put(.model, 2, .visibleString(Array("ES-951".utf8)))
        put(.manufacturer, 2, .visibleString(Array("EMIS".utf8)))
        put(.hardwareVersion, 2, .visibleString(Array("1.3".utf8)))
        put(.hdlcRS485, 2, .enumerated(5))
        put(.hdlcOptical, 2, .enumerated(5))
        put(.gprsModem, 2, .octetString(Array("internet".utf8)))
        put(.servers, 6, .array([.octetString(Array("10.10.0.1:4059".utf8)),
                                 .octetString(Array("10.10.0.2:4059".utf8))]))
        put(.dpd, 5, .structure([.octetString(Array("emis".utf8)), .octetString(Array("dpd-secret".utf8))]))
        put(.heartbeatInterval, 2, .longUnsigned(180))
        put(.ipv4Setup, 3, .doubleLongUnsigned(0xC0A8_0133))     // 192.168.1.51
        put(.ipv4Setup, 6, .doubleLongUnsigned(0xFFFF_FF00))
        put(.ipv4Setup, 7, .doubleLongUnsigned(0xC0A8_0101))
        put(.ipv4Setup, 8, .boolean(false))
        put(.ipv4Setup, 9, .doubleLongUnsigned(0x0808_0808))
        put(.ipv4Setup, 10, .doubleLongUnsigned(0x0101_0101))
        // The random draws happen whether or not the map has the object: the same seed
        // gives the same values to the objects it has.
        let mac: [UInt8] = [0x00, 0x1E, 0xC0, UInt8(rng.int(0...255)), UInt8(rng.int(0...255)), UInt8(rng.int(0...255))]
        put(.macAddress, 2, .octetString(mac))
        put(.tcpUDPSetup, 2, .longUnsigned(4059))
        let useTime = UInt32(rng.int(1_000_000...50_000_000))
        put(.batteryUseTime, 2, .doubleLongUnsigned(useTime))
        let voltage = UInt16(rng.int(300...370))
        put(.batteryVoltage, 2, .longUnsigned(voltage))
        put(.removeMeter, 2, .longUnsigned(0))
        put(.imageTransfer, 5, .boolean(true))
    }
}
