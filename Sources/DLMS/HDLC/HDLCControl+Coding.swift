/// Control field coding (IEC 62056-46 §6.4.3; PROTOCOL.md §1 "Control field"). P/F is bit 4
/// (0x10); N(S) and N(R) count modulo 8 (only their low 3 bits are written).
extension HDLCControl {
    /// The control byte: I `N(R)<<5 | P<<4 | N(S)<<1`, RR `N(R)<<5 | P<<4 | 0x01`,
    /// RNR `N(R)<<5 | P<<4 | 0x05`, SNRM 0x83, UA 0x63, DISC 0x43, DM 0x0F, FRMR 0x87,
    /// UI 0x03 (each `| 0x10` with P/F).
    public var byte: UInt8 {
        @inline(__always) func pf(_ p: Bool) -> UInt8 { p ? 0x10 : 0 }
        switch self {
        case let .information(ns, nr, p): return (nr & 7) << 5 | pf(p) | (ns & 7) << 1
        case let .receiveReady(nr, p): return (nr & 7) << 5 | pf(p) | 0x01
        case let .receiveNotReady(nr, p): return (nr & 7) << 5 | pf(p) | 0x05
        case let .setNormalResponseMode(p): return 0x83 | pf(p)
        case let .unnumberedAcknowledge(p): return 0x63 | pf(p)
        case let .disconnect(p): return 0x43 | pf(p)
        case let .disconnectedMode(p): return 0x0F | pf(p)
        case let .frameReject(p): return 0x87 | pf(p)
        case let .unnumberedInformation(p): return 0x03 | pf(p)
        }
    }

    /// Parses a control byte; throws ``HDLCError/unknownControl(_:)`` for REJ/SREJ and any
    /// unnumbered command this profile does not use.
    public init(byte: UInt8) throws(HDLCError) {
        let p = byte & 0x10 != 0
        let nr = byte >> 5
        if byte & 0x01 == 0 {
            self = .information(sendSequence: byte >> 1 & 7, receiveSequence: nr, poll: p)
            return
        }
        switch byte & 0x0F {
        case 0x01: self = .receiveReady(receiveSequence: nr, poll: p); return
        case 0x05: self = .receiveNotReady(receiveSequence: nr, poll: p); return
        default: break
        }
        switch byte & 0xEF {
        case 0x83: self = .setNormalResponseMode(poll: p)
        case 0x63: self = .unnumberedAcknowledge(poll: p)
        case 0x43: self = .disconnect(poll: p)
        case 0x0F: self = .disconnectedMode(poll: p)
        case 0x87: self = .frameReject(poll: p)
        case 0x03: self = .unnumberedInformation(poll: p)
        default: throw .unknownControl(byte)
        }
    }
}

extension HDLCControl: CustomStringConvertible {
    /// For traces: `I(ns=0,nr=1,P)`, `RR(nr=2,P)`, `SNRM(P)`, `UA`, …
    public var description: String {
        func pf(_ p: Bool) -> String { p ? ",P" : "" }
        func flag(_ name: String, _ p: Bool) -> String { p ? name + "(P)" : name }
        switch self {
        case let .information(ns, nr, p): return "I(ns=\(ns),nr=\(nr)\(pf(p)))"
        case let .receiveReady(nr, p): return "RR(nr=\(nr)\(pf(p)))"
        case let .receiveNotReady(nr, p): return "RNR(nr=\(nr)\(pf(p)))"
        case let .setNormalResponseMode(p): return flag("SNRM", p)
        case let .unnumberedAcknowledge(p): return flag("UA", p)
        case let .disconnect(p): return flag("DISC", p)
        case let .disconnectedMode(p): return flag("DM", p)
        case let .frameReject(p): return flag("FRMR", p)
        case let .unnumberedInformation(p): return flag("UI", p)
        }
    }
}
