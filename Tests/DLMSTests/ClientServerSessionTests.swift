import Testing
@testable import DLMS

/// Our client against our server session and a test meter, in memory: segmentation,
/// windows, lost frames, block transfer, retries.
@Suite struct ClientServerSessionTests {
    static let serial = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, 0, 255), attribute: 2)
    static let profile = CosemAttributeDescriptor(classID: 7, instance: OBISCode(1, 0, 98, 2, 0, 255), attribute: 2)
    static let serverAddress = HDLCAddress.server(upper: 1, lower: 1001, size: 4)

    /// A profile-like value: `rows` structures of a date-time and two energies.
    static func rows(_ n: Int) -> DLMSData {
        var rows: [DLMSData] = []
        for i in 0..<n {
            let stamp: [UInt8] = [0x07, 0xEA, 0x0B, UInt8(i % 28 + 1), 0xFF, 0, 0, 0, 0, 0x80, 0, 0]
            let energy = UInt32(1_000_000 + i * 37)
            rows.append(.structure([.octetString(stamp), .doubleLongUnsigned(energy), .doubleLongUnsigned(UInt32(i))]))
        }
        return .array(rows)
    }

    static func harness(maxInfo: Int = 2030, window: Int = 7, serverMaxInfo: Int = 2030, serverWindow: Int = 7,
                        password: String? = "admin@emis", clientPassword: String? = "admin@emis",
                        objects: [CosemAttributeDescriptor: DLMSData] = [:]) -> SessionHarness {
        let client = ClientConfiguration(
            clientAddress: clientPassword == nil ? 16 : 32,
            authentication: clientPassword.map { .low(password: Array($0.utf8)) } ?? .none,
            proposal: HDLCParameters(maxInfoTransmit: maxInfo, maxInfoReceive: maxInfo,
                                     windowTransmit: window, windowReceive: window))
        let server = ServerSession.Configuration(
            address: serverAddress,
            limits: HDLCParameters(maxInfoTransmit: serverMaxInfo, maxInfoReceive: serverMaxInfo,
                                   windowTransmit: serverWindow, windowReceive: serverWindow))
        var meter = TestMeter(objects: objects)
        meter.password = password.map { Array($0.utf8) }
        return SessionHarness(client: client, server: server, meter: meter)
    }

    static func frames(_ raw: [[UInt8]]) -> [HDLCFrame] { raw.compactMap { try? HDLCFrame(decoding: $0) } }

    @Test func segmentedAARQAtMaxInfo32() {
        var h = Self.harness(maxInfo: 32, window: 1)
        h.run { $0.connect() }
        guard case .associated(let info)? = h.outcomes.first else { Issue.record("\(h.outcomes)"); return }
        #expect(info.link == HDLCParameters(maxInfoTransmit: 32, maxInfoReceive: 32, windowTransmit: 1, windowReceive: 1))
        #expect(info.serverAddress == Self.serverAddress, "answered from its own address though called at all-station")
        let sent = Self.frames(h.framesToServer)
        // SNRM, then the 61-byte AARQ (+3 LLC) in two segments of at most 32 bytes.
        let iFrames = sent.filter { if case .information = $0.control { return true } else { return false } }
        #expect(iFrames.count == 2)
        #expect(iFrames.map(\.segmented) == [true, false])
        #expect(iFrames.allSatisfy { $0.information.count <= 32 })
        #expect(sent.allSatisfy { $0.destination.isAllStation }, "keeps calling the all-station address")
        // The server acknowledged the first segment with RR(1).
        let answers = Self.frames(h.framesToClient)
        #expect(answers.contains { $0.control == .receiveReady(receiveSequence: 1, poll: true) })
    }

    @Test func threeBlockGet() {
        let value = Self.rows(60)     // ~1.4 kB encoded
        var h = Self.harness(objects: [Self.profile: value])
        h.meter.blockSize = value.encoded.count / 3 + 1
        h.run { $0.connect() }
        h.run { $0.request(.get([AttributeWithAccess(Self.profile)])) }
        #expect(h.meter.getNextCount == 2)
        #expect(h.outcomes.contains(.deliver(.get([.data(value)]))))
        let blocks = h.outcomes.filter { if case .blockReceived = $0 { return true } else { return false } }
        #expect(blocks.count == 3)
    }

    @Test func windowOfSevenRecoversALostFrame() {
        let value = Self.rows(40)     // ~940 bytes: 15 segments of 64 bytes
        var h = Self.harness(maxInfo: 64, window: 7, serverMaxInfo: 64, objects: [Self.profile: value])
        h.meter.blockSize = 4096
        h.run { $0.connect() }
        let before = h.framesToClient.count
        // Lose the third frame of the server's answer, once.
        var lost = false
        h.drop = { direction, _, bytes in
            guard direction == .toClient, !lost, let f = try? HDLCFrame(decoding: bytes),
                  case .information(2, _, _) = f.control, f.segmented else { return false }
            lost = true
            return true
        }
        h.run { $0.request(.get([AttributeWithAccess(Self.profile)])) }
        #expect(lost)
        #expect(h.outcomes.contains(.deliver(.get([.data(value)]))))
        let answer = Self.frames(Array(h.framesToClient[before...]))
        // Some frames went twice (go-back-N from the lost one), and bursts were up to 7.
        let iCount = answer.filter { if case .information = $0.control { return true } else { return false } }.count
        #expect(iCount > 15)
        #expect(h.client.ignoredFrames == 0)
    }

    @Test func lostRequestIsPolledAndSentAgain() {
        var h = Self.harness(objects: [Self.serial: .octetString(Array("95100001".utf8))])
        h.run { $0.connect() }
        var dropped = false
        h.drop = { direction, _, bytes in
            guard direction == .toServer, !dropped, let f = try? HDLCFrame(decoding: bytes),
                  case .information = f.control else { return false }
            dropped = true
            return true
        }
        h.run { $0.request(.get([AttributeWithAccess(Self.serial)])) }
        #expect(dropped)
        #expect(h.timerFirings == 1)
        #expect(h.outcomes.contains(.deliver(.get([.data(.octetString(Array("95100001".utf8)))]))))
    }

    @Test func lostAnswerIsPolledAndSentAgain() {
        var h = Self.harness(objects: [Self.serial: .octetString(Array("95100001".utf8))])
        h.run { $0.connect() }
        var dropped = false
        h.drop = { direction, _, bytes in
            guard direction == .toClient, !dropped, let f = try? HDLCFrame(decoding: bytes),
                  case .information = f.control else { return false }
            dropped = true
            return true
        }
        h.run { $0.request(.get([AttributeWithAccess(Self.serial)])) }
        #expect(h.timerFirings == 1)
        #expect(h.outcomes.contains(.deliver(.get([.data(.octetString(Array("95100001".utf8)))]))))
    }

    @Test func deadServerDuringRequestFailsAfterFourTries() {
        var h = Self.harness(objects: [Self.serial: .octetString([1])])
        h.run { $0.connect() }
        h.serverAlive = false
        h.run { $0.request(.get([AttributeWithAccess(Self.serial)])) }
        #expect(h.timerFirings == 4)
        #expect(h.outcomes.last == .fail(.noResponse(attempts: 4)))
        #expect(h.client.isClosed)
    }

    @Test func wrongPasswordIsRejected() {
        var h = Self.harness(clientPassword: "wrong")
        h.run { $0.connect() }
        #expect(h.outcomes.first == .fail(.associationRejected(.rejectedPermanent, diagnostic: .authenticationFailure)))
        #expect(h.outcomes.last == .disconnected)
        #expect(!h.server.isConnected)
    }

    @Test func listIsOneRoundTripAndSplitByPDU() {
        var objects: [CosemAttributeDescriptor: DLMSData] = [:]
        let attributes = (0..<40).map { i in
            CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, UInt8(i), 255), attribute: 2)
        }
        for (i, a) in attributes.enumerated() { objects[a] = .longUnsigned(UInt16(i)) }
        var h = Self.harness(objects: objects)
        h.meter.serverMaxPDU = 256     // 40 descriptors of 10 bytes do not fit in one request
        h.run { $0.connect() }
        let before = h.framesToServer.count
        h.run { $0.request(.get(attributes.map { AttributeWithAccess($0) })) }
        #expect(h.outcomes.contains(.deliver(.get((0..<40).map { .data(.longUnsigned(UInt16($0))) }))))
        let requests = Self.frames(Array(h.framesToServer[before...]))
        #expect(requests.count == 2, "two lists of at most 256 bytes each")
        #expect(requests.allSatisfy { $0.information.count <= 256 + 3 })
    }

    @Test func longSetGoesInBlocks() {
        var h = Self.harness()
        h.meter.serverMaxPDU = 128
        h.run { $0.connect() }
        let value = DLMSData.octetString(Array(repeating: 0x5A, count: 400))
        h.run { $0.request(.set(Self.serial, value)) }
        #expect(h.outcomes.contains(.deliver(.set(.success))))
        #expect(h.meter.writes.last?.1 == value)
    }

    @Test func cancelStopsBetweenBlocks() {
        let value = Self.rows(60)
        var h = Self.harness(objects: [Self.profile: value])
        h.meter.blockSize = 200
        h.run { $0.connect() }
        h.run { session in
            var actions = session.request(.get([AttributeWithAccess(Self.profile)]))
            actions += session.cancel()
            return actions
        }
        #expect(h.outcomes.contains(.requestFailed(.cancelled)))
        #expect(h.meter.getNextCount == 0)
        // The association is still there for the next request.
        h.meter.objects[Self.serial] = .unsigned(7)
        h.run { $0.request(.get([AttributeWithAccess(Self.serial)])) }
        #expect(h.outcomes.last == .deliver(.get([.data(.unsigned(7))])))
    }

    @Test func releaseThenDisconnect() {
        var h = Self.harness(password: nil, clientPassword: nil)
        h.run { $0.connect() }
        h.run { $0.release() }
        #expect(h.outcomes.suffix(2) == [.released, .disconnected])
        #expect(!h.server.isConnected)
    }

    @Test(arguments: [false, true]) func longListComesInBlocks(taggedAsList: Bool) {
        let value = Self.rows(60)
        var h = Self.harness(objects: [Self.serial: .octetString(Array("EMI2024000123".utf8)), Self.profile: value])
        h.meter.blockSize = 500
        h.meter.listBlocksTaggedAsList = taggedAsList     // Gurux's way when true
        h.run { $0.connect() }
        h.run { $0.request(.get([AttributeWithAccess(Self.serial), AttributeWithAccess(Self.profile)])) }
        #expect(h.outcomes.last == .deliver(.get([.data(.octetString(Array("EMI2024000123".utf8))), .data(value)])))
        #expect(h.meter.getNextCount >= 2)
    }

    @Test func listTheDeviceCannotFinishIsReadOneByOne() {
        let value = Self.rows(60)
        var h = Self.harness(objects: [Self.serial: .octetString(Array("EMI2024000123".utf8)), Self.profile: value])
        h.meter.blockSize = 500
        h.meter.listBlocksTaggedAsList = true
        h.meter.listContinuationBroken = true
        h.run { $0.connect() }
        h.run { $0.request(.get([AttributeWithAccess(Self.serial), AttributeWithAccess(Self.profile)])) }
        #expect(h.outcomes.last == .deliver(.get([.data(.octetString(Array("EMI2024000123".utf8))), .data(value)])))
        #expect(h.client.listsRefused)
    }
}
