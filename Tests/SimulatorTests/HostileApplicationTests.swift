import Testing
import DLMS
import DLMSTransport
@testable import Simulator

/// A ``ServerApplication`` spoken to in APDUs, with or without a ``HostileBehaviour``:
/// what the hostile device answers, byte for byte (es951-sim `--answer`, `--hostile
/// endless-blocks`, `--hostile huge-array`).
struct HostileAppRig {
    var application: ServerApplication
    static let now = HostTime(secondsSince1970: 1_760_000_000)
    static let invoke = InvokeIDAndPriority(id: 1)

    init(_ behaviour: HostileBehaviour = HostileBehaviour(), meters: Int = 5) {
        application = ServerApplication(device: DeviceState(configuration: .init(meters: meters, seed: 7), now: Self.now))
        application.hostile = behaviour
    }

    mutating func send(_ apdu: APDU) -> [UInt8] {
        application.handle(apdu.encoded(), client: 16, now: Self.now, connection: 1)
    }

    /// NLS association; true when accepted.
    mutating func associate(maxPDU: UInt16 = 0xFFFF) -> Bool {
        let aarq = AARQ(userInformation: InitiateRequest(proposedConformance: .clientProposal, clientMaxReceivePDUSize: maxPDU))
        guard case .aare(let aare)? = try? APDU(decoding: send(.aarq(aarq))) else { return false }
        return aare.result == .accepted
    }

    mutating func get(_ text: String, access: SelectiveAccess? = nil) -> [UInt8] {
        send(.getRequest(.normal(invokeID: Self.invoke, attribute: CosemAttributeDescriptor(text)!, access: access)))
    }

    mutating func getList(_ texts: [String]) -> [UInt8] {
        send(.getRequest(.withList(invokeID: Self.invoke, attributes: texts.map { AttributeWithAccess(CosemAttributeDescriptor($0)!) })))
    }

    mutating func next(_ number: UInt32) -> [UInt8] {
        send(.getRequest(.next(invokeID: Self.invoke, blockNumber: number)))
    }

    /// The block of a GET-Response-With-Datablock, nil for anything else.
    static func block(_ bytes: [UInt8]) -> DataBlockG? {
        guard case .getResponse(.withDataBlock(_, let block))? = try? APDU(decoding: bytes) else { return nil }
        return block
    }

    static func raw(_ block: DataBlockG?) -> [UInt8]? {
        guard case .raw(let raw)? = block?.result else { return nil }
        return raw
    }
}

@Suite("Hostile device: application (--answer, endless-blocks, huge-array)")
struct HostileApplicationTests {
    static let meterCounts = "1/0.0.94.7.141.255/2"
    static let meterList = "7/0.0.94.7.128.255/2"
    /// A structure of three long64-unsigned at their maximum where the map says three long-unsigned.
    static let hostileCounts = Hex.bytes("0203 15FFFFFFFFFFFFFFFF 15FFFFFFFFFFFFFFFF 15FFFFFFFFFFFFFFFF")!

    static func answering(_ text: String, _ bytes: [UInt8]) -> HostileBehaviour {
        HostileBehaviour(answers: [CosemAttributeDescriptor(text)!: bytes])
    }

    // MARK: - --answer

    /// The GET-Response-Normal carries exactly the bytes given; other attributes are untouched.
    @Test func answerReplacesTheAttributeByteForByte() {
        var rig = HostileAppRig(Self.answering(Self.meterCounts, Self.hostileCounts))
        #expect(rig.associate() == true)
        #expect(rig.get(Self.meterCounts) == [0xC4, 0x01, HostileAppRig.invoke.rawValue, 0x00] + Self.hostileCounts)
        #expect(rig.application.lastSummary?.result.hasPrefix("hostile") == true)
        var plain = HostileAppRig()
        #expect(plain.associate() == true)
        #expect(plain.get(Self.meterCounts) != rig.get(Self.meterCounts))
        #expect(rig.get("1/0.0.96.1.0.255/2") == plain.get("1/0.0.96.1.0.255/2"))
    }

    /// Through the whole stack (ClientSession ⇄ ServerSession ⇄ application): the client
    /// gets the canned value, and bytes that are no valid Data are sent as given too.
    @Test func answerReachesTheClient() {
        var h = SimulatorHarness()
        h.application.hostile = Self.answering(Self.meterCounts, Self.hostileCounts)
        var c = h.connect()
        let value = h.value(&c, Self.meterCounts)
        #expect(value?.encoded == Self.hostileCounts)
        #expect(value == .structure(Array(repeating: .long64Unsigned(.max), count: 3)))

        var broken = HostileAppRig(Self.answering(Self.meterCounts, [0x02, 0x03, 0x12, 0x00]))   // 3 elements announced, 1 half there
        #expect(broken.associate() == true)
        #expect(broken.get(Self.meterCounts) == [0xC4, 0x01, HostileAppRig.invoke.rawValue, 0x00, 0x02, 0x03, 0x12, 0x00])
    }

    /// In a GET-with-list the canned bytes take the attribute's place; the others are read.
    @Test func answerInsideGetWithList() {
        var rig = HostileAppRig(Self.answering(Self.meterCounts, Self.hostileCounts))
        #expect(rig.associate() == true)
        let serial = DLMSData.visibleString(Array("95100001".utf8))
        let expected: [UInt8] = [0xC4, 0x03, HostileAppRig.invoke.rawValue, 0x02, 0x00] + serial.encoded + [0x00] + Self.hostileCounts
        #expect(rig.getList(["1/0.0.96.1.0.255/2", Self.meterCounts]) == expected)
        guard case .getResponse(.withList(_, let results))? = try? APDU(decoding: expected) else {
            Issue.record("not a list answer"); return
        }
        #expect(results == [.data(serial), .data(.structure(Array(repeating: .long64Unsigned(.max), count: 3)))])
    }

    /// A GET with selective access (a buffer read by entry) gets the canned bytes too.
    @Test func answerWithSelectiveAccess() {
        let rows = DLMSData.array([.structure([.longUnsigned(7), .visibleString(Array("X".utf8))])])
        var rig = HostileAppRig(Self.answering(Self.meterList, rows.encoded))
        #expect(rig.associate() == true)
        let access = SelectiveAccess.entry(EntryDescriptor(fromEntry: 1, toEntry: 2))
        #expect(rig.get(Self.meterList, access: access) == [0xC4, 0x01, HostileAppRig.invoke.rawValue, 0x00] + rows.encoded)
        #expect(rig.application.lastSummary?.service == "GET(selective)")
    }

    /// 100 kB of canned answer: the usual block transfer (blocks of PDU − 12) and, through
    /// the harness, HDLC segmentation; the client reassembles exactly the bytes.
    @Test func largeAnswerGoesInBlocksAndSegments() {
        let payload = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        let value = DLMSData.octetString(payload)
        var rig = HostileAppRig(Self.answering(Self.meterCounts, value.encoded))
        #expect(rig.associate() == true)
        var block = HostileAppRig.block(rig.get(Self.meterCounts))
        var raw: [UInt8] = []
        var numbers: [UInt32] = []
        while let b = block {
            numbers.append(b.blockNumber)
            raw += HostileAppRig.raw(b) ?? []
            if b.lastBlock { break }
            #expect(HostileAppRig.raw(b)?.count == 1024 - 12)
            block = HostileAppRig.block(rig.next(b.blockNumber))
        }
        #expect(numbers == Array(1...UInt32(numbers.count)))
        #expect(numbers.count == (value.encoded.count + 1011) / 1012)
        #expect(raw == value.encoded)

        var h = SimulatorHarness()
        h.application.hostile = Self.answering(Self.meterCounts, value.encoded)
        var c = h.connect()
        #expect(h.value(&c, Self.meterCounts) == value)
        #expect(c.lastBlocks.count == numbers.count)
    }

    /// Attributes without a canned answer, long ones in blocks included, answer exactly as
    /// the plain device does.
    @Test func otherAttributesAreUntouched() {
        var rig = HostileAppRig(Self.answering(Self.meterCounts, Self.hostileCounts))
        var plain = HostileAppRig()
        #expect(rig.associate() == true)
        #expect(plain.associate() == true)
        #expect(rig.get("7/1.0.98.2.0.255/2") == plain.get("7/1.0.98.2.0.255/2"))
        for n in UInt32(1)...3 { #expect(rig.next(n) == plain.next(n)) }
        #expect(rig.getList(["1/0.0.96.1.0.255/2", "8/0.0.1.0.0.255/2"]) == plain.getList(["1/0.0.96.1.0.255/2", "8/0.0.1.0.0.255/2"]))
    }

    // MARK: - endless-blocks

    /// Every GET-Request-Next gets the next block, never the last one: 60 in a row.
    @Test func endlessBlocksNeverEnd() {
        var rig = HostileAppRig(HostileBehaviour(modes: [.endlessBlocks]))
        #expect(rig.associate(maxPDU: 256) == true)
        guard let first = HostileAppRig.block(rig.get(Self.meterCounts)) else { Issue.record("no datablock"); return }
        #expect(!first.lastBlock && first.blockNumber == 1)
        #expect(HostileAppRig.raw(first)?.starts(with: [0x02, 0x03, 0x12]) == true)   // the real counts first
        #expect(HostileAppRig.raw(first)?.count == 256 - 12)
        var number = first.blockNumber
        for _ in 0..<60 {
            guard let block = HostileAppRig.block(rig.next(number)) else { Issue.record("no datablock after \(number)"); return }
            #expect(!block.lastBlock)
            #expect(block.blockNumber == number + 1)
            #expect(HostileAppRig.raw(block)?.count == 256 - 12)
            number = block.blockNumber
        }
        #expect(number == 61)
        // The plain device answers the same GET at once.
        var plain = HostileAppRig()
        #expect(plain.associate(maxPDU: 256) == true)
        #expect(HostileAppRig.block(plain.get(Self.meterCounts)) == nil)
    }

    /// A GET-with-list too; and a canned answer is followed by filler instead of ending.
    @Test func endlessBlocksForListsAndCannedAnswers() {
        var behaviour = Self.answering(Self.meterCounts, Self.hostileCounts)
        behaviour.modes = [.endlessBlocks]
        var rig = HostileAppRig(behaviour)
        #expect(rig.associate() == true)
        let first = HostileAppRig.block(rig.get(Self.meterCounts))
        #expect(first?.lastBlock == false)
        #expect(HostileAppRig.raw(first)?.starts(with: Self.hostileCounts) == true)
        let list = HostileAppRig.block(rig.getList(["1/0.0.96.1.0.255/2", "8/0.0.1.0.0.255/2"]))
        #expect(list?.lastBlock == false && list?.blockNumber == 1)
        #expect(HostileAppRig.raw(list)?.starts(with: [0x02, 0x00, 0x0A, 0x08]) == true)
        for n in UInt32(1)...50 { #expect(HostileAppRig.block(rig.next(n))?.lastBlock == false) }
    }

    // MARK: - huge-array

    /// The meter list claims 0xFFFFFFFF entries and real-looking rows keep coming in blocks.
    @Test func hugeArrayMeterList() throws {
        var rig = HostileAppRig(HostileBehaviour(modes: [.hugeArray]))
        #expect(rig.associate() == true)
        let first = try #require(HostileAppRig.block(rig.get(Self.meterList)))
        let head = try #require(HostileAppRig.raw(first))
        #expect(head.starts(with: [0x01, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x02, 0x07, 0x12, 0x00, 0x01]))
        #expect(!first.lastBlock && first.blockNumber == 1)
        var raw = head
        var number = first.blockNumber
        for _ in 0..<60 {
            let block = try #require(HostileAppRig.block(rig.next(number)))
            #expect(!block.lastBlock && block.blockNumber == number + 1)
            raw += HostileAppRig.raw(block) ?? []
            number = block.blockNumber
        }
        // Entries after the header: the device's 5 meters, round and round.
        var reader = ByteReader(raw, from: 6)
        var points: [DLMSData] = []
        while reader.remaining > 200, case .structure(let row) = try DLMSData.decode(from: &reader) {
            #expect(row.count == 7)
            points.append(row[0])
        }
        #expect(points.count > 300)
        #expect(Array(points.prefix(7)) == [1, 2, 3, 4, 5, 1, 2].map { DLMSData.longUnsigned($0) })
    }

    /// Without meters the array still claims 0xFFFFFFFF entries, with made-up rows 1, 2, 3…;
    /// an attribute that is no array answers as usual.
    @Test func hugeArrayWithoutMetersAndNonArrays() throws {
        var rig = HostileAppRig(HostileBehaviour(modes: [.hugeArray]), meters: 0)
        var plain = HostileAppRig(meters: 0)
        #expect(rig.associate() == true)
        #expect(plain.associate() == true)
        let raw = try #require(HostileAppRig.raw(HostileAppRig.block(rig.get(Self.meterList))))
        var reader = ByteReader(raw, from: 6)
        #expect(raw.starts(with: [0x01, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]))
        for point in UInt16(1)...3 {
            guard case .structure(let row) = try DLMSData.decode(from: &reader) else { Issue.record("no row"); return }
            #expect(row.first == .longUnsigned(point))
        }
        #expect(rig.get(Self.meterCounts) == plain.get(Self.meterCounts))
        #expect(rig.get("1/0.0.96.1.0.255/2") == plain.get("1/0.0.96.1.0.255/2"))
    }

    /// The application modes work on the IEC 62056-47 wrapper too (no HDLC below them).
    @Test func applicationModesOnTheWrapper() async throws {
        var behaviour = Self.answering(Self.meterCounts, Self.hostileCounts)
        behaviour.modes = [.hugeArray]
        var application = ServerApplication(device: DeviceState(configuration: .init(meters: 5, seed: 7), now: HostileAppRig.now))
        application.hostile = behaviour
        let server = SimulatorServer(device: SharedDevice(application))
        let (client, end) = MemoryChannel.pair()
        let task = Task { await server.serveWrapper(channel: end) }
        defer { task.cancel() }
        var wrapper = WrapperClient(channel: client, client: 16)
        #expect(try await wrapper.associate().isAccepted)
        #expect(try await wrapper.get(Self.meterCounts) == .data(.structure(Array(repeating: .long64Unsigned(.max), count: 3))))
        let answer = try await wrapper.exchange(.getRequest(.normal(invokeID: HostileAppRig.invoke,
                                                                    attribute: CosemAttributeDescriptor(Self.meterList)!, access: nil)))
        guard case .getResponse(.withDataBlock(_, let block)) = answer, case .raw(let raw) = block.result else {
            Issue.record("no datablock: \(answer)"); return
        }
        #expect(!block.lastBlock && raw.starts(with: [0x01, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]))
        await client.close()
    }

    /// Blocks of a hostile GET end with the association; a new one starts clean.
    @Test func hostileTransferEndsWithTheAssociation() {
        var rig = HostileAppRig(HostileBehaviour(modes: [.endlessBlocks]))
        #expect(rig.associate() == true)
        #expect(HostileAppRig.block(rig.get(Self.meterCounts))?.lastBlock == false)
        rig.application.disconnected(connection: 1)
        #expect(rig.application.hostileGets.isEmpty)
        #expect(rig.associate() == true)
        // GET-next without a transfer: the device's own answer (no long GET in progress).
        #expect(HostileAppRig.block(rig.next(1))?.result == .error(.noLongGetInProgress))
    }
}
