import DLMS
import ES951

/// One line of the meter list (F-35): the meter and its poll status (nil until the poll
/// status is read, or when the device has none for the point).
public struct MeterLine: Equatable, Sendable {
    public var meter: MeterRecord
    public var status: PollStatus?

    public init(meter: MeterRecord, status: PollStatus? = nil) {
        self.meter = meter
        self.status = status
    }

    /// The meter list joined with the poll status by point.
    public static func join(_ meters: [MeterRecord], _ status: [PollStatus]) -> [MeterLine] {
        let byPoint = Dictionary(status.map { ($0.point, $0) }, uniquingKeysWith: { a, _ in a })
        return meters.map { MeterLine(meter: $0, status: byPoint[$0.point]) }
    }

    /// An EUI-64 as 16 hex digits without separators (the table's narrow form).
    public static func compactAddress(_ bytes: [UInt8]) -> String {
        bytes.map { b in (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }.joined()
    }

    /// Whether `needle` (already lower-cased) is in the serial number or in the address,
    /// the address compared with or without `:` and `-`.
    func matches(_ needle: String) -> Bool {
        guard !needle.isEmpty else { return false }
        if meter.serial.lowercased().contains(needle) { return true }
        let hex = MeterLine.compactAddress(meter.address).lowercased()
        let bare = needle.filter { $0 != ":" && $0 != "-" }
        return !bare.isEmpty && hex.contains(bare)
    }
}

/// Which meters the list shows.
public enum MeterFilter: Int, CaseIterable, Sendable {
    case all, online, blacklist

    var labelKey: String {
        switch self {
        case .all: "meters.filter.all"
        case .online: "meters.filter.online"
        case .blacklist: "meters.filter.blacklist"
        }
    }

    func admits(_ line: MeterLine) -> Bool {
        switch self {
        case .all: true
        case .online: line.status?.state == .online
        case .blacklist: line.status?.state == .blacklisted
        }
    }

    /// The next filter (the key cycles All → Online → Blacklist → All).
    var next: MeterFilter { MeterFilter(rawValue: (rawValue + 1) % MeterFilter.allCases.count) ?? .all }
}

/// The columns of the meter list, in screen order; point and serial number stay in view
/// while the others scroll sideways.
public enum MeterColumn: Int, CaseIterable, Sendable {
    case point, serial, address, type, tariff, state, lastGood, lastFailed, failures

    var titleKey: String { "meters.column." + String(describing: self) }
    var frozen: Bool { self == .point || self == .serial }

    var alignment: Alignment {
        switch self {
        case .point, .tariff, .failures: .right
        default: .left
        }
    }

    /// The column's width: its title, and the widest value it can hold.
    func width(_ s: UIStrings, serialWidth: Int) -> Int {
        let title = DisplayWidth.of(s[titleKey])
        let values: Int = switch self {
        case .point: 4
        case .serial: serialWidth
        case .address: 16
        case .type: max(DisplayWidth.of(s["meters.type.single"]), DisplayWidth.of(s["meters.type.three"]))
        case .tariff: 1
        case .state: ["meters.state.online", "meters.state.blacklisted", "meters.state.unknown"]
            .map { DisplayWidth.of(s[$0]) }.max() ?? 0
        case .lastGood, .lastFailed: 11
        case .failures: 4
        }
        return max(title, values)
    }

    /// The cell of `line` in this column, as the screen shows it.
    func text(_ line: MeterLine, _ s: UIStrings) -> String {
        let m = line.meter, st = line.status
        switch self {
        case .point: return String(m.point)
        case .serial: return m.serial
        case .address: return MeterLine.compactAddress(m.address)
        case .type:
            switch m.kind {
            case .singlePhase: return s["meters.type.single"]
            case .threePhase: return s["meters.type.three"]
            case .other(let code): return String(code)
            }
        case .tariff: return String(m.tariffMode)
        case .state: return st.map { Self.stateText($0.state, s) } ?? ""
        case .lastGood: return st?.lastGoodPoll.flatMap { Self.shortTime($0, s) } ?? ""
        case .lastFailed: return st?.lastFailedPoll.flatMap { Self.shortTime($0, s) } ?? ""
        case .failures: return st.map { String($0.failedPolls) } ?? ""
        }
    }

    static func stateText(_ state: PollStatus.State, _ s: UIStrings) -> String {
        switch state {
        case .online: s["meters.state.online"]
        case .blacklisted: s["meters.state.blacklisted"]
        case .unknown: s["meters.state.unknown"]
        case .other(let code): String(code)
        }
    }

    /// "11-25 10:04" in English, "25.11 10:04" in Russian (the device's local time; the
    /// year is in the selected meter's line below the table).
    static func shortTime(_ value: COSEMDateTime, _ s: UIStrings) -> String? {
        guard let full = InfoPage.dateTimeText(value) else { return nil }
        let c = Array(full)   // "2026-11-25 10:04:05"
        let month = String(c[5...6]), day = String(c[8...9]), time = String(c[11...15])
        return s.language == .ru ? "\(day).\(month) \(time)" : "\(month)-\(day) \(time)"
    }

    /// Orders two lines by this column (ties by point).
    func ascending(_ a: MeterLine, _ b: MeterLine) -> Bool {
        func key(_ l: MeterLine) -> (Int64, String) {
            let m = l.meter, st = l.status
            switch self {
            case .point: return (Int64(m.point), "")
            case .serial: return (m.serial.allSatisfy { $0.isASCII && $0.isNumber } ? Int64(m.serial.count) : Int64.max, m.serial)
            case .address: return (0, MeterLine.compactAddress(m.address))
            case .type: return (Int64(m.kind.code), "")
            case .tariff: return (Int64(m.tariffMode), "")
            case .state:
                let rank: Int64 = switch st?.state {
                case .online?: 0
                case .blacklisted?: 1
                case .unknown?: 2
                case .other(let code)?: 3 + Int64(code)
                case nil: 1000
                }
                return (rank, "")
            case .lastGood: return (st?.lastGoodPoll?.secondsSince1970() ?? Int64.min, "")
            case .lastFailed: return (st?.lastFailedPoll?.secondsSince1970() ?? Int64.min, "")
            case .failures: return (st.map { Int64($0.failedPolls) } ?? -1, "")
            }
        }
        let x = key(a), y = key(b)
        if x != y { return x < y }
        return a.meter.point < b.meter.point
    }
}

