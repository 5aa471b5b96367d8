/// The steps of the optical head's mode E opening (IEC 62056-21 §6.4.5.4, Annex E),
/// named so that an error can say which one failed.
public enum OpticalStep: String, Sendable, Hashable, CaseIterable {
    /// Switching the line to 300 baud 7E1 and sending the request `/?!\r\n`.
    case signOn
    /// Waiting for the device's identification `/XXXZ\2…\r\n` and checking it offers HDLC.
    case identification
    /// Sending the acknowledgement / option select `06 '2' Z '2' CR LF`.
    case acknowledge
    /// Switching the line to the announced speed, 8N1.
    case switchSpeed
}
