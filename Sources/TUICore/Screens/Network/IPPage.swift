import ES951

/// The Internet protocol page (SPEC F-34): DHCP on or off, IP address, subnet mask,
/// gateway, DNS 1 and 2, the MAC address (read only) and the TCP port. Every value is
/// checked as it is typed with the model's rules; F5 reads, F6 shows the changes
/// (old → new) and writes only those; what the device did not take is marked and the
/// typed value stays.
public struct IPPage: NetworkFormPage {
    /// The rows are the model's attributes (the MAC has no ``IPField``: it is not written).
    typealias Row = IPSettings.Attribute

    static let rows: [NetworkRow<Row>] = [
        NetworkRow(.dhcp, "network.ip.dhcp", .toggle),
        NetworkRow(.ip, "network.ip.ip", .text(.address)),
        NetworkRow(.mask, "network.ip.mask", .text(.address)),
        NetworkRow(.gateway, "network.ip.gateway", .text(.address)),
        NetworkRow(.dns1, "network.ip.dns1", .text(.address)),
        NetworkRow(.dns2, "network.ip.dns2", .text(.address)),
        NetworkRow(.mac, "network.ip.mac", .readOnly),
        NetworkRow(.tcpPort, "network.ip.tcpPort", .text(.digits)),
    ]
    static let addresses: [Row] = [.ip, .mask, .gateway, .dns1, .dns2]
    static let ports = 1...65535

    var form = NetworkForm(rows: rows, defaults: texts(IPSettings()))
    /// The settings last read (the model's defaults before).
    var read = IPSettings()
    /// The write the open dialog asks about.
    var pending: PageRequest?
    /// False for a user who may not write (learnt from the last key or result).
    var editable = true

    public init() {}

    /// The values of `settings` as the fields show them.
    static func texts(_ s: IPSettings) -> [Row: String] {
        [.dhcp: s.dhcp ? "on" : "off", .ip: s.ip.description, .mask: s.mask.description,
         .gateway: s.gateway.description, .dns1: s.dns1.description, .dns2: s.dns2.description,
         .mac: s.mac.isEmpty ? "" : s.macText.uppercased(), .tcpPort: String(s.tcpPort)]
    }

    /// The field a row writes (nil for the MAC).
    static func field(_ row: Row) -> IPField? { IPField(rawValue: row.rawValue) }

    /// The settings as typed, on top of the last read, and the fields that differ.
    func wanted() -> (settings: IPSettings, changing: Set<IPField>) {
        var s = read
        let t = form.text
        s.dhcp = t(.dhcp) == "on"
        func address(_ row: Row) -> IPv4Address { IPv4Address(t(row)) ?? IPv4Address(rawValue: 0) }
        s.ip = address(.ip)
        s.mask = address(.mask)
        s.gateway = address(.gateway)
        s.dns1 = address(.dns1)
        s.dns2 = address(.dns2)
        s.tcpPort = UInt16(t(.tcpPort)) ?? 0
        return (s, Set(form.changed.compactMap(Self.field)))
    }

    /// What is wrong with each value typed (the model's rules), as it is typed: a dotted
    /// quad in every address, then the model's checks (a usable host without DHCP, a
    /// contiguous mask); a port 1…65535. Only a changed value is judged: what the device
    /// has does not stop writing the others.
    func problems() -> [Row: NetworkProblem] {
        let changed = Set(form.changed)
        var p = allProblems().filter { changed.contains($0.key) }
        let (settings, changing) = wanted()
        for issue in settings.validate(changing) {
            let row = Row(issue.field)
            guard p[row] == nil else { continue }
            p[row] = issue.field == .ip && issue.reason == .invalidAddress
                ? NetworkProblem(key: "network.problem.host") : .reason(issue.reason)
        }
        return p
    }

    /// Each value on its own, changed or not.
    func allProblems() -> [Row: NetworkProblem] {
        var p: [Row: NetworkProblem] = [:]
        let t = form.text
        for row in Self.addresses {
            if t(row).isEmpty { p[row] = .reason(.empty) } else if IPv4Address(t(row)) == nil { p[row] = .reason(.invalidAddress) }
        }
        let port = t(.tcpPort)
        if port.isEmpty {
            p[.tcpPort] = .reason(.empty)
        } else if port.count > 5 || !Self.ports.contains(Int(port) ?? 0) {
            p[.tcpPort] = .reason(.outOfRange(Self.ports))
        }
        return p
    }

    // MARK: - NetworkFormPage

    static var readRequest: PageRequest { .readIP }

    func writeRequest() -> (request: PageRequest, rows: Set<Row>) {
        let (settings, changing) = wanted()
        return (.writeIP(settings, changing: changing), Set(form.rows.map(\.field).filter { Self.field($0).map(changing.contains) == true }))
    }

    mutating func load(_ result: PageResult) -> Bool {
        guard case .ip(let settings) = result else { return false }
        read = settings
        form.load(Self.texts(settings))
        form.locked = lockedRows()
        return true
    }

    func row(written field: String) -> Row? { IPField(rawValue: field).map { Row($0) } }

    /// With DHCP on, the device takes its address, mask and gateway from the network:
    /// they are not typed (issue 18 item 11).
    func lockedRows() -> Set<Row> { form.text(.dhcp) == "on" ? [.ip, .mask, .gateway] : [] }

    /// A gateway outside the subnet of the address and mask typed: allowed (some networks
    /// route so), but said.
    func warning() -> NetworkProblem? {
        let t = form.text
        guard t(.dhcp) != "on", let ip = IPv4Address(t(.ip)), let mask = IPv4Address(t(.mask)), let gw = IPv4Address(t(.gateway)),
              ip.rawValue & mask.rawValue != gw.rawValue & mask.rawValue else { return nil }
        return NetworkProblem(key: "network.warning.gatewayOutside", arguments: [gw.description, IPv4Address(rawValue: ip.rawValue & mask.rawValue).description])
    }
}
