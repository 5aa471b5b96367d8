/// The serial line speeds this program speaks (IEC 62056-21's baud table, whose
/// characters `0`…`9` name them in order, and what an RS-485 adapter is set to). The one
/// list: the command line, the connection window, `.set` files and the serial port take
/// it from here.
public enum LineSpeed {
    public static let bauds = [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]
    /// `300…115200`, for messages.
    public static var rangeText: String { "\(bauds.first!)…\(bauds.last!)" }
}

extension HDLCParameters {
    /// The information field lengths a link may propose or grant (IEC 62056-46: the
    /// frame's 11-bit length field leaves 2030 bytes; below 32 nothing useful fits).
    public static let informationFieldRange = 32...2030
    /// The window sizes (1…7: N(S) counts modulo 8).
    public static let windowRange = 1...7
    /// What a client proposes: the largest of both.
    public static let largest = HDLCParameters(maxInfoTransmit: informationFieldRange.upperBound,
                                               maxInfoReceive: informationFieldRange.upperBound,
                                               windowTransmit: windowRange.upperBound, windowReceive: windowRange.upperBound)
}
