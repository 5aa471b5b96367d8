import DLMS

/// Deterministic data for a simulated ES-951: meters, poll status, the G3 mesh, and per
/// point the profiles and event logs of ES951-MAP.md. Pure: the same seed, meter count
/// and `today` give the same values, byte for byte (SplitMix64, no clock, no system
/// randomness). Each table and each point draws from its own sub-stream, so reading
/// point 7 first or last changes nothing.
///
/// ```swift
/// let generator = DataGenerator(seed: 1, meters: 100, today: 20_400, utcOffsetMinutes: 180)
/// let meters = generator.meters()          // points 1…100
/// let point7 = generator.pointData(7)      // 89 daily rows, 14 monthly, …
/// ```
public struct DataGenerator: Sendable {
    public static let maximumMeters = 1000
    public static let dailyDepth = 89
    public static let monthlyDepth = 14
    public static let demandDepth = 14
    public static let maximumHops = 15

    public let seed: UInt64
    public let meterCount: Int
    /// Today in the device's local time, as days since 1970-01-01.
    public let today: Int
    /// The device's UTC offset in minutes (UTC+3 = 180).
    public let utcOffsetMinutes: Int
    /// Records per event log (at least 100).
    public let eventRecords: Int

    /// - Parameters:
    ///   - meters: 0…1000 (clamped).
    ///   - today: the device's local date as days since 1970 (the generator reads no clock).
    public init(seed: UInt64, meters: Int = 100, today: Int, utcOffsetMinutes: Int = 180, eventRecords: Int = 100) {
        self.seed = seed
        self.meterCount = min(max(0, meters), Self.maximumMeters)
        self.today = today
        self.utcOffsetMinutes = utcOffsetMinutes
        self.eventRecords = max(100, eventRecords)
    }

    /// Local midnight of `day` (days since 1970) as seconds since 1970 UTC.
    public func midnight(_ day: Int) -> Int64 { Int64(day) * 86_400 - Int64(utcOffsetMinutes) * 60 }

    private enum Stream: UInt64 { case meters = 1, poll, mesh, point, device }

    // MARK: - Meters

    /// The meter list, points 1…N.
    public func meters() -> [SimulatedMeter] {
        var rng = SplitMix64.stream(seed: seed, Stream.meters.rawValue)
        return (1...max(1, meterCount)).prefix(meterCount).map { point in
            let threePhase = rng.chance(0.3)
            // Disjoint ranges per point keep serials unique: 20 000 000 + point·7919 + r, r < 7919.
            let serial = String(20_000_000 + point * 7919 + rng.int(0...7918))
            let tag = UInt32(truncatingIfNeeded: rng.next() & 0xFFFF) << 16 | UInt32(point)
            let eui64: [UInt8] = [0x70, 0xB3, 0xD5, 0x1F, UInt8(tag >> 24), UInt8(tag >> 16 & 0xFF),
                                  UInt8(tag >> 8 & 0xFF), UInt8(tag & 0xFF)]
            let limit = threePhase ? UInt32(rng.int(15...60)) * 1000 : UInt32(rng.int(5...15)) * 1000
            return SimulatedMeter(point: point, serial: serial, eui64: eui64, shortAddress: UInt16(point),
                                  type: threePhase ? 2 : 1, tariffs: UInt8(rng.int(1...4)), powerLimit: limit)
        }
    }

    /// Poll status of every meter: most online, some blacklisted (state 2), a few unknown.
    public func pollStatus() -> [SimulatedPollStatus] {
        var rng = SplitMix64.stream(seed: seed, Stream.poll.rawValue)
        let start = midnight(today)
        return (0..<meterCount).map { i in
            let point = i + 1
            let roll = rng.int(0...99)
            // Every 20th point is blacklisted for sure, so a small list shows one too.
            if point % 20 == 7 || roll < 4 {
                return SimulatedPollStatus(point: point, state: 2,
                                           lastGoodPoll: start - Int64(rng.int(2...40)) * 86_400 - Int64(rng.int(0...86_399)),
                                           lastFailedPoll: start - Int64(rng.int(60...7200)),
                                           failedPolls: UInt32(rng.int(20...600)))
            }
            if roll < 8 {
                return SimulatedPollStatus(point: point, state: 0, lastGoodPoll: nil, lastFailedPoll: nil, failedPolls: 0)
            }
            let failed = rng.chance(0.4) ? start - Int64(rng.int(1...60)) * 86_400 - Int64(rng.int(0...86_399)) : nil
            return SimulatedPollStatus(point: point, state: 1,
                                       lastGoodPoll: start - Int64(rng.int(60...21_600)),
                                       lastFailedPoll: failed,
                                       failedPolls: failed == nil ? 0 : UInt32(rng.int(1...9)))
        }
    }

    // MARK: - G3 mesh

    /// The G3-PLC mesh: a tree of hops from the coordinator (short address 0), at most
    /// 15 deep. Routing entries for every meter; neighbours are the first-hop nodes.
    public func mesh() -> (routes: [SimulatedRoute], neighbours: [SimulatedNeighbour]) {
        var rng = SplitMix64.stream(seed: seed, Stream.mesh.rawValue)
        var parent = [Int](repeating: 0, count: meterCount + 1)     // index = point, 0 = coordinator
        var hops = [Int](repeating: 0, count: meterCount + 1)
        var lqi = [Int](repeating: 0, count: meterCount + 1)         // of the link to the parent
        var cost = [Int](repeating: 0, count: meterCount + 1)
        var weak = [Int](repeating: 0, count: meterCount + 1)
        for node in stride(from: 1, through: meterCount, by: 1) {
            var p: Int
            let roll = rng.int(0...99)
            if node <= 3 || roll < 10 {
                p = 0
            } else if roll < 60 {
                p = rng.int(max(1, node - 5)...(node - 1))             // chains: a deep mesh
            } else {
                p = rng.int(0...(node - 1))
            }
            while hops[p] >= Self.maximumHops { p = parent[p] }
            parent[node] = p
            hops[node] = hops[p] + 1
            lqi[node] = rng.int(30...250)
            let linkCost = max(1, (255 - lqi[node]) / 8)
            cost[node] = cost[p] + linkCost
            weak[node] = weak[p] + (lqi[node] < 80 ? 1 : 0)
        }
        var routes: [SimulatedRoute] = []
        var neighbours: [SimulatedNeighbour] = []
        for node in stride(from: 1, through: meterCount, by: 1) {
            var first = node
            while parent[first] != 0 { first = parent[first] }
            routes.append(SimulatedRoute(destination: UInt16(node), nextHop: UInt16(first),
                                         routeCost: UInt16(min(cost[node], 0xFFFF)), hopCount: UInt8(hops[node]),
                                         weakLinks: UInt8(min(weak[node], 255)), validTime: UInt16(rng.int(120...1440)),
                                         previousHop: UInt16(parent[node])))
            if hops[node] == 1 {
                neighbours.append(SimulatedNeighbour(shortAddress: UInt16(node), lqi: UInt8(lqi[node]),
                                                     modulation: UInt8(rng.int(0...3)), txGain: Int8(rng.int(0...8)),
                                                     phaseDifferential: Int8(rng.int(-1...1))))
            }
        }
        return (routes, neighbours)
    }

    // MARK: - Points

    /// Single-phase event pairs (begin, end); three-phase meters use `threePhasePairs` too.
    static let singlePhasePairs: [(UInt8, UInt8)] = [
        (1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12), (15, 16), (17, 62), (18, 19),
        (26, 27), (32, 33), (52, 53), (54, 55), (56, 57),
    ]
    static let threePhasePairs: [(UInt8, UInt8)] = [
        (13, 14), (20, 21), (22, 23), (24, 25), (28, 29), (30, 31), (34, 35), (36, 37), (38, 39),
        (40, 41), (42, 43), (44, 45), (46, 47), (48, 49), (50, 51), (58, 59), (60, 61),
    ]
    /// The concentrator's own events: covers, communication module, voltage.
    static let concentratorPairs: [(UInt8, UInt8)] = [(1, 2), (5, 6), (7, 8), (9, 10), (15, 16)]

    /// The profiles and event log of one point: 0 = the concentrator (events only),
    /// 1…N = a meter. Nil for a point that does not exist.
    public func pointData(_ point: Int, meter: SimulatedMeter? = nil) -> PointData? {
        guard point >= 0, point <= meterCount else { return nil }
        var rng = SplitMix64.stream(seed: seed, Stream.point.rawValue, UInt64(point))
        let start = midnight(today)
        if point == 0 {
            return PointData(daily: [], monthly: [], activeMaxDemand: [], reactiveMaxDemand: [],
                             events: events(&rng, pairs: Self.concentratorPairs, end: start),
                             todayStart: nil, todayConsumption: nil)
        }
        let info = meter ?? meters()[point - 1]
        let threePhase = info.type == 2
        let pairs = threePhase ? Self.singlePhasePairs + Self.threePhasePairs : Self.singlePhasePairs

        // Daily consumption from the first day of the oldest monthly row up to today.
        let (ty, tm, _) = civil(today)
        let firstMonth = (ty * 12 + tm - 1) - (Self.monthlyDepth - 1)
        let firstDay = daysFromCivil(firstMonth / 12, firstMonth % 12 + 1, 1)
        let span = today - firstDay + 1
        let scale = threePhase ? 4 : 1
        let exporter = rng.chance(0.15)
        var register = (UInt32(rng.int(100_000...5_000_000)) * UInt32(scale),
                        exporter ? UInt32(rng.int(1000...200_000)) : 0,
                        UInt32(rng.int(20_000...1_000_000)) * UInt32(scale), UInt32(rng.int(0...50_000)))
        var atMidnight: [EnergyRow] = []
        atMidnight.reserveCapacity(span + 1)
        var growth: [(UInt32, UInt32, UInt32, UInt32)] = []
        for d in 0...span {
            let day = firstDay + d
            atMidnight.append(EnergyRow(time: midnight(day), activeImport: register.0, activeExport: register.1,
                                        reactiveImport: register.2, reactiveExport: register.3))
            let a = UInt32(rng.int(2_000...15_000) * scale)       // > 0: A+ strictly increasing
            let e = exporter ? UInt32(rng.int(0...4_000)) : 0
            let r = a / 10 * UInt32(rng.int(1...4))
            let rm = UInt32(rng.int(0...300))
            growth.append((a, e, r, rm))
            register = (register.0 &+ a, register.1 &+ e, register.2 &+ r, register.3 &+ rm)
        }
        let todayIndex = today - firstDay
        let daily = Array(atMidnight[(todayIndex - (Self.dailyDepth - 1))...todayIndex])
        var monthly: [EnergyRow] = []
        var active: [DemandRow] = []
        var reactive: [DemandRow] = []
        for m in 0..<Self.monthlyDepth {
            let month = firstMonth + m
            let day = daysFromCivil(month / 12, month % 12 + 1, 1)
            monthly.append(atMidnight[day - firstDay])
            // The maximum of the month before the row's date.
            let previous = month - 1
            let previousStart = daysFromCivil(previous / 12, previous % 12 + 1, 1)
            let window = Int64(day - previousStart) * 86_400
            let at = midnight(previousStart) + Int64(rng.int(0...Int(window / 900) - 1)) * 900
            let peak = UInt32(rng.int(Int(info.powerLimit) / 5...Int(info.powerLimit)))
            active.append(DemandRow(time: midnight(day), value: peak, captureTime: at))
            let reactiveAt = midnight(previousStart) + Int64(rng.int(0...Int(window / 900) - 1)) * 900
            reactive.append(DemandRow(time: midnight(day), value: peak / 10 * UInt32(rng.int(2...5)),
                                      captureTime: reactiveAt))
        }
        let g = growth[todayIndex]
        return PointData(daily: daily, monthly: monthly, activeMaxDemand: active, reactiveMaxDemand: reactive,
                         events: events(&rng, pairs: pairs, end: start),
                         todayStart: atMidnight[todayIndex],
                         todayConsumption: EnergyRow(time: start, activeImport: g.0, activeExport: g.1,
                                                     reactiveImport: g.2, reactiveExport: g.3))
    }

    /// `eventRecords` records before `end`, oldest first, in begin/end pairs.
    private func events(_ rng: inout SplitMix64, pairs: [(UInt8, UInt8)], end: Int64) -> [EventRecord] {
        var records: [EventRecord] = []
        records.reserveCapacity(eventRecords + 1)
        var t = end - Int64(Self.dailyDepth) * 86_400
        while records.count < eventRecords {
            let pair = pairs[rng.int(0...(pairs.count - 1))]
            t += Int64(rng.int(600...60_000))
            records.append(EventRecord(time: t, code: pair.0))
            t += Int64(rng.int(1...7_200))
            records.append(EventRecord(time: t, code: pair.1))
        }
        // Keep the newest, and make sure none lies after `end`.
        let shift = max(0, records.last!.time - (end - 60))
        return records.suffix(eventRecords).map { EventRecord(time: $0.time - shift, code: $0.code) }
    }

    // MARK: - Calendar (proleptic Gregorian; Hinnant's algorithms)

    func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
