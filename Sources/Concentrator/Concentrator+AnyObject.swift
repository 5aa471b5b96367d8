import DLMS
import DLMSTransport
import ES951

/// Reads of any object the device lists, whatever role it plays in the map: what
/// `hlmcs read`, `hlmcs profile --obis` and the All objects page use.
extension Concentrator {
    /// The device's entry for `obis` in its object list (learned), nil when it lists none.
    public func listedObject(_ obis: OBISCode) -> ObjectListEntry? {
        learned?.objects.first { $0.obis == obis }
    }

    /// Every attribute of `attributes` read, one result each (a refusal is a result, not a
    /// failure): one GET-with-list where the device allows it, else one GET each.
    public func readAttributes(_ attributes: [CosemAttributeDescriptor]) async throws(ConcentratorError) -> [GetDataResult] {
        try await logged("read " + (attributes.first.map { "\($0.classID)/\($0.instance)" } ?? "")) { () async throws(ConcentratorError) -> [GetDataResult] in
            try await request(attributes.map { AttributeWithAccess($0) })
        }
    }

    /// Any profile generic by its logical name: its capture objects (attribute 3) say the
    /// columns, each register column (class 3, 4, 5) is scaled by its own scaler_unit,
    /// and the rows are the whole buffer or those in `from…to`. The point selector is
    /// written only when `point` is given (and refused as lacking when the device has
    /// none). A range read the device refuses is read whole and cut here.
    public func readProfile(obis: OBISCode, point: Int?, from: COSEMDateTime?, to: COSEMDateTime?) async throws(ConcentratorError) -> ProfileTable {
        try await logged("read profile \(obis)") { () async throws(ConcentratorError) -> ProfileTable in
            try await selectPoint(point)
            let columnsData = try await values([CosemAttributeDescriptor(classID: 7, instance: obis, attribute: 3)])[0]
            let columns = try modelCall { () throws(ModelError) in try ES951.CaptureObjectDefinition.captureObjects(from: columnsData) }
            var scalerUnitAttributes: [CosemAttributeDescriptor] = []
            for c in columns where [3, 4, 5].contains(c.classID) && c.attribute == 2 {
                let d = CosemAttributeDescriptor(classID: c.classID, instance: c.instance, attribute: 3)
                if !scalerUnitAttributes.contains(d) { scalerUnitAttributes.append(d) }
            }
            let buffer = CosemAttributeDescriptor(classID: 7, instance: obis, attribute: 2)
            var access: SelectiveAccess?
            let ranged = from != nil || to != nil
            if ranged, await grantsSelectiveAccess() {
                let clock = columns.first { $0.classID == 8 && $0.attribute == 2 }
                    .map { DLMS.CaptureObjectDefinition(classID: $0.classID, instance: $0.instance, attribute: $0.attribute, dataIndex: $0.dataIndex) }
                    ?? .clock
                access = .range(RangeDescriptor(restrictingObject: clock, from: .dateTimeOctetString(from.map(outgoing) ?? Self.unspecified),
                                                to: .dateTimeOctetString(to.map(outgoing) ?? Self.unspecified)))
            }
            let depth = active.object(obis)?.depth ?? 10_000
            let bound = Self.bound(rows: depth, columns: columns.count)
            var results = try await request([AttributeWithAccess(buffer, access: access)] + scalerUnitAttributes.map { AttributeWithAccess($0) }, bound: bound)
            var cutHere = ranged && access == nil
            if access != nil, case .error = results.first {
                // The device refuses the range (some do, with a deviation or another clock
                // column): the whole buffer, cut to the window below.
                results[0] = try await request([AttributeWithAccess(buffer)], bound: bound)[0]
                cutHere = true
            }
            guard case .data(let rows) = results[0] else {
                if case .error(let e) = results[0] { throw .refused(e) }
                throw .unexpectedValue("profile \(obis)")
            }
            var scalerUnits: [CosemAttributeDescriptor: DLMSData] = [:]
            for (d, r) in zip(scalerUnitAttributes, results.dropFirst()) { if case .data(let v) = r { scalerUnits[d] = v } }
            let map = active
            var table = try modelCall { () throws(ModelError) in
                try ProfileTable(captureObjects: columns, buffer: rows, map: map, scalerUnits: scalerUnits)
            }
            if let sign = zoneSign, sign != .blueBook { table = table.withZoneSign(sign) }
            if cutHere {
                let low = from?.secondsSince1970(), high = to?.secondsSince1970()
                table.rows = table.rows.filter { row in
                    guard let t = row.time?.secondsSince1970() else { return false }
                    return (low.map { t >= $0 } ?? true) && (high.map { t <= $0 } ?? true)
                }
            }
            noteRows(table.rows.count, total: table.rows.count)
            return table
        }
    }
}

extension Concentrator {
    /// Invokes one method of any object with `parameter` (ACTION): accepted when the
    /// device answers success. What it does is the device's; nothing is read back.
    public func invoke(_ m: CosemMethodDescriptor, _ parameter: DLMSData) async throws(ConcentratorError) -> WriteOutcome {
        try await loggedWrites("invoke \(m.classID)/\(m.instance)/\(m.method)") { () async throws(ConcentratorError) -> [WriteOutcome] in
            try checkCancellation()
            let response: ActionResponseWithOptionalData
            do throws(DLMSConnectionError) { response = try await connection.action(m, parameter) } catch { throw ConcentratorError(error) }
            return [response.result == .success ? .accepted : .refused(response.result)]
        }[0]
    }
}
