import Testing
@testable import DLMS

@Suite struct HDLCAddressTests {
    /// PROTOCOL.md §1 "Addresses" (all [V]).
    static let vectors: [(HDLCAddress, [UInt8])] = [
        (.client(16), [0x21]), (.client(32), [0x41]), (.client(48), [0x61]), (.client(1), [0x03]),
        (.server(upper: 1, lower: 17), [0x02, 0x23]),
        (.server(upper: 1, lower: 10326), [0x00, 0x02, 0xA0, 0xAD]),
        (.server(upper: 1, lower: 5178), [0x00, 0x02, 0x50, 0x75]),
        (.server(upper: 1, lower: nil), [0x03]),
        (.server(upper: 1, lower: 0x10), [0x02, 0x21]),
        (.server(upper: 1, lower: 0x3FFF, size: 4), [0x00, 0x02, 0xFE, 0xFF]),   // all-station
        (.server(upper: 0x3FFF, lower: 0x3FFF), [0xFE, 0xFE, 0xFE, 0xFF]),
    ]

    @Test func encodesVectors() {
        for (address, bytes) in Self.vectors {
            var w = ByteWriter()
            address.encode(into: &w)
            #expect(w.bytes == bytes, "\(address)")
        }
    }

    @Test func decodesVectors() throws {
        for (address, bytes) in Self.vectors {
            var r = ByteReader(bytes + [0x93])
            #expect(try HDLCAddress.decode(from: &r) == address)
            #expect(r.offset == bytes.count)
        }
    }

    @Test func fieldsOfEachForm() throws {
        var r = ByteReader([0x00, 0x02, 0xA0, 0xAD])
        let a = try HDLCAddress.decode(from: &r)
        #expect(a.upper == 1 && a.lower == 10326 && a.size == 4)
        var r1 = ByteReader([0x41])
        let c = try HDLCAddress.decode(from: &r1)
        #expect(c.upper == 32 && c.lower == nil && c.size == 1)
        var r2 = ByteReader([0x02, 0x23])
        let s = try HDLCAddress.decode(from: &r2)
        #expect(s.upper == 1 && s.lower == 17 && s.size == 2)
    }

    @Test func rejectsBadAddresses() {
        for bad: [UInt8] in [[], [0x00, 0x02, 0x03], [0x00, 0x02, 0x04, 0x06, 0x09], [0x00], [0x00, 0x02],
                             [0x00, 0x02, 0x04]] {
            var r = ByteReader(bad)
            #expect(throws: HDLCError.badAddress) { try HDLCAddress.decode(from: &r) }
            #expect(r.offset == 0)
        }
        // The reader's end bounds the scan, not the array's.
        var r = ByteReader([0x00, 0x02, 0x50, 0x75], from: 0, to: 3)
        #expect(throws: HDLCError.badAddress) { try HDLCAddress.decode(from: &r) }
    }

    @Test func everyTwoAndFourByteValueRoundTrips() throws {
        for upper: UInt16 in [0, 1, 0x7F] { for lower: UInt16 in [0, 1, 0x40, 0x7F] {
            let a = HDLCAddress(upper: upper, lower: lower, size: 2)
            var w = ByteWriter(); a.encode(into: &w)
            var r = ByteReader(w.bytes)
            #expect(try HDLCAddress.decode(from: &r) == a)
        } }
        for upper: UInt16 in [0, 1, 0x80, 0x3FFF] { for lower: UInt16 in [0, 0x7F, 0x80, 10326, 0x3FFE, 0x3FFF] {
            let a = HDLCAddress(upper: upper, lower: lower, size: 4)
            var w = ByteWriter(); a.encode(into: &w)
            var r = ByteReader(w.bytes)
            #expect(try HDLCAddress.decode(from: &r) == a)
        } }
    }

    @Test func describes() {
        #expect(HDLCAddress.client(32).description == "0x41")
        #expect(HDLCAddress.server(upper: 1, lower: 0x3FFF, size: 4).description == "1/0x3FFF(4)")
        #expect(HDLCAddress.server(upper: 1, lower: 17).description == "1/0x11(2)")
        #expect(HDLCAddress.server(upper: 1, lower: 10326).description == "1/0x2856(4)")
    }
}
