import DLMS
import DLMSTransport
import Foundation

/// Runs the simulated ES-951 over byte channels: per connection an HDLC
/// ``ServerSession`` (upper address 1, lower = the logical address, 4-byte form; also
/// the all-station address; replies from its own address) and an association in the
/// shared ``SharedDevice``. Optionally accepts an IEC 62056-21 sign-on first (optical
/// port, pty).
public final class SimulatorServer: Sendable {
    public struct Options: Sendable {
        /// Largest information field granted, both ways (`--max-info`).
        public var maxInfo: Int
        /// Largest window granted, both ways (`--window`).
        public var window: Int
        /// Silence after which the link falls back to disconnected mode.
        public var inactivityTimeout: Duration
        /// One line per request served (to stderr in the executable).
        public var log: (@Sendable (String) -> Void)?
        /// Wraps each connection's channel (pacing, faults, trace) before it is served.
        public var wrap: (@Sendable (any ByteChannel) -> any ByteChannel)?
        /// Hostile-device hook: the link modes (``HostileSession``); empty, the device as it is.
        /// The application modes are ``ServerApplication/hostile``, slow-drip is in `wrap`.
        public var hostile = HostileBehaviour()
        public init(maxInfo: Int = 512, window: Int = 7, inactivityTimeout: Duration = .seconds(120),
                    log: (@Sendable (String) -> Void)? = nil, wrap: (@Sendable (any ByteChannel) -> any ByteChannel)? = nil) {
            let info = HDLCParameters.informationFieldRange, windows = HDLCParameters.windowRange
            self.maxInfo = min(max(maxInfo, info.lowerBound), info.upperBound)
            self.window = min(max(window, windows.lowerBound), windows.upperBound)
            self.inactivityTimeout = inactivityTimeout; self.log = log; self.wrap = wrap
        }
    }

    /// The identification of the optical port: `/EMS5\2ES951` (9600 baud, HDLC).
    public static let identification = Identification(manufacturer: "EMS", baudCharacter: UInt8(ascii: "5"),
                                                      supportsHDLC: true, identification: "ES951")

    public let device: SharedDevice
    public let options: Options

    public init(device: SharedDevice, options: Options = Options()) {
        self.device = device; self.options = options
    }

    private func session() async -> HostileSession {   // hostile-device hook: a ServerSession inside
        let address = HDLCAddress.server(upper: 1, lower: await device.logicalAddress, size: 4)
        return HostileSession(ServerSession(configuration: .init(address: address, limits: HDLCParameters(
            maxInfoTransmit: options.maxInfo, maxInfoReceive: options.maxInfo,
            windowTransmit: options.window, windowReceive: options.window))), behaviour: options.hostile)
    }

    /// Accepts TCP clients until the listener closes; each is served on its own task,
    /// with HDLC or, with `wrapper`, the IEC 62056-47 wrapper (``serveWrapper(channel:)``).
    public func serve(listener: TCPListener, wrapper: Bool = false) async {
        await withDiscardingTaskGroup { group in
            while true {
                let channel: TCPChannel
                do throws(TransportError) { channel = try await listener.accept() } catch {
                    if case .closed = error { return }
                    if Task.isCancelled { return }
                    try? await Task.sleep(for: .milliseconds(50))
                    continue
                }
                group.addTask {
                    if wrapper {
                        await self.serveWrapper(channel: channel)
                    } else {
                        await self.serve(channel: channel, acceptsSignOn: false)
                    }
                    await channel.close()
                }
            }
        }
    }

    /// Serves one channel until the peer closes it (or the task is cancelled).
    /// - Parameters:
    ///   - acceptsSignOn: take an IEC 62056-21 sign-on (`/?!`) before HDLC; plain HDLC too.
    ///   - switchToHDLC: called after the acknowledgement, before HDLC (a real optical
    ///     port changes to 9600 8N1 here).
    public func serve(channel raw: any ByteChannel, acceptsSignOn: Bool,
                      switchToHDLC: (@Sendable () async -> Void)? = nil) async {
        let channel = options.wrap?(raw) ?? raw
        let connection = await device.newConnection()
        var session = await session()
        var signOn: [UInt8]? = nil          // bytes of a sign-on message being read
        var awaitingAcknowledgement = false
        defer { Task { [device] in await device.disconnected(connection: connection) } }
        while !Task.isCancelled {
            let bytes: [UInt8]
            do {
                bytes = try await channel.read(atMost: 4096, timeout: options.inactivityTimeout)
            } catch {
                switch error {
                case .timedOut:
                    for case .disconnected(let client) in session.inactivityElapsed() {
                        options.log?("client \(client) disconnected (inactivity)")
                        await device.disconnected(connection: connection)
                        session = await self.session()
                    }
                    signOn = nil; awaitingAcknowledgement = false
                    continue
                default:
                    return
                }
            }
            var input = bytes[...]
            // IEC 62056-21 mode E: "/?!\r\n" → identification; "ACK 2 5 2 \r\n" → HDLC.
            if acceptsSignOn, !session.isConnected, signOn != nil || awaitingAcknowledgement || input.first == 0x2F {
                var line = (signOn ?? []) + input
                guard let end = line.firstIndex(of: 0x0A) else {
                    signOn = line.count > 128 ? nil : line
                    continue
                }
                input = line[(end + 1)...]
                line = Array(line[...end])
                signOn = nil
                if line.first == 0x2F {
                    options.log?("IEC 62056-21 sign-on: identification sent")
                    try? await channel.write(Self.identification.encoded())
                    awaitingAcknowledgement = true
                } else if awaitingAcknowledgement, line.first == 0x06 {
                    awaitingAcknowledgement = false
                    options.log?("IEC 62056-21 acknowledgement: HDLC")
                    await switchToHDLC?()
                }
                if input.isEmpty { continue }
            }
            var pending = session.bytesReceived(input)
            var out: [UInt8] = []
            while !pending.isEmpty {
                switch pending.removeFirst() {
                case .send(let frame):
                    out += frame
                case .request(let apdu, let client):
                    let now = Self.now()
                    let (answer, summary) = await device.handle(apdu, client: client, now: now, connection: connection)
                    if let summary { options.log?(summary.line) }
                    pending = session.respond(answer) + pending
                case .connected(let client, let parameters):
                    options.log?("client \(client) connected: max info \(parameters.maxInfoTransmit)/\(parameters.maxInfoReceive), window \(parameters.windowTransmit)/\(parameters.windowReceive)")
                case .disconnected(let client):
                    options.log?("client \(client) disconnected")
                    await device.disconnected(connection: connection)
                    let fresh = await self.session()
                    if fresh.configuration.address != session.configuration.address, !session.isConnected {
                        if !out.isEmpty { try? await channel.write(out); out = [] }
                        session = fresh
                    }
                }
            }
            if !out.isEmpty {
                do { try await channel.write(out) } catch { return }
            }
        }
    }

    /// The host clock.
    public static func now() -> HostTime {
        let t = Date().timeIntervalSince1970
        return HostTime(secondsSince1970: Int64(t.rounded(.down)), hundredths: UInt8(min(99, (t - t.rounded(.down)) * 100)))
    }
}
