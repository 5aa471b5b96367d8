import DLMS

/// One row of a list profile (meter list, poll status) read by column: the value of the
/// column whose object the map calls `name`.
struct NamedRow {
    let values: [DLMSData]
    let index: [String: Int]
    let profile: String

    init(_ row: DLMSData, columns: [CaptureObjectDefinition], map: DeviceMap, profile: String) throws(ModelError) {
        values = try row.elements(profile)
        var index: [String: Int] = [:]
        for (i, c) in columns.enumerated() {
            if let name = map.object(c.instance)?.name { index[name] = i }
        }
        self.index = index
        self.profile = profile
    }

    func callAsFunction(_ name: String) throws(ModelError) -> DLMSData {
        guard let i = index[name] else { throw .missingInMap("\(profile) column \(name)") }
        guard i < values.count else { throw .unexpectedValue(field: "\(profile).\(name)", value: .structure(values)) }
        return values[i]
    }
}

/// One meter of the meter list (7/0.0.94.7.128.255; SPEC F-35).
public struct MeterRecord: Equatable, Sendable {
    /// Meter type (0.0.94.7.154.255): 1 single-phase, 2 three-phase.
    public enum Kind: Equatable, Sendable {
        case singlePhase, threePhase, other(UInt8)
        public init(code: UInt8) { self = code == 1 ? .singlePhase : code == 2 ? .threePhase : .other(code) }
        public var code: UInt8 {
            switch self { case .singlePhase: 1; case .threePhase: 2; case .other(let c): c }
        }
    }

    /// A metering point number (long-unsigned).
    public static let plausiblePoints: ClosedRange<Int64> = 0...65_535
    /// The most meters a concentrator's list holds (SPEC: up to 1000): a list that claims
    /// more is refused rather than read for minutes.
    public static let maximumListEntries: Int64 = 1000

    public var point: Int
    public var serial: String
    /// EUI-64 (8 bytes).
    public var address: [UInt8]
    /// G3-PLC short address.
    public var shortAddress: UInt16
    public var kind: Kind
    /// Tariffs in use, 1…4.
    public var tariffMode: UInt8
    public var powerLimit: ScaledValue

    public init(point: Int, serial: String, address: [UInt8], shortAddress: UInt16, kind: Kind,
                tariffMode: UInt8, powerLimit: ScaledValue) {
        self.point = point; self.serial = serial; self.address = address; self.shortAddress = shortAddress
        self.kind = kind; self.tariffMode = tariffMode; self.powerLimit = powerLimit
    }

    /// The capture objects of the meter list as the map gives them.
    public static func columns(in map: DeviceMap) -> [CaptureObjectDefinition] {
        map.object(named: "meter-list")?.captureObjects ?? []
    }

    /// From one buffer row, given the list's capture objects (as read, or the map's).
    public init(row: DLMSData, columns: [CaptureObjectDefinition], map: DeviceMap) throws(ModelError) {
        let r = try NamedRow(row, columns: columns, map: map, profile: "meter-list")
        point = try r("point-number").integer("point-number", in: MeterRecord.plausiblePoints)
        serial = try r("meter-serial").textValue("meter-serial")
        address = try r("meter-address").octetsValue("meter-address")
        shortAddress = try r("plc-short-address").unsignedValue("plc-short-address", as: UInt16.self)
        kind = Kind(code: try r("meter-type").unsignedValue("meter-type", as: UInt8.self))
        tariffMode = try r("tariff-mode").unsignedValue("tariff-mode", as: UInt8.self)
        let limit = map.object(named: "power-limit")?.attribute(2)
        powerLimit = ScaledValue(raw: try r("power-limit").signedValue("power-limit"), scaler: limit?.scaler ?? 0,
                                 unit: limit?.unit.map(DLMSUnit.init(rawValue:)))
    }

    /// The EUI-64 as people read it: `00:11:22:33:44:55:66:77` (upper-case hex).
    public var addressText: String { Self.addressText(address) }

    public static func addressText(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16, uppercase: true).leftPadded(2) }.joined(separator: ":")
    }

    /// Parses an EUI-64 typed by a person: 16 hex digits, with or without `:` or `-`.
    public static func parseAddress(_ text: String) -> [UInt8]? {
        let hex = text.filter { $0 != ":" && $0 != "-" }
        guard hex.count == 16 else { return nil }
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            guard let b = UInt8(hex[i..<j], radix: 16) else { return nil }
            bytes.append(b)
            i = j
        }
        return bytes
    }
}

/// One row of the poll status list (7/0.0.94.7.133.255; SPEC F-35).
public struct PollStatus: Equatable, Sendable {
    public enum State: Equatable, Sendable {
        case unknown, online, blacklisted, other(UInt8)
        public init(code: UInt8) {
            switch code { case 0: self = .unknown; case 1: self = .online; case 2: self = .blacklisted; default: self = .other(code) }
        }
    }

    public var point: Int
    public var state: State
    public var lastGoodPoll: COSEMDateTime?
    public var lastFailedPoll: COSEMDateTime?
    public var failedPolls: UInt32

    public init(point: Int, state: State, lastGoodPoll: COSEMDateTime?, lastFailedPoll: COSEMDateTime?, failedPolls: UInt32) {
        self.point = point; self.state = state; self.lastGoodPoll = lastGoodPoll
        self.lastFailedPoll = lastFailedPoll; self.failedPolls = failedPolls
    }

    public init(row: DLMSData, columns: [CaptureObjectDefinition], map: DeviceMap) throws(ModelError) {
        let r = try NamedRow(row, columns: columns, map: map, profile: "poll-status")
        point = try r("point-number").integer("point-number", in: MeterRecord.plausiblePoints)
        state = State(code: try r("poll-state").unsignedValue("poll-state", as: UInt8.self))
        lastGoodPoll = try r("last-good-poll").optionalDateTime("last-good-poll")
        lastFailedPoll = try r("last-failed-poll").optionalDateTime("last-failed-poll")
        failedPolls = try r("failed-polls").unsignedValue("failed-polls", as: UInt32.self)
    }
}
