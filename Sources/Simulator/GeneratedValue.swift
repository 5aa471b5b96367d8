import DLMS
import ES951

/// Values for the attributes of a map the simulator has no behaviour for
/// (`es951-sim --map FILE` with objects of another convention): one of the map's type,
/// the same on every read, derived from the attribute's logical name so that two
/// attributes differ.
///
/// ```swift
/// GeneratedValue.value(of: .longUnsigned, length: nil, for: d, now: t)   // .longUnsigned(n)
/// ```
enum GeneratedValue {
    static func value(of type: MapType, length: Int?, for d: CosemAttributeDescriptor, now: HostTime) -> DLMSData {
        // A small number of the logical name and attribute: 1…250.
        let seed = (d.instance.bytes + [UInt8(bitPattern: d.attribute)]).reduce(7) { ($0 &* 31 &+ Int($1)) % 9973 }
        let n = seed % 250 + 1
        switch type {
        case .visibleString: return .visibleString(Array("SIM\(n)".utf8))
        case .octetString: return .octetString(Array(repeating: UInt8(n), count: min(max(length ?? 4, 0), 64)))
        case .longUnsigned: return .longUnsigned(UInt16(n))
        case .long: return .long(Int16(n))
        case .unsigned: return .unsigned(UInt8(n))
        case .enumerated: return .enumerated(0)
        case .boolean: return .boolean(false)
        case .doubleLongUnsigned: return .doubleLongUnsigned(UInt32(n) * 1000)
        case .doubleLong: return .doubleLong(Int32(n) * 1000)
        case .integer: return .integer(0)
        case .dateTime:
            return COSEMDateTime(secondsSince1970: now.secondsSince1970, utcOffsetMinutes: 0).map { .dateTimeOctetString($0) }
                ?? .octetString(DeviceState.unspecifiedDateTime)
        case .structure: return .structure([])
        case .array: return .array([])
        case .bitString: return .bitString(BitString(count: 0, bytes: []))
        case .long64: return .long64(Int64(n))
        case .long64Unsigned: return .long64Unsigned(UInt64(n))
        case .utf8String: return .utf8String(Array("SIM\(n)".utf8))
        case .float32: return .float32(Float(n).bitPattern)
        case .float64: return .float64(Double(n).bitPattern)
        }
    }
}
