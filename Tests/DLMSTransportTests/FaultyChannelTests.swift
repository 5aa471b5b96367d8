import DLMS
import Testing
@testable import DLMSTransport

@Suite struct FaultyChannelTests {
    /// An I-frame of `n` information bytes from the server 1/1001 to client 16.
    static func frame(_ n: Int, seq: Int = 0) -> [UInt8] {
        HDLCFrame(destination: .client(16), source: .server(upper: 1, lower: 1001, size: 4),
                  control: .information(sendSequence: UInt8(seq % 8), receiveSequence: 0, poll: true),
                  information: (0..<n).map { UInt8(truncatingIfNeeded: $0 &+ seq) }).encoded()
    }

    static func drain(_ channel: any ByteChannel) async -> [UInt8] {
        var got: [UInt8] = []
        while let chunk = try? await channel.read(atMost: 65536, timeout: .milliseconds(50)) { got += chunk }
        return got
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // Reference: Vigna's splitmix64.c with x = 0.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func parsesTheSpecSyntax() throws {
        let spec = try FaultSpec(parsing: "corrupt=0.05,drop=0.03,delay=20,cut-after=10,seed=7")
        #expect(spec == FaultSpec(corrupt: 0.05, drop: 0.03, delay: .milliseconds(20), cutAfter: 10, seed: 7))
        #expect(try FaultSpec(parsing: "") == .none)
        #expect(try FaultSpec(parsing: "seed=3, drop=1") == FaultSpec(drop: 1, seed: 3))
        #expect(throws: TransportError.unsupported("faults: unknown lose (corrupt, drop, delay, cut-after, seed)")) { try FaultSpec(parsing: "lose=0.1") }
        #expect(throws: TransportError.unsupported("faults: drop=1.5 (0…1)")) { try FaultSpec(parsing: "drop=1.5") }
        #expect(throws: TransportError.unsupported("faults: delay")) { try FaultSpec(parsing: "delay") }
        #expect(throws: TransportError.unsupported("faults: cut-after=-1")) { try FaultSpec(parsing: "cut-after=-1") }
    }

    @Test func seededFaultsAreCountedAndMatchTheirFrames() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: try FaultSpec(parsing: "corrupt=0.1,drop=0.05,seed=7"))
        let sent = (0..<200).map { Self.frame(20, seq: $0) }
        for f in sent { try await faulty.write(f) }
        let c = faulty.counters
        #expect(c.framesSent == 200)
        // Same seed, same draws (drop; corrupt; byte; pattern): the expected counts.
        var rng = SplitMix64(seed: 7)
        var dropped = 0, corrupted = 0
        for _ in 0..<200 {
            if rng.unit() < 0.05 { dropped += 1; continue }
            if rng.unit() < 0.1 { corrupted += 1; _ = rng.next(); _ = rng.next() }
        }
        #expect(c.dropped == dropped)
        #expect(c.corrupted == corrupted)
        #expect(dropped > 0 && corrupted > 0)
        // What arrived: 200 − dropped frames, each whole or with exactly one byte changed
        // inside its flags.
        let got = await Self.drain(b)
        let size = sent[0].count
        #expect(got.count == (200 - dropped) * size)
        var changed = 0
        var i = 0
        for chunk in stride(from: 0, to: got.count, by: size).map({ Array(got[$0..<$0 + size]) }) {
            while i < sent.count, zip(sent[i], chunk).filter({ $0 != $1 }).count > 1 { i += 1 }   // skip dropped
            guard i < sent.count else { Issue.record("unmatched frame"); break }
            let diffs = zip(sent[i], chunk).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            if diffs.count == 1 { changed += 1; #expect(diffs[0] > 0 && diffs[0] < size - 1) }
            i += 1
        }
        #expect(changed == corrupted)
    }

    @Test func dropsFramesItReadsButPassesASignOn() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: FaultSpec(drop: 1))
        let signOn = Array("/?!\r\n".utf8)
        try await b.write(Self.frame(10) + signOn + Self.frame(5, seq: 1))
        let got = await Self.drain(faulty)
        #expect(got == signOn)
        #expect(faulty.counters.framesReceived == 2)
        #expect(faulty.counters.dropped == 2)
    }

    @Test func cleanChannelPassesSplitReadsWhole() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: .none)
        let f = Self.frame(30)
        try await b.write(Array(f[0..<7]))
        try await b.write(Array(f[7...]) + [0x41])
        #expect(await Self.drain(faulty) == f + [0x41])
        #expect(faulty.counters.framesReceived == 1)
        #expect(faulty.counters.corrupted == 0)
    }

    @Test func cutAfterTwoFramesCutsOnce() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: try FaultSpec(parsing: "cut-after=2"))
        try await faulty.write(Self.frame(4))
        try await faulty.write(Self.frame(4, seq: 1))
        await #expect(throws: TransportError.cut) { try await faulty.write(Self.frame(4, seq: 2)) }
        await #expect(throws: TransportError.cut) { try await faulty.read(atMost: 8, timeout: .milliseconds(10)) }
        #expect(faulty.counters.cuts == 1)
        #expect(faulty.counters.framesSent == 2)
        // The peer got both frames, then the end of the stream.
        var got: [UInt8] = []
        while got.count < 2 * Self.frame(4).count { got += try await b.read(atMost: 256, timeout: .seconds(1)) }
        #expect(got == Self.frame(4) + Self.frame(4, seq: 1))
        await #expect(throws: TransportError.closed) { try await b.read(atMost: 8, timeout: .seconds(1)) }
    }

    @Test func aWindowInOneWriteMeetsItsFaultsFrameByFrame() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: try FaultSpec(parsing: "cut-after=2"))
        let window = Self.frame(6) + Self.frame(6, seq: 1) + Self.frame(6, seq: 2)
        try await faulty.write(window)
        #expect(faulty.counters.framesSent == 2)
        #expect(faulty.counters.cuts == 1)
        // The peer got the first two frames of the window, then the end of the stream.
        var got: [UInt8] = []
        while got.count < 2 * Self.frame(6).count { got += try await b.read(atMost: 256, timeout: .seconds(1)) }
        #expect(got == Self.frame(6) + Self.frame(6, seq: 1))
        await #expect(throws: TransportError.closed) { try await b.read(atMost: 8, timeout: .seconds(1)) }
    }

    @Test func dropsOneFrameOfAWindowNotTheWindow() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: FaultSpec(drop: 0.5, seed: 11))
        let frames = (0..<40).map { Self.frame(8, seq: $0) }
        try await faulty.write(frames.flatMap { $0 })
        let c = faulty.counters
        #expect(c.framesSent == 40)
        #expect(c.dropped > 0 && c.dropped < 40, "some frames of the window dropped, not all or none")
        let got = await Self.drain(b)
        #expect(got.count == (40 - c.dropped) * frames[0].count)
    }

    @Test func aWriteWithoutHDLCFramesIsOneFrame() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: FaultSpec(drop: 1))
        try await faulty.write([0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x02, 0xC0, 0x01])   // a wrapper message
        #expect(faulty.counters.framesSent == 1)
        #expect(faulty.counters.dropped == 1)
        #expect(await Self.drain(b).isEmpty)
    }

    @Test func delayIsCountedPerFrameSent() async throws {
        let (a, b) = MemoryChannel.pair()
        let faulty = FaultyChannel(a, faults: FaultSpec(delay: .milliseconds(1)))
        for i in 0..<3 { try await faulty.write(Self.frame(2, seq: i)) }
        #expect(faulty.counters.delayed == 3)
        #expect(await Self.drain(b).count == 3 * Self.frame(2).count)
    }
}
