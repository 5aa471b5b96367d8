import DLMS
import DLMSTransport
import ES951

/// Turns a ``LinkSpec`` into an open medium and a ``DLMSConnection`` ready to `open()`
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
    public static func open(_ options: LinkSpec, password: [UInt8]?,
                            traffic: TrafficCounter? = nil, traceSink: FrameTrace? = nil) async throws(LinkError) -> DLMSConnection {
        let configuration = try configuration(options, password: password)
        let trace: FrameTrace?
        do { trace = try options.tracePath.map { path throws(TransportError) in try FrameTrace(path: path) } ?? traceSink } catch {
            throw .traceFile(path: options.tracePath ?? "", error)
        }
        let channel: any ByteChannel
        switch options.medium {
        case .demo:
            throw .notALink
        case .tcp:
            do { channel = try await TCPChannel.connect(host: options.host, port: UInt16(options.tcpPort), timeout: options.timeout) } catch {
                throw .transport(error)
            }
        case .serial:
            let parity: SerialSettings.Parity = switch options.parity { case .none: .none; case .even: .even; case .odd: .odd }
            do { channel = try SerialChannel.open(path: options.port, settings: SerialSettings(baud: options.baud, dataBits: options.dataBits,
                                                                                           parity: parity, stopBits: options.stopBits)) } catch {
                throw .transport(error)
            }
        case .optical:
            let port: SerialChannel
            do { port = try SerialChannel.open(path: options.port, settings: .modeE300) } catch { throw .transport(error) }
            do { _ = try await OpticalHead.signOn(port, timeout: options.timeout, trace: trace) } catch {
                await port.close()
                throw .opticalSignOn(step: error.step, error.transportError)
            }
            channel = port
        }
        let counted: any ByteChannel = traffic.map { CountingChannel(channel, counter: $0) } ?? channel
        return DLMSConnection(channel: counted, configuration: configuration, trace: trace,
                              lineBytesPerSecond: lineBytesPerSecond(options))
    }

    /// The line's speed in bytes a second (10 bits a byte) where the medium has one; nil
    /// for TCP, whose far end may be a slow modem.
    public static func lineBytesPerSecond(_ spec: LinkSpec) -> Double? {
        switch spec.medium {
        case .serial: Double(spec.baud) / 10
        case .optical: 960
        case .tcp, .demo: nil
        }
    }

    /// The client configuration the spec makes (pure; ``open(_:password:traffic:traceSink:)``
    /// uses it, and the demo too).
    /// - Throws: `.invalid` with the first problem ``LinkSpec/validate()`` finds,
    ///   `.noPassword` for LLS without one.
    public static func configuration(_ options: LinkSpec, password: [UInt8]?) throws(LinkError) -> ClientConfiguration {
        if let problem = options.validate().first { throw .invalid(problem) }
        let authentication: ClientConfiguration.Authentication
        switch options.security {
        case .nls: authentication = .none
        case .lls:
            guard let password, !password.isEmpty else { throw .noPassword }
            authentication = .low(password: password)
        }
        return ClientConfiguration(
            clientAddress: UInt8(options.effectiveClientSAP),
            serverAddress: serverAddress(options),
            authentication: authentication,
            proposal: HDLCParameters(maxInfoTransmit: options.maxInfo, maxInfoReceive: options.maxInfo,
                                     windowTransmit: options.window, windowReceive: options.window),
            responseTimeout: options.timeout,
            maxAttempts: maxAttempts,
            framing: options.medium == .tcp && options.wrapper ? .wrapper : .hdlc)
    }

    /// The server address of SPEC.md's LINK details (see the type's documentation), for a
    /// spec that passes ``LinkSpec/validate()``: the all-station address without a lower
    /// one (0x3FFF in the 4-byte form, 0x7F in the 2-byte one), else the smallest form
    /// that holds both unless one is forced.
    public static func serverAddress(_ options: LinkSpec) -> HDLCAddress {
        let upper = UInt16(clamping: options.logical)
        switch (options.serverAddress.map { UInt16(clamping: $0) }, options.addressSize) {
        case (nil, 1?):
            return HDLCAddress(upper: upper, lower: nil, size: 1)
        case (nil, 2?):
            return HDLCAddress(upper: upper, lower: HDLCAddress.allStationLower2, size: 2)
        case (nil, _):
            return HDLCAddress(upper: upper, lower: HDLCAddress.allStationLower4, size: 4)
        case (let lower?, let forced):
            let fitting = (upper <= 0x7F && lower <= 0x7F) ? 2 : 4
            return HDLCAddress(upper: upper, lower: lower, size: forced ?? fitting)
        }
    }
}
