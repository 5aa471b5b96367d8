import Testing
import DLMS
import DLMSTransport
import Foundation
import Synchronization
@testable import Simulator

/// A ``HostileSession`` and its application driven with raw HDLC frames, as
/// ``SimulatorServer`` drives them: each frame the client sends goes in whole, every
/// request is answered, and what the device sends comes back decoded (HCS and FCS
/// checked by the decoder).
struct HostileLinkRig {
    var application: ServerApplication
    var session: HostileSession
    static let server = HDLCAddress.server(upper: 1, lower: 1001, size: 4)
    static let client = HDLCAddress.client(16)
    static let now = HostTime(secondsSince1970: 1_760_000_000)
    /// The client's V(S) and V(R).
    var ns: UInt8 = 0
    var nr: UInt8 = 0

    init(_ behaviour: HostileBehaviour) {
        application = ServerApplication(device: DeviceState(configuration: .init(meters: 5, seed: 7), now: Self.now))
        application.hostile = behaviour
        session = HostileSession(ServerSession(configuration: .init(address: Self.server, limits: HDLCParameters(
            maxInfoTransmit: 512, maxInfoReceive: 512, windowTransmit: 7, windowReceive: 7))), behaviour: behaviour)
    }

    /// Feeds one frame; returns the frames the device sends (undecodable ones fail the test).
    mutating func feed(_ frame: HDLCFrame) -> [HDLCFrame] {
        var pending = session.bytesReceived(frame.encoded())
        var out: [HDLCFrame] = []
        while !pending.isEmpty {
            switch pending.removeFirst() {
            case .send(let bytes):
                do { out.append(try HDLCFrame(decoding: bytes)) } catch { Issue.record("undecodable frame: \(error)") }
            case .request(let apdu, let client):
                pending = session.respond(application.handle(apdu, client: client, now: Self.now, connection: 1)) + pending
            case .disconnected:
                application.disconnected(connection: 1)
            case .connected:
                break
            }
        }
        for frame in out {
            if case .information(let sent, _, _) = frame.control, sent == nr { nr = (nr + 1) & 7 }
        }
        return out
    }

    static func frame(_ control: HDLCControl, _ information: [UInt8] = []) -> HDLCFrame {
        HDLCFrame(destination: server, source: client, control: control, information: information)
    }

    /// SNRM proposing 128-byte fields and a window of 1.
    mutating func snrm() -> [HDLCFrame] {
        ns = 0; nr = 0
        let proposal = HDLCParameters(maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 1, windowReceive: 1)
        return feed(Self.frame(.setNormalResponseMode(poll: true), proposal.encodedInformation(onlyNonDefault: false)))
    }

    /// One APDU in one I-frame (LLC header first).
    mutating func send(_ apdu: APDU) -> [HDLCFrame] {
        let frame = Self.frame(.information(sendSequence: ns, receiveSequence: nr, poll: true), LLC.command + apdu.encoded())
        ns = (ns + 1) & 7
        return feed(frame)
    }

    mutating func rr(_ acknowledging: UInt8? = nil) -> [HDLCFrame] {
        feed(Self.frame(.receiveReady(receiveSequence: acknowledging ?? nr, poll: true)))
    }

    mutating func disc() -> [HDLCFrame] { feed(Self.frame(.disconnect(poll: true))) }

    /// SNRM and an NLS AARQ; true when both were answered (UA, accepted AARE).
    mutating func associate() -> Bool {
        guard case .unnumberedAcknowledge? = snrm().first?.control else { return false }
        let aarq = AARQ(userInformation: InitiateRequest(proposedConformance: .clientProposal, clientMaxReceivePDUSize: 0xFFFF))
        guard let answer = send(.aarq(aarq)).first, answer.information.starts(with: LLC.response),
              case .aare(let aare)? = try? APDU(decoding: Array(answer.information.dropFirst(3))) else { return false }
        return aare.result == .accepted
    }

    static let meterCounts = CosemAttributeDescriptor("1/0.0.94.7.141.255/2")!

    mutating func getMeterCounts() -> [HDLCFrame] {
        send(.getRequest(.normal(invokeID: InvokeIDAndPriority(id: 1), attribute: Self.meterCounts, access: nil)))
    }

    /// The APDU of a one-frame answer.
    static func apdu(_ frames: [HDLCFrame]) -> APDU? {
        guard frames.count == 1, !frames[0].segmented, frames[0].information.starts(with: LLC.response) else { return nil }
        return try? APDU(decoding: Array(frames[0].information.dropFirst(3)))
    }
}

@Suite("Hostile device: link (endless-segments, ignore-release, silent-after-association, slow-drip)")
struct HostileSessionTests {
    static func isRR(_ frames: [HDLCFrame]) -> Bool {
        guard frames.count == 1, case .receiveReady = frames[0].control else { return false }
        return true
    }

    // MARK: - endless-segments

    /// The GET answer never ends: 60 RRs, 60 more segments, each a valid I-frame from the
    /// device's address with the S bit set, N(S) counting on, N(R) unchanged, P/F set.
    @Test func endlessSegmentsAnswerEveryRR() throws {
        var rig = HostileLinkRig(HostileBehaviour(modes: [.endlessSegments]))
        #expect(rig.associate() == true)
        let first = rig.getMeterCounts()
        #expect(first.count == 1)
        let segment = try #require(first.first)
        #expect(segment.segmented)
        #expect(segment.information.count == 128)
        #expect(segment.information.starts(with: LLC.response + [0xC4, 0x01]))
        #expect(segment.control == .information(sendSequence: 1, receiveSequence: 2, poll: true))
        var expected: UInt8 = 2
        for _ in 0..<60 {
            let frames = rig.rr()
            #expect(frames.count == 1)
            let frame = try #require(frames.first)
            #expect(frame.segmented)
            #expect(frame.destination == HostileLinkRig.client && frame.source == HostileLinkRig.server)
            #expect(frame.control == .information(sendSequence: expected, receiveSequence: 2, poll: true))
            #expect(frame.information.count == 128 && frame.information.allSatisfy { $0 == HostileBehaviour.filler })
            expected = (expected + 1) & 7
        }
        #expect(rig.session.endlessSegmentsSent == 61)
        // An RR that does not acknowledge the last segment gets it again (go-back-N).
        let last = (expected + 7) & 7
        #expect(rig.rr(last).first?.control == .information(sendSequence: last, receiveSequence: 2, poll: true))
        // DISC still ends the link (UA); the plain device answers the GET in one frame.
        #expect(rig.disc().first?.control == .unnumberedAcknowledge(poll: true))
        #expect(!rig.session.isSendingEndlessSegments)
        var plain = HostileLinkRig(HostileBehaviour())
        #expect(plain.associate() == true)
        guard case .getResponse(.normal(_, .data))? = HostileLinkRig.apdu(plain.getMeterCounts()) else {
            Issue.record("plain device: no one-frame answer"); return
        }
    }

    /// Before the association nothing is endless; SET and ACTION answers are not touched.
    @Test func endlessSegmentsOnlyForGETsOfAnAssociation() {
        var rig = HostileLinkRig(HostileBehaviour(modes: [.endlessSegments]))
        #expect(rig.snrm().first?.control == .unnumberedAcknowledge(poll: true))
        guard case .exceptionResponse? = HostileLinkRig.apdu(rig.getMeterCounts()) else {
            Issue.record("a GET before the AARQ is not refused in one frame"); return
        }
        #expect(rig.associate() == true)
        let set = SetRequest.normal(invokeID: InvokeIDAndPriority(id: 2), attribute: HostileLinkRig.meterCounts,
                                    access: nil, value: .null)
        guard case .setResponse? = HostileLinkRig.apdu(rig.send(.setRequest(set))) else {
            Issue.record("SET answer not in one frame"); return
        }
    }

    /// Through ``SimulatorServer`` (its `hostile` option) over a memory channel: 50 segments.
    @Test func endlessSegmentsThroughTheServer() async throws {
        var options = SimulatorServer.Options()
        options.hostile = HostileBehaviour(modes: [.endlessSegments])
        let device = SharedDevice(ServerApplication(device: DeviceState(configuration: .init(meters: 5, seed: 7),
                                                                        now: SimulatorServer.now())))
        let server = SimulatorServer(device: device, options: options)
        let (client, end) = MemoryChannel.pair()
        let task = Task { await server.serve(channel: end, acceptsSignOn: false) }
        defer { task.cancel() }
        var decoder = HDLCStreamDecoder()
        func exchange(_ frame: HDLCFrame) async throws -> HDLCFrame {
            try await client.write(frame.encoded())
            while true {
                if case .frame(let f, _)? = decoder.next() { return f }
                decoder.append(try await client.read(atMost: 4096, timeout: .seconds(2)))
            }
        }
        let s = HostileLinkRig.self
        _ = try await exchange(s.frame(.setNormalResponseMode(poll: true)))
        let aarq = AARQ(userInformation: InitiateRequest(proposedConformance: .clientProposal, clientMaxReceivePDUSize: 0xFFFF))
        _ = try await exchange(s.frame(.information(sendSequence: 0, receiveSequence: 0, poll: true), LLC.command + APDU.aarq(aarq).encoded()))
        let get = APDU.getRequest(.normal(invokeID: InvokeIDAndPriority(id: 1), attribute: s.meterCounts, access: nil))
        var frame = try await exchange(s.frame(.information(sendSequence: 1, receiveSequence: 1, poll: true), LLC.command + get.encoded()))
        for _ in 0..<50 {
            guard case .information(let ns, 2, true) = frame.control, frame.segmented else {
                Issue.record("not an endless segment: \(frame)"); return
            }
            frame = try await exchange(s.frame(.receiveReady(receiveSequence: (ns + 1) & 7, poll: true)))
        }
        #expect(frame.segmented)
        await client.close()
    }

    // MARK: - ignore-release

    /// RLRQ and DISC go unanswered; the link and the association stay, GETs still work.
    @Test func ignoreReleaseLeavesRLRQAndDISCUnanswered() {
        var rig = HostileLinkRig(HostileBehaviour(modes: [.ignoreRelease]))
        #expect(rig.associate() == true)
        #expect(rig.send(.releaseRequest(ReleaseRequest())).isEmpty)
        #expect(rig.application.association(1) != nil)
        #expect(Self.isRR(rig.rr()))                    // the link layer still acknowledges a poll
        #expect(rig.disc().isEmpty)
        #expect(rig.disc().isEmpty)
        #expect(rig.session.isConnected)
        guard case .getResponse(.normal(_, .data))? = HostileLinkRig.apdu(rig.getMeterCounts()) else {
            Issue.record("GET after the ignored release not answered"); return
        }
        // The plain device answers both.
        var plain = HostileLinkRig(HostileBehaviour())
        #expect(plain.associate() == true)
        guard case .releaseResponse? = HostileLinkRig.apdu(plain.send(.releaseRequest(ReleaseRequest()))) else {
            Issue.record("plain device: no RLRE"); return
        }
        #expect(plain.disc().first?.control == .unnumberedAcknowledge(poll: true))
    }

    /// DISC without a link gets no DM either.
    @Test func ignoreReleaseGivesNoDM() {
        var rig = HostileLinkRig(HostileBehaviour(modes: [.ignoreRelease]))
        #expect(rig.disc().isEmpty)
        var plain = HostileLinkRig(HostileBehaviour())
        #expect(plain.disc().first?.control == .disconnectedMode(poll: true))
    }

    // MARK: - silent-after-association

    /// UA and AARE, then nothing: no GET answer, no RR, no UA for DISC. A new SNRM is
    /// answered again, and the link goes silent again after its AARE.
    @Test func silentAfterAssociation() {
        var rig = HostileLinkRig(HostileBehaviour(modes: [.silentAfterAssociation]))
        #expect(rig.associate() == true)
        #expect(rig.getMeterCounts().isEmpty)
        #expect(rig.rr().isEmpty)
        #expect(rig.send(.releaseRequest(ReleaseRequest())).isEmpty)
        #expect(rig.disc().isEmpty)
        #expect(rig.session.isSilent)
        #expect(rig.associate() == true)
        #expect(rig.getMeterCounts().isEmpty)
        // A rejected association does not silence the link.
        var rejected = HostileLinkRig(HostileBehaviour(modes: [.silentAfterAssociation]))
        #expect(rejected.snrm().count == 1)
        let wrong = AARQ(mechanism: .low, authenticationValue: Array("x".utf8),
                         userInformation: InitiateRequest(proposedConformance: .clientProposal, clientMaxReceivePDUSize: 0xFFFF))
        #expect(rejected.send(.aarq(wrong)).count == 1)      // client 16 with LLS: rejected
        #expect(!rejected.session.isSilent)
        #expect(rejected.rr().count == 1)
    }

    // MARK: - no mode

    /// Without a link mode the hostile session is the plain session, frame for frame.
    @Test func withoutModesTheSessionIsUnchanged() {
        var rig = HostileLinkRig(HostileBehaviour(answers: [HostileLinkRig.meterCounts: [0x12, 0x00, 0x01]]))
        var plainSession = ServerSession(configuration: rig.session.configuration)
        let snrm = HostileLinkRig.frame(.setNormalResponseMode(poll: true))
        #expect(rig.session.bytesReceived(snrm.encoded()) == plainSession.bytesReceived(snrm.encoded()))
        #expect(rig.session.respond([0x61, 0x00]) == plainSession.respond([0x61, 0x00]))
        #expect(!rig.session.isAssociated)      // not even watched
    }

    // MARK: - slow-drip

    /// Each byte goes out alone, in its own write, after its pause; reads pass straight through.
    @Test func slowDripSendsOneByteAtATime() async throws {
        let behaviour = HostileBehaviour(modes: [.slowDrip], dripInterval: .milliseconds(20))
        let wrap = try #require(behaviour.wrapping(nil))
        let (device, client) = MemoryChannel.pair()
        let recorder = WriteRecorder(device)
        let drip = wrap(recorder)
        #expect(drip is HostileDripChannel)
        let start = ContinuousClock.now
        try await drip.write([1, 2, 3, 4, 5])
        #expect(ContinuousClock.now - start >= .milliseconds(100))
        #expect(recorder.writes == [[1], [2], [3], [4], [5]])
        var received: [UInt8] = []
        while received.count < 5 { received += try await client.read(atMost: 100, timeout: .seconds(2)) }
        #expect(received == [1, 2, 3, 4, 5])
        try await client.write([9, 8])
        #expect(try await drip.read(atMost: 10, timeout: .seconds(1)) == [9, 8])
        #expect(HostileBehaviour(modes: [.endlessBlocks]).wrapping(nil) == nil)
    }
}

/// Passes everything through and keeps each write as it was made.
final class WriteRecorder: ByteChannel {
    private let inner: any ByteChannel
    private let log = Mutex<[[UInt8]]>([])
    init(_ inner: any ByteChannel) { self.inner = inner }
    var writes: [[UInt8]] { log.withLock { $0 } }
    func write(_ bytes: [UInt8]) async throws(TransportError) {
        log.withLock { $0.append(bytes) }
        try await inner.write(bytes)
    }
    func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await inner.read(atMost: atMost, timeout: timeout)
    }
    func close() async { await inner.close() }
}
