import DLMSTransport

/// The simulator's data come from DLMSTransport's ``DLMSTransport/SplitMix64`` (Steele,
/// Lea, Flood, OOPSLA 2014; the constants of Vigna's reference `splitmix64.c`), so the
/// same seed gives the same device on every run and every platform (no
/// `SystemRandomNumberGenerator`). The name is kept here for the simulator's users.
public typealias SplitMix64 = DLMSTransport.SplitMix64

extension DLMSTransport.SplitMix64 {
    /// A generator for one sub-stream (a metering point, a table), independent of the
    /// order in which sub-streams are used.
    static func stream(seed: UInt64, _ label: UInt64, _ index: UInt64 = 0) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (label &* 0xD1B5_4A32_D192_ED03) ^ (index &* 0x8CB9_2BA7_2F3D_8DD7))
        return SplitMix64(seed: mixer.next())
    }

    /// A uniform integer in `range` (the stdlib's rejection sampling).
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p` (the top 53 bits as a fraction, exactly as before).
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
