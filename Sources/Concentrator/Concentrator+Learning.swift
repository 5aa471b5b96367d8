import DLMS
import DLMSTransport
import ES951

/// Which device an object list belongs to: its logical device name, firmware version,
/// the client that read it (access rights differ per association) and the map asked for
/// (`auto` when the program chooses).
public struct ObjectListKey: Hashable, Sendable {
    public var deviceName: String
    public var firmware: String
    public var client: UInt8
    public var map: String
    public init(deviceName: String, firmware: String, client: UInt8, map: String) {
        self.deviceName = deviceName; self.firmware = firmware; self.client = client; self.map = map
    }
    /// One line: `EMSES95195100042|1.2.3|16|auto`.
    public var text: String { "\(deviceName)|\(firmware)|\(client)|\(map)" }
}

/// Where learned object lists are kept between associations (the program's database).
/// The list is kept as the device sent it (A-XDR of 15/0.0.40.0.0.255/2).
public protocol ObjectListCache: Sendable {
    func objectList(for key: ObjectListKey) async -> [UInt8]?
    func store(objectList: [UInt8], for key: ObjectListKey) async
}

/// What the program learned about the device on this association.
public struct LearnedDevice: Sendable, Equatable {
    public var key: ObjectListKey
    /// The device's object list.
    public var objects: [ObjectListEntry]
    /// The map chosen and fitted to the objects.
    public var adapted: AdaptedMap
    /// The list came from the cache (no read on this association).
    public var fromCache: Bool
    /// The logical devices the SAP assignment (17/0.0.41.0.0.255/2) lists, where the
    /// device has one: SAP and logical device name (a СПОДУС concentrator lists one per meter).
    public var logicalDevices: [LogicalDevice] = []
}

/// One entry of a SAP assignment: the server SAP (upper HDLC address) and the logical
/// device's name as text (printable) or hex.
public struct LogicalDevice: Sendable, Equatable {
    public var sap: UInt16
    public var name: String
    public init(sap: UInt16, name: String) { self.sap = sap; self.name = name }

    /// The entries of a SAP assignment list: array of structure {long-unsigned SAP,
    /// octet-string name}; other shapes are left out, at most 1000 entries.
    public static func list(from value: DLMSData) -> [LogicalDevice] {
        guard case .array(let items) = value else { return [] }
        return items.prefix(1000).compactMap { item in
            guard case .structure(let e) = item, e.count >= 2, let sap = try? e[0].unsignedValue("sap", as: UInt16.self),
                  case .octetString(let bytes) = e[1] else { return nil }
            var info = ConcentratorInfo()
            info.logicalDeviceName = bytes
            return LogicalDevice(sap: sap, name: info.logicalDeviceNameText ?? "")
        }
    }
}

extension Concentrator {
    /// The logical device name and firmware version, the two things that say which device
    /// this is whatever the map: read first, in one request.
    static let identityAttributes = [
        CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 42, 0, 0, 255), attribute: 2),
        CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, 2, 255), attribute: 2),
    ]

    /// 17/0.0.41.0.0.255/2: the SAP assignment's list of logical devices.
    static let sapAssignmentAttribute = CosemAttributeDescriptor(classID: 17, instance: OBISCode(0, 0, 41, 0, 0, 255), attribute: 2)

    /// Learns the device after ``open()``: reads its logical device name and firmware
    /// version; takes its object list from `cache` (unless `refresh`) or reads it and
    /// keeps it; chooses the map (one whose device-name prefix fits, else the one whose
    /// roles the device fills most, the given map first on a tie) and fits it to the list.
    /// From then on every read and write uses the fitted map, and a role the device lacks
    /// is ``ConcentratorError/lacks(_:)``.
    @discardableResult
    public func learn(cache: (any ObjectListCache)?, refresh: Bool = false) async throws(ConcentratorError) -> LearnedDevice {
        try await logged("learn device") { () async throws(ConcentratorError) -> LearnedDevice in
            let results = try await request(Self.identityAttributes.map { AttributeWithAccess($0) })
            func text(_ i: Int) -> String {
                guard i < results.count, case .data(let v) = results[i] else { return "" }
                switch v {
                case .octetString(let b), .visibleString(let b), .utf8String(let b):
                    var info = ConcentratorInfo()
                    info.logicalDeviceName = b      // printable text as it is, else hex
                    return info.logicalDeviceNameText ?? ""
                default: return ""
                }
            }
            let client = connection.configuration.clientAddress
            let key = ObjectListKey(deviceName: text(0), firmware: text(1), client: client,
                                    map: candidateMaps.count > 1 ? "auto" : map.name)
            var raw: [UInt8]?
            if !refresh, !key.deviceName.isEmpty { raw = await cache?.objectList(for: key) }
            let fromCache = raw != nil
            let entries: [ObjectListEntry]
            if let cached = raw, let list = try? DLMSData(decoding: cached), let parsed = try? ObjectListEntry.entries(from: list) {
                entries = parsed
            } else {
                let list = try await values([Self.objectListAttribute])[0]
                entries = try modelCall { () throws(ModelError) in try ObjectListEntry.entries(from: list) }
                if !key.deviceName.isEmpty { await cache?.store(objectList: list.encoded, for: key) }
            }
            let adapted = Self.choose(from: candidateMaps, deviceName: key.deviceName, entries: entries, client: client)
            var found = LearnedDevice(key: key, objects: entries, adapted: adapted, fromCache: fromCache)
            // The SAP assignment, where there is one: kept beside the list, read with it.
            let sapKey = ObjectListKey(deviceName: key.deviceName, firmware: key.firmware, client: client, map: key.map + "|sap")
            if entries.contains(where: { $0.classID == 17 && $0.obis == Self.sapAssignmentAttribute.instance }) {
                var bytes: [UInt8]? = fromCache ? await cache?.objectList(for: sapKey) : nil
                if bytes == nil, case .data(let v)? = try await request([AttributeWithAccess(Self.sapAssignmentAttribute)]).first {
                    bytes = v.encoded
                    if !key.deviceName.isEmpty { await cache?.store(objectList: v.encoded, for: sapKey) }
                }
                if let bytes, let value = try? DLMSData(decoding: bytes) { found.logicalDevices = LogicalDevice.list(from: value) }
            }
            active = adapted.map
            learned = found
            zoneSign = adapted.map.conventions.timeZoneSign
            // A map that leaves the sign to the device: found now from its clock, before
            // any date-time of a profile or journal is read.
            if zoneSign == nil, let clock = try? descriptor("clock", 2),
               case .data(let time)? = try await request([AttributeWithAccess(clock)]).first, let t = time.dateTimeValue {
                _ = incoming(clock: t)
            }
            noteRows(entries.count, total: entries.count)
            return found
        }
    }

    /// The map for a device: the first whose device-name prefix fits, else the one that
    /// fills most roles (the first on a tie), fitted to `entries`.
    public static func choose(from maps: [DeviceMap], deviceName: String, entries: [ObjectListEntry], client: UInt8) -> AdaptedMap {
        if let named = maps.first(where: { $0.conventions.fits(deviceName: deviceName) }) {
            return named.adapted(to: entries, client: client)
        }
        var best: AdaptedMap?
        for m in maps {
            let a = m.adapted(to: entries, client: client)
            if best == nil || a.matched > best!.matched { best = a }
        }
        return best ?? maps[0].adapted(to: entries, client: client)
    }

    /// A role the learned device does not fill (none of the chosen map's candidates is
    /// listed, or the chosen map has no such role), as the error a person reads ("this
    /// concentrator has no …"); nil when the role is there or nothing was learned.
    func lacking(_ role: String) -> ConcentratorError? {
        guard learned != nil, active.object(named: role) == nil else { return nil }
        return .lacks(role)
    }

    // MARK: - Time-zone sign

    /// The device's date-time in the Blue Book sign. While the sign is unknown it is
    /// found from this clock reading (`now` the computer's time), if it can be.
    func incoming(clock time: COSEMDateTime) -> COSEMDateTime {
        if zoneSign == nil { zoneSign = TimeZoneSign.detect(clock: time, now: now()) }
        return (zoneSign ?? .blueBook).toBlueBook(time)
    }

    /// The device's sign, found from this reading of its clock (time) while unknown.
    @discardableResult
    public func zoneSign(detectingFrom clock: COSEMDateTime) -> TimeZoneSign? {
        _ = incoming(clock: clock)
        return zoneSign
    }

    /// A date-time in the device's sign (unknown: as it is, Blue Book).
    func outgoing(_ time: COSEMDateTime) -> COSEMDateTime { (zoneSign ?? .blueBook).toBlueBook(time) }

    /// Time-zone minutes in the device's sign, refused while the sign is unknown.
    func outgoingZone(_ minutes: Int16) throws(ConcentratorError) -> Int16 {
        guard let zoneSign else { throw .timeZoneSignUnknown }
        return zoneSign.fromBlueBook(minutes)
    }
}
