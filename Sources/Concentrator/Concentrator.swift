import DLMS
import DLMSTransport
import ES951
import Foundation
import Synchronization

/// The ES-951 as the application sees it: every read and write of SPEC F-30…F-51 over a
/// ``DLMSConnection``, with values turned into the ``ES951`` models.
///
/// - Each screen is ONE GET-with-list (``readInfo(_:)``, ``readClock()``, ``readGPRS()``,
///   ``readIP()``, ``readTopology()``): a round trip per screen, not per value.
/// - Point-scoped reads (profiles, events, current readings) write the point selector
///   (1/0.0.94.7.137.255/2) first.
/// - Long lists (meters, poll status) are read a page at a time with entry selective
///   access; `onPage` has each page as soon as it arrives.
/// - Writes are read back and compared (``WriteOutcome``).
/// - Every command leaves one ``ExchangeLogEntry``; long reads report ``ReadProgress``.
/// - Cancelling the calling task cancels the request in flight (the session releases
///   cleanly) and the call throws ``ConcentratorError/cancelled``.
///
/// ```swift
/// let c = Concentrator(connection: link, map: try DeviceMap.builtIn())
/// _ = try await c.open()
/// let info = try await c.readInfo()
/// let daily = try await c.readProfile(.daily, point: 3, from: nil, to: nil)
/// await c.close()
/// ```
public actor Concentrator {
    public let connection: DLMSConnection
    /// The map given: the ES-951's, or the user's `--map`.
    public nonisolated let map: DeviceMap
    /// Maps to choose from when the device is learned (``learn(cache:refresh:)``): `map`
    /// first.
    public nonisolated let candidateMaps: [DeviceMap]
    /// The map in use: `map` until the device is learned, then the chosen map fitted to
    /// the device's object list.
    public internal(set) var active: DeviceMap
    /// What learning found (nil before): the chosen map, its lacking roles, the object list.
    public internal(set) var learned: LearnedDevice?
    /// How the device's clock counts time zones: the map's convention, or found from its
    /// clock; nil while unknown (time-zone writes and sync are refused).
    public internal(set) var zoneSign: TimeZoneSign?
    public nonisolated let catalogue: EventCatalogue?
    let traffic: TrafficCounter?
    let now: @Sendable () -> Date
    var progressHandler: (@Sendable (ReadProgress) -> Void)?
    public internal(set) var exchangeLog: [ExchangeLogEntry] = []
    /// Rows of the operation in progress (for progress reports from the traffic observer).
    /// Traffic totals when the command in progress began.
    var operationStart = TrafficCounter.Totals()
    let rowsSoFar = RowCount()
    /// The device's identity on this association, once read (``identity()``).
    var knownIdentity: DeviceIdentity?

    public init(connection: DLMSConnection, map: DeviceMap) {
        self.init(connection: connection, map: map, catalogue: nil, traffic: nil, now: { Date() })
    }

    /// - Parameters:
    ///   - catalogue: event names (nil: the built-in catalogue, if it loads).
    ///   - traffic: the counter of the connection's channel (a ``CountingChannel``), for
    ///     bytes and frames in the log and in progress reports.
    ///   - now: the wall clock for the log (tests pass a fixed one).
    ///   - alsoMaps: other maps the device may fit better (chosen when it is learned).
    public init(connection: DLMSConnection, map: DeviceMap, catalogue: EventCatalogue?,
                traffic: TrafficCounter?, now: @escaping @Sendable () -> Date, alsoMaps: [DeviceMap] = []) {
        self.connection = connection
        self.map = map
        self.candidateMaps = [map] + alsoMaps
        self.active = map
        self.zoneSign = map.conventions.timeZoneSign
        self.catalogue = catalogue ?? (try? EventCatalogue.builtIn())
        self.traffic = traffic
        self.now = now
    }

    /// Progress of long reads (bytes, frames, rows), called on every frame received when
    /// the channel is counted, and after every page.
    public func setProgressHandler(_ handler: (@Sendable (ReadProgress) -> Void)?) { progressHandler = handler }

    // MARK: - Association

    public func open() async throws(ConcentratorError) -> AssociationInfo {
        try await logged("open") { () async throws(ConcentratorError) -> AssociationInfo in
            // The map's write-only attributes are secrets too: masked in the trace.
            await connection.markSecret(map.objects.flatMap { o in o.attributes.filter(\.writeOnly).map { o.descriptor($0.index) } })
            do throws(DLMSConnectionError) { return try await connection.open() } catch { throw ConcentratorError(error) }
        }
    }

    public func close() async {
        let start = now(), before = traffic?.totals ?? TrafficCounter.Totals()
        await connection.close()
        append(start: start, before: before, what: "close", outcome: .success, rows: 0)
    }

    // MARK: - Generic access

    /// Reads attributes whole (never paged), one GET-with-list.
    public func get(_ attributes: [CosemAttributeDescriptor]) async throws(ConcentratorError) -> [GetDataResult] {
        try await logged("get " + attributes.map(\.description).joined(separator: " ")) { () async throws(ConcentratorError) -> [GetDataResult] in
            try await request(attributes.map { AttributeWithAccess($0) })
        }
    }

    /// Writes one attribute, reads it back and compares.
    public func set(_ attribute: CosemAttributeDescriptor, _ value: DLMSData) async throws(ConcentratorError) -> WriteOutcome {
        // The clock runs: its time reads back a little later than written, as `setClock` allows.
        let clockTime = attribute.classID == 8 && attribute.attribute == 2
        let outcome = try await loggedWrites("set \(attribute)") { () async throws(ConcentratorError) -> [WriteOutcome] in
            [try await write(attribute, value, compare: clockTime ? Self.sameInstant : nil)]
        }
        return outcome[0]
    }

    // MARK: - Screens

    /// Concentrator information (F-30, F-31, F-37): the chosen items in one GET-with-list.
    /// Items the device refuses stay nil.
    public func readInfo(_ items: [ConcentratorInfo.Item] = ConcentratorInfo.Item.allCases) async throws(ConcentratorError) -> ConcentratorInfo {
        try await logged("read info") { () async throws(ConcentratorError) -> ConcentratorInfo in
            // Items whose role the device lacks are not asked for: they are marked.
            let present = items.filter { lacking($0.location.object) == nil }
            let map = active
            let descriptors = try modelCall { () throws(ModelError) in try present.map { i throws(ModelError) in try i.descriptor(in: map) } }
            let results = try await request(descriptors.map { AttributeWithAccess($0) })
            var values: [ConcentratorInfo.Item: DLMSData] = [:]
            for (item, result) in zip(present, results) { if case .data(let v) = result { values[item] = v } }
            var info = try modelCall { () throws(ModelError) in try ConcentratorInfo(values, map: map) }
            info.lacking = items.filter { !present.contains($0) }
            if let clock = info.clock { info.clock = incoming(clock: clock) }
            if let zone = info.timeZone {
                info.timeZone = zoneSign?.toBlueBook(zone) ?? zone
                info.timeZoneSignKnown = zoneSign != nil
            }
            // Both read on this association: a later write names the unit without asking again.
            if knownIdentity == nil, let serial = info.serialNumber, let name = info.logicalDeviceNameText {
                knownIdentity = DeviceIdentity(serialNumber: serial, logicalDeviceName: name)
            }
            return info
        }
    }

    /// The backup battery (F-37): use time and voltage with their scaler and unit.
    public func readBattery() async throws(ConcentratorError) -> (useTime: ScaledValue?, voltage: ScaledValue?) {
        let info = try await readInfo([.batteryUseTime, .batteryUseTimeScalerUnit, .batteryVoltage, .batteryVoltageScalerUnit])
        return (info.batteryUseTime, info.batteryVoltage)
    }

    /// The clock (F-32): time, time zone and status in one GET-with-list.
    public func readClock() async throws(ConcentratorError) -> ClockReading {
        try await logged("read clock") { () async throws(ConcentratorError) -> ClockReading in
            let d = try descriptors([("clock", 2), ("clock", 3), ("clock", 4)])
            let v = try await values(d)
            var reading = try modelCall { () throws(ModelError) in try ClockReading(time: v[0], timeZone: v[1], status: v[2]) }
            reading.time = incoming(clock: reading.time)
            reading.timeZone = zoneSign?.toBlueBook(reading.timeZone) ?? reading.timeZone
            reading.timeZoneSignKnown = zoneSign != nil
            return reading
        }
    }

    /// Sets the clock; accepted when the time read back is within 2 s of the one written.
    /// `time` has its deviation in the Blue Book sign; the device gets it in its own. While
    /// that sign is unknown (a clock far off cannot tell it), the time goes as the
    /// device's local time with the deviation unspecified, and is compared as local time.
    public func setClock(_ time: COSEMDateTime) async throws(ConcentratorError) -> WriteOutcome {
        let d = try descriptor("clock", 2)
        if zoneSign == nil { _ = try? await readClock() }
        let known = zoneSign != nil
        var value = outgoing(time)
        if !known { value.deviation = nil }
        return try await loggedWrites("set clock") { () async throws(ConcentratorError) -> [WriteOutcome] in
            [try await write(d, DLMSData.dateTimeOctetString(value), compare: known ? Self.sameInstant : Self.sameLocalTime)]
        }[0]
    }

    /// Sets the clock to `now` in the device's own time zone (read first). Refused while
    /// the device's time-zone sign is unknown (the zone could be read the wrong way).
    public func syncClock(now instant: Date) async throws(ConcentratorError) -> WriteOutcome {
        let tz = try descriptor("clock", 3), clock = try descriptor("clock", 2)
        return try await loggedWrites("sync clock") { () async throws(ConcentratorError) -> [WriteOutcome] in
            let read = try await values(zoneSign == nil ? [tz, clock] : [tz])
            if zoneSign == nil, let time = read[1].dateTimeValue { _ = incoming(clock: time) }
            guard let sign = zoneSign else { throw .timeZoneSignUnknown }
            let zone = read[0]
            guard case .long(let raw) = zone,
                  let time = COSEMDateTime(secondsSince1970: Int64(instant.timeIntervalSince1970.rounded(.down)),
                                           utcOffsetMinutes: -Int(sign.toBlueBook(raw))) else {
                throw .unexpectedValue("clock.time-zone: \(zone)")
            }
            return [try await write(clock, DLMSData.dateTimeOctetString(outgoing(time)), compare: Self.sameInstant)]
        }[0]
    }

    /// Sets the time zone (Blue Book sign: −180 = UTC+3), in the device's own sign;
    /// refused while that sign is unknown.
    public func setTimeZone(minutes: Int16) async throws(ConcentratorError) -> WriteOutcome {
        let d = try descriptor("clock", 3)
        if zoneSign == nil { _ = try? await readClock() }
        let value = try outgoingZone(minutes)
        return try await loggedWrites("set time zone") { () async throws(ConcentratorError) -> [WriteOutcome] in
            [try await write(d, .long(value), compare: nil)]
        }[0]
    }

    /// GPRS settings (F-33) in one GET-with-list. The DPD password reads as nil.
    public func readGPRS() async throws(ConcentratorError) -> GPRSSettings {
        try await logged("read gprs") { () async throws(ConcentratorError) -> GPRSSettings in
            let attributes = GPRSSettings.Attribute.allCases
            let d = try modelCall { () throws(ModelError) in try attributes.map { a throws(ModelError) in try a.descriptor(in: map) } }
            let v = try await values(d)
            return try modelCall { () throws(ModelError) in try GPRSSettings(Dictionary(uniqueKeysWithValues: zip(attributes, v))) }
        }
    }

    /// Writes the attributes carrying `changing` (validated first), each read back:
    /// one outcome per attribute in ``GPRSSettings/Attribute`` order (APN, servers, DPD,
    /// heartbeat). The DPD password is write only, so its read-back checks the user.
    /// - Throws: `.unexpectedValue` naming the first invalid field (nothing is written).
    public func write(gprs: GPRSSettings, changing: Set<GPRSField>) async throws(ConcentratorError) -> [WriteOutcome] {
        if let issue = gprs.validate(changing).first { throw .unexpectedValue("gprs.\(issue.field.rawValue): \(issue.reason)") }
        let attributes = GPRSSettings.attributes(for: changing)
        let d = try modelCall { () throws(ModelError) in try attributes.map { a throws(ModelError) in try a.descriptor(in: map) } }
        return try await loggedWrites("write gprs " + attributes.map(\.rawValue).joined(separator: ",")) { () async throws(ConcentratorError) -> [WriteOutcome] in
            var outcomes: [WriteOutcome] = []
            for (a, descriptor) in zip(attributes, d) {
                outcomes.append(try await write(descriptor, gprs.wireValue(a), compare: nil))
            }
            return outcomes
        }
    }

    /// Changes the GPRS fields `changing` to `wanted`'s (F-33): reads the device's
    /// settings, applies the change (``GPRSSettings/applying(_:changing:)``), writes the
    /// attributes that carry it, each read back. The one implementation for `hlmcs gprs`
    /// and the TUI's GPRS page.
    public func change(gprs wanted: GPRSSettings, changing: Set<GPRSField>) async throws(ConcentratorError) -> [WriteOutcome] {
        let settings = try await readGPRS().applying(wanted, changing: changing)
        return try await write(gprs: settings, changing: changing)
    }

    /// IP settings (F-34) in one GET-with-list.
    public func readIP() async throws(ConcentratorError) -> IPSettings {
        try await logged("read ip") { () async throws(ConcentratorError) -> IPSettings in
            let attributes = IPSettings.Attribute.allCases
            let d = try modelCall { () throws(ModelError) in try attributes.map { a throws(ModelError) in try a.descriptor(in: map) } }
            let v = try await values(d)
            return try modelCall { () throws(ModelError) in try IPSettings(Dictionary(uniqueKeysWithValues: zip(attributes, v))) }
        }
    }

    /// Writes the fields `changing` (validated first), each read back; one outcome per
    /// field in ``IPField`` order.
    public func write(ip: IPSettings, changing: Set<IPField>) async throws(ConcentratorError) -> [WriteOutcome] {
        if let issue = ip.validate(changing).first { throw .unexpectedValue("ip.\(issue.field.rawValue): \(issue.reason)") }
        let attributes = IPField.allCases.filter(changing.contains).map(IPSettings.Attribute.init)
        let d = try modelCall { () throws(ModelError) in try attributes.map { a throws(ModelError) in try a.descriptor(in: map) } }
        return try await loggedWrites("write ip " + attributes.map(\.rawValue).joined(separator: ",")) { () async throws(ConcentratorError) -> [WriteOutcome] in
            var outcomes: [WriteOutcome] = []
            for (a, descriptor) in zip(attributes, d) {
                outcomes.append(try await write(descriptor, ip.wireValue(a), compare: nil))
            }
            return outcomes
        }
    }

    /// The meter list (F-35), `pageSize` rows per request (entry selective access);
    /// `onPage` has each page as it arrives, the first before the rest is asked for.
    /// `firstPage` rows (when given) make the first page smaller, so a screen shows its
    /// first rows sooner on a slow line while the rest comes in bigger pages.
    public func readMeters(pageSize: Int = 50, firstPage: Int? = nil,
                           onPage: @escaping @Sendable ([MeterRecord]) -> Void = { _ in }) async throws(ConcentratorError) -> [MeterRecord] {
        if meterListIsData { throw .meterListOfAnotherKind }
        let map = self.active
        return try await readList("meter-list", pageSize: pageSize, firstPage: firstPage, onPage: onPage) { row, columns throws(ModelError) in
            try MeterRecord(row: row, columns: columns, map: map)
        }
    }

    /// The poll status list (F-35), paged as ``readMeters(pageSize:onPage:)``.
    public func readPollStatus(pageSize: Int = 50, onPage: @escaping @Sendable ([PollStatus]) -> Void = { _ in }) async throws(ConcentratorError) -> [PollStatus] {
        let map = self.active
        return try await readList("poll-status", pageSize: pageSize, onPage: onPage) { row, columns throws(ModelError) in
            try PollStatus(row: row, columns: columns, map: map)
        }
    }

    /// The PLC network (F-36): coordinator address, max hops, routing and neighbour
    /// tables in one GET-with-list.
    public func readTopology() async throws(ConcentratorError) -> Topology {
        try await logged("read topology") { () async throws(ConcentratorError) -> Topology in
            var d = try descriptors([("g3-mac", 2), ("g3-adaptation", 2), ("g3-adaptation", 8), ("g3-mac", 11)])
            // Every relay, where the map and the device have it (in the same request);
            // refused or absent, the tree has the first hops only.
            if let relays = try? descriptor("plc-previous-hops", 2) { d.append(relays) }
            let results = try await request(d.map { AttributeWithAccess($0) })
            guard results.count == d.count else { throw .unexpectedValue("\(results.count) results for \(d.count) attributes") }
            var v: [DLMSData] = []
            for r in results.prefix(4) {
                switch r {
                case .data(let value): v.append(value)
                case .error(let e): throw .refused(e)
                }
            }
            var relays: DLMSData?
            if results.count > 4, case .data(let value) = results[4] { relays = value }
            return try modelCall { () throws(ModelError) in
                try Topology(coordinator: try v[0].unsignedValue("g3-mac.short-address", as: UInt16.self),
                             maxHops: try v[1].integer("g3-adaptation.max-hops", in: 0...255),
                             routingTable: v[2], neighbourTable: v[3], previousHops: relays)
            }
        }
    }

    /// A profile of a metering point (F-40, F-41): whole, or the rows whose clock column
    /// lies in `from…to` (either side may be open).
    public func readProfile(_ kind: ProfileKind, point: Int, from: COSEMDateTime? = nil, to: COSEMDateTime? = nil) async throws(ConcentratorError) -> ProfileTable {
        try await logged("read profile \(kind.rawValue) point \(point)") { () async throws(ConcentratorError) -> ProfileTable in
            try await profile(kind.objectName, point: point, from: from, to: to)
        }
    }

    /// Current readings of a metering point (F-38): the one-row profile 1.0.94.7.138.255.
    public func readCurrentReadings(point: Int) async throws(ConcentratorError) -> ProfileTable {
        try await logged("read current point \(point)") { () async throws(ConcentratorError) -> ProfileTable in
            try await profile("current-readings", point: point, from: nil, to: nil)
        }
    }

    /// The grid event log of a point (F-50, F-51; point 0 = the concentrator), by time
    /// window on the device and by code here.
    public func readEvents(point: Int, from: COSEMDateTime? = nil, to: COSEMDateTime? = nil, code: Int? = nil) async throws(ConcentratorError) -> [EventRecord] {
        try await logged("read events point \(point)") { () async throws(ConcentratorError) -> [EventRecord] in
            let (columns, buffer) = try await profileRows("event-log", point: point, from: from, to: to)
            let map = self.active, catalogue = active.conventions.eventNames ? self.catalogue : nil
            let all = try modelCall { () throws(ModelError) -> [EventRecord] in
                try buffer.elements("event-log").map { row throws(ModelError) in
                    try EventRecord(row: row, columns: columns, map: map, catalogue: catalogue)
                }
            }
            let sign = zoneSign ?? .blueBook
            let records = (code.map { c in all.filter { $0.code == c } } ?? all).map { r in
                var r = r; r.time = r.time.map(sign.toBlueBook); return r
            }
            noteRows(records.count, total: nil)
            return records
        }
    }
}

/// Rows of the command in progress, shared with the traffic observer's progress reports.
final class RowCount: Sendable {
    private let state = Mutex<(rows: Int, total: Int?)>((0, nil))
    func withLock<T>(_ body: (inout (rows: Int, total: Int?)) -> T) -> T { state.withLock { body(&$0) } }
}
