import Testing
@testable import DLMS

/// One whole HDLC frame (flags included) and what decoding it must give.
/// Sources: PROTOCOL.md §6 (items 1–8 and 10; each item's origin is in its name there) and
/// the Gurux reference traces session1.txt / session2-window.txt (gurux_client.py ↔
/// gurux_server.py). Expected fields were read off the bytes independently of this codec.
struct FrameVector: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let destination: HDLCAddress
    let source: HDLCAddress
    let control: HDLCControl
    let segmented: Bool
    let informationCount: Int
    let informationPrefix: [UInt8]

    init(_ name: String, _ hex: String, destination: HDLCAddress, source: HDLCAddress,
         control: HDLCControl, segmented: Bool, informationCount: Int, informationPrefix: [UInt8]) {
        self.name = name
        self.bytes = Hex.bytes(hex)!
        self.destination = destination; self.source = source; self.control = control
        self.segmented = segmented; self.informationCount = informationCount
        self.informationPrefix = informationPrefix
    }

    var testDescription: String { name }
}

enum HDLCVectors {
    /// Every frame of PROTOCOL.md §6 (items 1–8, 10).
    static let protocolFrames: [FrameVector] = [
        FrameVector("§6 #1 SNRM",
                    "7EA00802232193BD647E",
                    destination: .init(upper: 1, lower: 17, size: 2), source: .init(upper: 16, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #1 UA",
                    "7EA01F21022373E6C781801205019A06019A070400000001080400000001CCA27E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 17, size: 2),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0x81, 0x80, 0x12, 0x05]),
        FrameVector("§6 #2 AARQ",
                    "7EA02C02232110AF9FE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E",
                    destination: .init(upper: 1, lower: 17, size: 2), source: .init(upper: 16, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 34, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("§6 #2 AARE",
                    "7EA0382102233034E7E6E7006129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001E1D04C80007B86A7E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 17, size: 2),
                    control: .information(sendSequence: 0, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 46, informationPrefix: [0xE6, 0xE7, 0x00, 0x61]),
        FrameVector("§6 #3 SNRM",
                    "7EA01403219363E7818008050203F2060203F203F07E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 16, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 11, informationPrefix: [0x81, 0x80, 0x08, 0x05]),
        FrameVector("§6 #3 UA",
                    "7EA0202103737398818014050203F2060203F20704000000010804000000010A757E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, size: 1),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 23, informationPrefix: [0x81, 0x80, 0x14, 0x05]),
        FrameVector("§6 #3 AARQ",
                    "7EA02B032110FBAFE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 16, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 34, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("§6 #3 AARE",
                    "7EA0392103302ED2E6E70061820029A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000101D03EF000744367E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 48, informationPrefix: [0xE6, 0xE7, 0x00, 0x61]),
        FrameVector("§6 #3 GET",
                    "7EA0190321326FD8E6E600C001C1000F0000280000FF020091537E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 16, size: 1),
                    control: .information(sendSequence: 1, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 16, informationPrefix: [0xE6, 0xE6, 0x00, 0xC0]),
        FrameVector("§6 #4 SNRM",
                    "7EA0070321930F017E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 16, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #4 RR",
                    "7EA00703215111E47E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 16, size: 1),
                    control: .receiveReady(receiveSequence: 2, poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #4 UA",
                    "7EA01E210373C37A81801205018006013E07040000000108040000000107227E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, size: 1),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0x81, 0x80, 0x12, 0x05]),
        FrameVector("§6 #5 AARQ",
                    "7EA04B0002A0AD03101131E6E600603AA109060760857405080102A60A040845474D36393332368A0207808B0760857405080201AC028000BE10040E01000000065F1F04001C1B200000B53C7E",
                    destination: .init(upper: 1, lower: 10326, size: 4), source: .init(upper: 1, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 63, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("§6 #5 SNRM",
                    "7EA00A000250750393B7E17E",
                    destination: .init(upper: 1, lower: 5178, size: 4), source: .init(upper: 1, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #5 UA",
                    "7EA01503000250757383C2818006050180060180756C7E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 1, lower: 5178, size: 4),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 9, informationPrefix: [0x81, 0x80, 0x06, 0x05]),
        FrameVector("§6 #6 GET-Response datablock",
                    "7EA01921025752515BE6E700C402C100000000010002015099F47E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 43, size: 2),
                    control: .information(sendSequence: 1, receiveSequence: 2, poll: true), segmented: false,
                    informationCount: 15, informationPrefix: [0xE6, 0xE7, 0x00, 0xC4]),
        FrameVector("§6 #7 SNRM",
                    "7EA01F02214193CC308180120501F00601F0070400000001080400000001F9CB7E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0x81, 0x80, 0x12, 0x05]),
        FrameVector("§6 #7 AARQ",
                    "7EA0450221411095BFE6E6006036A1090607608574050801018A0207808B0760857405080201AC0A80083030303030303030BE10040E01000000065F1F0400007E1FFFFF00D17E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 59, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("§6 #7 GET",
                    "7EA01A022141321BA2E6E600C0014100030100010800FF020029FA7E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .information(sendSequence: 1, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 16, informationPrefix: [0xE6, 0xE6, 0x00, 0xC0]),
        FrameVector("§6 #7 DISC",
                    "7EA008022141535C727E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .disconnect(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #8 segmented middle frame",
                    "7EA87E210396A4090F01160002020F02160002020F03160002020F04160002020F05160002020F0616000204120017110009060000160000FF0202010902030F0116010002030F0216010002030F0316010002030F0416010002030F0516010002030F0616010002030F0716010002030F0816010002030F09160100016FF37E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, size: 1),
                    control: .information(sendSequence: 3, receiveSequence: 4, poll: true), segmented: true,
                    informationCount: 117, informationPrefix: [0x0F, 0x01, 0x16, 0x00]),
        FrameVector("§6 #10 AARQ",
                    "7EA046034110C5D8E6E6006038A1090607608574050801018A0207808B0760857405080201AC0C800A61646D696E40656D6973BE10040E01000000065F1F0400001E1DFFFF6DE07E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 32, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 61, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("§6 #10 AARE OK",
                    "7EA0374103302179E6E7006129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001E1D04000007E0A67E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 46, informationPrefix: [0xE6, 0xE7, 0x00, 0x61]),
        FrameVector("§6 #10 GET clock",
                    "7EA0190341323ABDE6E600C001C100080000010000FF0200601A7E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 32, size: 1),
                    control: .information(sendSequence: 1, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 16, informationPrefix: [0xE6, 0xE6, 0x00, 0xC0]),
        FrameVector("§6 #10 clock response",
                    "7EA01E410352054FE6E700C401C100090C07E80A0F020C1E0000FF4C003C4C7E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, size: 1),
                    control: .information(sendSequence: 1, receiveSequence: 2, poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0xE6, 0xE7, 0x00, 0xC4]),
        FrameVector("§6 #10 SNRM",
                    "7EA0070341935A647E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 32, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #10 DISC",
                    "7EA00703415356A27E",
                    destination: .init(upper: 1, size: 1), source: .init(upper: 32, size: 1),
                    control: .disconnect(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("§6 #10 AARE authentication failure",
                    "7EA0374103302179E6E7006129A109060760857405080101A203020101A305A10302010DBE10040E0800065F1F0400001E1D04000007F31F7E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 46, informationPrefix: [0xE6, 0xE7, 0x00, 0x61]),
    ]

    /// Frames from the Gurux reference traces: session1 (max info 128, window 1, segments
    /// `7EA887…` acknowledged by RR) and session2-window (max info 32, window 3: segments
    /// without P/F inside a window).
    static let traceFrames: [FrameVector] = [
        FrameVector("session1 SNRM",
                    "7EA0080221419350B47E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("session1 UA",
                    "7EA01F41022173B26D818012050180060180070400000001080400000001533B7E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0x81, 0x80, 0x12, 0x05]),
        FrameVector("session1 AARQ",
                    "7EA047022141101DA9E6E6006038A1090607608574050801018A0207808B0760857405080201AC0C800A61646D696E40656D6973BE10040E01000000065F1F0400401E5DFFFF39277E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 61, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("session1 segment N(S)=2",
                    "7EA88741022154627D07EA0902FF0000000000000006000F573A06000189020203090C07EA0903FF0000000000000006000F5BDB060001896B0203090C07EA0904FF0000000000000006000F60A106000189DF0203090C07EA0905FF0000000000000006000F658C0600018A5E0203090C07EA0906FF0000000000000006000F6A9C0600018A04327E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 2, receiveSequence: 2, poll: true), segmented: true,
                    informationCount: 125, informationPrefix: [0x07, 0xEA, 0x09, 0x02]),
        FrameVector("session1 RR N(R)=3",
                    "7EA008022141714C707E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .receiveReady(receiveSequence: 3, poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("session1 next-block request",
                    "7EA0140221417683C7E6E600C002C100000002CA8C7E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .information(sendSequence: 3, receiveSequence: 3, poll: true), segmented: false,
                    informationCount: 10, informationPrefix: [0xE6, 0xE6, 0x00, 0xC0]),
        FrameVector("session1 segment N(S)=3 with LLC",
                    "7EA887410221967C98E6E700C402C101000000030082012497060001ACA50203090C07EA0B0FFF00000000000000060010C301060001AD110203090C07EA0B10FF00000000000000060010C890060001AD880203090C07EA0B11FF00000000000000060010CE44060001AE0A0203090C07EA0B12FF00000000000000060010D41D060001AE9731FA7E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 3, receiveSequence: 4, poll: true), segmented: true,
                    informationCount: 125, informationPrefix: [0xE6, 0xE7, 0x00, 0xC4]),
        FrameVector("session1 RR N(R)=4",
                    "7EA0080221419142977E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .receiveReady(receiveSequence: 4, poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("session1 segment N(S)=4",
                    "7EA8874102219802710203090C07EA0B13FF00000000000000060010D827060001AEFD0203090C07EA0B14FF00000000000000060010DC56060001AF6E0203090C07EA0B15FF00000000000000060010E0AA060001AFEA0203090C07EA0B16FF00000000000000060010E523060001B0710203090C07EA0B17FF00000000000000060010E9C15BAC7E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 4, receiveSequence: 4, poll: true), segmented: true,
                    informationCount: 125, informationPrefix: [0x02, 0x03, 0x09, 0x0C]),
        FrameVector("session2 SNRM window 3",
                    "7EA01F022121939955818012050120060120070400000003080400000003EC337E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 16, size: 1),
                    control: .setNormalResponseMode(poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0x81, 0x80, 0x12, 0x05]),
        FrameVector("session2 UA window 3",
                    "7EA01F2102217356F4818012050120060120070400000003080400000003EC337E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 21, informationPrefix: [0x81, 0x80, 0x12, 0x05]),
        FrameVector("session2 AARQ segment 1",
                    "7EA82702212110A34CE6E600601DA109060760857405080101BE10040E01000000065F1F040061867E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 16, size: 1),
                    control: .information(sendSequence: 0, receiveSequence: 0, poll: true), segmented: true,
                    informationCount: 29, informationPrefix: [0xE6, 0xE6, 0x00, 0x60]),
        FrameVector("session2 RR N(R)=1",
                    "7EA00821022131DC117E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .receiveReady(receiveSequence: 1, poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("session2 AARE segment 1 no P/F",
                    "7EA82721022140E758E6E7006129A109060760857405080101A203020100A305A103020100BE21EF7E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 0, receiveSequence: 2, poll: false), segmented: true,
                    informationCount: 29, informationPrefix: [0xE6, 0xE7, 0x00, 0x61]),
        FrameVector("session2 AARE last segment",
                    "7EA01B21022152CDE910040E0800065F1F0400401E5D04000007B60B7E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 1, receiveSequence: 2, poll: true), segmented: false,
                    informationCount: 17, informationPrefix: [0x10, 0x04, 0x0E, 0x08]),
        FrameVector("session2 window segment no P/F",
                    "7EA82721022186DDFBE6E700C401C1000103020412000809060000010000FF0F021200000204F40E7E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 3, receiveSequence: 4, poll: false), segmented: true,
                    informationCount: 29, informationPrefix: [0xE6, 0xE7, 0x00, 0xC4]),
        FrameVector("session2 window last segment",
                    "7EA00F2102219AD93A0F02120000D7EF7E",
                    destination: .init(upper: 16, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .information(sendSequence: 5, receiveSequence: 4, poll: true), segmented: false,
                    informationCount: 5, informationPrefix: [0x0F, 0x02, 0x12, 0x00]),
        FrameVector("session2 AARQ segment 2",
                    "7EA00F022121125874401E5DFFFF95AC7E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 16, size: 1),
                    control: .information(sendSequence: 1, receiveSequence: 0, poll: true), segmented: false,
                    informationCount: 5, informationPrefix: [0x40, 0x1E, 0x5D, 0xFF]),
        FrameVector("session1 DISC",
                    "7EA008022141535C727E",
                    destination: .init(upper: 1, lower: 16, size: 2), source: .init(upper: 32, size: 1),
                    control: .disconnect(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
        FrameVector("session1 final UA",
                    "7EA008410221732EE97E",
                    destination: .init(upper: 32, size: 1), source: .init(upper: 1, lower: 16, size: 2),
                    control: .unnumberedAcknowledge(poll: true), segmented: false,
                    informationCount: 0, informationPrefix: []),
    ]

    static let all: [FrameVector] = protocolFrames + traceFrames

    static func named(_ name: String) -> FrameVector {
        all.first { $0.name == name }!
    }

    /// Recomputes the HCS (when there is information) and the FCS of a whole frame whose
    /// header or information a test has altered, so that only the intended fault remains.
    static func resealed(_ frame: [UInt8], headerLength: Int?) -> [UInt8] {
        var f = frame
        if let h = headerLength {   // bytes from the format field through control
            let hcs = CRC16.x25(f[1..<1 + h])
            f[1 + h] = UInt8(hcs & 0xFF); f[2 + h] = UInt8(hcs >> 8)
        }
        let fcs = CRC16.x25(f[1..<f.count - 3])
        f[f.count - 3] = UInt8(fcs & 0xFF); f[f.count - 2] = UInt8(fcs >> 8)
        return f
    }
}

/// A deterministic byte source for test garbage (no randomness in tests).
struct TestBytes {
    var state: UInt32
    init(seed: UInt32) { state = seed }
    mutating func next() -> UInt8 {
        state = state &* 1_664_525 &+ 1_013_904_223
        return UInt8(truncatingIfNeeded: state >> 24)
    }
    /// `count` bytes with no 0x7E among them.
    mutating func garbage(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            var b = next()
            if b == 0x7E { b = 0x5A }
            return b
        }
    }
}
