import Testing
@testable import DLMS

@Suite struct WrapperCodecTests {
    // GET-Request-Normal for 0.0.96.1.0.255 attribute 2 from client wPort 16 to the
    // management logical device (wPort 1): C0 01 C1 00 01 00 00 60 01 00 FF 02 00.
    static let apdu: [UInt8] = [0xC0, 0x01, 0xC1, 0x00, 0x01, 0x00, 0x00, 0x60, 0x01, 0x00, 0xFF, 0x02, 0x00]
    static let wrapped: [UInt8] = [0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x0D] + apdu

    @Test func encodesTheEightByteHeader() {
        #expect(WrapperCodec.encode(.init(source: 16, destination: 1, apdu: Self.apdu)) == Self.wrapped)
        #expect(WrapperCodec.encode(.init(source: 0x1234, destination: 0xABCD, apdu: [])) == [0, 1, 0x12, 0x34, 0xAB, 0xCD, 0, 0])
    }

    @Test func decodesAtEveryCutPointAndTwoJoined() throws {
        for cut in 0...Self.wrapped.count {
            var codec = WrapperCodec()
            codec.append(Array(Self.wrapped[0..<cut]))
            if cut < Self.wrapped.count {
                #expect(try codec.decode() == nil, "cut at \(cut)")
                codec.append(Array(Self.wrapped[cut...]))
            }
            #expect(try codec.decode() == .init(source: 16, destination: 1, apdu: Self.apdu))
            #expect(try codec.decode() == nil)
        }
        var codec = WrapperCodec()
        codec.append(Self.wrapped + Self.wrapped)
        #expect(try codec.decode()?.apdu == Self.apdu)
        #expect(try codec.decode()?.apdu == Self.apdu)
    }

    @Test func wrongVersionIsRejected() {
        var codec = WrapperCodec()
        codec.append([0x00, 0x02, 0, 16, 0, 1, 0, 0])
        #expect(throws: WrapperCodec.DecodingError.unsupportedVersion(2)) { try codec.decode() }
    }
}
