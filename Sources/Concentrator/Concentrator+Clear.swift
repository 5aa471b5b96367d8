import DLMS
import DLMSTransport
import ES951

/// What `clear` empties (SPEC F-61).
public enum ClearTarget: String, CaseIterable, Sendable {
    /// The grid event log: after the reset it holds one record, code 63.
    case events
    /// The four commercial profiles (daily, monthly, active and reactive max load).
    case profiles
    /// The meter list (and with it the poll status).
    case meters
}

/// One reset of ``Concentrator/clearSteps(_:point:)``: the point (nil: the whole meter
/// list), the map object reset and what became of it.
public struct ClearStep: Equatable, Sendable {
    public var point: Int?
    public var object: String
    public var outcome: WriteOutcome

    public init(point: Int?, object: String, outcome: WriteOutcome) {
        self.point = point; self.object = object; self.outcome = outcome
    }
}

extension Concentrator {
    /// Clears data (F-61, ES951-MAP.md "service operations") of one point, or of every
    /// point when `point` is nil; the outcomes of ``clearSteps(_:point:)`` in its order.
    public func clear(_ target: ClearTarget, point: Int?) async throws(ConcentratorError) -> [WriteOutcome] {
        try await clearSteps(target, point: point).map(\.outcome)
    }

    /// Clears data and says, reset by reset, what became of it:
    /// - events: method 1 (reset) of the event log 7/0.0.99.98.0.255 after selecting the
    ///   point (1/0.0.94.7.137.255/2); taken when its entries in use (attribute 7) read 1
    ///   afterwards (the record code 63 the device adds).
    /// - profiles: the same for each profile of ``ProfileKind``, taken when entries in use read 0.
    /// - meters: ``removeMeter(point:)`` or, for all points, ``removeAllMeters()``.
    ///
    /// All points are point 0 (the concentrator itself) and every point of the meter list.
    /// The first refusal stops the run: the steps so far and the refused one are returned.
    public func clearSteps(_ target: ClearTarget, point: Int?) async throws(ConcentratorError) -> [ClearStep] {
        if target == .meters {
            if let point { return [ClearStep(point: point, object: "meter-list", outcome: try await removeMeter(point: point))] }
            return [ClearStep(point: nil, object: "meter-list", outcome: try await removeAllMeters())]
        }
        let objects = target == .events ? ["event-log"] : ProfileKind.allCases.map(\.objectName)
        let points: [Int]
        if let point {
            points = [point]
        } else {
            points = [0] + (try await readMeters(pageSize: 100)).map(\.point).sorted()
        }
        var steps: [ClearStep] = []
        let what = "clear \(target.rawValue) " + (point.map { "point \($0)" } ?? "all points")
        _ = try await loggedWrites(what) { () async throws(ConcentratorError) -> [WriteOutcome] in
            for p in points {
                try await selectPoint(p)
                for name in objects {
                    let outcome = try await reset(name, expecting: name == "event-log" ? 1 : 0)
                    steps.append(ClearStep(point: p, object: name, outcome: outcome))
                    if outcome != .accepted { return steps.map(\.outcome) }
                }
            }
            return steps.map(\.outcome)
        }
        return steps
    }

    /// Method 1 (reset) of a profile of the selected point, then its entries in use.
    private func reset(_ name: String, expecting rows: Int) async throws(ConcentratorError) -> WriteOutcome {
        guard let object = active.object(named: name), object.method(1) != nil else {
            throw .unexpectedValue("not in the map: \(name) method 1")
        }
        let entries = try descriptor(name, 7)
        let method = CosemMethodDescriptor(classID: object.classID, instance: object.obis, method: 1)
        try checkCancellation()
        let response: ActionResponseWithOptionalData
        do throws(DLMSConnectionError) { response = try await connection.action(method, .integer(0)) } catch { throw ConcentratorError(error) }
        guard response.result == .success else { return .refused(response.result) }
        let after = try await values([entries])[0]
        let count = try modelCall { () throws(ModelError) in
            try after.integer("\(name).entries-in-use", in: 0...Int64(UInt32.max))
        }
        return count == rows ? .accepted : .notTaken(readBack: .data(after))
    }
}
