import Testing
@testable import DLMSTransport

@Suite struct TCPChannelTests {
    @Test func loopbackBytesBothWaysAndClose() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        defer { listener.close() }
        #expect(listener.port != 0)
        async let accepted = listener.accept()
        let client = try await TCPChannel.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(5))
        let server = try await accepted
        try await client.write([0x7E, 0xA0, 0x07])
        var got: [UInt8] = []
        while got.count < 3 { got += try await server.read(atMost: 64, timeout: .seconds(2)) }
        #expect(got == [0x7E, 0xA0, 0x07])
        try await server.write(Array(0..<200))
        got = []
        while got.count < 200 { got += try await client.read(atMost: 64, timeout: .seconds(2)) }
        #expect(got == Array(0..<200))
        await client.close()
        await #expect(throws: TransportError.closed) { try await server.read(atMost: 8, timeout: .seconds(2)) }
        await #expect(throws: TransportError.closed) { try await client.read(atMost: 8, timeout: .seconds(2)) }
    }

    @Test func readTimesOut() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        defer { listener.close() }
        async let accepted = listener.accept()
        let client = try await TCPChannel.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(5))
        _ = try await accepted
        let start = ContinuousClock.now
        await #expect(throws: TransportError.timedOut(after: .milliseconds(80))) {
            try await client.read(atMost: 8, timeout: .milliseconds(80))
        }
        #expect(ContinuousClock.now - start >= .milliseconds(80))
    }

    @Test func refusedConnectionIsAnIOError() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let port = listener.port
        listener.close()
        do {
            _ = try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(2))
            Issue.record("connected to a closed port")
        } catch {
            #expect(error == .io(errno: 111 /* ECONNREFUSED */, operation: "connect"))
        }
    }

    @Test func closingTheListenerEndsAccept() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let waiting = Task { () async throws(TransportError) -> TCPChannel in try await listener.accept() }
        // Closed while the accept waits (not before it began).
        while listener.waitingAccepts == 0 { await Task.yield() }
        listener.close()
        await #expect(throws: TransportError.closed) { _ = try await waiting.value }
    }
}
