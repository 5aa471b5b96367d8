import DLMS
import DLMSTransport

/// A minimal async driver for tests: runs a ``ClientSession`` over a ``ByteChannel``
/// until the event's outcome arrives (the real driver is DLMSTransport's DLMSConnection).
struct ChannelClient {
    var session: ClientSession
    let channel: any ByteChannel

    init(channel: any ByteChannel, configuration: ClientConfiguration) {
        self.channel = channel
        session = ClientSession(configuration: configuration)
    }

    /// Feeds `event`, then reads and times out as the session asks, until an outcome.
    mutating func run(_ event: (inout ClientSession) -> [ClientAction]) async -> ClientAction? {
        var actions = event(&session)
        var timeout: Duration? = nil
        for _ in 0..<100_000 {
            var outcome: ClientAction?
            for action in actions {
                switch action {
                case .send(let bytes): try? await channel.write(bytes)
                case .startTimer(let d): timeout = d
                case .stopTimer: timeout = nil
                case .blockReceived: break
                default: outcome = action
                }
            }
            if let outcome { return outcome }
            guard let wait = timeout else { return nil }
            do {
                let bytes = try await channel.read(atMost: 4096, timeout: wait)
                actions = session.bytesReceived(bytes)
            } catch {
                if case .timedOut = error { actions = session.timerFired() } else { return nil }
            }
        }
        return nil
    }
}
