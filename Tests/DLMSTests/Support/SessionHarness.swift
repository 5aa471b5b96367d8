@testable import DLMS

/// Wires a ``ClientSession`` to a ``ServerSession`` + ``TestMeter`` in memory, delivering
/// every frame whole unless `drop` says to lose it, and firing the client's timer when
/// nothing is in flight. Records what happened for the test to check.
struct SessionHarness {
    enum Direction { case toServer, toClient }

    var client: ClientSession
    var server: ServerSession
    var meter: TestMeter
    /// Decides whether the n-th frame (counted per direction, from 0) is lost.
    var drop: (Direction, Int, [UInt8]) -> Bool = { _, _, _ in false }
    /// When false the server never answers (a dead line).
    var serverAlive = true

    private(set) var results: [ClientAction] = []
    private(set) var framesToServer: [[UInt8]] = []
    private(set) var framesToClient: [[UInt8]] = []
    private(set) var timerFirings = 0
    private var timerRunning = false
    private var inFlightToServer: [[UInt8]] = []
    private var inFlightToClient: [[UInt8]] = []
    private var sentToServer = 0
    private var sentToClient = 0

    init(client: ClientConfiguration, server: ServerSession.Configuration, meter: TestMeter) {
        self.client = ClientSession(configuration: client)
        self.server = ServerSession(configuration: server)
        self.meter = meter
    }

    /// Every action other than `.send` and the timer ones, in order.
    var outcomes: [ClientAction] { results }

    mutating func run(_ event: (inout ClientSession) -> [ClientAction], maxSteps: Int = 10_000) {
        absorb(event(&client))
        var steps = 0
        while steps < maxSteps {
            steps += 1
            if !inFlightToServer.isEmpty {
                let frame = inFlightToServer.removeFirst()
                guard serverAlive else { continue }
                for action in server.bytesReceived(frame) { serve(action) }
            } else if !inFlightToClient.isEmpty {
                let frame = inFlightToClient.removeFirst()
                absorb(client.bytesReceived(frame))
            } else if timerRunning {
                timerRunning = false
                timerFirings += 1
                absorb(client.timerFired())
            } else {
                return
            }
        }
        Issue.record("harness did not settle in \(maxSteps) steps")
    }

    private mutating func serve(_ action: ServerAction) {
        switch action {
        case .send(let bytes):
            framesToClient.append(bytes)
            defer { sentToClient += 1 }
            if !drop(.toClient, sentToClient, bytes) { inFlightToClient.append(bytes) }
        case .request(let apdu, _):
            let answer = meter.answer(apdu)
            for a in server.respond(answer) { serve(a) }
        case .connected, .disconnected:
            break
        }
    }

    private mutating func absorb(_ actions: [ClientAction]) {
        for action in actions {
            switch action {
            case .send(let bytes):
                framesToServer.append(bytes)
                defer { sentToServer += 1 }
                if !drop(.toServer, sentToServer, bytes) { inFlightToServer.append(bytes) }
            case .startTimer: timerRunning = true
            case .stopTimer: timerRunning = false
            default: results.append(action)
            }
        }
    }
}

import Testing
