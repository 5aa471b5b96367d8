import DLMSTransport
import Foundation
import Simulator

/// The concentrator simulated inside the program (`hlmcs --demo`): the same simulator as
/// `es951-sim`, reached over an in-memory link. Its state (what was written) lasts while
/// the program runs; every connection gets a fresh link to it.
final class DemoDevice: Sendable {
    /// The serial number of the demo concentrator.
    static let serialNumber = "95100001"

    let server: SimulatorServer

    /// - Parameters:
    ///   - meters: meters in the demo's list.
    ///   - baud: pace the demo's answers like a line of this speed (nil: as fast as memory).
    ///   - hostile: answers of a broken or hostile device (the tests' `es951-sim --answer`,
    ///     `--hostile`); none by default.
    init(meters: Int = 100, baud: Int? = nil, hostile: HostileBehaviour = HostileBehaviour()) {
        let device = DeviceState(configuration: .init(serialNumber: Self.serialNumber, meters: meters),
                                 now: SimulatorServer.now())
        var wrap: (@Sendable (any ByteChannel) -> any ByteChannel)?
        if let baud {
            wrap = { (channel: any ByteChannel) -> any ByteChannel in
                PacedChannel(channel, baud: baud, turnaround: .milliseconds(20))
            }
        }
        var application = ServerApplication(device: device)
        application.hostile = hostile
        var options = SimulatorServer.Options(wrap: wrap)
        options.hostile = hostile
        server = SimulatorServer(device: SharedDevice(application), options: options)
    }

    /// A new link to the demo: the client's end, and the task serving the other end.
    func connect() -> (channel: any ByteChannel, serving: Task<Void, Never>) {
        let (client, serverEnd) = MemoryChannel.pair()
        let server = self.server
        let task = Task.detached { await server.serve(channel: serverEnd, acceptsSignOn: false) }
        return (client, task)
    }
}
