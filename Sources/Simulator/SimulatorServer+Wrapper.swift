import DLMS
import DLMSTransport

/// The `--wrapper` link: DLMS/COSEM over TCP with the IEC 62056-47 wrapper instead of
/// HDLC (Green Book §7.3.3.4). Each wrapper PDU carries one whole APDU: source wPort =
/// the client SAP, destination wPort = 1 (the management logical device). Answers go
/// from wPort 1 to the client's wPort. There is no link layer: the association lives as
/// long as the TCP connection (or until an RLRQ).
extension SimulatorServer {
    /// The wPort the simulator answers at: the management logical device.
    public static let wrapperPort: UInt16 = 1

    /// Serves one wrapper connection until the peer closes it, the stream goes out of
    /// step (a version other than 1), the inactivity timeout passes (the connection is
    /// then closed, as a device drops an idle TCP client), or the task is cancelled.
    /// PDUs addressed to a wPort other than 1 are ignored.
    public func serveWrapper(channel raw: any ByteChannel) async {
        let channel = options.wrap?(raw) ?? raw
        let connection = await device.newConnection()
        await runWrapper(channel, connection: connection)
        await device.disconnected(connection: connection)
    }

    private func runWrapper(_ channel: any ByteChannel, connection: Int) async {
        var codec = WrapperCodec()
        var client: UInt16?
        while !Task.isCancelled {
            let bytes: [UInt8]
            do {
                bytes = try await channel.read(atMost: 4096, timeout: options.inactivityTimeout)
            } catch {
                // The log is written before the socket closes, so whoever sees the close
                // finds it complete.
                let timedOut: Bool = if case .timedOut = error { true } else { false }
                if timedOut { options.log?("wrapper: inactivity, connection closed") }
                if let client { options.log?("client \(client) disconnected") }
                if timedOut { await channel.close() }
                return
            }
            codec.append(bytes)
            while true {
                let pdu: WrapperCodec.PDU
                do {
                    guard let next = try codec.decode() else { break }
                    pdu = next
                } catch {
                    options.log?("wrapper: \(error), connection closed")
                    await channel.close()
                    return
                }
                guard pdu.destination == Self.wrapperPort else {
                    options.log?("wrapper: PDU for wPort \(pdu.destination) ignored")
                    continue
                }
                if client != pdu.source {
                    if client != nil { await device.disconnected(connection: connection) }
                    client = pdu.source
                    options.log?("client \(pdu.source) connected (wrapper)")
                }
                let (answer, summary) = await device.handle(pdu.apdu, client: pdu.source, now: Self.now(),
                                                            connection: connection)
                if let summary { options.log?(summary.line) }
                guard let out = WrapperCodec.encode(.init(source: Self.wrapperPort, destination: pdu.source,
                                                          apdu: answer)) else { continue }
                do { try await channel.write(out) } catch { return }
            }
        }
    }
}
