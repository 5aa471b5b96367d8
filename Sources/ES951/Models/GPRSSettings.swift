import DLMS

/// A field of the GPRS screen (SPEC F-33) a person may change.
public enum GPRSField: String, CaseIterable, Sendable, Hashable {
    case apn, primaryServer, backupServer, dpdUser, dpdPassword, heartbeat
}

/// GPRS modem settings (SPEC F-33, ES951-MAP.md "GPRS modem"): APN, primary and backup
/// server, DPD user and password (write only), heartbeat interval (minutes for people,
/// seconds on the wire).
///
/// ```swift
/// var s = try GPRSSettings(values, map: map)
/// s.heartbeatSeconds = 300
/// s.validate([.heartbeat]).isEmpty          // true
/// s.wireValues(changing: [.heartbeat])      // [(heartbeat-interval/2, .longUnsigned(300))]
/// ```
public struct GPRSSettings: Equatable, Sendable {
    /// The map attributes behind the screen, in the order they are read and written.
    public enum Attribute: String, CaseIterable, Sendable, Hashable {
        case apn, servers, dpd, heartbeat
        public var location: (object: String, attribute: Int8) {
            switch self {
            case .apn: ("gprs-modem", 2)
            case .servers: ("servers", 6)
            case .dpd: ("dpd", 5)
            case .heartbeat: ("heartbeat-interval", 2)
            }
        }
        public func descriptor(in map: DeviceMap) throws(ModelError) -> CosemAttributeDescriptor {
            try map.descriptor(location.object, location.attribute)
        }
        /// The fields this attribute carries.
        public var fields: Set<GPRSField> {
            switch self {
            case .apn: [.apn]
            case .servers: [.primaryServer, .backupServer]
            case .dpd: [.dpdUser, .dpdPassword]
            case .heartbeat: [.heartbeat]
            }
        }
    }

    public static let maximumAPNLength = 64
    public var apn: String
    public var primaryServer: ServerEndpoint?
    public var backupServer: ServerEndpoint?
    public var dpdUser: String
    /// Write only: nil after a read (the device answers an empty string).
    public var dpdPassword: String?
    /// As on the wire: seconds, shown as minutes and seconds (``HeartbeatInterval``),
    /// never rounded to minutes.
    public var heartbeatSeconds: Int

    public init(apn: String = "internet", primaryServer: ServerEndpoint? = nil, backupServer: ServerEndpoint? = nil,
                dpdUser: String = "", dpdPassword: String? = nil, heartbeatSeconds: Int = 180) {
        self.apn = apn; self.primaryServer = primaryServer; self.backupServer = backupServer
        self.dpdUser = dpdUser; self.dpdPassword = dpdPassword; self.heartbeatSeconds = heartbeatSeconds
    }

    /// From the four attributes as read.
    /// - Throws: `ModelError.unexpectedValue` for a value of another shape.
    public init(_ values: [Attribute: DLMSData]) throws(ModelError) {
        self.init()
        if let v = values[.apn] { apn = try v.textValue("gprs-modem.apn") }
        if let v = values[.servers] {
            let entries = try v.elements("servers")
            func endpoint(_ i: Int) throws(ModelError) -> ServerEndpoint? {
                guard i < entries.count else { return nil }
                let octets = try entries[i].octetsValue("servers.\(i + 1)")
                if octets.isEmpty { return nil }
                guard let e = ServerEndpoint(octets: octets) else { throw .unexpectedValue(field: "servers.\(i + 1)", value: entries[i]) }
                return e
            }
            primaryServer = try endpoint(0)
            backupServer = try endpoint(1)
        }
        if let v = values[.dpd] {
            let e = try v.elements("dpd", count: 1)
            dpdUser = try e[0].textValue("dpd.user")
            dpdPassword = nil
        }
        if let v = values[.heartbeat] { heartbeatSeconds = try v.integer("heartbeat-interval", in: 0...Int64(UInt32.max)) }
    }

    /// The attributes that carry `fields`, in ``Attribute`` order.
    public static func attributes(for fields: Set<GPRSField>) -> [Attribute] {
        Attribute.allCases.filter { !$0.fields.isDisjoint(with: fields) }
    }

    /// The value each attribute is written with (the whole attribute: both servers, user
    /// and password together).
    public func wireValue(_ attribute: Attribute) -> DLMSData {
        switch attribute {
        case .apn: return .octetString(Array(apn.utf8))
        case .servers:
            var list: [DLMSData] = [.octetString(primaryServer?.octets ?? [])]
            if let backupServer { list.append(.octetString(backupServer.octets)) }
            return .array(list)
        case .dpd: return .structure([.octetString(Array(dpdUser.utf8)), .octetString(Array((dpdPassword ?? "").utf8))])
        case .heartbeat: return .longUnsigned(UInt16(clamping: heartbeatSeconds))
        }
    }

    /// Problems with the fields to be written (all fields when `fields` is nil): an empty
    /// or too long APN or one with other characters than letters, digits, `-` and `.`;
    /// a server that is not a dotted quad or has port 0; a heartbeat outside
    /// ``HeartbeatInterval/secondsRange``; a DPD user without a password.
    public func validate(_ fields: Set<GPRSField>? = nil) -> [FieldIssue<GPRSField>] {
        let fields = fields ?? Set(GPRSField.allCases)
        var issues: [FieldIssue<GPRSField>] = []
        for field in GPRSField.allCases where fields.contains(field) {
            switch field {
            case .apn:
                if let r = Self.checkAPN(apn) { issues.append(FieldIssue(.apn, r)) }
            case .primaryServer:
                if let primaryServer, let r = Self.checkEndpoint(primaryServer) { issues.append(FieldIssue(.primaryServer, r)) }
                // None is a value the device holds (a `.set` file writes it empty); the
                // GPRS page asks for one on its own.
            case .backupServer:
                if let backupServer, let r = Self.checkEndpoint(backupServer) { issues.append(FieldIssue(.backupServer, r)) }
            case .dpdUser:
                if dpdUser.utf8.count > Self.maximumAPNLength { issues.append(FieldIssue(.dpdUser, .tooLong(maximum: Self.maximumAPNLength))) }
                if dpdPassword == nil { issues.append(FieldIssue(.dpdPassword, .passwordRequired)) }
            case .dpdPassword:
                if let p = dpdPassword, p.utf8.count > Self.maximumAPNLength { issues.append(FieldIssue(.dpdPassword, .tooLong(maximum: Self.maximumAPNLength))) }
                if dpdPassword == nil, !fields.contains(.dpdUser) { issues.append(FieldIssue(.dpdPassword, .passwordRequired)) }
            case .heartbeat:
                if let r = HeartbeatInterval.validate(heartbeatSeconds) { issues.append(FieldIssue(.heartbeat, r)) }
            }
        }
        return issues
    }

    /// An APN (3GPP TS 23.003 §9.1 labels): 1…64 characters, letters, digits, `-`, `.`.
    public static func checkAPN(_ apn: String) -> ValidationReason? {
        if apn.isEmpty { return .empty }
        if apn.utf8.count > maximumAPNLength { return .tooLong(maximum: maximumAPNLength) }
        for c in apn {
            let ok = c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".")
            if !ok { return .invalidCharacter(c) }
        }
        return nil
    }

    /// A server: a dotted quad (not 0.0.0.0) and a port 1…65535.
    public static func checkEndpoint(_ e: ServerEndpoint) -> ValidationReason? {
        guard let ip = IPv4Address(e.host), ip.rawValue != 0 else { return .invalidAddress }
        guard e.port >= 1 else { return .outOfRange(1...65535) }
        return nil
    }

    /// Parses a person's `ip:port` for a server field; the issue when it does not do.
    public static func parseEndpoint(_ text: String) -> Result<ServerEndpoint, ValidationReason> {
        guard let colon = text.lastIndex(of: ":") else { return .failure(.invalidAddress) }
        guard IPv4Address(String(text[..<colon])) != nil else { return .failure(.invalidAddress) }
        guard let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            return .failure(.outOfRange(1...65535))
        }
        guard let e = ServerEndpoint(text) else { return .failure(.invalidAddress) }
        if let r = checkEndpoint(e) { return .failure(r) }
        return .success(e)
    }
}

extension GPRSSettings {
    /// These settings (as the device has them) with the fields `changing` taken from
    /// `wanted`; the DPD password always from `wanted` (it cannot be read). The device's
    /// attributes carry several fields each (both servers; user and password), so a
    /// change of one starts from what the device has.
    public func applying(_ wanted: GPRSSettings, changing: Set<GPRSField>) -> GPRSSettings {
        var s = self
        if changing.contains(.apn) { s.apn = wanted.apn }
        if changing.contains(.primaryServer) { s.primaryServer = wanted.primaryServer }
        if changing.contains(.backupServer) { s.backupServer = wanted.backupServer }
        if changing.contains(.heartbeat) { s.heartbeatSeconds = wanted.heartbeatSeconds }
        if changing.contains(.dpdUser) { s.dpdUser = wanted.dpdUser }
        s.dpdPassword = wanted.dpdPassword
        return s
    }
}
