/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; the constants of Vigna's reference `splitmix64.c`): a tiny, fast,
/// well-mixed generator. The simulator's data come from it, so the same seed gives the
/// same device on every run and every platform (no `SystemRandomNumberGenerator`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one sub-stream (a metering point, a table), independent of the
    /// order in which sub-streams are used.
    public static func stream(seed: UInt64, _ label: UInt64, _ index: UInt64 = 0) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (label &* 0xD1B5_4A32_D192_ED03) ^ (index &* 0x8CB9_2BA7_2F3D_8DD7))
        return SplitMix64(seed: mixer.next())
    }

    /// A uniform integer in `range` (no modulo bias worth speaking of for our ranges:
    /// the stdlib's rejection sampling is used).
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}
