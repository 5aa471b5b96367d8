import DLMS

/// What one association sees: its client, the point it selected, the address it was
/// made at. The values of point-scoped objects depend on it.
struct ReadContext {
    var client: UInt16
    var point: Int
    var logicalAddress: UInt16
    var conformance: Conformance
    var maxPDU: Int
    var mechanism: MechanismName?
    var now: HostTime
}

/// One row of a profile (class 7 buffer), whatever the profile.
enum ProfileRow {
    case energy(EnergyRow)
    case demand(DemandRow)
    case event(EventRecord)
    case meter(SimulatedMeter)
    case poll(SimulatedPollStatus)

    var time: Int64? {
        switch self {
        case .energy(let r): r.time
        case .demand(let r): r.time
        case .event(let r): r.time
        case .meter, .poll: nil
        }
    }
}

extension DeviceState {
    /// The profiles whose rows depend on the point the association selected.
    static let pointScoped: Set<ObjectKey> = [
        .currentReadings, .dailyProfile, .monthlyProfile, .activeMaxLoadProfile, .reactiveMaxLoadProfile, .eventLog,
    ]

    // MARK: - Profiles

    /// The rows a profile holds now, oldest first (meter list and poll status: by point);
    /// none for a profile the simulator has no data for (`profile` nil: not one it knows).
    mutating func rows(_ profile: ObjectKey?, point: Int, now: HostTime) -> [ProfileRow] {
        guard let profile else { return [] }
        switch profile {
        case .meterList:
            return meters.map { .meter($0) }
        case .pollStatus:
            guard !pollCleared else { return [] }
            let present = Set(meters.map(\.point))
            return poll.filter { present.contains($0.point) }.map { .poll($0) }
        default:
            break
        }
        guard Self.pointScoped.contains(profile) else { return [] }
        if profile == .eventLog, let reset = resetEvents[point] { return reset.map { .event($0) } }
        guard !cleared.contains(ProfileKey(point: point, profile: profile)),
              point == 0 || meters.contains(where: { $0.point == point }),
              let data = pointData(point) else { return [] }
        switch profile {
        case .eventLog: return data.events.map { .event($0) }
        case .dailyProfile: return data.daily.map { .energy($0) }
        case .monthlyProfile: return data.monthly.map { .energy($0) }
        case .activeMaxLoadProfile: return data.activeMaxDemand.map { .demand($0) }
        case .reactiveMaxLoadProfile: return data.reactiveMaxDemand.map { .demand($0) }
        case .currentReadings:
            guard let start = data.todayStart, let grow = data.todayConsumption else { return [] }
            // Registers grow through the day in proportion to the time elapsed (whole minutes).
            let t = clock(now)
            let minute = max(0, min(1439, (t - start.time) / 60))
            func at(_ base: UInt32, _ g: UInt32) -> UInt32 { base &+ UInt32(Int64(g) * minute / 1440) }
            return [.energy(EnergyRow(time: t - (t % 60), activeImport: at(start.activeImport, grow.activeImport),
                                      activeExport: at(start.activeExport, grow.activeExport),
                                      reactiveImport: at(start.reactiveImport, grow.reactiveImport),
                                      reactiveExport: at(start.reactiveExport, grow.reactiveExport)))]
        default: return []
        }
    }

    /// One cell of a row: the value of `column` (a capture object, the map's object `key`)
    /// in that row.
    func cell(_ row: ProfileRow, _ column: CaptureObjectDefinition, key: ObjectKey?) -> DLMSData {
        if column.classID == 8 { return dateTime(row.time) }
        switch row {
        case .energy(let r):
            switch key {
            case .activeEnergyImport?: return .doubleLongUnsigned(r.activeImport)
            case .activeEnergyExport?: return .doubleLongUnsigned(r.activeExport)
            case .reactiveEnergyImport?: return .doubleLongUnsigned(r.reactiveImport)
            case .reactiveEnergyExport?: return .doubleLongUnsigned(r.reactiveExport)
            default: return .null
            }
        case .demand(let r):
            return column.attribute == 5 ? dateTime(r.captureTime) : .doubleLongUnsigned(r.value)
        case .event(let r):
            return .unsigned(r.code)
        case .meter(let m):
            switch key {
            case .pointNumber?: return .longUnsigned(UInt16(m.point))
            case .meterSerial?: return .visibleString(Array(m.serial.utf8))
            case .meterAddress?: return .octetString(m.eui64)
            case .plcShortAddress?: return .longUnsigned(m.shortAddress)
            case .meterType?: return .enumerated(m.type)
            case .tariffMode?: return .unsigned(m.tariffs)
            case .powerLimit?: return .doubleLongUnsigned(m.powerLimit)
            default: return .null
            }
        case .poll(let p):
            switch key {
            case .pointNumber?: return .longUnsigned(UInt16(p.point))
            case .pollState?: return .enumerated(p.state)
            case .lastGoodPoll?: return dateTime(p.lastGoodPoll)
            case .lastFailedPoll?: return dateTime(p.lastFailedPoll)
            case .failedPolls?: return .doubleLongUnsigned(p.failedPolls)
            default: return .null
            }
        }
    }

    /// The buffer of a profile with optional selective access; nil result = the access
    /// cannot be served (the Data-Access-Result to return).
    mutating func buffer(_ object: ObjectTable.Object, access: SelectiveAccess?,
                         context: ReadContext) -> Result<DLMSData, AccessError> {
        var rows = rows(object.key, point: context.point, now: context.now)
        var columns = Array(object.captureObjects.indices)
        switch access {
        case nil:
            break
        case .entry(let d)?:
            let from = max(1, Int(d.fromEntry))
            let to = d.toEntry == 0 ? rows.count : min(Int(d.toEntry), rows.count)
            rows = from <= to ? Array(rows[(from - 1)..<to]) : []
            let fromColumn = max(1, Int(d.fromColumn))
            let toColumn = d.toColumn == 0 ? columns.count : min(Int(d.toColumn), columns.count)
            columns = fromColumn <= toColumn ? Array(columns[(fromColumn - 1)..<toColumn]) : []
        case .range(let d)?:
            guard let restricting = object.captureObjects.firstIndex(where: {
                $0.classID == d.restrictingObject.classID && $0.instance == d.restrictingObject.instance
                    && $0.attribute == d.restrictingObject.attribute
            }), object.captureObjects[restricting].classID == 8 else {
                return .failure(AccessError(.objectUnavailable))
            }
            let from = bound(d.from, lower: true)
            let to = bound(d.to, lower: false)
            rows = rows.filter { row in row.time.map { $0 >= from && $0 <= to } ?? false }
            if !d.selectedValues.isEmpty {
                var chosen: [Int] = []
                for value in d.selectedValues {
                    guard let i = object.captureObjects.firstIndex(where: {
                        $0.classID == value.classID && $0.instance == value.instance && $0.attribute == value.attribute
                    }) else { return .failure(AccessError(.objectUnavailable)) }
                    chosen.append(i)
                }
                columns = chosen
            }
        case .other?:
            return .failure(AccessError(.objectUnavailable))
        }
        let captures = object.captureObjects
        let keys = captures.map { objects.key(classID: $0.classID, obis: $0.instance) }
        return .success(.array(rows.map { row in .structure(columns.map { cell(row, captures[$0], key: keys[$0]) }) }))
    }

    /// A range bound as seconds since 1970: unspecified parts are taken from the device
    /// (its time zone); a bound that still does not convert leaves that side open.
    private func bound(_ value: DLMSData, lower: Bool) -> Int64 {
        guard var t = value.dateTimeValue else { return lower ? .min : .max }
        if t.deviation == nil { t.deviation = timeZone }
        if t.time.hundredths == 0xFF { t.time.hundredths = 0 }
        return t.secondsSince1970() ?? (lower ? .min : .max)
    }
}

/// Why an attribute cannot be served.
struct AccessError: Error, Equatable {
    var result: DataAccessResult
    init(_ result: DataAccessResult) { self.result = result }
}
