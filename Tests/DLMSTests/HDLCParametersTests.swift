import Testing
@testable import DLMS

@Suite struct HDLCParametersTests {
    static func info(_ name: String) throws -> [UInt8] {
        try HDLCFrame(decoding: HDLCVectors.named(name).bytes).information
    }

    static func params(_ name: String) throws -> HDLCParameters {
        try HDLCParameters(information: info(name))
    }

    typealias P = HDLCParameters

    @Test func decodesEverySNRMAndUA() throws {
        // §6 #1: bare SNRM; UA 154/154, windows 1 on 4 bytes.
        #expect(try Self.params("§6 #1 SNRM") == .defaults)
        #expect(try Self.params("§6 #1 UA") == P(maxInfoTransmit: 154, maxInfoReceive: 154, windowTransmit: 1, windowReceive: 1))
        // §6 #3: 1010 on 2 bytes, windows left out.
        #expect(try Self.params("§6 #3 SNRM") == P(maxInfoTransmit: 1010, maxInfoReceive: 1010))
        #expect(try Self.params("§6 #3 UA") == P(maxInfoTransmit: 1010, maxInfoReceive: 1010))
        // §6 #4: bare SNRM; UA 128 / 62.
        #expect(try Self.params("§6 #4 SNRM") == .defaults)
        #expect(try Self.params("§6 #4 UA") == P(maxInfoTransmit: 128, maxInfoReceive: 62))
        // §6 #5: bare SNRM; UA writes the defaults out.
        #expect(try Self.params("§6 #5 SNRM") == .defaults)
        #expect(try Self.params("§6 #5 UA") == .defaults)
        // §6 #7: 240/240, windows of 1 on 4 bytes. §6 #10: bare SNRM.
        #expect(try Self.params("§6 #7 SNRM") == P(maxInfoTransmit: 240, maxInfoReceive: 240))
        #expect(try Self.params("§6 #10 SNRM") == .defaults)
        // Gurux traces.
        #expect(try Self.params("session1 SNRM") == .defaults)
        #expect(try Self.params("session1 UA") == .defaults)
        let w3 = P(maxInfoTransmit: 32, maxInfoReceive: 32, windowTransmit: 3, windowReceive: 3)
        #expect(try Self.params("session2 SNRM window 3") == w3)
        #expect(try Self.params("session2 UA window 3") == w3)
    }

    @Test func encodesCanonically() throws {
        // §6 #3 SNRM: `81 80 08 05 02 03 F2 06 02 03 F2`, only non-default values.
        #expect(P(maxInfoTransmit: 1010, maxInfoReceive: 1010).encodedInformation(onlyNonDefault: true)
                == (try Self.info("§6 #3 SNRM")))
        // Bare SNRMs (§6 #1, #4, #5, #10): no information field at all.
        #expect(P.defaults.encodedInformation(onlyNonDefault: true) == [])
        #expect(HDLCFrame(destination: .server(upper: 1, lower: nil), source: .client(16),
                          control: .setNormalResponseMode(poll: true),
                          information: P.defaults.encodedInformation(onlyNonDefault: true)).encoded()
                == HDLCVectors.named("§6 #4 SNRM").bytes)
        // All four, fewest bytes (the decode-only UAs write windows on 4 bytes instead).
        #expect(P.defaults.encodedInformation(onlyNonDefault: false)
                == [0x81, 0x80, 0x0C, 0x05, 0x01, 0x80, 0x06, 0x01, 0x80, 0x07, 0x01, 0x01, 0x08, 0x01, 0x01])
        #expect(P(maxInfoTransmit: 32, maxInfoReceive: 32, windowTransmit: 3, windowReceive: 3).encodedInformation(onlyNonDefault: true)
                == [0x81, 0x80, 0x0C, 0x05, 0x01, 0x20, 0x06, 0x01, 0x20, 0x07, 0x01, 0x03, 0x08, 0x01, 0x03])
        #expect(P(maxInfoReceive: 62).encodedInformation(onlyNonDefault: true) == [0x81, 0x80, 0x03, 0x06, 0x01, 0x3E])
        #expect(P(windowReceive: 70000).encodedInformation(onlyNonDefault: true)
                == [0x81, 0x80, 0x06, 0x08, 0x04, 0x00, 0x01, 0x11, 0x70])
        #expect(P(maxInfoTransmit: 256).encodedInformation(onlyNonDefault: true) == [0x81, 0x80, 0x04, 0x05, 0x02, 0x01, 0x00])
    }

    @Test func roundTrips() throws {
        for p in [P.defaults, P(maxInfoTransmit: 2030, maxInfoReceive: 32, windowTransmit: 7, windowReceive: 2),
                  P(maxInfoTransmit: 255, maxInfoReceive: 256, windowTransmit: 1, windowReceive: 65536)] {
            #expect(try P(information: p.encodedInformation(onlyNonDefault: true)) == p)
            #expect(try P(information: p.encodedInformation(onlyNonDefault: false)) == p)
        }
    }

    @Test func skipsUnknownIdentifiers() throws {
        let info: [UInt8] = [0x81, 0x80, 0x0A, 0x09, 0x03, 0xAA, 0xBB, 0xCC, 0x06, 0x01, 0x40, 0x0B, 0x00]
        #expect(try P(information: info) == P(maxInfoReceive: 64))
    }

    @Test func rejectsMalformed() {
        let bad: [[UInt8]] = [
            [0x81], [0x82, 0x80, 0x00], [0x81, 0x81, 0x00],
            [0x81, 0x80, 0x04, 0x05, 0x01, 0x80],             // group length larger than present
            [0x81, 0x80, 0x02, 0x05, 0x01, 0x80],             // smaller: trailing bytes
            [0x81, 0x80, 0x03, 0x05, 0x02, 0x80],             // value runs past the group
            [0x81, 0x80, 0x05, 0x05, 0x03, 0x00, 0x00, 0x80], // 3-byte value
            [0x81, 0x80, 0x02, 0x07, 0x00],                   // empty value
            [0x81, 0x80, 0x01, 0x05],                         // id without length
        ]
        for info in bad {
            #expect(throws: HDLCError.badParameters, "\(info)") { try P(information: info) }
        }
    }

    @Test func truncatedAtEveryCut() throws {
        let info = try Self.info("§6 #1 UA")
        for cut in 1..<info.count {
            #expect(throws: HDLCError.badParameters) { try P(information: Array(info.prefix(cut))) }
        }
        #expect(try P(information: []) == .defaults)
    }

    // MARK: - Negotiation (SNRM → UA → client)

    @Test func serverNegotiatesEachSessionOfSection6() throws {
        // §6 #3: proposal 1010/1010, a server able to do 2030 answers 1010/1010, windows 1.
        let p3 = try Self.params("§6 #3 SNRM")
        let ua3 = p3.negotiated(withServerLimits: P(maxInfoTransmit: 2030, maxInfoReceive: 2030))
        #expect(ua3 == (try Self.params("§6 #3 UA")))
        #expect(p3.clientView(ofUA: ua3) == P(maxInfoTransmit: 1010, maxInfoReceive: 1010))

        // §6 #4: bare SNRM, a server sending up to 128 but receiving only 62.
        let p4 = try Self.params("§6 #4 SNRM")
        let ua4 = p4.negotiated(withServerLimits: P(maxInfoTransmit: 128, maxInfoReceive: 62))
        #expect(ua4 == (try Self.params("§6 #4 UA")))
        // The client may send 62 (what the server receives) and receives 128.
        #expect(p4.clientView(ofUA: ua4) == P(maxInfoTransmit: 62, maxInfoReceive: 128))

        // §6 #5: bare SNRM, a default server: all defaults.
        let p5 = try Self.params("§6 #5 SNRM")
        #expect(p5.negotiated(withServerLimits: .defaults) == (try Self.params("§6 #5 UA")))

        // §6 #7: 240/240 proposed to a 128-byte, window-7 server: 128/128, window 1.
        let p7 = try Self.params("§6 #7 SNRM")
        let ua7 = p7.negotiated(withServerLimits: P(maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 7, windowReceive: 7))
        #expect(ua7 == P(maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 1, windowReceive: 1))
        #expect(ua7.encodedInformation(onlyNonDefault: true) == [])

        // session2: 32/32, window 3 proposed and confirmed.
        let ps = try Self.params("session2 SNRM window 3")
        let uas = ps.negotiated(withServerLimits: P(maxInfoTransmit: 32, maxInfoReceive: 32, windowTransmit: 3, windowReceive: 3))
        #expect(uas == (try Self.params("session2 UA window 3")))
        #expect(ps.clientView(ofUA: uas) == uas)

        // §6 #1: the server answers 154 to a bare SNRM (more than proposed). The client takes
        // the UA as stated; a conforming negotiation would never exceed the proposal.
        let p1 = try Self.params("§6 #1 SNRM")
        let ua1 = try Self.params("§6 #1 UA")
        #expect(p1.clientView(ofUA: ua1) == P(maxInfoTransmit: 154, maxInfoReceive: 154))
        #expect(p1.negotiated(withServerLimits: ua1) == .defaults)
    }

    /// Every direction on its own: each value lands where PROTOCOL.md §1 says.
    @Test func directionsAreNotSwapped() {
        let proposal = P(maxInfoTransmit: 200, maxInfoReceive: 100, windowTransmit: 2, windowReceive: 5)
        let limits = P(maxInfoTransmit: 150, maxInfoReceive: 150, windowTransmit: 7, windowReceive: 1)
        let ua = proposal.negotiated(withServerLimits: limits)
        // Server sends ≤ what the client receives; receives ≤ what the client sends, capped by its limits.
        #expect(ua == P(maxInfoTransmit: 100, maxInfoReceive: 150, windowTransmit: 5, windowReceive: 1))
        let client = proposal.clientView(ofUA: ua)
        #expect(client == P(maxInfoTransmit: 150, maxInfoReceive: 100, windowTransmit: 1, windowReceive: 5))
        // And through the wire.
        #expect(proposal.clientView(ofUA: try! P(information: ua.encodedInformation(onlyNonDefault: false))) == client)
    }
}
