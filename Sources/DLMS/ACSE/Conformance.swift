/// The xDLMS conformance block (Green Book §9.4.6.1): 24 bits, bit n in byte n/8 with
/// mask `0x80 >> (n % 8)`. `rawValue` holds the three bytes as one big-endian number.
public struct Conformance: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue & 0xFF_FFFF }

    /// Bit number n of the standard (0 = reserved … 23 = action).
    public static func bit(_ n: Int) -> Conformance { Conformance(rawValue: 1 << UInt32(23 - n)) }

    public static let generalProtection = bit(1)
    public static let generalBlockTransfer = bit(2)
    public static let read = bit(3)
    public static let write = bit(4)
    public static let unconfirmedWrite = bit(5)
    public static let attribute0SupportedWithSet = bit(8)
    public static let priorityManagement = bit(9)
    public static let attribute0SupportedWithGet = bit(10)
    public static let blockTransferWithGet = bit(11)
    public static let blockTransferWithSet = bit(12)
    public static let blockTransferWithAction = bit(13)
    public static let multipleReferences = bit(14)
    public static let informationReport = bit(15)
    public static let dataNotification = bit(16)
    public static let access = bit(17)
    public static let parameterizedAccess = bit(18)
    public static let get = bit(19)
    public static let set = bit(20)
    public static let selectiveAccess = bit(21)
    public static let eventNotification = bit(22)
    public static let action = bit(23)

    /// What our client proposes for LN referencing: `00 7E 1D` — block transfer for
    /// GET/SET/ACTION, multiple references, GET, SET, selective access, ACTION, plus
    /// attribute0-get and priority management.
    public static let clientProposal: Conformance = [
        .priorityManagement, .attribute0SupportedWithGet, .blockTransferWithGet,
        .blockTransferWithSet, .blockTransferWithAction, .multipleReferences,
        .get, .set, .selectiveAccess, .action,
    ]
}
