import DLMS
import DLMSTransport
import ES951
import Foundation

/// Finding how to talk to a device (`hlmcs detect`): the line speed and the address form
/// it answers, by one short SNRM per candidate (no retries, no password, never an
/// association), stopping at the first UA.
///
/// - Addresses: the all-station address in the 4-, 2- and 1-byte forms, then the lower
///   address each map's rule gives for a nameplate serial number.
/// - Speeds: on an RS-485 port 9600 first, then 19200, 38400, 57600, 115200, 4800, 2400;
///   on the optical head the speed the mode E identification announces; none on TCP.
/// - A candidate that does not answer may be held by a stale association: a DISC to that
///   address only, and if the device answers it (UA or DM), its SNRM once more.
///
/// ```swift
/// let found = try await Detection.find(spec, serial: "95100042", maps: maps, limit: .seconds(60)) { p in print(p.tried) }
/// found?.spec   // the link that answered: speed, address, address size
/// ```
public enum Detection {
    /// RS-485 speeds in the order tried.
    public static let speeds = [9600, 19200, 38400, 57600, 115200, 4800, 2400]

    /// One thing tried: a speed (nil on TCP) and an address.
    public struct Candidate: Sendable, Equatable {
        public var baud: Int?
        public var address: HDLCAddress
        /// Where the address comes from: `all-station 4-byte`, or `ES-951 rule: 1042`.
        public var source: String
    }

    /// What answered.
    public struct Found: Sendable {
        public var candidate: Candidate
        /// The address the UA came from (a device called at all-station answers from its own).
        public var answeredFrom: HDLCAddress
        /// The HDLC parameters the UA granted, from the client's side.
        public var parameters: HDLCParameters
        /// Candidates tried, this one included.
        public var tried: Int
        public var elapsed: Duration
        /// The link to use: `spec` with the speed and the address that answered.
        public var spec: LinkSpec
    }

    public struct Progress: Sendable {
        public var tried: Int
        public var total: Int
        public var candidate: Candidate
    }

    /// The addresses to try, in order: all-station in the 4-, 2- and 1-byte forms, then
    /// each map's rule for `serial` (its lower address in the smallest form that holds it,
    /// and in the 4-byte form).
    public static func addresses(serial: String?, maps: [DeviceMap], upper: UInt16 = 1) -> [(HDLCAddress, String)] {
        var list: [(HDLCAddress, String)] = [
            (HDLCAddress(upper: upper, lower: HDLCAddress.allStationLower4, size: 4), "all-station 4-byte"),
            (HDLCAddress(upper: upper, lower: HDLCAddress.allStationLower2, size: 2), "all-station 2-byte"),
            (HDLCAddress(upper: 0x7F, lower: nil, size: 1), "all-station 1-byte"),
        ]
        guard let serial else { return list }
        for map in maps {
            guard let lower = map.link.logicalAddress(serial: serial) else { continue }
            let forms = lower <= 0x7F && upper <= 0x7F ? [2, 4] : [4]
            for size in forms {
                let address = HDLCAddress(upper: upper, lower: lower, size: size)
                if !list.contains(where: { $0.0 == address }) { list.append((address, "\(map.name) rule: \(lower), \(size)-byte")) }
            }
        }
        return list
    }

    /// How long one SNRM waits: about two frame times and a turnaround on a serial line
    /// (at least 150 ms), the spec's timeout (at most 2 s) on TCP.
    public static func probeTimeout(baud: Int?, tcpTimeout: Duration) -> Duration {
        guard let baud else { return min(tcpTimeout, .seconds(2)) }
        let frameBytes = 40.0
        let seconds = 2 * frameBytes * 10 / Double(baud) + 0.1
        return .milliseconds(Int(max(0.15, seconds) * 1000))
    }

    /// One SNRM to `address` from `client`; the UA's parameters and source, or nil when
    /// nothing answers within `timeout` (a DM or FRMR is an answer too: nil parameters
    /// but the device is there — reported as nil here, the caller goes on).
    static func probe(_ channel: any ByteChannel, address: HDLCAddress, client: UInt8, proposal: HDLCParameters,
                      timeout: Duration) async throws(TransportError) -> (HDLCParameters, HDLCAddress)? {
        let snrm = HDLCFrame(destination: address, source: .client(client), control: .setNormalResponseMode(poll: true),
                             information: proposal.encodedInformation(onlyNonDefault: false))
        try await channel.write(snrm.encoded())
        guard let (frame, _) = try await answer(channel, client: client, timeout: timeout),
              case .unnumberedAcknowledge = frame.control else { return nil }
        let granted = (try? HDLCParameters(information: frame.information)) ?? HDLCParameters()
        return (proposal.clientView(ofUA: granted), frame.source)
    }

    /// The first frame to `client` within `timeout` (nil: none).
    static func answer(_ channel: any ByteChannel, client: UInt8, timeout: Duration) async throws(TransportError) -> (HDLCFrame, [UInt8])? {
        var decoder = HDLCStreamDecoder()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let left = deadline - ContinuousClock.now
            let bytes: [UInt8]
            do { bytes = try await channel.read(atMost: 2048, timeout: min(left, .milliseconds(100))) } catch .timedOut {
                continue
            }
            decoder.append(bytes)
            while let event = decoder.next() {
                if case .frame(let frame, let raw) = event, frame.destination.upper == UInt16(client) { return (frame, raw) }
            }
        }
        return nil
    }

    /// A DISC to `address`; whether the device answered (UA or DM).
    static func release(_ channel: any ByteChannel, address: HDLCAddress, client: UInt8, timeout: Duration) async throws(TransportError) -> Bool {
        let disc = HDLCFrame(destination: address, source: .client(client), control: .disconnect(poll: true))
        try await channel.write(disc.encoded())
        guard let (frame, _) = try await answer(channel, client: client, timeout: timeout) else { return false }
        switch frame.control {
        case .unnumberedAcknowledge, .disconnectedMode: return true
        default: return false
        }
    }

    /// Tries the candidates of `spec`'s medium until one answers or `limit` has passed.
    /// - Returns: what answered, or nil when nothing did within the limit.
    /// - Throws: `.transport` when the medium cannot be opened (no such port, refused
    ///   connection), `.opticalSignOn` when the head's sign-on fails.
    public static func find(_ spec: LinkSpec, serial: String?, maps: [DeviceMap], limit: Duration,
                            progress: @Sendable (Progress) -> Void = { _ in }) async throws(LinkError) -> Found? {
        let started = ContinuousClock.now
        let client: UInt8 = 16
        let proposal = HDLCParameters(maxInfoTransmit: spec.maxInfo, maxInfoReceive: spec.maxInfo,
                                      windowTransmit: spec.window, windowReceive: spec.window)
        let addresses = addresses(serial: serial, maps: maps, upper: UInt16(clamping: spec.logical))
        let channel: any ByteChannel
        let bauds: [Int?]
        var serialPort: SerialChannel?
        switch spec.medium {
        case .demo: throw .notALink
        case .tcp:
            do { channel = try await TCPChannel.connect(host: spec.host, port: UInt16(clamping: spec.tcpPort), timeout: spec.timeout) } catch {
                throw .transport(error)
            }
            bauds = [nil]
        case .serial:
            do { serialPort = try SerialChannel.open(path: spec.port, settings: SerialSettings(baud: speeds[0], dataBits: 8, parity: .none, stopBits: 1)) } catch {
                throw .transport(error)
            }
            channel = serialPort!
            bauds = speeds
        case .optical:
            let port: SerialChannel
            do { port = try SerialChannel.open(path: spec.port, settings: .modeE300) } catch { throw .transport(error) }
            let identification: Identification
            do { identification = try await OpticalHead.signOn(port, timeout: spec.timeout, trace: nil) } catch {
                await port.close()
                throw .opticalSignOn(step: error.step, error.transportError)
            }
            channel = port
            bauds = [identification.baudRate ?? 9600]
        }
        // Closed before returning, so that the association after a find can open the port.
        let result: Result<Found?, LinkError>
        do throws(LinkError) {
            result = .success(try await search(channel, spec: spec, serial: serial, maps: maps, limit: limit, started: started,
                                               client: client, proposal: proposal, addresses: addresses, bauds: bauds,
                                               serialPort: serialPort, progress: progress))
        } catch {
            result = .failure(error)
        }
        await channel.close()
        return try result.get()
    }

    private static func search(_ channel: any ByteChannel, spec: LinkSpec, serial: String?, maps: [DeviceMap], limit: Duration,
                               started: ContinuousClock.Instant, client: UInt8, proposal: HDLCParameters,
                               addresses: [(HDLCAddress, String)], bauds: [Int?], serialPort: SerialChannel?,
                               progress: @Sendable (Progress) -> Void) async throws(LinkError) -> Found? {
        let total = bauds.count * addresses.count
        var tried = 0
        for baud in bauds {
            if let serialPort, spec.medium == .serial, let baud {
                do { try serialPort.reconfigure(SerialSettings(baud: baud, dataBits: 8, parity: .none, stopBits: 1)) } catch {
                    throw .transport(error)
                }
                serialPort.discardInput()
            }
            let timeout = probeTimeout(baud: spec.medium == .tcp ? nil : baud, tcpTimeout: spec.timeout)
            for (address, source) in addresses {
                if ContinuousClock.now - started >= limit || Task.isCancelled { return nil }
                tried += 1
                let candidate = Candidate(baud: spec.medium == .tcp ? nil : baud, address: address, source: source)
                progress(Progress(tried: tried, total: total, candidate: candidate))
                do {
                    var answer = try await probe(channel, address: address, client: client, proposal: proposal, timeout: timeout)
                    // No answer: perhaps a stale association holds the device. A DISC to
                    // this address only; if it answers, the SNRM once more.
                    if answer == nil, try await release(channel, address: address, client: client, timeout: timeout) {
                        answer = try await probe(channel, address: address, client: client, proposal: proposal, timeout: timeout)
                    }
                    guard let (parameters, from) = answer else { continue }
                    _ = try? await release(channel, address: from, client: client, timeout: timeout)
                    var found = spec
                    if let baud, spec.medium == .serial { found.baud = baud }
                    found.clientSAP = nil
                    found.security = .nls
                    found.logical = Int(from.upper)
                    found.serverAddress = from.lower.map(Int.init)
                    found.addressSize = from.size
                    if from.isAllStation || from.lower == nil { found.serverAddress = nil }
                    return Found(candidate: candidate, answeredFrom: from, parameters: parameters, tried: tried,
                                 elapsed: ContinuousClock.now - started, spec: found)
                } catch .closed {
                    // A TCP peer that hung up on a frame it did not like: connect again.
                    guard spec.medium == .tcp else { throw .transport(.closed) }
                    await channel.close()
                    return try await find(spec, serial: serial, maps: maps, limit: limit - (ContinuousClock.now - started), progress: progress)
                } catch {
                    throw .transport(error)
                }
            }
        }
        return nil
    }
}
