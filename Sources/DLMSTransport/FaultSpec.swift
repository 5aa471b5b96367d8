/// What ``FaultyChannel`` does to the frames it carries: SPEC.md `--faults
/// corrupt=P,drop=P,delay=MS,cut-after=N,seed=S`. P is a probability per frame sent or
/// received; `delay` is added before every frame sent; `cut-after=N` cuts the channel
/// once, after N frames were sent.
public struct FaultSpec: Sendable, Equatable {
    public var corrupt: Double
    public var drop: Double
    public var delay: Duration
    public var cutAfter: Int?
    public var seed: UInt64

    public init(corrupt: Double = 0, drop: Double = 0, delay: Duration = .zero, cutAfter: Int? = nil, seed: UInt64 = 0) {
        self.corrupt = corrupt; self.drop = drop; self.delay = delay; self.cutAfter = cutAfter; self.seed = seed
    }

    /// No faults at all.
    public static let none = FaultSpec()

    /// Parses `corrupt=0.05,drop=0.03,delay=20,cut-after=10,seed=7` (any subset, any
    /// order; an empty string is no faults). Delay in milliseconds.
    /// - Throws: `.unsupported` naming the bad item (unknown key, value out of range).
    public init(parsing text: String) throws(TransportError) {
        self.init()
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard parts.count == 2, !parts[1].isEmpty else { throw .unsupported("faults: \(item)") }
            let (key, value) = (parts[0], parts[1])
            func probability() throws(TransportError) -> Double {
                guard let p = Double(value), p >= 0, p <= 1 else { throw .unsupported("faults: \(key)=\(value) (0…1)") }
                return p
            }
            func count() throws(TransportError) -> Int {
                guard let n = Int(value), n >= 0 else { throw .unsupported("faults: \(key)=\(value)") }
                return n
            }
            switch key {
            case "corrupt": corrupt = try probability()
            case "drop": drop = try probability()
            case "delay": delay = .milliseconds(try count())
            case "cut-after": cutAfter = try count()
            case "seed":
                guard let s = UInt64(value) else { throw .unsupported("faults: seed=\(value)") }
                seed = s
            default: throw .unsupported("faults: unknown \(key) (corrupt, drop, delay, cut-after, seed)")
            }
        }
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
