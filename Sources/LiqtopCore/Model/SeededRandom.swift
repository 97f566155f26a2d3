/// SplitMix64: a tiny, fast generator whose output is fixed by its seed on every platform.
///
/// The demo day must be the same on every run and every machine, so it never touches the
/// system generator; integer-only helpers keep libm differences out as well. Tests, the
/// benchmark and the soak use it for the same reason: a run can be repeated exactly.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0 ..< n` (multiply-high; the bias for small `n` is far below anything visible).
    public mutating func below(_ n: Int64) -> Int64 {
        guard n > 1 else { return 0 }
        return Int64(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in `0 ..< n`.
    public mutating func below(_ n: Int) -> Int { Int(below(Int64(n))) }

    /// Uniform in `range`.
    public mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int64) -> Bool { below(100) < percent }

    /// An index into `weights`, each chosen in proportion to its weight.
    public mutating func pick(_ weights: [Int64]) -> Int {
        let total = weights.reduce(0, +)
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return max(0, weights.count - 1)
    }
}
