/// HDLC link parameters negotiated by SNRM/UA (IEC 62056-46 §6.4.4.4.3.2): maximum
/// information field length and window size, each direction, from the point of view of
/// the party that sends them. Defaults 128 bytes and 1 frame.
public struct HDLCParameters: Hashable, Sendable {
    public var maxInfoTransmit: Int
    public var maxInfoReceive: Int
    public var windowTransmit: Int
    public var windowReceive: Int

    public init(maxInfoTransmit: Int = 128, maxInfoReceive: Int = 128,
                windowTransmit: Int = 1, windowReceive: Int = 1) {
        self.maxInfoTransmit = maxInfoTransmit; self.maxInfoReceive = maxInfoReceive
        self.windowTransmit = windowTransmit; self.windowReceive = windowReceive
    }

    public static let defaults = HDLCParameters()
}
