import DLMS
import DLMSTransport

/// Turns ``LinkOptions`` into an open medium and a ``DLMSConnection`` ready to `open()`
/// (SPEC.md, LINK details):
///
/// - client SAP: `--client`, else 16 (NLS) or 32 (LLS); LLS needs a password;
/// - server address: upper `--logical` (default 1), lower `--server-address`; without
///   it the all-station address — 0x3FFF in the 4-byte form, 0x7F with
///   `--address-size 2`; the smallest form that holds the address unless
///   `--address-size` forces one (a lower or upper address above 127 needs the 4-byte
///   form, so forcing 2 is a usage error; `--address-size 1` is the upper address
///   alone, without a physical part);
/// - SNRM proposal: max information field 2030 and window 7, capped by `--max-info`
///   (32…2030) and `--window` (1…7);
/// - `--timeout` is the wait for one response, 4 tries per request;
/// - the medium: TCP connect (within the timeout); a serial port at `--baud` 8N1; an
///   optical head: the port, then ``OpticalHead/signOn(_:timeout:trace:)``;
/// - `--trace FILE`: one line per frame and per IEC 62056-21 message.
///
/// ```swift
/// let connection = try await Link.open(options, password: nil)
/// let info = try await connection.open()
/// ```
public struct Link {
    /// Tries per request (SPEC.md: a dead line fails within about 4 × the timeout).
    public static let maxAttempts = 4

    /// Opens the medium and returns the connection over it (not yet opened: call `open()`).
    /// - Parameter password: the LLS password (ignored for NLS).
    /// - Throws: `.usage` for options that make no link, `.transport` when the medium
    ///   cannot be opened or the trace file not written, `.opticalSignOn` when the head's
    ///   sign-on fails.
    /// - Parameter traffic: counts the bytes and frames that cross the link (for the
    ///   exchange log and progress), when given.
    /// - Parameter traceSink: where frames are traced when `options.tracePath` is nil.
    public static func open(_ options: LinkOptions, password: [UInt8]?,
                            traffic: TrafficCounter? = nil, traceSink: FrameTrace? = nil) async throws(LinkError) -> DLMSConnection {
        let configuration = try configuration(options, password: password)
        if case .serial(_, let baud) = options.medium, !SerialSettings.supportedBauds.contains(baud) {
            throw .usage("--baud \(baud): one of \(SerialSettings.supportedBauds.map(String.init).joined(separator: ", "))")
        }
        let trace: FrameTrace?
        do { trace = try options.tracePath.map { path throws(TransportError) in try FrameTrace(path: path) } ?? traceSink } catch {
            throw .traceFile(path: options.tracePath ?? "", error)
        }
        let channel: any ByteChannel
        switch options.medium {
        case .tcp(let host, let port, _):
            do { channel = try await TCPChannel.connect(host: host, port: port, timeout: options.timeout) } catch {
                throw .transport(error)
            }
        case .serial(let path, let baud):
            do { channel = try SerialChannel.open(path: path, settings: SerialSettings(baud: baud, dataBits: options.dataBits,
                                                                                   parity: options.parity, stopBits: options.stopBits)) } catch {
                throw .transport(error)
            }
        case .optical(let path):
            let port: SerialChannel
            do { port = try SerialChannel.open(path: path, settings: .modeE300) } catch { throw .transport(error) }
            do { _ = try await OpticalHead.signOn(port, timeout: options.timeout, trace: trace) } catch {
                await port.close()
                throw .opticalSignOn(step: error.step, error.transportError)
            }
            channel = port
        }
        let counted: any ByteChannel = traffic.map { CountingChannel(channel, counter: $0) } ?? channel
        return DLMSConnection(channel: counted, configuration: configuration, trace: trace,
                              lineBytesPerSecond: lineBytesPerSecond(options.medium))
    }

    /// The line's speed in bytes a second (10 bits a byte) where the medium has one; nil
    /// for TCP, whose far end may be a slow modem.
    public static func lineBytesPerSecond(_ medium: LinkOptions.Medium) -> Double? {
        switch medium {
        case .serial(_, let baud): Double(baud) / 10
        case .optical: 960
        case .tcp: nil
        }
    }

    /// The client configuration the options make (pure; ``open(_:password:)`` uses it).
    /// - Throws: `.usage` naming the option that cannot be honoured.
    public static func configuration(_ options: LinkOptions, password: [UInt8]?) throws(LinkError) -> ClientConfiguration {
        let client = options.clientSAP ?? (options.security == .lls ? 32 : 16)
        guard (1...127).contains(client) else { throw .usage("--client \(client): a SAP 1…127") }
        let authentication: ClientConfiguration.Authentication
        switch options.security {
        case .nls: authentication = .none
        case .lls:
            guard let password, !password.isEmpty else { throw .usage("--lls: no password") }
            authentication = .low(password: password)
        }
        guard HDLCParameters.informationFieldRange.contains(options.maxInfo) else {
            throw .usage("--max-info \(options.maxInfo): \(HDLCParameters.informationFieldRange.lowerBound)…\(HDLCParameters.informationFieldRange.upperBound)")
        }
        guard (1...7).contains(options.window) else { throw .usage("--window \(options.window): 1…7") }
        guard options.timeout > .zero else { throw .usage("--timeout: above 0") }
        switch options.medium {
        case .tcp(let host, let port, _):
            guard !host.isEmpty, port != 0 else { throw .usage("--tcp \(host):\(port): a host and a port 1…65535") }
        case .serial(let path, _), .optical(let path):
            guard !path.isEmpty else { throw .usage("--serial/--optical: no device") }
        }
        return ClientConfiguration(
            clientAddress: client,
            serverAddress: try serverAddress(options),
            authentication: authentication,
            proposal: HDLCParameters(maxInfoTransmit: options.maxInfo, maxInfoReceive: options.maxInfo,
                                     windowTransmit: options.window, windowReceive: options.window),
            responseTimeout: options.timeout,
            maxAttempts: maxAttempts,
            framing: { if case .tcp(_, _, true) = options.medium { return .wrapper } else { return .hdlc } }())
    }

    /// The server address of SPEC.md's LINK details (see the type's documentation).
    /// - Throws: `.usage` for an address the chosen form cannot hold.
    public static func serverAddress(_ options: LinkOptions) throws(LinkError) -> HDLCAddress {
        let upper = options.logical
        if let size = options.addressSize, ![1, 2, 4].contains(size) {
            throw .usage("--address-size \(size): 1, 2 or 4")
        }
        guard upper <= 0x3FFF else { throw .usage("--logical \(upper): 0…16383") }
        switch (options.serverLower, options.addressSize) {
        case (nil, 1?):
            guard upper <= 0x7F else { throw .usage("--address-size 1: --logical \(upper) needs the 4-byte form") }
            return HDLCAddress(upper: upper, lower: nil, size: 1)
        case (nil, 2?):
            guard upper <= 0x7F else { throw .usage("--address-size 2: --logical \(upper) needs the 4-byte form") }
            return HDLCAddress(upper: upper, lower: HDLCAddress.allStationLower2, size: 2)
        case (nil, _):
            return HDLCAddress(upper: upper, lower: HDLCAddress.allStationLower4, size: 4)
        case (let lower?, let forced):
            guard lower <= 0x3FFF else { throw .usage("--server-address \(lower): 0…16383") }
            let fitting = (upper <= 0x7F && lower <= 0x7F) ? 2 : 4
            switch forced {
            case 1?:
                throw .usage("--address-size 1: --server-address needs the 2- or 4-byte form")
            case 2? where fitting == 4:
                throw .usage("--address-size 2: --server-address \(lower) --logical \(upper) needs the 4-byte form")
            case let size?:
                return HDLCAddress(upper: upper, lower: lower, size: size)
            case nil:
                return HDLCAddress(upper: upper, lower: lower, size: fitting)
            }
        }
    }
}
