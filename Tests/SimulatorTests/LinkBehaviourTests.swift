import Testing
import DLMS
import DLMSTransport
import Foundation
import Simulator

/// The simulator's links as es951-sim builds them (``LinkEmulation``: `--faults`,
/// `--trace`, `--baud`/`--turnaround`), its inactivity timeout, and several clients on
/// one device — driven in-process by DLMSTransport's ``DLMSConnection``.
@Suite("Simulator links", .timeLimit(.minutes(2)))
struct LinkBehaviourTests {
    typealias Sim = InProcessSimulator

    // MARK: - --faults

    /// `cut-after=N`: the first connection is cut after the simulator sent N frames; the
    /// next connection is clean and sees what was written before the cut.
    @Test func cutAfterOnceKeepsTheDevice() async throws {
        let spec = try FaultSpec(parsing: "cut-after=4,seed=1")
        let sim = Sim(link: LinkEmulation(faults: spec))
        let first = DLMSConnection(channel: sim.connect(), configuration: Sim.configuration(client: 32, password: Sim.password))
        _ = try await first.open()                                                     // UA, AARE: 2 frames
        #expect(try await first.set(Sim.apn, .octetString(Array("before.cut".utf8))) == .success)   // 3
        _ = try await first.get([AttributeWithAccess(Sim.serialNumber)])               // 4: cut after it
        await #expect(throws: DLMSConnectionError.self) { _ = try await first.get([AttributeWithAccess(Sim.serialNumber)]) }
        await first.close()
        let counters = sim.link.faultyChannels.first?.counters
        #expect(counters?.cuts == 1)
        #expect(counters?.framesSent == 4)

        let second = DLMSConnection(channel: sim.connect(), configuration: Sim.configuration())
        _ = try await second.open()
        for _ in 0..<5 {   // more than N frames: no cut this time
            #expect(try await second.get([AttributeWithAccess(Sim.apn)]) == [.data(.octetString(Array("before.cut".utf8)))])
        }
        await second.close()
        #expect(sim.link.faultyChannels.count == 2)
        #expect(sim.link.faultyChannels.last?.faults.cutAfter == nil)
        #expect(sim.link.faultCounters.cuts == 1)
    }

    /// Corrupted and dropped frames: every read either gives exactly the clean data or
    /// fails with an error — never wrong data. 20 reads (serial number and the whole
    /// daily profile), seeds 1…20 (one per connection), at a mild and a harsh fault rate.
    @Test(arguments: [0.05, 0.25])
    func corruptAndDropNeverGiveWrongData(rate: Double) async throws {
        let clean = Sim()
        let reference = DLMSConnection(channel: clean.connect(), configuration: Sim.configuration())
        _ = try await reference.open()
        let request = [AttributeWithAccess(Sim.serialNumber), AttributeWithAccess(Sim.dailyProfile)]
        let expected = try await reference.get(request)
        await reference.close()
        #expect(expected.count == 2)

        // The 20 connections are independent (a simulator each): they run at once, so that
        // their response timeouts are waited out together, not one after another.
        enum Outcome { case identical, failed, wrong }
        let results = await withTaskGroup(of: (Outcome, FaultCounters).self) { group in
            for seed in 1...20 {
                group.addTask {
                    let spec = FaultSpec(corrupt: rate, drop: rate, seed: UInt64(seed))
                    let sim = Sim(link: LinkEmulation(faults: spec))
                    let link = DLMSConnection(channel: sim.connect(),
                                              configuration: Sim.configuration(responseTimeout: .milliseconds(250)))
                    var outcome = Outcome.failed
                    do {
                        _ = try await link.open()
                        let got = try await link.get(request)
                        outcome = got == expected ? .identical : .wrong
                    } catch {
                        outcome = .failed
                    }
                    await link.close()
                    return (outcome, sim.link.faultCounters)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        var identical = 0, failed = 0, wrong = 0
        var counters = FaultCounters()
        for (outcome, c) in results {
            switch outcome {
            case .identical: identical += 1
            case .failed: failed += 1
            case .wrong: wrong += 1
            }
            counters.corrupted += c.corrupted; counters.dropped += c.dropped
            counters.framesSent += c.framesSent; counters.framesReceived += c.framesReceived
        }
        print("faults corrupt=drop=\(rate): 20 reads — identical \(identical), failed \(failed), wrong \(wrong); frames sent \(counters.framesSent), received \(counters.framesReceived), corrupted \(counters.corrupted), dropped \(counters.dropped)")
        #expect(wrong == 0)
        #expect(identical + failed == 20)
        #expect(counters.corrupted > 0)
        #expect(counters.dropped > 0)
        if rate < 0.1 { #expect(identical > 0) }
    }

    // MARK: - --trace

    /// SPEC.md: `seconds.micro >|< hex hex …`, one line per frame, flags included; the
    /// LLS password as `2a` bytes.
    @Test func traceFormatAndMaskedPassword() async throws {
        let path = scratchPath("hdlc.trace")
        defer { unlink(path) }
        let sim = Sim(link: LinkEmulation(trace: try FrameTrace(path: path), secret: Array(Sim.password.utf8)))
        let link = DLMSConnection(channel: sim.connect(), configuration: Sim.configuration(client: 32, password: Sim.password))
        _ = try await link.open()
        _ = try await link.get([AttributeWithAccess(Sim.serialNumber)])
        await link.close()
        let lines = try #require(TraceLine.read(path), "a line not in SPEC.md's format")
        // SNRM/UA, AARQ/AARE, GET, DISC/UA (RLRQ/RLRE before it).
        #expect(lines.count >= 8)
        #expect(lines.first?.sent == false)
        #expect(lines.allSatisfy { $0.bytes.first == 0x7E && $0.bytes.last == 0x7E })
        #expect(lines.allSatisfy { (try? HDLCFrame(decoding: $0.bytes)) != nil || $0.bytes.contains(0x2A) })
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.time <= $1.time })
        let all = lines.flatMap(\.bytes)
        #expect(!all.contains(sequence: Array(Sim.password.utf8)))
        let aarq = try #require(lines.first { !$0.sent && $0.bytes.contains(sequence: [0xE6, 0xE6, 0x00, 0x60]) })
        #expect(aarq.bytes.contains(sequence: [0x80, 0x0A] + [UInt8](repeating: 0x2A, count: 10)))  // calling-authentication-value
        // Masking keeps the byte count: the frame's length field still matches.
        #expect(Int(aarq.bytes[1] & 0x07) << 8 | Int(aarq.bytes[2]) == aarq.bytes.count - 2)
    }

    // MARK: - --baud / --turnaround

    /// Pacing at 9600 bit/s with a 20 ms turnaround, seen in the trace: each request
    /// reaches the device no earlier than the line allows after the one before
    /// (turnaround + the reply's and the request's bytes at 10 bits a byte). Lower bounds
    /// only — sleeps never end early — less the lateness of one wake-up (hence the 0.75:
    /// the precision itself is measured by hlmcs-bench, not asserted); without pacing
    /// the span is a few ms and this fails.
    @Test func pacingShowsInTheTrace() async throws {
        let path = scratchPath("paced.trace")
        defer { unlink(path) }
        let sim = Sim(link: LinkEmulation(baud: 9600, turnaround: .milliseconds(20), trace: try FrameTrace(path: path)))
        #expect(sim.link.turnaround == .milliseconds(20))
        let link = DLMSConnection(channel: sim.connect(), configuration: Sim.configuration())
        _ = try await link.open()
        _ = try await link.get([AttributeWithAccess(Sim.serialNumber)])
        _ = try await link.get([AttributeWithAccess(CosemAttributeDescriptor("8/0.0.1.0.0.255/2")!)])
        await link.close()
        let lines = try #require(TraceLine.read(path))
        let received = lines.indices.filter { !lines[$0].sent }
        #expect(received.count >= 4)
        var bound = 0.0
        for (a, b) in zip(received, received.dropFirst()) {
            let sentBytes = lines[(a + 1)..<b].reduce(0) { $0 + $1.bytes.count }
            guard sentBytes > 0 else { continue }      // a round trip: reply, then the next request
            bound += 0.020 + Double(sentBytes + lines[b].bytes.count) * 10 / 9600
        }
        let span = lines[received.last!].time - lines[received.first!].time
        print("paced trace: \(received.count) requests over \(span) s, line bound \(bound) s")
        #expect(bound > 0.1)
        #expect(span >= bound * 0.75)   // unpaced, the span would be a few ms
    }

    /// `turnaround` defaults as SPEC.md says: 20 ms with a baud rate, else 0.
    @Test func turnaroundDefaults() {
        #expect(LinkEmulation(baud: 9600).turnaround == .milliseconds(20))
        #expect(LinkEmulation().turnaround == .zero)
        #expect(LinkEmulation().isEmpty)
        #expect(LinkEmulation(baud: 9600, turnaround: .milliseconds(5)).turnaround == .milliseconds(5))
    }

    // MARK: - Inactivity

    /// After the inactivity timeout the link is down: the next I-frame is answered with
    /// DM and the association is gone.
    @Test func inactivityDropsTheLink() async throws {
        let sim = Sim(inactivityTimeout: .milliseconds(200))
        let channel = sim.connect()
        let link = DLMSConnection(channel: channel, configuration: Sim.configuration())
        _ = try await link.open()
        #expect(try await link.get([AttributeWithAccess(Sim.serialNumber)]).count == 1)
        // Wait for the simulator to drop the link (not a fixed sleep: on a loaded machine
        // its timer may fire late), then the next request finds it gone.
        let deadline = ContinuousClock.now + .seconds(20)
        while !sim.log.contains(where: { $0.hasPrefix("client 16 disconnected") }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(sim.log.contains { $0.hasPrefix("client 16 disconnected") })
        await #expect(throws: DLMSConnectionError.dlms(.disconnectedByPeer)) {
            _ = try await link.get([AttributeWithAccess(Sim.serialNumber)])
        }
        await link.close()
        // A raw I-frame on a fresh link-less connection gets DM too.
        let raw = sim.connect()
        let frame = HDLCFrame(destination: .server(upper: 1, lower: 1001, size: 4), source: .client(16),
                              control: .information(sendSequence: 0, receiveSequence: 0, poll: true), information: [0xE6, 0xE6, 0x00])
        try await raw.write(frame.encoded())
        let answer = try HDLCFrame(decoding: try await raw.read(atMost: 256, timeout: .seconds(5)))
        #expect(answer.control == .disconnectedMode(poll: true))
        await raw.close()
    }

    // MARK: - Several clients

    /// Two TCP clients at once: each its own association (point selector), one device (a
    /// write by one is read by the other).
    @Test func severalClientsShareOneDevice() async throws {
        let sim = Sim()
        let port = try sim.listen()
        let writer = DLMSConnection(channel: try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5)),
                                    configuration: Sim.configuration(client: 32, password: Sim.password))
        let reader = DLMSConnection(channel: try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5)),
                                    configuration: Sim.configuration())
        async let a = writer.open()
        async let b = reader.open()
        _ = try await (a, b)
        #expect(try await writer.set(Sim.apn, .octetString(Array("shared.apn".utf8))) == .success)
        #expect(try await reader.get([AttributeWithAccess(Sim.apn)]) == [.data(.octetString(Array("shared.apn".utf8)))])
        // The point selector belongs to each association.
        #expect(try await reader.set(Sim.pointSelector, .longUnsigned(3)) == .success)
        #expect(try await reader.get([AttributeWithAccess(Sim.pointSelector)]) == [.data(.longUnsigned(3))])
        #expect(try await writer.get([AttributeWithAccess(Sim.pointSelector)]) == [.data(.longUnsigned(1))])
        // Reads at the same time.
        async let x = writer.get([AttributeWithAccess(Sim.dailyProfile)])
        async let y = reader.get([AttributeWithAccess(Sim.serialNumber)])
        let (profile, serial) = try await (x, y)
        #expect(serial == [.data(.visibleString(Array("95100001".utf8)))])
        if case .data(.array(let rows)) = profile.first { #expect(rows.count == 89) } else { Issue.record("no profile") }
        await writer.close()
        await reader.close()
        #expect(sim.log.filter { $0.contains("connected: max info") }.count == 2)
    }
}
