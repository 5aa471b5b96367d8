/// The Invoke-Id-And-Priority byte: bits 0-3 the invoke id, bit 6 confirmed (service
/// class), bit 7 high priority. `C1` = id 1, confirmed, high priority.
public struct InvokeIDAndPriority: Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(id: UInt8, confirmed: Bool = true, highPriority: Bool = true) {
        rawValue = (id & 0x0F) | (confirmed ? 0x40 : 0) | (highPriority ? 0x80 : 0)
    }
    public var id: UInt8 { rawValue & 0x0F }
    public var confirmed: Bool { rawValue & 0x40 != 0 }
    public var highPriority: Bool { rawValue & 0x80 != 0 }
}
