/// The HDLC control field (IEC 62056-46 §6.4.3; PROTOCOL.md §1). P/F is bit 4 (0x10).
public enum HDLCControl: Hashable, Sendable {
    /// I-frame: send sequence N(S), receive sequence N(R), poll/final.
    case information(sendSequence: UInt8, receiveSequence: UInt8, poll: Bool)
    case receiveReady(receiveSequence: UInt8, poll: Bool)       // RR
    case receiveNotReady(receiveSequence: UInt8, poll: Bool)    // RNR
    case setNormalResponseMode(poll: Bool)                      // SNRM 0x83 (0x93 with P)
    case unnumberedAcknowledge(poll: Bool)                      // UA 0x63 (0x73)
    case disconnect(poll: Bool)                                 // DISC 0x43 (0x53)
    case disconnectedMode(poll: Bool)                           // DM 0x0F (0x1F)
    case frameReject(poll: Bool)                                // FRMR 0x87 (0x97)
    case unnumberedInformation(poll: Bool)                      // UI 0x03 (0x13)
}
