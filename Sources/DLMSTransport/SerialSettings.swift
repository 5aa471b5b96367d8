import DLMS
/// Line settings of a serial port (SPEC.md F-05): speed, data bits, parity, stop bits.
public struct SerialSettings: Sendable, Hashable {
    public enum Parity: Sendable, Hashable { case none, even, odd }

    /// Bits per second: one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200.
    public var baud: Int
    /// 7 or 8.
    public var dataBits: Int
    public var parity: Parity
    /// 1 or 2.
    public var stopBits: Int

    public init(baud: Int, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1) {
        self.baud = baud; self.dataBits = dataBits; self.parity = parity; self.stopBits = stopBits
    }

    /// RS-485 and the optical port after the sign-on: HDLC at 9600 8N1 (IEC 62056-46).
    public static let hdlc9600 = SerialSettings(baud: 9600, dataBits: 8, parity: .none, stopBits: 1)
    /// The optical head's sign-on: 300 baud 7E1 (IEC 62056-21 mode E).
    public static let modeE300 = SerialSettings(baud: 300, dataBits: 7, parity: .even, stopBits: 1)

    /// The rates termios offers that a DLMS line uses.
    public static let supportedBauds = LineSpeed.bauds
}
