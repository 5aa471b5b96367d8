import Testing
import DLMS
import DLMSTransport
import Foundation
import Simulator

/// The `--wrapper` link (IEC 62056-47 over TCP): a wrapper client of the test's own
/// (APDUs from module DLMS, ``WrapperCodec``) against the in-process simulator on a TCP
/// listener.
@Suite("Wrapper link", .timeLimit(.minutes(1)))
struct WrapperTests {
    static func connect(_ port: UInt16, client: UInt16 = 16) async throws -> WrapperClient {
        let channel = try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
        return WrapperClient(channel: channel, client: client)
    }

    @Test func readsSerialNumberAndDailyProfile() async throws {
        let sim = InProcessSimulator()
        var c = try await Self.connect(try sim.listen(wrapper: true))
        defer { Task { [c] in await c.channel.close() } }
        let aare = try await c.associate()
        #expect(aare.isAccepted)
        guard case .initiateResponse(let initiate)? = aare.userInformation else { Issue.record("no InitiateResponse"); return }
        #expect(initiate.serverMaxReceivePDUSize == 1024)
        #expect(try await c.get("1/0.0.96.1.0.255/2") == .data(.visibleString(Array("95100001".utf8))))
        guard case .data(.array(let rows)) = try await c.get("7/1.0.98.2.0.255/2") else { Issue.record("no profile"); return }
        #expect(rows.count == 89)
        // The profile is longer than the PDU: it came in GET blocks.
        #expect(sim.log.contains { $0.contains("GET-next") })
        // Every answer from wPort 1 to the client's wPort.
        #expect(!c.received.isEmpty)
        #expect(c.received.allSatisfy { $0.source == 1 && $0.destination == 16 })
        guard case .releaseResponse = try await c.release() else { Issue.record("no RLRE"); return }
    }

    /// The same values as over HDLC (one device, two links).
    @Test func sameDataAsHDLC() async throws {
        let sim = InProcessSimulator()
        var w = try await Self.connect(try sim.listen(wrapper: true))
        defer { Task { [w] in await w.channel.close() } }
        _ = try await w.associate()
        let viaWrapper = try await w.get("7/1.0.98.2.0.255/2")
        let hdlc = DLMSConnection(channel: sim.connect(), configuration: InProcessSimulator.configuration())
        _ = try await hdlc.open()
        let viaHDLC = try await hdlc.get([AttributeWithAccess(InProcessSimulator.dailyProfile)])
        await hdlc.close()
        #expect(viaHDLC == [viaWrapper])
    }

    @Test func llsWriteAndWrongPassword() async throws {
        let sim = InProcessSimulator()
        let port = try sim.listen(wrapper: true)
        var bad = try await Self.connect(port, client: 32)
        let refused = try await bad.associate(password: "wrong")
        #expect(refused.result == .rejectedPermanent)
        #expect(refused.diagnostic == .serviceUser(13))
        await bad.channel.close()

        var lls = try await Self.connect(port, client: 32)
        #expect(try await lls.associate(password: InProcessSimulator.password).isAccepted)
        #expect(try await lls.set("45/0.0.25.4.0.255/2", .octetString(Array("wrapper.apn".utf8))) == .success)
        #expect(lls.received.allSatisfy { $0.source == 1 && $0.destination == 32 })
        await lls.channel.close()

        var nls = try await Self.connect(port)
        _ = try await nls.associate()
        #expect(try await nls.get("45/0.0.25.4.0.255/2") == .data(.octetString(Array("wrapper.apn".utf8))))
        #expect(try await nls.set("45/0.0.25.4.0.255/2", .octetString([0x41])) == .readWriteDenied)
        await nls.channel.close()
    }

    /// Without an AARQ there is no association: an exception-response, not data.
    @Test func requestWithoutAssociation() async throws {
        let sim = InProcessSimulator()
        var c = try await Self.connect(try sim.listen(wrapper: true))
        defer { Task { [c] in await c.channel.close() } }
        let answer = try await c.exchange(.getRequest(.normal(invokeID: InvokeIDAndPriority(id: 1),
                                                               attribute: InProcessSimulator.serialNumber, access: nil)))
        guard case .exceptionResponse = answer else { Issue.record("\(answer)"); return }
    }

    /// A PDU for another wPort is ignored; the next one is answered.
    @Test func otherDestinationIgnored() async throws {
        let sim = InProcessSimulator()
        var c = try await Self.connect(try sim.listen(wrapper: true))
        defer { Task { [c] in await c.channel.close() } }
        let aarq = APDU.aarq(AARQ(userInformation: InitiateRequest(proposedConformance: .clientProposal, clientMaxReceivePDUSize: 0xFFFF)))
        try await c.channel.write(WrapperCodec.encode(.init(source: 16, destination: 5, apdu: aarq.encoded()))!)
        #expect(try await c.associate().isAccepted)
        #expect(c.received.count == 1)
        #expect(sim.log.contains { $0.contains("wPort 5 ignored") })
    }

    /// A version other than 1 puts the stream out of step: the connection is closed.
    @Test func badVersionClosesTheConnection() async throws {
        let sim = InProcessSimulator()
        let c = try await Self.connect(try sim.listen(wrapper: true))
        try await c.channel.write([0x00, 0x02, 0x00, 0x10, 0x00, 0x01, 0x00, 0x00])
        await #expect(throws: TransportError.closed) { _ = try await c.channel.read(atMost: 64, timeout: .seconds(5)) }
        await c.channel.close()
    }

    /// The trace of a wrapper link: one line per PDU, header included, password masked.
    @Test func traceOnePDUPerLine() async throws {
        let path = scratchPath("wrapper.trace")
        defer { unlink(path) }
        let trace = try FrameTrace(path: path)
        let sim = InProcessSimulator(link: LinkEmulation(trace: trace, secret: Array(InProcessSimulator.password.utf8),
                                                         framing: .wrapper))
        var c = try await Self.connect(try sim.listen(wrapper: true), client: 32)
        #expect(try await c.associate(password: InProcessSimulator.password).isAccepted)
        _ = try await c.get("1/0.0.96.1.0.255/2")
        await c.channel.close()
        let lines = try #require(TraceLine.read(path))
        #expect(lines.map(\.sent) == [false, true, false, true])
        for line in lines {
            #expect(Array(line.bytes.prefix(2)) == [0x00, 0x01])
            #expect(line.bytes.count == 8 + (Int(line.bytes[6]) << 8 | Int(line.bytes[7])))
        }
        #expect(lines[0].bytes.contains(sequence: [UInt8](repeating: 0x2A, count: 10)))
        #expect(!lines[0].bytes.contains(sequence: Array(InProcessSimulator.password.utf8)))
    }

    /// The inactivity timeout closes an idle wrapper connection (and its association).
    @Test func inactivityClosesTheConnection() async throws {
        let sim = InProcessSimulator(inactivityTimeout: .milliseconds(200))
        var c = try await Self.connect(try sim.listen(wrapper: true))
        #expect(try await c.associate().isAccepted)
        // The read waits (up to 5 s) for the 200 ms timeout to close the connection.
        await #expect(throws: TransportError.closed) { _ = try await c.channel.read(atMost: 64, timeout: .seconds(5)) }
        #expect(sim.log.contains("wrapper: inactivity, connection closed"))
        #expect(sim.log.contains("client 16 disconnected"))
        await c.channel.close()
    }

    /// `--faults` on a wrapper link act on the PDUs sent: `cut-after=2` cuts after the
    /// AARE and one answer; bytes received that look like an HDLC frame's start (7E A7…)
    /// are not held back as one.
    @Test func faultsOnTheWrapper() async throws {
        let sim = InProcessSimulator(link: LinkEmulation(faults: FaultSpec(cutAfter: 2, seed: 1), framing: .wrapper))
        let port = try sim.listen(wrapper: true)
        var first = try await Self.connect(port, client: 32)
        first.timeout = .seconds(3)
        #expect(try await first.associate(password: InProcessSimulator.password).isAccepted)
        #expect(try await first.set("45/0.0.25.4.0.255/2", .octetString([0x7E, 0xA7, 0xFF, 0x7E])) == .success)
        await #expect(throws: WrapperClient.Failure.transport(.closed)) { _ = try await first.get("1/0.0.96.1.0.255/2") }
        await first.channel.close()
        var second = try await Self.connect(port)
        second.timeout = .seconds(3)
        #expect(try await second.associate().isAccepted)
        for _ in 0..<3 {
            #expect(try await second.get("45/0.0.25.4.0.255/2") == .data(.octetString([0x7E, 0xA7, 0xFF, 0x7E])))
        }
        await second.channel.close()
        #expect(sim.link.faultCounters.cuts == 1)
    }
}
