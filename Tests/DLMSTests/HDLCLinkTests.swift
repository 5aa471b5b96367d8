import Testing
@testable import DLMS

/// The link layer alone: bursts, acknowledgements, go-back-N, and tolerance of a peer
/// whose N(R) lags (seen with the Gurux server when a client sends a window of frames).
@Suite struct HDLCLinkTests {
    static let client = HDLCAddress.client(32)
    static let server = HDLCAddress.server(upper: 1, lower: 0x3FFF, size: 4)
    static let params = HDLCParameters(maxInfoTransmit: 32, maxInfoReceive: 32, windowTransmit: 3, windowReceive: 3)

    static func link() -> HDLCLink { HDLCLink(role: .client, local: client, remote: server, parameters: params) }

    static func answer(ns: UInt8, nr: UInt8, segmented: Bool = false, info: [UInt8]) -> HDLCFrame {
        HDLCFrame(destination: client, source: server,
                  control: .information(sendSequence: ns, receiveSequence: nr, poll: true),
                  segmented: segmented, information: info)
    }

    @Test func burstCarriesPollOnItsLastFrameOnly() {
        var link = Self.link()
        let frames = link.send(apdu: Array(repeating: 0xAA, count: 100))   // 103 bytes → 4 segments
        #expect(frames.count == 3, "a window of 3")
        #expect(frames.map(\.control) == [
            .information(sendSequence: 0, receiveSequence: 0, poll: false),
            .information(sendSequence: 1, receiveSequence: 0, poll: false),
            .information(sendSequence: 2, receiveSequence: 0, poll: true)])
        #expect(frames.allSatisfy { $0.segmented })
        #expect(frames[0].information.starts(with: LLC.command))
    }

    @Test func receiveReadyAcknowledgesAndReleasesTheNextBurst() throws {
        var link = Self.link()
        _ = link.send(apdu: Array(repeating: 0xAA, count: 100))
        let out = try link.received(HDLCFrame(destination: Self.client, source: Self.server,
                                              control: .receiveReady(receiveSequence: 3, poll: true)))
        #expect(out.frames.map(\.control) == [.information(sendSequence: 3, receiveSequence: 0, poll: true)])
        #expect(out.frames.first?.segmented == false)
    }

    @Test func receiveReadyBehindResendsFromThere() throws {
        var link = Self.link()
        _ = link.send(apdu: Array(repeating: 0xAA, count: 100))
        // The peer got frame 0 only: frames 1 and 2 go again, then nothing new yet.
        let out = try link.received(HDLCFrame(destination: Self.client, source: Self.server,
                                              control: .receiveReady(receiveSequence: 1, poll: true)))
        #expect(out.frames.map(\.control) == [.information(sendSequence: 1, receiveSequence: 0, poll: false),
                                              .information(sendSequence: 2, receiveSequence: 0, poll: true)])
    }

    @Test func outOfSequenceFrameIsDiscardedAndReported() throws {
        var link = Self.link()
        _ = link.send(apdu: [0xC0, 0x01])
        var out = try link.received(Self.answer(ns: 0, nr: 1, segmented: true, info: LLC.response + [1, 2]))
        #expect(out.apdu == nil && out.frames.isEmpty == false, "end of a burst: RR asks for more")
        // Frame 1 is lost; frame 2 arrives with P/F: discarded, RR(1) says where to resume.
        out = try link.received(Self.answer(ns: 2, nr: 1, info: [5, 6]))
        #expect(out.apdu == nil)
        #expect(out.frames.map(\.control) == [.receiveReady(receiveSequence: 1, poll: true)])
        out = try link.received(Self.answer(ns: 1, nr: 1, segmented: true, info: [3, 4]))
        out = try link.received(Self.answer(ns: 2, nr: 1, info: [5, 6]))
        #expect(out.apdu == [1, 2, 3, 4, 5, 6])
    }

    @Test func laggingAcknowledgementDoesNotResendAnsweredFrames() throws {
        var link = Self.link()
        // Two segments sent in one burst; the answer acknowledges only the first.
        #expect(link.send(apdu: Array(repeating: 0xAA, count: 40)).count == 2)
        let out = try link.received(Self.answer(ns: 0, nr: 1, info: LLC.response + [0x61, 0x00]))
        #expect(out.apdu == [0x61, 0x00])
        #expect(link.unacknowledged.isEmpty, "an answer implies the whole request arrived")
        // The next request starts at N(S) 2; the peer's stale N(R) 1 is ignored, not resent.
        let next = link.send(apdu: [0xC0])
        #expect(next.map(\.control) == [.information(sendSequence: 2, receiveSequence: 1, poll: true)])
        let reply = try link.received(Self.answer(ns: 1, nr: 2, info: LLC.response + [0xC4]))
        #expect(reply.apdu == [0xC4])
        #expect(reply.frames.isEmpty)
        #expect(link.staleAcknowledgements == 0)
    }
}
