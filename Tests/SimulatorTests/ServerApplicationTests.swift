import Testing
import DLMS
import ES951
@testable import Simulator

@Suite("ServerApplication")
struct ServerApplicationTests {
    static let password = "admin@emis"

    // MARK: - Association

    @Test func aareDiagnostics() {
        var h = SimulatorHarness()
        func outcome(_ client: UInt8, _ password: String?) -> ClientAction? {
            let c = h.connect(client: client, password: password)
            return c.outcomes.first
        }
        if case .associated? = outcome(16, nil) {} else { Issue.record("NLS refused") }
        if case .associated? = outcome(32, Self.password) {} else { Issue.record("LLS 32 refused") }
        if case .associated? = outcome(48, Self.password) {} else { Issue.record("LLS 48 refused") }
        #expect(outcome(32, "wrong") == .fail(.associationRejected(.rejectedPermanent, diagnostic: .serviceUser(13))))
        #expect(outcome(48, nil) == .fail(.associationRejected(.rejectedPermanent, diagnostic: .serviceUser(12))))
        #expect(outcome(16, Self.password) == .fail(.associationRejected(.rejectedPermanent, diagnostic: .serviceUser(11))))
        #expect(outcome(17, nil) == .fail(.associationRejected(.rejectedPermanent, diagnostic: .serviceUser(1))))
    }

    @Test func negotiatedConformanceAndPDU() throws {
        var h = SimulatorHarness()
        let c = h.connect(client: 16, maxPDU: 512)
        guard case .associated(let info)? = c.outcomes.first else { Issue.record("not associated"); return }
        #expect(info.serverMaxReceivePDUSize == 1024)
        #expect(info.conformance.rawValue == 0x00_1E_1D)
        #expect(info.serverAddress == HDLCAddress.server(upper: 1, lower: 1001, size: 4))
        #expect(h.application.association(c.id)?.maxPDU == 512)
        let big = h.connect(client: 16)
        #expect(h.application.association(big.id)?.maxPDU == 1024)
    }

    // MARK: - Every object of the map

    /// Reads every attribute of the built-in map as `client` and checks its type against the map.
    func readEverything(client: UInt8, password: String?) throws {
        var h = SimulatorHarness()
        var c = h.connect(client: client, password: password)
        let map = try DeviceMap.builtIn()
        var count = 0
        for object in map.objects {
            for attribute in object.attributes {
                let text = object.descriptor(attribute.index).description
                let result = h.get(&c, text)
                guard attribute.access.read.contains(client) else {
                    #expect(result == .error(.readWriteDenied), "\(text)")
                    continue
                }
                guard case .data(let value)? = result else { Issue.record("\(text): \(String(describing: result))"); continue }
                #expect(attribute.type.accepts(value), "\(text) is \(value), map says \(attribute.type)")
                if attribute.writeOnly, attribute.type == .octetString { #expect(value == .octetString([]), "\(text)") }
                count += 1
            }
        }
        #expect(count > 150)
        // And all of them at once, with a list (in blocks).
        let all = map.objects.flatMap { o in o.attributes.filter { $0.access.read.contains(client) }.map { AttributeWithAccess(o.descriptor($0.index)) } }
        guard case .deliver(.get(let results))? = h.request(&c, .get(all)) else { Issue.record("list failed"); return }
        #expect(results.count == all.count)
        #expect(results.allSatisfy { if case .data = $0 { true } else { false } })
    }

    @Test func readsEveryAttributeAsNLS() throws { try readEverything(client: 16, password: nil) }
    @Test func readsEveryAttributeAsLLS() throws { try readEverything(client: 32, password: Self.password) }

    @Test func unknownObjectsAndAttributes() {
        var h = SimulatorHarness()
        var c = h.connect()
        #expect(h.get(&c, "1/0.0.96.1.99.255/2") == .error(.objectUndefined))
        #expect(h.get(&c, "1/0.0.96.1.0.255/9") == .error(.objectUndefined))
        #expect(h.get(&c, "3/0.0.96.1.0.255/2") == .error(.objectClassInconsistent))
    }

    @Test func objectListCarriesAccessRightsOfTheClient() throws {
        var h = SimulatorHarness()
        var c = h.connect()
        guard case .array(let list)? = h.value(&c, "15/0.0.40.0.0.255/2") else { Issue.record("no list"); return }
        let map = try DeviceMap.builtIn()
        #expect(list.count == map.objects.count)
        #expect(c.lastBlocks.count >= 3)      // thousands of bytes in 1012-byte blocks
        // Serial number: read only for NLS (mode 1); point selector: read-write (3).
        func modes(_ obis: OBISCode) -> [DLMSData]? {
            for case .structure(let entry) in list where entry[2] == .octetString(obis.bytes) {
                if case .structure(let rights) = entry[3], case .array(let attributes) = rights[0] { return attributes }
            }
            return nil
        }
        #expect(modes(OBISCode(0, 0, 96, 1, 0, 255))?.last == .structure([.integer(2), .enumerated(1), .null]))
        #expect(modes(OBISCode(0, 0, 94, 7, 137, 255))?.last == .structure([.integer(2), .enumerated(3), .null]))
    }

    // MARK: - Writes and access

    @Test func writesUnderLLSAndDenialUnderNLS() {
        var h = SimulatorHarness()
        var nls = h.connect()
        #expect(h.set(&nls, "45/0.0.25.4.0.255/2", .octetString(Array("m2m".utf8))) == .readWriteDenied)
        #expect(h.set(&nls, "1/0.0.96.1.0.255/2", .visibleString(Array("95100002".utf8))) == .readWriteDenied)
        var lls = h.connect(client: 32, password: Self.password)
        #expect(h.set(&lls, "45/0.0.25.4.0.255/2", .octetString(Array("m2m".utf8))) == .success)
        #expect(h.value(&nls, "45/0.0.25.4.0.255/2") == .octetString(Array("m2m".utf8)))
        #expect(h.set(&lls, "45/0.0.25.4.0.255/2", .visibleString(Array("m2m".utf8))) == .typeUnmatched)
        #expect(h.set(&lls, "42/0.0.25.1.0.255/3", .doubleLongUnsigned(0x0A00_0005)) == .success)
        #expect(h.value(&lls, "42/0.0.25.1.0.255/3") == .doubleLongUnsigned(0x0A00_0005))
        #expect(h.set(&lls, "43/0.0.25.2.0.255/2", .octetString([1, 2, 3, 4, 5, 6])) == .readWriteDenied)
        // DPD password: written, reads back empty.
        #expect(h.set(&lls, "44/0.0.25.3.0.255/5", .structure([.octetString(Array("u".utf8)), .octetString(Array("p".utf8))])) == .success)
        #expect(h.value(&lls, "44/0.0.25.3.0.255/5") == .structure([.octetString(Array("u".utf8)), .octetString([])]))
        // A long value goes in SET blocks (PDU 1024): a list of servers.
        let servers = DLMSData.array((0..<60).map { .octetString(Array("10.20.30.\($0):4059".utf8)) })
        #expect(servers.encoded.count > 1024)
        #expect(h.set(&lls, "29/0.0.2.1.0.255/6", servers) == .success)
        #expect(h.value(&nls, "29/0.0.2.1.0.255/6") == servers)
    }

    @Test func clockWriteStoresAnOffset() {
        var h = SimulatorHarness()
        var lls = h.connect(client: 32, password: Self.password)
        let target = COSEMDateTime(year: 2030, month: 1, day: 2, hour: 3, minute: 4, second: 5, utcOffsetMinutes: 180)!
        #expect(h.set(&lls, "8/0.0.1.0.0.255/2", .dateTimeOctetString(target)) == .success)
        #expect(h.application.device.clockOffset == target.secondsSince1970()! - h.now.secondsSince1970)
        h.now.secondsSince1970 += 10
        let read = h.value(&lls, "8/0.0.1.0.0.255/2")?.dateTimeValue?.secondsSince1970()
        #expect(read == target.secondsSince1970()! + 10)
        #expect(h.set(&lls, "8/0.0.1.0.0.255/3", .long(-120)) == .success)
        #expect(h.value(&lls, "8/0.0.1.0.0.255/3") == .long(-120))
        #expect(h.set(&lls, "8/0.0.1.0.0.255/3", .long(2000)) == .otherReason)
    }

    @Test func passwordChangeOfTheAssociationInUseAndByName() {
        var h = SimulatorHarness()
        var lls = h.connect(client: 32, password: Self.password)
        #expect(h.set(&lls, "15/0.0.40.0.0.255/7", .octetString(Array("new-32".utf8))) == .success)
        #expect(h.value(&lls, "15/0.0.40.0.0.255/7") == .octetString([]))
        #expect(h.set(&lls, "15/0.0.40.0.3.255/7", .octetString(Array("new-48".utf8))) == .success)
        #expect(h.connect(client: 32, password: Self.password).outcomes.first
                == .fail(.associationRejected(.rejectedPermanent, diagnostic: .serviceUser(13))))
        if case .associated? = h.connect(client: 32, password: "new-32").outcomes.first {} else { Issue.record("32") }
        if case .associated? = h.connect(client: 48, password: "new-48").outcomes.first {} else { Issue.record("48") }
        var nls = h.connect()
        #expect(h.set(&nls, "15/0.0.40.0.0.255/7", .octetString(Array("x".utf8))) == .readWriteDenied)
    }

    @Test func serialNumberWriteChangesTheAddressFromTheNextAssociation() {
        var h = SimulatorHarness()
        var lls = h.connect(client: 48, password: Self.password)
        #expect(h.value(&lls, "23/0.0.22.0.0.255/9") == .longUnsigned(1001))
        #expect(h.set(&lls, "1/0.0.96.1.0.255/2", .visibleString(Array("95104321".utf8))) == .success)
        #expect(h.value(&lls, "1/0.0.96.1.0.255/2") == .visibleString(Array("95104321".utf8)))
        #expect(h.value(&lls, "23/0.0.22.0.0.255/9") == .longUnsigned(1001))
        #expect(h.set(&lls, "1/0.0.96.1.0.255/2", .visibleString(Array("95A".utf8))) == .otherReason)
        var next = h.connect()
        guard case .associated(let info)? = next.outcomes.first else { Issue.record("not associated"); return }
        #expect(info.serverAddress.lower == 5321)
        #expect(h.value(&next, "23/0.1.22.0.0.255/9") == .longUnsigned(5321))
    }

    // MARK: - Points and profiles

    @Test func pointSelectorBelongsToTheAssociation() {
        var h = SimulatorHarness()
        var a = h.connect()
        var b = h.connect()
        #expect(h.value(&a, "1/0.0.94.7.137.255/2") == .longUnsigned(1))
        #expect(h.set(&a, "1/0.0.94.7.137.255/2", .longUnsigned(5)) == .success)   // NLS may choose a point
        #expect(h.value(&a, "1/0.0.94.7.137.255/2") == .longUnsigned(5))
        #expect(h.value(&b, "1/0.0.94.7.137.255/2") == .longUnsigned(1))
        let dailyA = h.value(&a, "7/1.0.98.2.0.255/2")
        let dailyB = h.value(&b, "7/1.0.98.2.0.255/2")
        #expect(dailyA != nil && dailyA != dailyB)
        #expect(h.set(&a, "1/0.0.94.7.137.255/2", .longUnsigned(21)) == .otherReason)
        // Point 0: the concentrator's event log, empty energy profiles.
        #expect(h.set(&a, "1/0.0.94.7.137.255/2", .longUnsigned(0)) == .success)
        #expect(h.value(&a, "7/1.0.98.2.0.255/2") == .array([]))
        #expect(h.value(&a, "7/0.0.99.98.0.255/7") == .doubleLongUnsigned(100))
        // A new association starts at point 1 again.
        h.release(&a)
        var again = h.connect()
        #expect(h.value(&again, "1/0.0.94.7.137.255/2") == .longUnsigned(1))
    }

    @Test func dailyProfileWholeByRangeAndByEntry() throws {
        var h = SimulatorHarness()
        var c = h.connect()
        guard case .array(let rows)? = h.value(&c, "7/1.0.98.2.0.255/2") else { Issue.record("no profile"); return }
        #expect(rows.count == 89)
        #expect(c.lastBlocks.count >= 3)    // 89 rows × 40 bytes in blocks of 1012
        #expect(h.value(&c, "7/1.0.98.2.0.255/7") == .doubleLongUnsigned(89))
        #expect(h.value(&c, "7/1.0.98.2.0.255/8") == .doubleLongUnsigned(89))
        func time(_ row: DLMSData) -> DLMSData { if case .structure(let cells) = row { cells[0] } else { .null } }
        // A+ strictly increasing.
        let aPlus = rows.compactMap { row -> UInt32? in
            if case .structure(let cells) = row, case .doubleLongUnsigned(let v) = cells[1] { v } else { nil }
        }
        #expect(aPlus.count == 89 && zip(aPlus, aPlus.dropFirst()).allSatisfy { $0 < $1 })
        // Range: inclusive at both ends.
        let range = SelectiveAccess.range(RangeDescriptor(from: time(rows[10]), to: time(rows[19])))
        guard case .array(let window)? = h.value(&c, "7/1.0.98.2.0.255/2", access: range) else { Issue.record("range"); return }
        #expect(window == Array(rows[10...19]))
        // Range with two columns chosen.
        let columns = SelectiveAccess.range(RangeDescriptor(from: time(rows[0]), to: time(rows[1]), selectedValues: [
            .clock, DLMS.CaptureObjectDefinition(classID: 3, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 2)]))
        guard case .array(let narrow)? = h.value(&c, "7/1.0.98.2.0.255/2", access: columns) else { Issue.record("columns"); return }
        #expect(narrow.count == 2)
        if case .structure(let cells) = narrow[0] { #expect(cells.count == 2) }
        // Entry: 1-based, 0 = to the last.
        #expect(h.value(&c, "7/1.0.98.2.0.255/2", access: .entry(EntryDescriptor(fromEntry: 1, toEntry: 3))) == .array(Array(rows[0...2])))
        #expect(h.value(&c, "7/1.0.98.2.0.255/2", access: .entry(EntryDescriptor(fromEntry: 88, toEntry: 0))) == .array(Array(rows[87...88])))
        #expect(h.value(&c, "7/1.0.98.2.0.255/2", access: .entry(EntryDescriptor(fromEntry: 100, toEntry: 0))) == .array([]))
        // Every class 7 object takes entry access.
        for obis in ["0.0.94.7.128.255", "0.0.94.7.133.255", "1.0.94.7.138.255", "1.0.98.1.0.255",
                     "1.0.98.128.0.255", "1.0.98.129.0.255", "0.0.99.98.0.255"] {
            guard case .array(let first)? = h.value(&c, "7/\(obis)/2", access: .entry(EntryDescriptor(fromEntry: 1, toEntry: 1))) else {
                Issue.record("\(obis)"); continue
            }
            #expect(first.count == 1, "\(obis)")
        }
        // Selective access where none applies.
        #expect(h.get(&c, "1/0.0.96.1.0.255/2", access: .entry(EntryDescriptor(fromEntry: 1, toEntry: 1))) == .error(.objectUnavailable))
    }

    @Test func profilesAreIdenticalOnEveryRead() {
        var h = SimulatorHarness()
        var c = h.connect()
        let first = h.value(&c, "7/1.0.98.1.0.255/2")
        h.now.secondsSince1970 += 3600
        #expect(h.value(&c, "7/1.0.98.1.0.255/2") == first)
        var other = SimulatorHarness()
        var d = other.connect()
        #expect(other.value(&d, "7/1.0.98.1.0.255/2") == first)
    }

    @Test func eventLogResetLeavesOneRecordCode63() {
        var h = SimulatorHarness()
        var nls = h.connect()
        #expect(h.action(&nls, "7/0.0.99.98.0.255/1") == .readWriteDenied)
        var lls = h.connect(client: 48, password: Self.password)
        #expect(h.action(&lls, "7/0.0.99.98.0.255/1") == .success)
        guard case .array(let rows)? = h.value(&lls, "7/0.0.99.98.0.255/2") else { Issue.record("log"); return }
        #expect(rows.count == 1)
        if case .structure(let cells)? = rows.first { #expect(cells[1] == .unsigned(63)) }
        #expect(h.value(&lls, "1/0.0.96.11.0.255/2") == .unsigned(63))
        // Another point keeps its log.
        #expect(h.value(&nls, "7/0.0.99.98.0.255/7") == .doubleLongUnsigned(1))
        #expect(h.set(&nls, "1/0.0.94.7.137.255/2", .longUnsigned(2)) == .success)
        #expect(h.value(&nls, "7/0.0.99.98.0.255/7") == .doubleLongUnsigned(100))
        // Profile reset empties the daily profile of the point.
        #expect(h.action(&lls, "7/1.0.98.2.0.255/1") == .success)
        #expect(h.value(&lls, "7/1.0.98.2.0.255/7") == .doubleLongUnsigned(0))
    }

    @Test func removeOneMeterAndAll() {
        var h = SimulatorHarness()
        var lls = h.connect(client: 32, password: Self.password)
        #expect(h.value(&lls, "7/0.0.94.7.128.255/7") == .doubleLongUnsigned(20))
        #expect(h.set(&lls, "1/0.0.94.7.136.255/2", .longUnsigned(4)) == .success)
        #expect(h.value(&lls, "7/0.0.94.7.128.255/7") == .doubleLongUnsigned(19))
        #expect(h.set(&lls, "1/0.0.94.7.136.255/2", .longUnsigned(4)) == .otherReason)
        if case .structure(let counts)? = h.value(&lls, "1/0.0.94.7.141.255/2") { #expect(counts[0] == .longUnsigned(19)) }
        #expect(h.action(&lls, "7/0.0.94.7.128.255/1") == .success)
        #expect(h.value(&lls, "7/0.0.94.7.128.255/2") == .array([]))
        #expect(h.value(&lls, "7/0.0.94.7.133.255/2") == .array([]))
    }

    // MARK: - Image transfer

    @Test func firmwareTransferWithResume() {
        var h = SimulatorHarness()
        var lls = h.connect(client: 48, password: Self.password)
        let id = DLMSData.octetString(Array("ES951-2.7.1".utf8))
        let size: UInt32 = 192 * 4 + 50
        let image = (0..<Int(size)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        func block(_ n: Int) -> DLMSData {
            let start = n * 192
            return .structure([.doubleLongUnsigned(UInt32(n)), .octetString(Array(image[start..<min(start + 192, image.count)]))])
        }
        #expect(h.action(&lls, "18/0.0.44.0.0.255/1", .structure([id, .doubleLongUnsigned(size)])) == .success)
        #expect(h.value(&lls, "18/0.0.44.0.0.255/2") == .doubleLongUnsigned(192))
        #expect(h.action(&lls, "18/0.0.44.0.0.255/2", block(0)) == .success)
        #expect(h.action(&lls, "18/0.0.44.0.0.255/2", block(1)) == .success)
        #expect(h.value(&lls, "18/0.0.44.0.0.255/4") == .doubleLongUnsigned(2))
        // The link drops; a new association initiates again with the same id and size: resume.
        var again = h.connect(client: 48, password: Self.password)
        #expect(h.action(&again, "18/0.0.44.0.0.255/1", .structure([id, .doubleLongUnsigned(size)])) == .success)
        #expect(h.value(&again, "18/0.0.44.0.0.255/4") == .doubleLongUnsigned(2))
        #expect(h.value(&again, "18/0.0.44.0.0.255/3") == .bitString(BitString(count: 5, bytes: [0xC0])))
        #expect(h.action(&again, "18/0.0.44.0.0.255/3") == .otherReason)      // not complete: verification fails
        #expect(h.action(&again, "18/0.0.44.0.0.255/4") == .readWriteDenied)
        for n in 2...4 { #expect(h.action(&again, "18/0.0.44.0.0.255/2", block(n)) == .success) }
        #expect(h.action(&again, "18/0.0.44.0.0.255/3") == .success)
        #expect(h.value(&again, "18/0.0.44.0.0.255/6") == .enumerated(3))
        #expect(h.action(&again, "18/0.0.44.0.0.255/4") == .success)
        #expect(h.value(&again, "1/0.0.96.1.2.255/2") == .visibleString(Array("ES951-2.7.1".utf8)))
        // Another identifier starts over.
        #expect(h.action(&again, "18/0.0.44.0.0.255/1", .structure([.octetString([0x41]), .doubleLongUnsigned(size)])) == .success)
        #expect(h.value(&again, "18/0.0.44.0.0.255/4") == .doubleLongUnsigned(0))
        var nls = h.connect()
        #expect(h.action(&nls, "18/0.0.44.0.0.255/1", .structure([id, .doubleLongUnsigned(size)])) == .readWriteDenied)
    }

    // MARK: - APDU level

    @Test func exceptionForUndecodableAndReleaseResponse() {
        var app = ServerApplication(device: DeviceState(configuration: .init(meters: 2), now: HostTime(secondsSince1970: 0)))
        let now = HostTime(secondsSince1970: 1_760_000_000)
        #expect(app.handle([0xC0, 0x01], client: 16, now: now) == [0xD8, 0x02, 0x03])
        // GET before any association: not allowed.
        #expect(app.handle([0xC0, 0x01, 0xC1, 0x00, 0x01, 0, 0, 96, 1, 0, 255, 0x02, 0x00], client: 16, now: now) == [0xD8, 0x01, 0x01])
        // AARQ without authentication (PROTOCOL.md §6 #2), then RLRQ → RLRE.
        let aarq = Hex.bytes("601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFF")!
        let aare = app.handle(aarq, client: 16, now: now)
        #expect(aare == Hex.bytes("6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001E1D04000007")!)
        #expect(app.handle([0xC0, 0x01, 0xC1, 0x00, 0x01, 0, 0, 96, 1, 0, 255, 0x02, 0x00], client: 16, now: now)
                == [0xC4, 0x01, 0xC1, 0x00, 0x0A, 0x08] + Array("95100001".utf8))
        #expect(app.lastSummary?.line == "client 16 GET 1/0.0.96.1.0.255/2 -> ok (13/14 bytes)")
        #expect(app.handle([0x62, 0x03, 0x80, 0x01, 0x00], client: 16, now: now) == [0x63, 0x03, 0x80, 0x01, 0x00])
        #expect(app.association() == nil)
    }
}
