import Testing
@testable import DLMSTransport

/// Behaviour only: timing is checked exactly in LineScheduleTests and measured by
/// `hlmcs-bench` (pacing section), never asserted against the wall clock here.
@Suite struct PacedChannelTests {
    @Test func deliversEveryByteInOrderBothWays() async throws {
        let (a, b) = MemoryChannel.pair()
        let paced = PacedChannel(a, baud: 115200, turnaround: .milliseconds(1))
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        try await paced.write(data)
        var got: [UInt8] = []
        while got.count < data.count { got += try await b.read(atMost: 4096, timeout: .seconds(2)) }
        #expect(got == data)
        try await b.write([1, 2])
        #expect(try await paced.read(atMost: 8, timeout: .seconds(1)) == [1, 2])
        try await paced.write([3])
        #expect(try await b.read(atMost: 8, timeout: .seconds(1)) == [3])
        await paced.close()
        await #expect(throws: TransportError.closed) { try await b.read(atMost: 8, timeout: .seconds(1)) }
    }
}
