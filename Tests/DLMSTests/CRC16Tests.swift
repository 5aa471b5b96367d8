import Testing
@testable import DLMS

@Suite struct CRC16Tests {
    /// CRC-16/X.25 check value (PROTOCOL.md §1 "CRC").
    @Test func checkValue() {
        let text = Array("123456789".utf8)
        #expect(CRC16.x25(text) == 0x906E)
        #expect(CRC16.x25("123456789".utf8) == 0x906E)
        #expect(CRC16.x25(text[0...]) == 0x906E)
        #expect(CRC16.x25(text.lazy.map { $0 }) == 0x906E)   // not contiguous: the generic loop
        #expect(CRC16.x25([0xAA, 0xBB] + text + [0xCC], range: 2..<11) == 0x906E)
    }

    /// u9n test_hdlc.py TestCrc: CRC(`03 3F`) = 0xEC5B, sent `5B EC`.
    @Test func shortVectorAndWireOrder() {
        #expect(CRC16.x25([0x03, 0x3F]) == 0xEC5B)
        var out: [UInt8] = []
        CRC16.append(0xEC5B, to: &out)
        #expect(out == [0x5B, 0xEC])
        #expect(CRC16.wireValue(out, at: 0) == 0xEC5B)
        #expect(CRC16.x25([UInt8]()) == 0x0000)
    }

    @Test func table() {
        #expect(CRC16.table.count == 256)
        #expect(CRC16.table[0] == 0x0000)
        #expect(CRC16.table[1] == 0x1189)
        #expect(CRC16.table[128] == 0x8408)
        #expect(CRC16.table[255] == 0x0F78)
    }

    /// The FCS of every §6 frame: CRC over format…information equals the two bytes before the flag.
    @Test(arguments: HDLCVectors.all)
    func frameCheckSequence(_ v: FrameVector) {
        let n = v.bytes.count
        #expect(CRC16.x25(v.bytes, range: 1..<n - 3) == UInt16(v.bytes[n - 3]) | UInt16(v.bytes[n - 2]) << 8)
    }
}
