import DLMS

/// libFuzzer entry: a client session on an open association, fed frames made from the
/// input (valid check sequences, so the link and session logic are reached, not just
/// the CRC): it must never trap, and must stay within its own bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSession(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let client = HDLCAddress.client(16)
    let server = HDLCAddress.server(upper: 1, lower: 1001, size: 4)
    var session = ClientSession(configuration: ClientConfiguration(
        proposal: HDLCParameters(maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 3, windowReceive: 3)))
    _ = session.connect()
    let ua = HDLCParameters(maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 3, windowReceive: 3)
    _ = session.bytesReceived(HDLCFrame(destination: client, source: server, control: .unnumberedAcknowledge(poll: true),
                                        information: ua.encodedInformation(onlyNonDefault: false)).encoded())
    let aare = APDU.aare(AARE(result: .accepted, diagnostic: .serviceUser(0), userInformation: .initiateResponse(
        InitiateResponse(negotiatedConformance: Conformance(rawValue: 0x00_1E_1D), serverMaxReceivePDUSize: 256))))
    _ = session.bytesReceived(HDLCFrame(destination: client, source: server,
                                        control: .information(sendSequence: 0, receiveSequence: 1, poll: true),
                                        information: LLC.response + aare.encoded()).encoded())
    guard session.isAssociated else { fatalError("fuzz harness could not associate") }
    let profile = CosemAttributeDescriptor(classID: 7, instance: OBISCode(1, 0, 98, 2, 0, 255), attribute: 2)
    _ = session.request(.get([AttributeWithAccess(profile), AttributeWithAccess(profile)]))

    // Each chunk: [control byte][S bit in bit 0 of the next][length][information…].
    var i = 0
    var steps = 0
    while i + 2 <= input.count, steps < 64 {
        steps += 1
        let controlByte = input[i]
        let segmented = input[i + 1] & 1 == 1
        let length = min(Int(input[i + 1] >> 1), input.count - i - 2)
        let info = Array(input[(i + 2)..<(i + 2 + length)])
        i += 2 + length
        guard let control = try? HDLCControl(byte: controlByte) else {
            _ = session.bytesReceived(info)          // raw garbage for the stream decoder
            continue
        }
        let frame = HDLCFrame(destination: client, source: server, control: control, segmented: segmented, information: info)
        _ = session.bytesReceived(frame.encoded())
        if input.count > 0, controlByte & 0x0F == 0x0F { _ = session.timerFired() }
        if session.isClosed { break }
    }
    _ = session.cancel()
    _ = session.release()
    return 0
}
