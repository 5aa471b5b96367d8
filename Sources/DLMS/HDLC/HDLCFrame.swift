/// One HDLC frame of frame format type 3 (IEC 62056-46 §6.4):
/// `7E | format(2) | destination | source | control | HCS(2) | information | FCS(2) | 7E`.
///
/// `information` is the raw information field (an LLC header, if any, is part of it);
/// `segmented` is the S bit of the format field: more segments of the same APDU follow.
public struct HDLCFrame: Hashable, Sendable {
    public var destination: HDLCAddress
    public var source: HDLCAddress
    public var control: HDLCControl
    public var segmented: Bool
    public var information: [UInt8]

    public init(destination: HDLCAddress, source: HDLCAddress, control: HDLCControl,
                segmented: Bool = false, information: [UInt8] = []) {
        self.destination = destination; self.source = source; self.control = control
        self.segmented = segmented; self.information = information
    }
}

/// The LLC headers that start the first segment of each APDU (IEC 62056-46 §5.2).
public enum LLC {
    public static let command: [UInt8] = [0xE6, 0xE6, 0x00]   // client → server
    public static let response: [UInt8] = [0xE6, 0xE7, 0x00]  // server → client
}
