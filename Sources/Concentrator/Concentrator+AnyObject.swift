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

    /// The scaler_unit (attribute 3) of each Register and Extended register column, once each.
    static func scalerUnitAttributes(_ columns: [ES951.CaptureObjectDefinition]) -> [CosemAttributeDescriptor] {
        var attributes: [CosemAttributeDescriptor] = []
        for c in columns where [3, 4].contains(c.classID) && c.attribute == 2 {
            let d = CosemAttributeDescriptor(classID: c.classID, instance: c.instance, attribute: 3)
            if !attributes.contains(d) { attributes.append(d) }
        }
        return attributes
    }

    /// Any profile generic by its logical name: its capture objects (attribute 3) say the
    /// columns, each register column (class 3 or 4) is scaled by its own scaler_unit,
    /// and the rows are the whole buffer or those in `from…to`. The point selector is
    /// written only when `point` is given (and refused as lacking when the device has
    /// none). A range read the device refuses is read whole and cut here.
    public func readProfile(obis: OBISCode, point: Int?, from: COSEMDateTime?, to: COSEMDateTime?) async throws(ConcentratorError) -> ProfileTable {
        try await logged("read profile \(obis)") { () async throws(ConcentratorError) -> ProfileTable in
            // Each register column scaled by its own scaler_unit, read with the buffer.
            let (columns, rows, extra) = try await profileRows(obis, depth: active.object(obis)?.depth ?? 10_000, point: point,
                                                               from: from, to: to, extra: Self.scalerUnitAttributes)
            var scalerUnits: [CosemAttributeDescriptor: DLMSData] = [:]
            for (d, r) in zip(Self.scalerUnitAttributes(columns), extra) { if case .data(let v) = r { scalerUnits[d] = v } }
            let map = active
            var table = try modelCall { () throws(ModelError) in
                try ProfileTable(captureObjects: columns, buffer: rows, map: map, scalerUnits: scalerUnits)
            }
            if let sign = zoneSign, sign != .blueBook { table = table.withZoneSign(sign) }
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
