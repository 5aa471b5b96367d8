import DLMS
import Testing
@testable import ES951

@Suite("Models: values from the wire and back, validation")
struct ModelTests {
    static let map = try! DeviceMap.builtIn()

    // MARK: GPRS

    @Test(arguments: [
        ("internet", nil), ("m2m.mts-ru", nil), ("", ValidationReason.empty),
        (String(repeating: "a", count: 64), nil), (String(repeating: "a", count: 65), .tooLong(maximum: 64)),
        ("inter net", .invalidCharacter(" ")), ("м2м", .invalidCharacter("м")), ("a_b", .invalidCharacter("_")),
    ] as [(String, ValidationReason?)])
    func apnValidation(_ apn: String, _ expected: ValidationReason?) {
        #expect(GPRSSettings.checkAPN(apn) == expected)
        var s = GPRSSettings(primaryServer: ServerEndpoint(host: "10.0.0.1", port: 5000))
        s.apn = apn
        #expect(s.validate([.apn]).first?.reason == expected)
    }

    @Test(arguments: [
        ("10.0.0.1:5000", nil), ("255.255.255.254:65535", nil), ("10.0.0.1:1", nil),
        ("10.0.0.1:0", ValidationReason.outOfRange(1...65535)), ("10.0.0.1:65536", .outOfRange(1...65535)),
        ("10.0.0.1:x", .outOfRange(1...65535)), ("10.0.0:5000", .invalidAddress), ("10.0.0.256:5000", .invalidAddress),
        ("host.example:80", .invalidAddress), ("10.0.0.1", .invalidAddress), ("0.0.0.0:80", .invalidAddress),
    ] as [(String, ValidationReason?)])
    func endpointValidation(_ text: String, _ expected: ValidationReason?) {
        switch GPRSSettings.parseEndpoint(text) {
        case .success(let e):
            #expect(expected == nil, "\(text) parsed")
            #expect(e.description == text)
        case .failure(let reason):
            #expect(reason == expected, "\(text)")
        }
    }

    @Test(arguments: [(0, false), (1, true), (3, true), (90, true), (65535, true), (65536, false), (-1, false), (Int.max, false)])
    func heartbeatRange(_ seconds: Int, _ valid: Bool) {
        var s = GPRSSettings()
        s.heartbeatSeconds = seconds
        #expect(s.validate([.heartbeat]).isEmpty == valid)
        if valid { #expect(s.wireValue(.heartbeat) == .longUnsigned(UInt16(seconds))) }
        else { #expect(s.validate([.heartbeat]) == [FieldIssue(.heartbeat, .duration(1...65535))]) }
    }

    /// One form for every path: minutes, m:ss with seconds, or units (issue 20 item 1).
    @Test(arguments: [
        ("3", 180), ("0:03", 3), ("1:30", 90), ("1092:15", 65535), ("90s", 90), ("90 s", 90),
        ("1 min 30 s", 90), ("1м30с", 90), ("1 мин 30 сек", 90), ("2h", 7200), (" 5 ", 300),
        ("1:3", nil), ("1:60", nil), ("1:30:00", nil), ("", nil), ("s", nil), ("30 s 1 min", nil),
        ("-1", nil), ("1.5", nil), ("9999999", nil), ("3 parsecs", nil), (":30", nil),
    ] as [(String, Int?)])
    func heartbeatParse(_ text: String, _ seconds: Int?) {
        #expect(HeartbeatInterval.parse(text) == seconds, "\(text)")
    }

    @Test func heartbeatTextRoundTrips() {
        for seconds in [1, 3, 59, 60, 90, 180, 3599, 3600, 65535] {
            let text = HeartbeatInterval.text(seconds)
            #expect(HeartbeatInterval.parse(text) == seconds, "\(seconds) → \(text)")
        }
        #expect(HeartbeatInterval.text(90) == "1:30" && HeartbeatInterval.text(180) == "3" && HeartbeatInterval.text(3) == "0:03")
    }

    @Test func dpdUserNeedsPassword() {
        var s = GPRSSettings(dpdUser: "user")
        #expect(s.validate([.dpdUser]) == [FieldIssue(.dpdPassword, .passwordRequired)])
        s.dpdPassword = "secret"
        #expect(s.validate([.dpdUser, .dpdPassword]).isEmpty)
        #expect(s.wireValue(.dpd) == .structure([.octetString(Array("user".utf8)), .octetString(Array("secret".utf8))]))
        #expect(GPRSSettings.attributes(for: [.dpdPassword, .heartbeat]) == [.dpd, .heartbeat])
        #expect(GPRSSettings.attributes(for: [.backupServer]) == [.servers])
    }

    @Test func gprsFromWire() throws {
        let s = try GPRSSettings([
            .apn: .octetString(Array("internet".utf8)),
            .servers: .array([.octetString(Array("10.0.0.1:5000".utf8)), .octetString(Array("10.0.0.2:5001".utf8))]),
            .dpd: .structure([.octetString(Array("u".utf8)), .octetString([])]),
            .heartbeat: .longUnsigned(180),
        ])
        #expect(s.apn == "internet")
        #expect(s.primaryServer == ServerEndpoint(host: "10.0.0.1", port: 5000))
        #expect(s.backupServer == ServerEndpoint(host: "10.0.0.2", port: 5001))
        #expect(s.dpdUser == "u" && s.dpdPassword == nil)
        #expect(s.heartbeatSeconds == 180)
        #expect(s.wireValue(.servers) == .array([.octetString(Array("10.0.0.1:5000".utf8)), .octetString(Array("10.0.0.2:5001".utf8))]))
        #expect(throws: ModelError.unexpectedValue(field: "heartbeat-interval", value: .visibleString([0x31]))) {
            try GPRSSettings([.heartbeat: .visibleString([0x31])])
        }
        #expect(throws: ModelError.self) { try GPRSSettings([.servers: .array([.octetString(Array("nonsense".utf8))])]) }
    }

    // MARK: IP

    @Test(arguments: [
        ("255.255.255.0", true), ("255.255.255.255", true), ("255.0.0.0", true), ("128.0.0.0", true),
        ("255.255.0.255", false), ("0.0.0.0", false), ("0.255.255.255", false), ("255.255.255.254", true),
    ])
    func maskValidation(_ text: String, _ valid: Bool) throws {
        let s = IPSettings(ip: IPv4Address(192, 168, 1, 10), mask: try #require(IPv4Address(text)))
        #expect(s.validate([.mask]).isEmpty == valid, "\(text)")
    }

    @Test(arguments: [
        ("192.168.1.10", false, true), ("0.0.0.0", false, false), ("0.0.0.0", true, true),
        ("255.255.255.255", false, false), ("127.0.0.1", false, false),
    ])
    func addressValidation(_ text: String, _ dhcp: Bool, _ valid: Bool) throws {
        let s = IPSettings(dhcp: dhcp, ip: try #require(IPv4Address(text)))
        #expect(s.validate([.ip]).isEmpty == valid, "\(text) dhcp \(dhcp)")
    }

    @Test func ipPortAndWire() throws {
        #expect(IPSettings(tcpPort: 0).validate([.tcpPort]) == [FieldIssue(.tcpPort, .outOfRange(1...65535))])
        let s = try IPSettings([
            .dhcp: .boolean(true), .ip: .doubleLongUnsigned(0xC0A8_010A), .mask: .doubleLongUnsigned(0xFFFF_FF00),
            .mac: .octetString([0x00, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E]), .tcpPort: .longUnsigned(4059),
        ])
        #expect(s.dhcp && s.ip.description == "192.168.1.10" && s.mask.description == "255.255.255.0")
        #expect(s.macText == "00:1a:2b:3c:4d:5e")
        #expect(s.wireValue(.ip) == .doubleLongUnsigned(0xC0A8_010A))
        #expect(s.wireValue(.tcpPort) == .longUnsigned(4059))
        #expect(throws: ModelError.self) { try IPSettings([.tcpPort: .longUnsigned64Bad]) }
    }

    // MARK: Info

    @Test func infoScalesBattery() throws {
        let info = try ConcentratorInfo([
            .serialNumber: .visibleString(Array("95100001".utf8)),
            .logicalAddressOptical: .longUnsigned(1001),
            .rs485Speed: .enumerated(5),
            .meterCounts: .structure([.longUnsigned(200), .longUnsigned(190), .longUnsigned(4)]),
            .timeZone: .long(-180),
            .batteryVoltage: .longUnsigned(361),
            .batteryVoltageScalerUnit: .structure([.integer(-2), .enumerated(35)]),
            .batteryUseTime: .doubleLongUnsigned(3600),
            .logicalDeviceName: .octetString(Array("EMS0000095100001".utf8)),
        ], map: Self.map)
        #expect(info.serialNumber == "95100001")
        #expect(info.logicalAddressOptical == 1001)
        #expect(info.rs485Baud == 9600)
        #expect(info.meterCounts == .init(configured: 200, online: 190, blacklisted: 4))
        #expect(info.timeZone == -180)
        #expect(info.batteryVoltage?.description == "3.61 V")
        // No scaler_unit read: the map's (scaler 0, seconds).
        #expect(info.batteryUseTime == ScaledValue(raw: 3600, scaler: 0, unit: .second))
        #expect(info.logicalDeviceNameText == "EMS0000095100001")
        #expect(info.model == nil)
        #expect(throws: ModelError.unexpectedValue(field: "serial-number", value: .longUnsigned(1))) {
            try ConcentratorInfo([.serialNumber: .longUnsigned(1)], map: Self.map)
        }
        #expect(throws: ModelError.self) {
            try ConcentratorInfo([.meterCounts: .structure([.longUnsigned(1)])], map: Self.map)
        }
    }

    // MARK: Meters, poll status, topology

    static let meterColumns = MeterRecord.columns(in: map)

    @Test func meterFromRow() throws {
        let row = DLMSData.structure([.longUnsigned(7), .visibleString(Array("12345678".utf8)),
                                      .octetString([0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77]), .longUnsigned(0x0107),
                                      .enumerated(2), .unsigned(3), .doubleLongUnsigned(15000)])
        let m = try MeterRecord(row: row, columns: Self.meterColumns, map: Self.map)
        #expect(m.point == 7 && m.serial == "12345678" && m.shortAddress == 0x107)
        #expect(m.kind == .threePhase && m.tariffMode == 3)
        #expect(m.powerLimit.description == "15000 W")
        #expect(m.addressText == "00:11:22:33:44:55:66:77")
        #expect(MeterRecord.parseAddress("00:11:22:33:44:55:66:77") == m.address)
        #expect(MeterRecord.parseAddress("0011223344556677") == m.address)
        #expect(MeterRecord.parseAddress("0011223344") == nil)
        #expect(throws: ModelError.self) {
            try MeterRecord(row: .structure([.longUnsigned(7)]), columns: Self.meterColumns, map: Self.map)
        }
    }

    @Test func pollStatusUnspecifiedTimeIsNil() throws {
        let never = DLMSData.octetString([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0xFF])
        let when = try #require(COSEMDateTime(year: 2026, month: 11, day: 24, hour: 10, minute: 0, second: 0, utcOffsetMinutes: 180))
        let columns = Self.map.object(named: "poll-status")!.captureObjects
        let p = try PollStatus(row: .structure([.longUnsigned(3), .enumerated(2), .dateTimeOctetString(when), never,
                                                .doubleLongUnsigned(9)]), columns: columns, map: Self.map)
        #expect(p == PollStatus(point: 3, state: .blacklisted, lastGoodPoll: when, lastFailedPoll: nil, failedPolls: 9))
    }

    @Test func topologyTreeAndLookup() throws {
        let routes: [DLMSData] = [(1, 1, 1), (2, 1, 2), (3, 3, 1), (4, 1, 3)].map { d, n, h in
            .structure([.longUnsigned(d), .longUnsigned(n), .longUnsigned(10), .unsigned(h), .unsigned(0), .longUnsigned(60)])
        }
        let neighbours: [DLMSData] = [(1, 200), (3, 90)].map { a, lqi in
            .structure([.longUnsigned(a), .boolean(true), .bitString(BitString(count: 8, bytes: [0xFF])), .enumerated(1),
                        .integer(-2), .enumerated(0), .bitString(BitString(count: 8, bytes: [0])), .unsigned(lqi),
                        .integer(0), .unsigned(255), .unsigned(255)])
        }
        let t = try Topology(routingTable: .array(routes), neighbourTable: .array(neighbours))
        let tree = t.tree
        #expect(tree.shortAddress == 0 && tree.hopCount == 0)
        #expect(tree.children.map(\.shortAddress) == [1, 3])
        #expect(tree.children[0].children.map(\.shortAddress) == [2, 4])
        #expect(tree.children[0].children.map(\.hopCount) == [2, 3])
        #expect(tree.children[1].children.isEmpty)
        let meter = MeterRecord(point: 9, serial: "1", address: [1, 2, 3, 4, 5, 6, 7, 8], shortAddress: 4, kind: .singlePhase,
                                tariffMode: 1, powerLimit: ScaledValue(raw: 0))
        let node = try #require(t.node(address: meter.address, meters: [meter]))
        #expect(node.path == [0, 1, 4] && node.hops == 3)
        #expect(node.firstHop?.lqi == 200 && node.neighbour == nil)
        #expect(t.node(address: [0, 0, 0, 0, 0, 0, 0, 0], meters: [meter]) == nil)
        #expect(throws: ModelError.self) { try Topology(routingTable: .array([.structure([.longUnsigned(1)])]), neighbourTable: .array([])) }
    }

    /// Issue 20 item 6: with the relay before each destination the tree is as deep as
    /// the routes and a path names every relay; a chain that does not hold (a cycle, a
    /// hop count the routing table does not agree with, a relay the device does not
    /// name) falls back to the first hop, marked incomplete.
    @Test func topologyWithEveryRelay() throws {
        // (destination, first hop, hop count, previous hop)
        let table: [(UInt16, UInt16, UInt8, UInt16)] = [
            (1, 1, 1, 0), (2, 1, 2, 1), (5, 1, 3, 2), (6, 1, 4, 5), (3, 3, 1, 0), (7, 3, 2, 3),
            (8, 1, 3, 9), (9, 1, 2, 8),          // a cycle 8 ↔ 9
            (10, 3, 5, 7),                       // the chain 0 → 3 → 7 → 10 is 3 hops, not 5
            (11, 1, 2, 12),                      // 12 is not named: a break
        ]
        let routes: [DLMSData] = table.map { d, n, h, _ in
            .structure([.longUnsigned(d), .longUnsigned(n), .longUnsigned(10), .unsigned(h), .unsigned(0), .longUnsigned(60)])
        }
        let previous = DLMSData.array(table.map { d, _, _, p in .structure([.longUnsigned(d), .longUnsigned(p)]) })
        let t = try Topology(routingTable: .array(routes), neighbourTable: .array([]), previousHops: previous)
        #expect(t.path(to: 6) == Topology.Path(addresses: [0, 1, 2, 5, 6], complete: true))
        #expect(t.path(to: 6).text == "0000 → 0001 → 0002 → 0005 → 0006")
        #expect(t.path(to: 7).addresses == [0, 3, 7] && t.path(to: 7).complete)
        #expect(t.path(to: 8) == Topology.Path(addresses: [0, 1, 8], complete: false))
        #expect(t.path(to: 8).text == "0000 → 0001 → … → 0008")
        #expect(t.path(to: 10) == Topology.Path(addresses: [0, 3, 10], complete: false))
        #expect(t.path(to: 11) == Topology.Path(addresses: [0, 1, 11], complete: true), "the routing table says two hops through 1")
        let tree = t.tree
        #expect(tree.children.map(\.shortAddress) == [1, 3])
        let one = tree.children[0]
        #expect(one.children.map(\.shortAddress) == [2, 8, 9, 11])
        let two = try #require(one.children.first)
        #expect(two.children.map(\.shortAddress) == [5] && two.children[0].children.map(\.shortAddress) == [6])
        #expect(two.children[0].children[0].hopCount == 4)
        #expect(tree.children[1].children.map(\.shortAddress) == [7, 10])
        // Without the previous hops: the first-hop tree, as before.
        let plain = try Topology(routingTable: .array(routes), neighbourTable: .array([]))
        #expect(plain.tree.children[0].children.map(\.shortAddress) == [2, 9, 11, 5, 8, 6])
        #expect(plain.path(to: 6) == Topology.Path(addresses: [0, 1, 6], complete: false))
        #expect(plain.path(to: 2).complete, "two hops through the first: nothing left out")
    }

    /// A hostile table: every destination's previous hop is itself or a long loop; the
    /// tree is still built, bounded, with every node once.
    @Test func topologyWithHostileRelaysIsBounded() throws {
        var routes: [DLMSData] = [], previous: [DLMSData] = []
        for d in UInt16(1)...200 {
            routes.append(.structure([.longUnsigned(d), .longUnsigned(1), .longUnsigned(1), .unsigned(255), .unsigned(0), .longUnsigned(1)]))
            previous.append(.structure([.longUnsigned(d), .longUnsigned(d % 2 == 0 ? d : d + 1)]))
        }
        let t = try Topology(routingTable: .array(routes), neighbourTable: .array([]), previousHops: .array(previous))
        var count = 0
        func walk(_ n: Topology.Node) { for c in n.children { count += 1; walk(c) } }
        walk(t.tree)
        #expect(count == 200)
        #expect(!t.path(to: 7).complete)
        #expect(throws: ModelError.self) {
            try Topology(routingTable: .array([]), neighbourTable: .array([]), previousHops: .array([.structure([.longUnsigned(1)])]))
        }
    }

    // MARK: Profiles and events

    @Test func profileTableFromCaptureObjectsAndBuffer() throws {
        let captures = DLMSData.array([
            ES951.CaptureObjectDefinition(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2).data,
            ES951.CaptureObjectDefinition(classID: 3, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 2).data,
            ES951.CaptureObjectDefinition(classID: 4, instance: OBISCode(1, 0, 1, 6, 0, 255), attribute: 5).data,
        ])
        let columns = try ES951.CaptureObjectDefinition.captureObjects(from: captures)
        #expect(columns.count == 3 && columns[1].instance == OBISCode(1, 0, 1, 8, 0, 255))
        let t1 = try #require(COSEMDateTime(year: 2026, month: 11, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 180))
        let t2 = try #require(COSEMDateTime(year: 2026, month: 11, day: 2, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 180))
        let buffer = DLMSData.array([
            .structure([.dateTimeOctetString(t1), .doubleLongUnsigned(12345), .dateTimeOctetString(t1)]),
            .structure([.dateTimeOctetString(t2), .doubleLongUnsigned(12400), .dateTimeOctetString(t2)]),
        ])
        let a = CosemAttributeDescriptor(classID: 3, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 3)
        let table = try ProfileTable(captureObjects: columns, buffer: buffer, map: Self.map,
                                     scalerUnits: [a: .structure([.integer(-1), .enumerated(30)])])
        #expect(table.columns.map(\.name) == ["active-energy-import", "active-max-demand.capture-time"])
        #expect(table.columns[0].unit == .wattHour && table.columns[0].scaler == -1)
        #expect(table.rows.map(\.time) == [t1, t2])
        #expect(table.rows[0].values == [.number(ScaledValue(raw: 12345, scaler: -1, unit: .wattHour)), .dateTime(t1)])
        if case .number(let v) = table.rows[1].values[0] { #expect(v.description == "1240.0 Wh") } else { Issue.record("not a number") }
        // Without the scaler_unit read: the map's (0, Wh).
        let plain = try ProfileTable(captureObjects: columns, buffer: buffer, map: Self.map)
        #expect(plain.columns[0].scaler == 0 && plain.columns[0].unit == .wattHour)
        #expect(throws: ModelError.self) {
            try ProfileTable(captureObjects: columns, buffer: .array([.structure([.doubleLongUnsigned(1)])]), map: Self.map)
        }
    }

    @Test func eventRecordNames() throws {
        let catalogue = try EventCatalogue.builtIn()
        let columns = Self.map.object(named: "event-log")!.captureObjects
        let t = try #require(COSEMDateTime(year: 2026, month: 11, day: 1, hour: 12, minute: 30, second: 0, utcOffsetMinutes: 180))
        let e = try EventRecord(row: .structure([.dateTimeOctetString(t), .unsigned(63)]), columns: columns,
                                map: Self.map, catalogue: catalogue)
        #expect(e.time == t && e.code == 63)
        #expect(e.englishName == "Event log cleared" && e.russianName == "Очистка событий")
        let unknown = try EventRecord(row: .structure([.dateTimeOctetString(t), .unsigned(99)]), columns: columns,
                                      map: Self.map, catalogue: catalogue)
        #expect(unknown.info == nil)
    }

    @Test func clockReading() throws {
        let t = try #require(COSEMDateTime(year: 2026, month: 11, day: 1, hour: 12, minute: 30, second: 0, utcOffsetMinutes: 180))
        let c = try ClockReading(time: .dateTimeOctetString(t), timeZone: .long(-180), status: .unsigned(0))
        #expect(c == ClockReading(time: t, timeZone: -180, status: 0))
        #expect(throws: ModelError.self) { try ClockReading(time: .octetString([1, 2]), timeZone: .long(0), status: nil) }
    }
}

extension DLMSData {
    /// A value of the wrong type for a long-unsigned field.
    static let longUnsigned64Bad = DLMSData.visibleString(Array("4059".utf8))
}
