import Testing
@testable import DLMS

@Suite struct HDLCSegmentationTests {
    static func informations(_ hex: [String]) -> [[UInt8]] {
        hex.map { try! HDLCFrame(decoding: Hex.bytes($0)!).information }
    }

    /// session2-window.txt: Gurux, max info 32, segments of at most 29 bytes (it keeps 3
    /// for the LLC on every frame). The same split comes out with `maxInfo: 29`.
    @Test func matchesGuruxTraceSplits() {
        // AARQ, client → server: 29 + 5 bytes.
        let aarq = Self.informations([
            "7EA82702212110A34CE6E600601DA109060760857405080101BE10040E01000000065F1F040061867E",
            "7EA00F022121125874401E5DFFFF95AC7E",
        ])
        let aarqAPDU = Array(aarq.joined().dropFirst(3))
        #expect(aarqAPDU.first == 0x60)
        #expect(HDLCSegmentation.segments(of: aarqAPDU, llc: LLC.command, maxInfo: 29) == aarq)
        // GET-Response, server → client, one window: 29 + 29 + 5 bytes.
        let response = Self.informations([
            "7EA82721022186DDFBE6E700C401C1000103020412000809060000010000FF0F021200000204F40E7E",
            "7EA82721022188A31212000309060100010800FF0F02120000020412000309060100020800FFF38F7E",
            "7EA00F2102219AD93A0F02120000D7EF7E",
        ])
        let responseAPDU = Array(response.joined().dropFirst(3))
        #expect(HDLCSegmentation.segments(of: responseAPDU, llc: LLC.response, maxInfo: 29) == response)
        // At the negotiated 32, with the LLC counted in the first field only: 32 + 2.
        let at32 = HDLCSegmentation.segments(of: aarqAPDU, llc: LLC.command, maxInfo: 32)
        #expect(at32.map(\.count) == [32, 2])
        #expect(Array(at32.joined()) == LLC.command + aarqAPDU)
    }

    @Test func sizesAndLLCPlacement() {
        let apdu = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        let s = HDLCSegmentation.segments(of: apdu, llc: LLC.command, maxInfo: 128)
        #expect(s.map(\.count) == [128, 128, 47])
        #expect(Array(s[0].prefix(3)) == LLC.command)
        #expect(s[1].first == UInt8(125))   // no LLC on continuation segments
        #expect(Array(s.joined().dropFirst(3)) == apdu)
        // Exactly full, one over, empty, no LLC.
        #expect(HDLCSegmentation.segments(of: Array(apdu.prefix(125)), llc: LLC.command, maxInfo: 128).map(\.count) == [128])
        #expect(HDLCSegmentation.segments(of: Array(apdu.prefix(126)), llc: LLC.command, maxInfo: 128).map(\.count) == [128, 1])
        #expect(HDLCSegmentation.segments(of: [], llc: LLC.response, maxInfo: 128) == [LLC.response])
        #expect(HDLCSegmentation.segments(of: Array(apdu.prefix(10)), llc: [], maxInfo: 4).map(\.count) == [4, 4, 2])
    }

    @Test func everySizeRespectsTheLimit() {
        for maxInfo in [4, 5, 32, 128] {
            for n in 0..<300 {
                let apdu = [UInt8](repeating: 0xC4, count: n)
                let s = HDLCSegmentation.segments(of: apdu, llc: LLC.response, maxInfo: maxInfo)
                #expect(s.allSatisfy { $0.count <= maxInfo && !$0.isEmpty })
                #expect(s.dropLast().allSatisfy { $0.count == maxInfo })
                #expect(Array(s.joined()) == LLC.response + apdu)
            }
        }
    }
}
