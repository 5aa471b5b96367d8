/// A COSEM interface class id (Blue Book, IEC 62056-6-2 §4), with the names of the
/// classes this project handles (PROTOCOL.md §5). Any other id is representable.
public struct ObjectClass: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let data = ObjectClass(1)
    public static let register = ObjectClass(3)
    public static let extendedRegister = ObjectClass(4)
    public static let profileGeneric = ObjectClass(7)
    public static let clock = ObjectClass(8)
    public static let associationLN = ObjectClass(15)
    public static let sapAssignment = ObjectClass(17)
    public static let imageTransfer = ObjectClass(18)
    public static let iecHDLCSetup = ObjectClass(23)
    public static let autoConnect = ObjectClass(29)
    public static let pushSetup = ObjectClass(40)
    public static let tcpUDPSetup = ObjectClass(41)
    public static let ipv4Setup = ObjectClass(42)
    public static let macAddressSetup = ObjectClass(43)
    public static let pppSetup = ObjectClass(44)
    public static let gprsModemSetup = ObjectClass(45)

    /// The Blue Book name, or nil for a class this table does not list.
    public var name: String? {
        switch rawValue {
        case 1: "data"
        case 3: "register"
        case 4: "extended register"
        case 7: "profile generic"
        case 8: "clock"
        case 15: "association LN"
        case 17: "SAP assignment"
        case 18: "image transfer"
        case 23: "IEC HDLC setup"
        case 29: "auto connect"
        case 40: "push setup"
        case 41: "TCP-UDP setup"
        case 42: "IPv4 setup"
        case 43: "MAC address setup"
        case 44: "PPP setup"
        case 45: "GPRS modem setup"
        default: nil
        }
    }

    /// The name, or `class N`.
    public var description: String { name ?? "class " + String(rawValue) }
}
