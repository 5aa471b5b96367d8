import Testing
@testable import DLMS

@Suite struct HDLCFrameTests {
    @Test(arguments: HDLCVectors.all)
    func decodesAndReencodesVector(_ v: FrameVector) throws {
        let frame = try HDLCFrame(decoding: v.bytes)
        #expect(frame.destination == v.destination)
        #expect(frame.source == v.source)
        #expect(frame.control == v.control)
        #expect(frame.segmented == v.segmented)
        #expect(frame.information.count == v.informationCount)
        #expect(Array(frame.information.prefix(v.informationPrefix.count)) == v.informationPrefix)
        // The information field is raw, so every frame re-encodes byte for byte.
        #expect(frame.encoded() == v.bytes)
    }

    @Test(arguments: HDLCVectors.all)
    func decodesInPlaceInsideALargerBuffer(_ v: FrameVector) throws {
        let buffer: [UInt8] = [0x01, 0x7E, 0x02] + v.bytes + [0x7E, 0x7E, 0xA0]
        let frame = try HDLCFrame.decode(buffer, start: 3, end: 3 + v.bytes.count)
        #expect(frame == (try HDLCFrame(decoding: v.bytes)))
    }

    /// §6 #1 SNRM and #8 (segmented middle frame, length byte 0x7E) built from fields.
    @Test func encodesFromFields() {
        let snrm = HDLCFrame(destination: .server(upper: 1, lower: 17), source: .client(16),
                             control: .setNormalResponseMode(poll: true))
        #expect(snrm.encoded() == Hex.bytes("7EA00802232193BD647E"))
        let disc = HDLCFrame(destination: .server(upper: 1, lower: nil), source: .client(32),
                             control: .disconnect(poll: true))
        #expect(disc.encoded() == Hex.bytes("7E A0 07 03 41 53 56 A2 7E"))
        let get = HDLCFrame(destination: .server(upper: 1, lower: nil), source: .client(32),
                            control: .information(sendSequence: 1, receiveSequence: 1, poll: true),
                            information: LLC.command + Hex.bytes("C0 01 C1 00 08 00 00 01 00 00 FF 02 00")!)
        #expect(get.encoded() == HDLCVectors.named("§6 #10 GET clock").bytes)
        let middle = HDLCVectors.named("§6 #8 segmented middle frame")
        let rebuilt = HDLCFrame(destination: .client(16), source: .server(upper: 1, lower: nil),
                                control: .information(sendSequence: 3, receiveSequence: 4, poll: true),
                                segmented: true, information: Array(middle.bytes[8..<middle.bytes.count - 3]))
        #expect(rebuilt.encoded() == middle.bytes)
        #expect(middle.bytes[2] == 0x7E)   // a flag byte inside the frame: no byte stuffing
    }

    @Test func fourByteServerAddress() throws {
        // §6 #5 SNRM to 1/5178 and AARQ to 1/10326.
        let snrm = try HDLCFrame(decoding: Hex.bytes("7E A0 0A 00 02 50 75 03 93 B7 E1 7E")!)
        #expect(snrm.destination == HDLCAddress(upper: 1, lower: 5178, size: 4))
        let f = HDLCFrame(destination: .server(upper: 1, lower: 5178), source: .client(1),
                          control: .setNormalResponseMode(poll: true))
        #expect(f.encoded() == Hex.bytes("7E A0 0A 00 02 50 75 03 93 B7 E1 7E"))
    }

    @Test func describesForTraces() throws {
        let get = try HDLCFrame(decoding: HDLCVectors.named("§6 #7 GET").bytes)
        #expect(get.description == "I(ns=1,nr=1,P) 0x41→1/0x10(2) 16 bytes")
        let seg = try HDLCFrame(decoding: HDLCVectors.named("session2 window segment no P/F").bytes)
        #expect(seg.description == "I(ns=3,nr=4) 1/0x10(2)→0x21 29 bytes SEG")
        let f = HDLCFrame(destination: .server(upper: 1, lower: 0x3FFF, size: 4), source: .client(32),
                          control: .information(sendSequence: 0, receiveSequence: 0, poll: true),
                          segmented: true, information: Array(repeating: 0, count: 16))
        #expect(f.description == "I(ns=0,nr=0,P) 0x41→1/0x3FFF(4) 16 bytes SEG")
        let rr = try HDLCFrame(decoding: HDLCVectors.named("§6 #4 RR").bytes)
        #expect(rr.description == "RR(nr=2,P) 0x21→0x03 0 bytes")
    }

    // MARK: - Errors

    /// §6 #7 GET: HCS `1B A2` (0xA21B), FCS `29 FA` (0xFA29).
    static let get7 = HDLCVectors.named("§6 #7 GET").bytes

    @Test func corruptedHCS() {
        var f = Self.get7
        f[8] = 0xA3
        #expect(throws: HDLCError.headerCheckFailed(expected: 0xA21B, actual: 0xA31B)) {
            try HDLCFrame(decoding: f)
        }
        // A changed header byte under an unchanged HCS fails the same check.
        var g = Self.get7
        g[6] = 0x54   // control
        let e = #expect(throws: HDLCError.self) { try HDLCFrame(decoding: g) }
        guard case .headerCheckFailed(_, actual: 0xA21B)? = e else {
            Issue.record("expected headerCheckFailed, got \(String(describing: e))"); return
        }
    }

    @Test func corruptedFCS() {
        var f = Self.get7
        f[f.count - 2] = 0xFB
        #expect(throws: HDLCError.frameCheckFailed(expected: 0xFA29, actual: 0xFB29)) {
            try HDLCFrame(decoding: f)
        }
        var g = Self.get7
        g[20] ^= 0x01   // an information byte
        let e = #expect(throws: HDLCError.self) { try HDLCFrame(decoding: g) }
        if case .frameCheckFailed(_, actual: 0xFA29)? = e {} else {
            Issue.record("expected frameCheckFailed, got \(String(describing: e))")
        }
        // §6 #7 DISC, FCS `5C 72`: no information, so only the FCS guards it.
        var disc = HDLCVectors.named("§6 #7 DISC").bytes
        disc[8] = 0x73
        #expect(throws: HDLCError.frameCheckFailed(expected: 0x725C, actual: 0x735C)) {
            try HDLCFrame(decoding: disc)
        }
    }

    @Test(arguments: [HDLCVectors.named("§6 #7 GET"), HDLCVectors.named("§6 #4 RR"),
                      HDLCVectors.named("§6 #8 segmented middle frame")])
    func truncatedAtEveryCut(_ v: FrameVector) {
        #expect(throws: HDLCError.missingFlag) { try HDLCFrame(decoding: []) }
        let length = Int(v.bytes[1] & 7) << 8 | Int(v.bytes[2])
        for cut in 1..<v.bytes.count {
            let expected: HDLCError = cut < 3 ? .badLength(max(0, cut - 2)) : .badLength(length)
            #expect(throws: expected) { try HDLCFrame(decoding: Array(v.bytes.prefix(cut))) }
        }
    }

    @Test func missingFlags() {
        var f = Self.get7
        f[f.count - 1] = 0x7F
        #expect(throws: HDLCError.missingFlag) { try HDLCFrame(decoding: f) }
        var g = Self.get7
        g[0] = 0x00
        #expect(throws: HDLCError.missingFlag) { try HDLCFrame(decoding: g) }
        #expect(throws: HDLCError.missingFlag) { try HDLCFrame.decode(Self.get7, start: 1, end: Self.get7.count) }
        #expect(throws: HDLCError.missingFlag) { try HDLCFrame.decode(Self.get7, start: 0, end: Self.get7.count + 1) }
    }

    @Test func unsupportedFormat() {
        var f = Self.get7
        f[1] = 0xB0
        #expect(throws: HDLCError.unsupportedFormat(0xB0)) { try HDLCFrame(decoding: f) }
    }

    @Test func lengthDisagreements() {
        var f = Self.get7
        f[2] = 0x1B   // one more than present
        #expect(throws: HDLCError.badLength(0x1B)) { try HDLCFrame(decoding: f) }
        // A length under the 7-byte minimum.
        #expect(throws: HDLCError.badLength(5)) { try HDLCFrame(decoding: [0x7E, 0xA0, 0x05, 0x03, 0x21, 0x93, 0x7E]) }
        // Room for an HCS but no information after it (length 9: header 5, HCS 2, FCS 2).
        let hcsOnly = HDLCVectors.resealed([0x7E, 0xA0, 0x09, 0x03, 0x41, 0x10, 0, 0, 0, 0, 0x7E], headerLength: 5)
        #expect(throws: HDLCError.badLength(9)) { try HDLCFrame(decoding: hcsOnly) }
        // One byte between control and FCS (length 8).
        let oneByte = HDLCVectors.resealed([0x7E, 0xA0, 0x08, 0x03, 0x41, 0x10, 0, 0, 0, 0x7E], headerLength: nil)
        #expect(throws: HDLCError.badLength(8)) { try HDLCFrame(decoding: oneByte) }
    }

    @Test func badAddress() {
        // A 3-byte destination (`00 02 03`) under a correct FCS.
        let three = HDLCVectors.resealed([0x7E, 0xA0, 0x09, 0x00, 0x02, 0x03, 0x41, 0x93, 0, 0, 0x7E], headerLength: nil)
        #expect(throws: HDLCError.badAddress) { try HDLCFrame(decoding: three) }
        // No terminator within 4 bytes.
        let five = HDLCVectors.resealed([0x7E, 0xA0, 0x0B, 0x00, 0x02, 0x04, 0x06, 0x09, 0x41, 0x93, 0, 0, 0x7E],
                                        headerLength: nil)
        #expect(throws: HDLCError.badAddress) { try HDLCFrame(decoding: five) }
        // A source address that runs into the FCS.
        let long = HDLCVectors.resealed([0x7E, 0xA0, 0x07, 0x03, 0x40, 0x92, 0, 0, 0x7E], headerLength: nil)
        #expect(throws: HDLCError.badAddress) { try HDLCFrame(decoding: long) }
    }

    @Test func unknownControl() {
        // §6 #10 SNRM with control 0x3F (SABM, not in this profile) and REJ 0x19.
        for control: UInt8 in [0x3F, 0x19, 0x2F] {
            var f = Hex.bytes("7E A0 07 03 41 93 5A 64 7E")!
            f[5] = control
            #expect(throws: HDLCError.unknownControl(control)) {
                try HDLCFrame(decoding: HDLCVectors.resealed(f, headerLength: nil))
            }
        }
    }

    /// Damaged frames: each is refused with an `HDLCError` or, when the damage left a
    /// valid frame (a flipped byte the checks cannot see, as in the information), decodes
    /// to a frame that encodes back to exactly those bytes — never a crash, never a frame
    /// that is not what came.
    @Test func hostileInputNeverCrashes() {
        var bytes = TestBytes(seed: 7)
        var refused = 0, accepted = 0
        for n in 0..<3000 {
            var f = Self.get7
            // Flip 1–3 bytes anywhere, sometimes truncate.
            for _ in 0...(n % 3) { f[Int(bytes.next()) % f.count] = bytes.next() }
            if n % 5 == 0 { f = Array(f.prefix(Int(bytes.next()) % f.count)) }
            do {
                let frame = try HDLCFrame(decoding: f)
                #expect(frame.encoded() == f, "\(f)")
                accepted += 1
            } catch {
                refused += 1
            }
        }
        #expect(refused > 2500, "only \(refused) of 3000 damaged frames refused")
        #expect(refused + accepted == 3000)
    }
}
