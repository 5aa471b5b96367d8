import Testing
@testable import DLMS

@Suite struct ByteReaderTests {
    @Test func readsEveryLengthForm() throws {
        for (bytes, value) in [([0x7F], 0x7F), ([0x81, 0x80], 0x80), ([0x82, 0x01, 0x00], 0x100),
                               ([0x83, 0x01, 0x00, 0x00], 0x10000), ([0x84, 0x00, 0x01, 0x00, 0x00], 0x10000)] as [([UInt8], Int)] {
            var r = ByteReader(bytes)
            #expect(try r.readLength() == value)
            #expect(r.isAtEnd)
        }
    }

    @Test func truncatedReadLeavesCursor() {
        var r = ByteReader([0x82, 0x01])
        #expect(throws: DLMSDecodingError.truncated(needed: 2, available: 1)) { try r.readLength() }
        #expect(r.offset == 0)
    }

    @Test func writerChoosesShortestLength() {
        for (n, expected) in [(5, [5]), (0x80, [0x81, 0x80]), (0x1234, [0x82, 0x12, 0x34]),
                              (0x12345, [0x84, 0x00, 0x01, 0x23, 0x45])] as [(Int, [UInt8])] {
            var w = ByteWriter()
            w.writeLength(n)
            #expect(w.bytes == expected)
        }
    }

    @Test func hexRoundTrip() {
        #expect(Hex.bytes("7E A0:0a\n") == [0x7E, 0xA0, 0x0A])
        #expect(Hex.bytes("7") == nil)
        #expect(Hex.string([0x7E, 0x0A]) == "7e 0a")
    }
}
