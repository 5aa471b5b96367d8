import DLMS
import DLMSTransport
import ES951

extension Concentrator {
    /// Removes one meter from the meter list (F-35, ES951-MAP.md "remove meters"): writes
    /// its point number to 1/0.0.94.7.136.255/2. The remove-meter value says nothing
    /// afterwards, so the check is the meter list itself: taken when its entries in use
    /// (7/0.0.94.7.128.255/7) dropped by one; otherwise `.notTaken` with the count read.
    /// A point the device does not know is refused (`.refused(.otherReason)` on the ES-951).
    public func removeMeter(point: Int) async throws(ConcentratorError) -> WriteOutcome {
        guard let p = UInt16(exactly: point), p > 0 else { throw .unexpectedValue("point \(point)") }
        let remove = try descriptor("remove-meter", 2), entries = try descriptor("meter-list", 7)
        return try await loggedWrites("remove meter point \(point)") { () async throws(ConcentratorError) -> [WriteOutcome] in
            let before = try await count(entries)
            try checkCancellation()
            let result: DataAccessResult
            do throws(DLMSConnectionError) { result = try await connection.set(remove, .longUnsigned(p)) } catch { throw ConcentratorError(error) }
            guard result == .success else { return [.refused(result)] }
            let after = try await count(entries)
            return [after.value + 1 == before.value ? .accepted : .notTaken(readBack: .data(after.data))]
        }[0]
    }

    /// Removes every meter (F-35): method 1 (reset) of the meter list 7/0.0.94.7.128.255;
    /// taken when the list's entries in use read 0 afterwards.
    public func removeAllMeters() async throws(ConcentratorError) -> WriteOutcome {
        guard let list = active.object(named: "meter-list"), list.method(1) != nil else {
            throw .unexpectedValue("not in the map: meter-list method 1")
        }
        let entries = try descriptor("meter-list", 7)
        let reset = CosemMethodDescriptor(classID: list.classID, instance: list.obis, method: 1)
        return try await loggedWrites("remove all meters") { () async throws(ConcentratorError) -> [WriteOutcome] in
            try checkCancellation()
            let response: ActionResponseWithOptionalData
            do throws(DLMSConnectionError) { response = try await connection.action(reset, .integer(0)) } catch { throw ConcentratorError(error) }
            guard response.result == .success else { return [.refused(response.result)] }
            let after = try await count(entries)
            return [after.value == 0 ? .accepted : .notTaken(readBack: .data(after.data))]
        }[0]
    }

    /// A list's entries in use, as read and as a number.
    private func count(_ entries: CosemAttributeDescriptor) async throws(ConcentratorError) -> (value: Int, data: DLMSData) {
        let data = try await values([entries])[0]
        let value = try modelCall { () throws(ModelError) in
            try data.integer("meter-list.entries-in-use", in: 0...Int64(UInt32.max))
        }
        return (value, data)
    }
}

extension Concentrator {
    /// Whether the device's meter list is a Data object (СПОДУС) rather than the
    /// ES-951's profile: read it with ``readListedMeters()``.
    public var meterListIsData: Bool { active.object(named: "meter-list")?.classID == 1 }

    /// A СПОДУС meter list (1/0.0.94.7.128.255/2), whole, in one read.
    public func readListedMeters() async throws(ConcentratorError) -> [ListedMeter] {
        try await logged("read meter-list") { () async throws(ConcentratorError) -> [ListedMeter] in
            let d = try descriptor("meter-list", 2)
            let value = try await values([AttributeWithAccess(d)], bound: Self.bound(rows: Int(MeterRecord.maximumListEntries), columns: 4))[0]
            let meters = try modelCall { () throws(ModelError) in try ListedMeter.list(from: value) }
            noteRows(meters.count, total: meters.count)
            return meters
        }
    }
}
