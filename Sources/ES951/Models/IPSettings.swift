import DLMS

/// A field of the IP screen (SPEC F-34) a person may change (the MAC is read only).
public enum IPField: String, CaseIterable, Sendable, Hashable {
    case dhcp, ip, mask, gateway, dns1, dns2, tcpPort
}

/// The concentrator's own Internet protocol settings (SPEC F-34, ES951-MAP.md "Internet
/// protocol"): IPv4 setup (class 42), MAC (class 43, read only), TCP port (class 41).
public struct IPSettings: Equatable, Sendable {
    public enum Attribute: String, CaseIterable, Sendable, Hashable {
        case dhcp, ip, mask, gateway, dns1, dns2, mac, tcpPort
        public var location: (object: String, attribute: Int8) {
            switch self {
            case .ip: ("ipv4-setup", 3)
            case .mask: ("ipv4-setup", 6)
            case .gateway: ("ipv4-setup", 7)
            case .dhcp: ("ipv4-setup", 8)
            case .dns1: ("ipv4-setup", 9)
            case .dns2: ("ipv4-setup", 10)
            case .mac: ("mac-address", 2)
            case .tcpPort: ("tcp-udp-setup", 2)
            }
        }
        public func descriptor(in map: DeviceMap) throws(ModelError) -> CosemAttributeDescriptor {
            try map.descriptor(location.object, location.attribute)
        }
        /// The attribute a field is written to.
        public init(_ field: IPField) {
            switch field {
            case .dhcp: self = .dhcp
            case .ip: self = .ip
            case .mask: self = .mask
            case .gateway: self = .gateway
            case .dns1: self = .dns1
            case .dns2: self = .dns2
            case .tcpPort: self = .tcpPort
            }
        }
    }

    public var dhcp: Bool
    public var ip: IPv4Address
    public var mask: IPv4Address
    public var gateway: IPv4Address
    public var dns1: IPv4Address
    public var dns2: IPv4Address
    /// Read only (6 bytes).
    public var mac: [UInt8]
    public var tcpPort: UInt16

    public init(dhcp: Bool = false, ip: IPv4Address = IPv4Address(0, 0, 0, 0), mask: IPv4Address = IPv4Address(255, 255, 255, 0),
                gateway: IPv4Address = IPv4Address(0, 0, 0, 0), dns1: IPv4Address = IPv4Address(0, 0, 0, 0),
                dns2: IPv4Address = IPv4Address(0, 0, 0, 0), mac: [UInt8] = [], tcpPort: UInt16 = 4059) {
        self.dhcp = dhcp; self.ip = ip; self.mask = mask; self.gateway = gateway
        self.dns1 = dns1; self.dns2 = dns2; self.mac = mac; self.tcpPort = tcpPort
    }

    /// From the attributes as read (missing ones keep their defaults).
    public init(_ values: [Attribute: DLMSData]) throws(ModelError) {
        self.init()
        func address(_ a: Attribute) throws(ModelError) -> IPv4Address? {
            guard let v = values[a] else { return nil }
            return IPv4Address(rawValue: try v.unsignedValue("ipv4-setup.\(a.rawValue)", as: UInt32.self))
        }
        if let v = values[.dhcp] { dhcp = try v.boolValue("ipv4-setup.use-dhcp") }
        ip = try address(.ip) ?? ip
        mask = try address(.mask) ?? mask
        gateway = try address(.gateway) ?? gateway
        dns1 = try address(.dns1) ?? dns1
        dns2 = try address(.dns2) ?? dns2
        if let v = values[.mac] { mac = try v.octetsValue("mac-address") }
        if let v = values[.tcpPort] { tcpPort = try v.unsignedValue("tcp-udp-setup.port", as: UInt16.self) }
    }

    public func wireValue(_ attribute: Attribute) -> DLMSData {
        switch attribute {
        case .dhcp: .boolean(dhcp)
        case .ip: .doubleLongUnsigned(ip.rawValue)
        case .mask: .doubleLongUnsigned(mask.rawValue)
        case .gateway: .doubleLongUnsigned(gateway.rawValue)
        case .dns1: .doubleLongUnsigned(dns1.rawValue)
        case .dns2: .doubleLongUnsigned(dns2.rawValue)
        case .mac: .octetString(mac)
        case .tcpPort: .longUnsigned(tcpPort)
        }
    }

    /// `aa:bb:cc:dd:ee:ff`.
    public var macText: String { mac.map { String($0, radix: 16).leftPadded(2) }.joined(separator: ":") }

    /// Problems with the fields to be written (all when nil): without DHCP the address
    /// must be a usable host (not 0.0.0.0, 255.255.255.255 or 127.x); the mask must be
    /// contiguous and not 0; the port 1…65535.
    public func validate(_ fields: Set<IPField>? = nil) -> [FieldIssue<IPField>] {
        let fields = fields ?? Set(IPField.allCases)
        var issues: [FieldIssue<IPField>] = []
        for field in IPField.allCases where fields.contains(field) {
            switch field {
            case .dhcp, .gateway, .dns1, .dns2: break
            case .ip:
                if !dhcp, ip.rawValue == 0 || ip.rawValue == .max || ip.octets[0] == 127 {
                    issues.append(FieldIssue(.ip, .invalidAddress))
                }
            case .mask:
                let inverted = ~mask.rawValue
                if mask.rawValue == 0 || inverted & (inverted &+ 1) != 0 { issues.append(FieldIssue(.mask, .nonContiguousMask)) }
            case .tcpPort:
                if tcpPort == 0 { issues.append(FieldIssue(.tcpPort, .outOfRange(1...65535))) }
            }
        }
        return issues
    }
}
