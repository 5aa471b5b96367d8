import Testing
import DLMS
@testable import Simulator

/// Runs a ``ClientSession`` against a ``ServerSession`` and the simulator's
/// ``ServerApplication`` in memory (the pattern of DLMSTests' SessionHarness): every
/// frame delivered whole, the client's timer fired only when nothing is in flight.
/// Several client sessions can take turns on the same application (one connection each).
struct SimulatorHarness {
    var application: ServerApplication
    var now = HostTime(secondsSince1970: 1_760_000_000)   // 2025-10-09 08:53:20 UTC

    init(configuration: DeviceState.Configuration = .init(meters: 20, seed: 7)) {
        application = ServerApplication(device: DeviceState(configuration: configuration, now: now))
    }

    /// A client and its server-side link.
    struct Connection {
        var client: ClientSession
        var server: ServerSession
        var id: Int
        var outcomes: [ClientAction] = []
        var lastBlocks: [UInt32] = []
    }

    private var nextID = 0

    static func clientConfiguration(client: UInt8 = 16, password: String? = nil, maxPDU: UInt16 = 0xFFFF,
                                    maxInfo: Int = 2030) -> ClientConfiguration {
        ClientConfiguration(clientAddress: client,
                            authentication: password.map { .low(password: Array($0.utf8)) } ?? .none,
                            proposal: HDLCParameters(maxInfoTransmit: maxInfo, maxInfoReceive: maxInfo, windowTransmit: 7, windowReceive: 7),
                            maxReceivePDUSize: maxPDU)
    }

    mutating func connect(client: UInt8 = 16, password: String? = nil, maxPDU: UInt16 = 0xFFFF) -> Connection {
        nextID += 1
        let address = HDLCAddress.server(upper: 1, lower: application.device.logicalAddress, size: 4)
        var connection = Connection(
            client: ClientSession(configuration: Self.clientConfiguration(client: client, password: password, maxPDU: maxPDU)),
            server: ServerSession(configuration: .init(address: address, limits: HDLCParameters(
                maxInfoTransmit: 512, maxInfoReceive: 512, windowTransmit: 7, windowReceive: 7))),
            id: nextID)
        run(&connection) { $0.connect() }
        return connection
    }

    /// Feeds `event` to the client and runs both sides until nothing moves.
    mutating func run(_ c: inout Connection, _ event: (inout ClientSession) -> [ClientAction]) {
        var toServer: [[UInt8]] = []
        var toClient: [[UInt8]] = []
        var timer = false
        func absorb(_ actions: [ClientAction], _ c: inout Connection) {
            for action in actions {
                switch action {
                case .send(let bytes): toServer.append(bytes)
                case .startTimer: timer = true
                case .stopTimer: timer = false
                case .blockReceived(let number, _): c.lastBlocks.append(number)
                default: c.outcomes.append(action)
                }
            }
        }
        absorb(event(&c.client), &c)
        for _ in 0..<100_000 {
            if !toServer.isEmpty {
                let frame = toServer.removeFirst()
                var pending = c.server.bytesReceived(frame)
                while !pending.isEmpty {
                    let action = pending.removeFirst()
                    switch action {
                    case .send(let bytes): toClient.append(bytes)
                    case .request(let apdu, let client):
                        let answer = application.handle(apdu, client: client, now: now, connection: c.id)
                        pending += c.server.respond(answer)
                    case .disconnected: application.disconnected(connection: c.id)
                    case .connected: break
                    }
                }
            } else if !toClient.isEmpty {
                absorb(c.client.bytesReceived(toClient.removeFirst()), &c)
            } else if timer {
                timer = false
                absorb(c.client.timerFired(), &c)
            } else {
                return
            }
        }
        Issue.record("harness did not settle")
    }

    /// The last outcome of a request.
    mutating func request(_ c: inout Connection, _ request: ClientRequest) -> ClientAction? {
        c.outcomes = []
        c.lastBlocks = []
        run(&c) { $0.request(request) }
        return c.outcomes.last
    }

    mutating func get(_ c: inout Connection, _ text: String, access: SelectiveAccess? = nil) -> GetDataResult? {
        guard case .deliver(.get(let results))? = request(&c, .get([AttributeWithAccess(CosemAttributeDescriptor(text)!, access: access)])),
              results.count == 1 else { return nil }
        return results[0]
    }

    mutating func value(_ c: inout Connection, _ text: String, access: SelectiveAccess? = nil) -> DLMSData? {
        guard case .data(let value)? = get(&c, text, access: access) else { return nil }
        return value
    }

    mutating func set(_ c: inout Connection, _ text: String, _ value: DLMSData) -> DataAccessResult? {
        guard case .deliver(.set(let result))? = request(&c, .set(CosemAttributeDescriptor(text)!, value)) else { return nil }
        return result
    }

    mutating func action(_ c: inout Connection, _ text: String, _ parameters: DLMSData? = .integer(0)) -> ActionResult? {
        guard case .deliver(.action(let response))? = request(&c, .action(CosemMethodDescriptor(text)!, parameters: parameters)) else { return nil }
        return response.result
    }

    mutating func release(_ c: inout Connection) {
        run(&c) { $0.release() }
    }
}
