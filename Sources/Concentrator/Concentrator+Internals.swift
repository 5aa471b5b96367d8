import DLMS
import DLMSTransport
import ES951
import Foundation

extension Concentrator {
    // MARK: - Log and progress

    /// Runs one command and logs it (time, duration, traffic, rows, outcome).
    func logged<T>(_ what: String, _ body: () async throws(ConcentratorError) -> T) async throws(ConcentratorError) -> T {
        let start = now(), before = traffic?.totals ?? TrafficCounter.Totals()
        rowsSoFar.withLock { $0 = (0, nil) }
        operationStart = before
        startProgress(before: before)
        defer { traffic?.observe(nil) }
        do {
            let result = try await body()
            append(start: start, before: before, what: what, outcome: .success, rows: rowsSoFar.withLock { $0.rows })
            return result
        } catch {
            append(start: start, before: before, what: what, outcome: .failure(error), rows: rowsSoFar.withLock { $0.rows })
            throw error
        }
    }

    /// As `logged`, with the outcome counting the writes taken.
    func loggedWrites(_ what: String, _ body: () async throws(ConcentratorError) -> [WriteOutcome]) async throws(ConcentratorError) -> [WriteOutcome] {
        let start = now(), before = traffic?.totals ?? TrafficCounter.Totals()
        do {
            let outcomes = try await body()
            let accepted = outcomes.filter { $0 == .accepted }.count
            append(start: start, before: before, what: what, outcome: .written(accepted: accepted, of: outcomes.count), rows: 0)
            return outcomes
        } catch {
            append(start: start, before: before, what: what, outcome: .failure(error), rows: 0)
            throw error
        }
    }

    func append(start: Date, before: TrafficCounter.Totals, what: String, outcome: ExchangeLogEntry.Outcome, rows: Int) {
        let end = now(), after = traffic?.totals ?? TrafficCounter.Totals()
        let elapsed = end.timeIntervalSince(start)
        exchangeLog.append(ExchangeLogEntry(
            time: start, what: what, outcome: outcome,
            duration: .milliseconds(Int64((elapsed * 1000).rounded())),
            bytes: after.bytes - before.bytes, frames: after.frames - before.frames, rows: rows))
    }

    private func startProgress(before: TrafficCounter.Totals) {
        guard let traffic, let handler = progressHandler else { return }
        let rows = rowsSoFar
        traffic.observe { totals in
            let r = rows.withLock { $0 }
            handler(ReadProgress(bytes: totals.bytes - before.bytes, frames: totals.frames - before.frames,
                                 rows: r.rows, totalRows: r.total))
        }
    }

    /// Rows read so far in this command; tells the progress handler.
    func noteRows(_ rows: Int, total: Int?) {
        rowsSoFar.withLock { $0 = (rows, total) }
        guard let progressHandler else { return }
        let totals = traffic?.totals ?? TrafficCounter.Totals()
        progressHandler(ReadProgress(bytes: totals.bytes - operationStart.bytes, frames: totals.frames - operationStart.frames,
                                     rows: rows, totalRows: total))
    }

    // MARK: - Requests

    func checkCancellation() throws(ConcentratorError) {
        if Task.isCancelled { throw .cancelled }
    }

    /// One GET (with list when more than one). `bound`: how large the answer may be, from
    /// what the device declared (rows × a row's size); by default from the map's types.
    func request(_ attributes: [AttributeWithAccess], bound: ResponseBound? = nil) async throws(ConcentratorError) -> [GetDataResult] {
        try checkCancellation()
        let bound = bound ?? Self.bound(of: attributes, in: active)
        do throws(DLMSConnectionError) { return try await connection.get(attributes, bound: bound) } catch { throw ConcentratorError(error) }
    }

    /// The bound of a GET whose size the device has not declared: 256 bytes for each
    /// attribute the map types as a simple value (a string of the map's length at most),
    /// 1 kB for a structure (a scaler_unit, the meter counts, the DPD user), plus 1 kB;
    /// one PDU (64 kB) as soon as one is an array, read with selective access, or not in
    /// the map. So an endless answer to the information screen stops after about 26 kB,
    /// at 9600 baud within half a minute.
    static func bound(of attributes: [AttributeWithAccess], in map: DeviceMap) -> ResponseBound {
        var bytes = 1024
        for a in attributes {
            guard a.access == nil, let attribute = map.attribute(a.attribute), attribute.type != .array else { return .default }
            bytes += attribute.type == .structure ? 1024 : max(256, (attribute.length ?? 0) + 16)
        }
        return ResponseBound(expectedBytes: min(bytes, ResponseBound.default.expectedBytes))
    }

    /// The bound of a read of `rows` rows of `columns` columns: 24 bytes a cell (a
    /// date-time octet-string is 14) and 8 a row, plus a PDU for the rest of the list.
    /// Rows and columns are clamped first (a map file's depth is a person's number):
    /// the product stays far from overflow, and beyond the 16 MB cap nothing changes.
    static func bound(rows: Int, columns: Int) -> ResponseBound {
        let rows = min(max(1, rows), 1_000_000), columns = min(max(1, columns), 1000)
        return ResponseBound(expectedBytes: rows * (columns * 24 + 8) + ResponseBound.default.expectedBytes)
    }

    /// Values of attributes in one GET-with-list; a refused one fails the call.
    func values(_ descriptors: [CosemAttributeDescriptor]) async throws(ConcentratorError) -> [DLMSData] {
        try await values(descriptors.map { AttributeWithAccess($0) })
    }

    func values(_ attributes: [AttributeWithAccess], bound: ResponseBound? = nil) async throws(ConcentratorError) -> [DLMSData] {
        let results = try await request(attributes, bound: bound)
        guard results.count == attributes.count else { throw .unexpectedValue("\(results.count) results for \(attributes.count) attributes") }
        var out: [DLMSData] = []
        for r in results {
            switch r {
            case .data(let v): out.append(v)
            case .error(let e): throw .refused(e)
            }
        }
        return out
    }

    func descriptor(_ name: String, _ index: Int8) throws(ConcentratorError) -> CosemAttributeDescriptor {
        if let lacks = lacking(name) { throw lacks }
        do throws(ModelError) { return try active.descriptor(name, index) } catch { throw ConcentratorError(error) }
    }

    func descriptors(_ list: [(String, Int8)]) throws(ConcentratorError) -> [CosemAttributeDescriptor] {
        var out: [CosemAttributeDescriptor] = []
        for (name, index) in list { out.append(try descriptor(name, index)) }
        return out
    }

    func modelCall<T>(_ body: () throws(ModelError) -> T) throws(ConcentratorError) -> T {
        do throws(ModelError) { return try body() } catch { throw ConcentratorError(error) }
    }

    // MARK: - Writes

    /// SET, then GET of the same attribute, compared with `compare` (default: equal,
    /// where a write-only octet-string that reads back empty counts as equal).
    func write(_ attribute: CosemAttributeDescriptor, _ value: DLMSData,
               compare: (@Sendable (DLMSData, DLMSData) -> Bool)?) async throws(ConcentratorError) -> WriteOutcome {
        try checkCancellation()
        try checkMayWrite(attribute)
        let result: DataAccessResult
        do throws(DLMSConnectionError) { result = try await connection.set(attribute, value) } catch { throw ConcentratorError(error) }
        guard result == .success else { return .refused(result) }
        let readBack = try await request([AttributeWithAccess(attribute)])
        guard let first = readBack.first else { throw .unexpectedValue("no read-back of \(attribute)") }
        let writeOnly = active.attribute(attribute)?.writeOnly ?? false
        guard case .data(let back) = first else {
            return writeOnly ? .accepted : .notTaken(readBack: first)
        }
        let same = compare?(value, back) ?? Self.matches(written: value, readBack: back, writeOnly: writeOnly)
        return same ? .accepted : .notTaken(readBack: first)
    }

    /// Refuses, before anything is sent, a write the device's object list says this
    /// association may not make, naming the client that may (the map's).
    func checkMayWrite(_ attribute: CosemAttributeDescriptor) throws(ConcentratorError) {
        let client = connection.configuration.clientAddress
        guard learned != nil, let a = active.attribute(attribute), !a.access.canWrite(client: client) else { return }
        let writers = active.conventions.writeClients.isEmpty
            ? active.link.clients.filter(\.writes).map(\.sap) : active.conventions.writeClients
        throw .clientMayNotWrite(attribute, client: client, use: writers.first { $0 != client })
    }

    static func matches(written: DLMSData, readBack: DLMSData, writeOnly: Bool) -> Bool {
        if written == readBack { return true }
        guard writeOnly else { return false }
        switch (written, readBack) {
        case (.octetString, .octetString(let b)) where b.isEmpty: return true
        case (.structure(let w), .structure(let r)), (.array(let w), .array(let r)):
            return w.count == r.count && zip(w, r).allSatisfy { matches(written: $0, readBack: $1, writeOnly: true) }
        default: return false
        }
    }

    /// Two date-times within 2 s of each other (the clock runs between write and read;
    /// more is a clock that did not take the time).
    @Sendable static func sameInstant(_ a: DLMSData, _ b: DLMSData) -> Bool {
        guard var x = a.dateTimeValue, var y = b.dateTimeValue else { return false }
        if x.time.hundredths == 0xFF { x.time.hundredths = 0 }
        if y.time.hundredths == 0xFF { y.time.hundredths = 0 }
        guard let s = x.secondsSince1970(), let t = y.secondsSince1970() else { return a == b }
        return abs(s - t) <= 2
    }

    /// Two date-times whose local times lie within 2 s, whatever their deviations.
    @Sendable static func sameLocalTime(_ a: DLMSData, _ b: DLMSData) -> Bool {
        guard var x = a.dateTimeValue, var y = b.dateTimeValue else { return false }
        x.deviation = 0; y.deviation = 0
        return sameInstant(.dateTimeOctetString(x), .dateTimeOctetString(y))
    }

    // MARK: - Profiles and lists

    /// Writes the point selector (it is per association, so every point-scoped read does).
    /// A device without a selector (its profiles are its own) takes point nil, or 0 for
    /// the concentrator's own events; any other point is ``ConcentratorError/lacks(_:)``.
    func selectPoint(_ point: Int?) async throws(ConcentratorError) {
        if lacking("point-selector") != nil {
            guard point == nil || point == 0 else { throw .lacks("point-selector") }
            return
        }
        guard let point else { return }
        guard let p = UInt16(exactly: point) else { throw .unexpectedValue("point \(point)") }
        let d = try descriptor("point-selector", 2)
        try checkCancellation()
        let result: DataAccessResult
        do throws(DLMSConnectionError) { result = try await connection.set(d, .longUnsigned(p)) } catch { throw ConcentratorError(error) }
        guard result == .success else { throw .pointRefused(point, result) }
    }

    /// Selects the point, reads the capture objects (attribute 3), then the buffer
    /// (whole or by range on the clock column).
    func profileRows(_ name: String, point: Int?, from: COSEMDateTime?, to: COSEMDateTime?,
                     extra: [CosemAttributeDescriptor] = []) async throws(ConcentratorError) -> ([ES951.CaptureObjectDefinition], DLMSData, [DLMSData]) {
        let obis = try descriptor(name, 2).instance
        // At most the profile's depth in rows (the map's, else a year of days).
        let (columns, buffer, results) = try await profileRows(obis, depth: active.object(named: name)?.depth ?? 366, point: point,
                                                               from: from, to: to) { _ in extra }
        var values: [DLMSData] = []
        for r in results {
            switch r {
            case .data(let v): values.append(v)
            case .error(let e): throw .refused(e)
            }
        }
        return (columns, buffer, values)
    }

    /// Any profile generic: the point selected (when given), its capture objects, then
    /// its buffer — the rows in `from…to` by a range on its clock column, or, from a device
    /// that grants no selective access or refuses the range, the whole buffer cut here —
    /// with the attributes `extra` names for those columns in the same request (their
    /// results as the device gave them).
    func profileRows(_ obis: OBISCode, depth: Int, point: Int?, from: COSEMDateTime?, to: COSEMDateTime?,
                     extra: ([ES951.CaptureObjectDefinition]) -> [CosemAttributeDescriptor])
        async throws(ConcentratorError) -> ([ES951.CaptureObjectDefinition], DLMSData, [GetDataResult]) {
        try await selectPoint(point)
        let columnsData = try await values([CosemAttributeDescriptor(classID: 7, instance: obis, attribute: 3)])[0]
        let columns = try modelCall { () throws(ModelError) in try ES951.CaptureObjectDefinition.captureObjects(from: columnsData) }
        let buffer = CosemAttributeDescriptor(classID: 7, instance: obis, attribute: 2)
        let others = extra(columns).map { AttributeWithAccess($0) }
        let clockColumn = columns.firstIndex { $0.classID == 8 && $0.attribute == 2 }
        var access: SelectiveAccess?
        if from != nil || to != nil, await grantsSelectiveAccess() {
            let clock = clockColumn.map { columns[$0] }
                .map { DLMS.CaptureObjectDefinition(classID: $0.classID, instance: $0.instance, attribute: $0.attribute, dataIndex: $0.dataIndex) }
                ?? .clock
            access = .range(RangeDescriptor(restrictingObject: clock, from: .dateTimeOctetString(from.map(outgoing) ?? Self.unspecified),
                                            to: .dateTimeOctetString(to.map(outgoing) ?? Self.unspecified)))
        }
        let bound = Self.bound(rows: depth, columns: columns.count)
        var results = try await request([AttributeWithAccess(buffer, access: access)] + others, bound: bound)
        var cutHere = (from != nil || to != nil) && access == nil
        if access != nil, case .error? = results.first {
            // Some devices refuse a range (with the deviation set, or a clock that is not
            // the first column): the whole buffer, cut to the window here.
            results = try await request([AttributeWithAccess(buffer)] + others, bound: bound)
            cutHere = true
        }
        guard results.count == others.count + 1 else { throw .unexpectedValue("\(results.count) results for \(others.count + 1) attributes") }
        guard case .data(let rows) = results[0] else {
            if case .error(let e) = results[0] { throw .refused(e) }
            throw .unexpectedValue("profile \(obis)")
        }
        return (columns, cutHere ? cut(rows, clockColumn: clockColumn, from: from, to: to) : rows, Array(results.dropFirst()))
    }

    /// Whether the association granted selective access (a range is never asked of a
    /// device that did not: it would answer with an exception).
    func grantsSelectiveAccess() async -> Bool {
        await connection.association?.conformance.contains(.selectiveAccess) ?? true
    }

    /// The rows of `buffer` whose clock cell lies in `from…to` (either open); without a
    /// clock column, all of them.
    func cut(_ buffer: DLMSData, clockColumn: Int?, from: COSEMDateTime?, to: COSEMDateTime?) -> DLMSData {
        guard let clockColumn, case .array(let rows) = buffer else { return buffer }
        let low = from?.secondsSince1970(), high = to?.secondsSince1970()
        let sign = zoneSign ?? .blueBook
        return .array(rows.filter { row in
            guard case .structure(let cells) = row, clockColumn < cells.count,
                  let time = cells[clockColumn].dateTimeValue.flatMap({ sign.toBlueBook($0).secondsSince1970() }) else { return false }
            return (low.map { time >= $0 } ?? true) && (high.map { time <= $0 } ?? true)
        })
    }

    func profileRows(_ name: String, point: Int?, from: COSEMDateTime?, to: COSEMDateTime?) async throws(ConcentratorError) -> ([ES951.CaptureObjectDefinition], DLMSData) {
        let (c, b, _) = try await profileRows(name, point: point, from: from, to: to, extra: [])
        return (c, b)
    }

    /// A profile table: the buffer and, in the same GET-with-list, the scaler_unit
    /// (attribute 3) of every register column whose map object has one.
    func profile(_ name: String, point: Int?, from: COSEMDateTime?, to: COSEMDateTime?) async throws(ConcentratorError) -> ProfileTable {
        // Columns as the map gives them, to ask for their scaler_units with the buffer;
        // the table itself is built from the capture objects the device reports.
        let mapColumns = active.object(named: name)?.captureObjects ?? []
        var scalerUnitAttributes: [CosemAttributeDescriptor] = []
        for c in mapColumns where c.attribute == 2 {
            if let o = active.object(c.instance), o.classID == c.classID, o.attribute(3)?.key == "scaler-unit" {
                let d = o.descriptor(3)
                if !scalerUnitAttributes.contains(d) { scalerUnitAttributes.append(d) }
            }
        }
        let (columns, buffer, extra) = try await profileRows(name, point: point, from: from, to: to, extra: scalerUnitAttributes)
        let scalerUnits = Dictionary(zip(scalerUnitAttributes, extra), uniquingKeysWith: { a, _ in a })
        let map = self.active
        var table = try modelCall { () throws(ModelError) in
            try ProfileTable(captureObjects: columns, buffer: buffer, map: map, scalerUnits: scalerUnits)
        }
        if let sign = zoneSign, sign != .blueBook { table = table.withZoneSign(sign) }
        noteRows(table.rows.count, total: table.rows.count)
        return table
    }

    /// Reads a list profile a page at a time: capture objects and entries in use in one
    /// GET-with-list, then the buffer with entry selective access, `pageSize` rows each
    /// (the first page `firstPage` rows when given).
    /// `maximumEntries` bounds what the device may claim to hold: more is refused as
    /// implausible before a single row is read.
    func readList<Row: Sendable>(_ name: String, pageSize: Int, firstPage: Int? = nil,
                                 maximumEntries: Int64 = MeterRecord.maximumListEntries, onPage: @Sendable ([Row]) -> Void,
                                 row: (DLMSData, [ES951.CaptureObjectDefinition]) throws(ModelError) -> Row) async throws(ConcentratorError) -> [Row] {
        try await logged("read \(name)") { () async throws(ConcentratorError) -> [Row] in
            let d = try descriptors([(name, 3), (name, 7)])
            let buffer = try descriptor(name, 2)
            let head = try await values(d)
            let columns = try modelCall { () throws(ModelError) in try ES951.CaptureObjectDefinition.captureObjects(from: head[0]) }
            let total = try modelCall { () throws(ModelError) in
                try head[1].integer("\(name).entries-in-use", in: 0...maximumEntries)
            }
            let size = max(1, pageSize)
            var rows: [Row] = []
            noteRows(0, total: total)
            if await !grantsSelectiveAccess() {
                // No entry access granted: the list in one read.
                let all = try await values([AttributeWithAccess(buffer)], bound: Self.bound(rows: total, columns: columns.count))[0]
                rows = try modelCall { () throws(ModelError) -> [Row] in
                    try all.elements("\(name).buffer").map { r throws(ModelError) in try row(r, columns) }
                }
                noteRows(rows.count, total: total)
                onPage(rows)
                return rows
            }
            var first = 1
            while first <= total {
                let last = min(total, first + (first == 1 ? max(1, firstPage ?? size) : size) - 1)
                let page = try await values([AttributeWithAccess(buffer, access: .entry(EntryDescriptor(
                    fromEntry: UInt32(first), toEntry: UInt32(last))))],
                    bound: Self.bound(rows: last - first + 1, columns: columns.count))[0]
                let parsed = try modelCall { () throws(ModelError) -> [Row] in
                    try page.elements("\(name).buffer").map { r throws(ModelError) in try row(r, columns) }
                }
                rows += parsed
                noteRows(rows.count, total: total)
                onPage(parsed)
                // A device that returns fewer rows than asked has no more.
                if parsed.count < last - first + 1 { break }
                first = last + 1
            }
            return rows
        }
    }

    /// A date-time with every field unspecified: an open side of a range.
    static let unspecified = COSEMDateTime(
        date: COSEMDate(year: 0xFFFF, month: 0xFF, dayOfMonth: 0xFF, dayOfWeek: 0xFF),
        time: COSEMTime(hour: 0xFF, minute: 0xFF, second: 0xFF, hundredths: 0xFF),
        deviation: nil, status: .notSpecified)
}
