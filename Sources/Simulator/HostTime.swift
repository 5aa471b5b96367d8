/// A moment of the host clock, handed to the pure simulator core by its driver (the core
/// reads no clock): seconds since 1970-01-01 UTC and hundredths.
public struct HostTime: Hashable, Sendable, Comparable {
    public var secondsSince1970: Int64
    public var hundredths: UInt8
    public init(secondsSince1970: Int64, hundredths: UInt8 = 0) {
        self.secondsSince1970 = secondsSince1970; self.hundredths = min(hundredths, 99)
    }
    public static func < (l: HostTime, r: HostTime) -> Bool {
        (l.secondsSince1970, l.hundredths) < (r.secondsSince1970, r.hundredths)
    }
}
