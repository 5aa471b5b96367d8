import Testing
@testable import DLMSTransport

@Suite struct MemoryChannelTests {
    @Test func bytesGoBothWays() async throws {
        let (a, b) = MemoryChannel.pair()
        try await a.write([1, 2, 3])
        try await b.write([9])
        #expect(try await b.read(atMost: 16, timeout: .seconds(1)) == [1, 2, 3])
        #expect(try await a.read(atMost: 16, timeout: .seconds(1)) == [9])
    }

    @Test func readReturnsAtMostWhatIsAsked() async throws {
        let (a, b) = MemoryChannel.pair()
        try await a.write([1, 2, 3, 4, 5])
        #expect(try await b.read(atMost: 2, timeout: .seconds(1)) == [1, 2])
        #expect(try await b.read(atMost: 10, timeout: .seconds(1)) == [3, 4, 5])
    }

    @Test func readTimesOutWhenNothingComes() async {
        let (_, b) = MemoryChannel.pair()
        let start = ContinuousClock.now
        await #expect(throws: TransportError.timedOut(after: .milliseconds(30))) {
            try await b.read(atMost: 1, timeout: .milliseconds(30))
        }
        #expect(ContinuousClock.now - start >= .milliseconds(30))
    }

    @Test func waitingReaderWakesOnWrite() async throws {
        let (a, b) = MemoryChannel.pair()
        async let got = b.read(atMost: 8, timeout: .seconds(5))
        while b.waitingReaders == 0 { await Task.yield() }
        try await a.write([0x7E])
        #expect(try await got == [0x7E])
    }

    @Test func closeEndsThePeerAfterPendingBytes() async throws {
        let (a, b) = MemoryChannel.pair()
        try await a.write([1])
        await a.close()
        #expect(try await b.read(atMost: 8, timeout: .seconds(1)) == [1])
        await #expect(throws: TransportError.closed) { try await b.read(atMost: 8, timeout: .seconds(1)) }
        await #expect(throws: TransportError.closed) { try await b.write([2]) }
        await #expect(throws: TransportError.closed) { try await a.write([2]) }
    }

    /// The read would wait an hour; only `close()` can end it within the time limit.
    /// (No wall-clock assertion: a busy machine may delay tasks, not change the outcome.)
    @Test(.timeLimit(.minutes(1))) func closeWakesAWaitingReader() async throws {
        let (a, b) = MemoryChannel.pair()
        let reader = Task { () async throws(TransportError) -> [UInt8] in
            try await b.read(atMost: 8, timeout: .seconds(3600))
        }
        while b.waitingReaders == 0 { await Task.yield() }
        await a.close()
        await #expect(throws: TransportError.closed) { try await reader.value }
    }
}
