/// An HDLC address (IEC 62056-46 §6.4.2.3): 1, 2 or 4 bytes, 7 bits per byte, the low
/// bit set on the last byte.
///
/// A client address is one byte: `upper` holds the client SAP and `lower` is nil. A server
/// address has an upper (logical device) and, in the 2- and 4-byte forms, a lower
/// (physical) part: 7 bits each in the 2-byte form, 14 bits each in the 4-byte form.
public struct HDLCAddress: Hashable, Sendable {
    public var upper: UInt16
    public var lower: UInt16?
    /// Bytes on the wire: 1, 2 or 4.
    public var size: Int

    public init(upper: UInt16, lower: UInt16? = nil, size: Int) {
        self.upper = upper; self.lower = lower; self.size = size
    }

    /// A client's one-byte address (SAP 1…127).
    public static func client(_ sap: UInt8) -> HDLCAddress { HDLCAddress(upper: UInt16(sap), size: 1) }

    /// A server address in the smallest form that holds it (1 byte when there is no
    /// lower part, 2 bytes while both parts are < 128, else 4), unless `size` forces one.
    public static func server(upper: UInt16, lower: UInt16?, size: Int? = nil) -> HDLCAddress {
        let fitting: Int
        switch lower {
        case nil: fitting = 1
        case let l?: fitting = (upper < 0x80 && l < 0x80) ? 2 : 4
        }
        let chosen = max(size ?? fitting, fitting)
        return HDLCAddress(upper: upper, lower: chosen == 1 ? nil : (lower ?? 0), size: chosen)
    }

    /// The all-station (broadcast) lower address in the 4-byte form; 0x7F in the 2-byte form.
    public static let allStationLower4: UInt16 = 0x3FFF
    public static let allStationLower2: UInt16 = 0x7F

    /// True when this address is the all-station address of its form (lower part all ones).
    public var isAllStation: Bool {
        switch size {
        case 2: return lower == 0x7F
        case 4: return lower == 0x3FFF
        default: return upper == 0x7F
        }
    }
}
