import Testing
@testable import DLMS

/// Byte-exact scripts of a client session against the frames of PROTOCOL.md §6 #10
/// (client 32, server upper address 1 in the one-byte form, LLS "admin@emis").
@Suite struct ClientSessionScriptTests {
    static func hex(_ s: String) -> [UInt8] { Hex.bytes(s)! }

    static let snrm = hex("7E A0 07 03 41 93 5A 64 7E")
    static let aarq = hex("7E A0 46 03 41 10 C5 D8 E6 E6 00 60 38 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0C 80 0A 61 64 6D 69 6E 40 65 6D 69 73 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF 6D E0 7E")
    static let aareOK = hex("7E A0 37 41 03 30 21 79 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 00 00 07 E0 A6 7E")
    static let getClock = hex("7E A0 19 03 41 32 3A BD E6 E6 00 C0 01 C1 00 08 00 00 01 00 00 FF 02 00 60 1A 7E")
    static let clockResponse = hex("7E A0 1E 41 03 52 05 4F E6 E7 00 C4 01 C1 00 09 0C 07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00 3C 4C 7E")
    static let disc = hex("7E A0 07 03 41 53 56 A2 7E")

    static var configuration: ClientConfiguration {
        ClientConfiguration(clientAddress: 32, serverAddress: .server(upper: 1, lower: nil),
                            authentication: .low(password: Array("admin@emis".utf8)),
                            proposal: .defaults, proposedConformance: Conformance(rawValue: 0x00_1E_1D),
                            maxReceivePDUSize: 0xFFFF)
    }

    static func ua(from server: HDLCAddress = .server(upper: 1, lower: nil)) -> [UInt8] {
        HDLCFrame(destination: .client(32), source: server, control: .unnumberedAcknowledge(poll: true)).encoded()
    }

    static func sends(_ actions: [ClientAction]) -> [[UInt8]] {
        actions.compactMap { if case .send(let b) = $0 { return b } else { return nil } }
    }

    @Test func readsTheClockByteForByte() {
        var session = ClientSession(configuration: Self.configuration)
        #expect(Self.sends(session.connect()) == [Self.snrm])
        #expect(Self.sends(session.bytesReceived(Self.ua())) == [Self.aarq])
        let associated = session.bytesReceived(Self.aareOK)
        guard case .associated(let info)? = associated.last else {
            Issue.record("not associated: \(associated)"); return
        }
        #expect(info.conformance == Conformance(rawValue: 0x00_1E_1D))
        #expect(info.serverMaxReceivePDUSize == 1024)
        #expect(info.link == .defaults)

        let clock = CosemAttributeDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2)
        #expect(Self.sends(session.request(.get([AttributeWithAccess(clock)]))) == [Self.getClock])
        // The response arrives in three pieces; only the last completes it.
        #expect(session.bytesReceived(Self.clockResponse[0..<5]).isEmpty)
        #expect(session.bytesReceived(Self.clockResponse[5..<20]).isEmpty)
        let delivered = session.bytesReceived(Self.clockResponse[20...])
        let value = DLMSData.octetString(Self.hex("07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00"))
        #expect(delivered.contains(.deliver(.get([.data(value)]))))
        #expect(Self.sends(session.disconnect()) == [Self.disc])
        #expect(session.bytesReceived(Self.ua()).contains(.disconnected))
        #expect(session.isClosed)
    }

    @Test func aLostUAToTheDISCCostsASecondNotAResponseTimeout() {
        var session = ClientSession(configuration: Self.configuration)
        _ = session.connect()
        _ = session.bytesReceived(Self.ua())
        _ = session.bytesReceived(Self.aareOK)
        let actions = session.disconnect()
        #expect(Self.sends(actions) == [Self.disc])
        #expect(actions.contains(.startTimer(.seconds(1))))
        #expect(session.timerFired() == [.disconnected])
        #expect(session.isClosed)
    }

    @Test func wrongPasswordIsARejectionAndDisconnects() {
        var session = ClientSession(configuration: Self.configuration)
        _ = session.connect()
        _ = session.bytesReceived(Self.ua())
        // The same AARE with result 1 and diagnostic 13 — it still carries an InitiateResponse.
        let refused = Self.hex("7E A0 37 41 03 30 21 79 E6 E7 00 61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 0D BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 00 00 07 F3 1F 7E")
        let actions = session.bytesReceived(refused)
        #expect(actions.contains(.fail(.associationRejected(.rejectedPermanent, diagnostic: .authenticationFailure))))
        #expect(Self.sends(actions) == [Self.disc])
        #expect(!session.isAssociated)
    }

    /// A device that answers naming HLS (mechanism 2, 5…) wants an authentication the
    /// program does not do: said as such, not as a wrong password.
    @Test(arguments: [MechanismName.high, .highGMAC])
    func anAARENamingHighLevelSecurityIsSaidSo(mechanism: MechanismName) {
        var session = ClientSession(configuration: Self.configuration)
        _ = session.connect()
        _ = session.bytesReceived(Self.ua())
        let aare = APDU.aare(AARE(result: .rejectedPermanent, diagnostic: .serviceUser(14), mechanism: mechanism, userInformation: nil))
        let frame = HDLCFrame(destination: .client(32), source: .server(upper: 1, lower: nil),
                              control: .information(sendSequence: 0, receiveSequence: 1, poll: true),
                              information: LLC.response + aare.encoded()).encoded()
        let actions = session.bytesReceived(frame)
        #expect(actions.contains(.fail(.needsHighLevelSecurity(mechanism))), "\(actions)")
        #expect(Self.sends(actions) == [Self.disc])
    }

    @Test func echoedFramesAndGarbageAreIgnored() {
        var session = ClientSession(configuration: Self.configuration)
        _ = session.connect()
        // An optical head echoes what we sent; line noise precedes the answer.
        let actions = session.bytesReceived(Self.snrm + [0x00, 0x7E, 0x13] + Self.ua())
        #expect(Self.sends(actions) == [Self.aarq])
        #expect(session.ignoredFrames == 1)
    }

    @Test func silentServerFailsAfterFourTriesProposalTwiceThenPlain() {
        var config = Self.configuration
        config.proposal = HDLCParameters(maxInfoTransmit: 2030, maxInfoReceive: 2030, windowTransmit: 7, windowReceive: 7)
        var session = ClientSession(configuration: config)
        var sent = Self.sends(session.connect())
        #expect(sent.count == 1)
        let proposal = try? HDLCFrame(decoding: sent[0])
        #expect(proposal?.information.isEmpty == false)
        // The first silence: a lost frame, most likely — the same proposal again.
        let again = session.timerFired()
        #expect(Self.sends(again) == [proposal?.encoded() ?? []], "after one silence the proposal is sent again")
        #expect(again.contains(.startTimer(.seconds(5))))
        for _ in 0..<2 {
            let actions = session.timerFired()
            sent = Self.sends(actions)
            #expect(sent == [Self.snrm], "after two silences the client asks with a plain SNRM")
            #expect(actions.contains(.startTimer(.seconds(5))))
        }
        #expect(session.timerFired() == [.fail(.noResponse(attempts: 4))])
        #expect(session.isClosed)
    }

    @Test func proposalLostOnceStillNegotiatesLargeFrames() {
        var config = Self.configuration
        config.proposal = HDLCParameters(maxInfoTransmit: 2030, maxInfoReceive: 2030, windowTransmit: 7, windowReceive: 7)
        var session = ClientSession(configuration: config)
        _ = session.connect()
        _ = session.timerFired()                      // the proposal (or its UA) was lost
        #expect(Self.sends(session.bytesReceived(Self.ua())) == [Self.aarq])
        let actions = session.bytesReceived(Self.aareOK)
        guard case .associated(let info)? = actions.last else { Issue.record("\(actions)"); return }
        #expect(!info.usedPlainSNRM)
    }

    @Test func refusedProposalFallsBackToPlainSNRM() {
        var config = Self.configuration
        config.proposal = HDLCParameters(maxInfoTransmit: 2030, maxInfoReceive: 2030, windowTransmit: 7, windowReceive: 7)
        var session = ClientSession(configuration: config)
        _ = session.connect()
        let dm = HDLCFrame(destination: .client(32), source: .server(upper: 1, lower: nil),
                           control: .disconnectedMode(poll: true)).encoded()
        #expect(Self.sends(session.bytesReceived(dm)) == [Self.snrm])
        #expect(Self.sends(session.bytesReceived(Self.ua())) == [Self.aarq])
        let actions = session.bytesReceived(Self.aareOK)
        guard case .associated(let info)? = actions.last else { Issue.record("\(actions)"); return }
        #expect(info.usedPlainSNRM)
    }

    @Test func requestBeforeAssociationIsIllegal() {
        var session = ClientSession(configuration: Self.configuration)
        let actions = session.request(.get([]))
        guard case .requestFailed(.illegalTransition)? = actions.first else { Issue.record("\(actions)"); return }
    }

    /// IEC 62056-47: no SNRM, the AARQ first, one wrapper PDU per APDU, no DISC.
    @Test func wrapperSessionIsAPDUsInWrapperPDUs() throws {
        var config = Self.configuration
        config.framing = .wrapper
        var session = ClientSession(configuration: config)
        let connect = Self.sends(session.connect())
        let aarqAPDU = Array(Self.aarq[11..<(Self.aarq.count - 3)])           // the APDU inside the §6 #10 frame
        #expect(connect == [[0x00, 0x01, 0x00, 0x20, 0x00, 0x01, 0x00, UInt8(aarqAPDU.count)] + aarqAPDU])
        let aareAPDU = Array(Self.aareOK[11..<(Self.aareOK.count - 3)])
        let aare = try #require(WrapperCodec.encode(.init(source: 1, destination: 32, apdu: aareAPDU)))
        // Split anywhere: the wrapper header says where the APDU ends.
        #expect(session.bytesReceived(aare[0..<5]).isEmpty)
        let associated = session.bytesReceived(aare[5...])
        guard case .associated? = associated.last else { Issue.record("\(associated)"); return }
        let clock = CosemAttributeDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2)
        let get = Self.sends(session.request(.get([AttributeWithAccess(clock)])))
        #expect(get.first.map { Array($0[8...]) } == Array(Self.getClock[11..<(Self.getClock.count - 3)]))
        let responseAPDU = Array(Self.clockResponse[11..<(Self.clockResponse.count - 3)])
        let response = try #require(WrapperCodec.encode(.init(source: 1, destination: 32, apdu: responseAPDU)))
        let value = DLMSData.octetString(Self.hex("07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00"))
        #expect(session.bytesReceived(response).contains(.deliver(.get([.data(value)]))))
        _ = session.release()
        let rlre = try #require(WrapperCodec.encode(.init(source: 1, destination: 32, apdu: [0x63, 0x03, 0x80, 0x01, 0x00])))
        #expect(session.bytesReceived(rlre).suffix(2) == [.stopTimer, .disconnected])
        #expect(session.isClosed)
    }
}
