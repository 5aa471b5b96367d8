import DLMS
import ES951
import TextSafety

/// Which concentrator this association reaches, for every write's confirmation and
/// audit line (issue 14): with a default all-station connection, "which unit was written"
/// must never be left unknown.
public struct DeviceIdentity: Sendable, Equatable {
    /// The serial number as the device reported it (nil: refused or not in the map).
    public var serialNumber: String?
    /// The logical device name as text (printable) or hex.
    public var logicalDeviceName: String?

    public init(serialNumber: String?, logicalDeviceName: String?) {
        self.serialNumber = serialNumber; self.logicalDeviceName = logicalDeviceName
    }

    /// `95100001 (EMSES95195100001)`, in the one-line terminal form (device text is
    /// untrusted); `?` for what the device did not give.
    public var text: String {
        let serial = serialNumber.map { OutsideText.forTerminal($0, limit: 32) } ?? "?"
        guard let name = logicalDeviceName else { return serial }
        return serial + " (" + OutsideText.forTerminal(name, limit: 48) + ")"
    }
}

extension Concentrator {
    /// The serial number and logical device name, read once per association (one
    /// GET-with-list) and kept. A refusal of either leaves it nil; a link failure throws.
    public func identity() async throws(ConcentratorError) -> DeviceIdentity {
        if let known = knownIdentity { return known }
        let found = try await logged("read identity") { () async throws(ConcentratorError) -> DeviceIdentity in
            let items: [ConcentratorInfo.Item] = [.serialNumber, .logicalDeviceName]
            let descriptors = items.compactMap { try? $0.descriptor(in: active) }
            guard descriptors.count == items.count else { return DeviceIdentity(serialNumber: nil, logicalDeviceName: nil) }
            let results = try await request(descriptors.map { AttributeWithAccess($0) })
            var values: [ConcentratorInfo.Item: DLMSData] = [:]
            for (item, result) in zip(items, results) { if case .data(let v) = result { values[item] = v } }
            let info = (try? ConcentratorInfo(values, map: active)) ?? ConcentratorInfo()
            return DeviceIdentity(serialNumber: info.serialNumber, logicalDeviceName: info.logicalDeviceNameText)
        }
        knownIdentity = found
        return found
    }
}
