// TEMPORARY: the agreed `LinkOptions`/`Link.open` of module Concentrator (owner: branch
// `optical`), reduced to TCP, so the commands can be built and tested before that branch
// lands. Deleted at the merge.
import DLMS
import DLMSTransport

struct LinkOptions: Sendable, Equatable {
    enum Medium: Sendable, Equatable { case tcp(host: String, port: UInt16, wrapper: Bool), serial(path: String, baud: Int), optical(path: String) }
    enum Security: Sendable, Equatable { case nls, lls }
    var medium: Medium
    var security: Security = .nls
    var clientSAP: UInt8?
    var serverLower: UInt16?
    var logical: UInt16 = 1
    var addressSize: Int?
    var maxInfo: Int = 2030, window: Int = 7
    var timeout: Duration = .seconds(5)
    var tracePath: String?
    var mapPath: String?
    init(medium: Medium) { self.medium = medium }
}

enum OpticalStep: String, Sendable { case signOn, identification, acknowledge, switchSpeed }
enum LinkError: Error, Equatable, Sendable { case transport(TransportError), opticalSignOn(step: OpticalStep, TransportError), usage(String) }

struct Link {
    static func open(_ options: LinkOptions, password: [UInt8]?) async throws(LinkError) -> DLMSConnection {
        guard case .tcp(let host, let port, _) = options.medium else { throw .usage("only --tcp for now") }
        let channel: TCPChannel
        do { channel = try await TCPChannel.connect(host: host, port: port, timeout: options.timeout) } catch { throw .transport(error) }
        let trace: FrameTrace?
        do { trace = try options.tracePath.map { path throws(TransportError) in try FrameTrace(path: path) } } catch { throw .transport(error) }
        let lower = options.serverLower ?? (options.addressSize == 2 ? HDLCAddress.allStationLower2 : HDLCAddress.allStationLower4)
        let size = options.serverLower == nil ? (options.addressSize ?? 4) : options.addressSize
        let config = ClientConfiguration(
            clientAddress: options.clientSAP ?? (options.security == .lls ? 32 : 16),
            serverAddress: .server(upper: options.logical, lower: lower, size: size),
            authentication: options.security == .lls ? .low(password: password ?? []) : .none,
            proposal: HDLCParameters(maxInfoTransmit: options.maxInfo, maxInfoReceive: options.maxInfo,
                                     windowTransmit: options.window, windowReceive: options.window),
            responseTimeout: options.timeout)
        return DLMSConnection(channel: channel, configuration: config, trace: trace)
    }
}
