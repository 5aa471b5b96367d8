import Testing
@testable import Simulator

/// The simulator now draws from DLMSTransport's SplitMix64 (its own copy is gone): the
/// helpers it adds must give exactly what the former copy gave, so the simulated data
/// stay the same for every seed.
@Suite("SplitMix64 (simulator helpers)")
struct SplitMix64Tests {
    /// The former `Sources/Simulator/SplitMix64.swift`, kept here as the reference.
    struct Former: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        static func stream(seed: UInt64, _ label: UInt64, _ index: UInt64 = 0) -> Former {
            var mixer = Former(seed: seed ^ (label &* 0xD1B5_4A32_D192_ED03) ^ (index &* 0x8CB9_2BA7_2F3D_8DD7))
            return Former(seed: mixer.next())
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
        mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    }

    @Test func sameDrawsAsTheFormerGenerator() {
        for seed: UInt64 in [0, 1, 7, 42, 0xFFFF_FFFF_FFFF_FFFF] {
            for label: UInt64 in 0..<6 {
                for index: UInt64 in [0, 1, 17, 999] {
                    var new = SplitMix64.stream(seed: seed, label, index)
                    var old = Former.stream(seed: seed, label, index)
                    var a: [Int] = [], b: [Int] = []
                    for k in 0..<200 {
                        switch k % 4 {
                        case 0: a.append(Int(truncatingIfNeeded: new.next())); b.append(Int(truncatingIfNeeded: old.next()))
                        case 1: a.append(new.int(0...1_000_000)); b.append(old.int(0...1_000_000))
                        case 2: a.append(new.chance(0.3) ? 1 : 0); b.append(old.chance(0.3) ? 1 : 0)
                        default: a.append(new.int(-5...5)); b.append(old.int(-5...5))
                        }
                    }
                    #expect(a == b, "seed \(seed) label \(label) index \(index)")
                }
            }
        }
    }
}
