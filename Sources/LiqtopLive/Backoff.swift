/// Exponential backoff with jitter between reconnect attempts.
///
/// Delay for the n-th consecutive failure is drawn from [c/2, c] with c = min(cap, base·2ⁿ)
/// ("equal jitter": never a thundering herd, never a zero wait). A connection that stayed up at
/// least `resetAfter` counts as healthy, so the next failure starts again from `base`.
public struct Backoff: Sendable, Hashable {
    public var base: Swift.Duration
    public var cap: Swift.Duration
    public var resetAfter: Swift.Duration
    /// Consecutive failed or short-lived connections so far.
    public private(set) var failures = 0

    public init(base: Swift.Duration = .seconds(1), cap: Swift.Duration = .seconds(60),
                resetAfter: Swift.Duration = .seconds(60)) {
        self.base = base; self.cap = cap; self.resetAfter = resetAfter
    }

    /// The wait before the next attempt. `uptime` is how long the connection that just ended
    /// stayed up (zero when it never connected); `unit` is a random number in 0...1. With
    /// `mayReset` false the connection never counts as healthy, however long it stayed up.
    public mutating func nextDelay(uptime: Swift.Duration, unit: Double, mayReset: Bool = true) -> Swift.Duration {
        if mayReset && uptime >= resetAfter { failures = 0 }
        let ceiling = self.ceiling(failures)
        failures += 1
        let u = min(1, max(0, unit))
        return ceiling / 2 + (ceiling / 2) * u
    }

    public mutating func nextDelay(uptime: Swift.Duration, mayReset: Bool = true) -> Swift.Duration {
        nextDelay(uptime: uptime, unit: Double.random(in: 0 ... 1), mayReset: mayReset)
    }

    public mutating func reset() { failures = 0 }

    /// min(cap, base·2ⁿ) without overflow: doubling stops once the cap is reached.
    func ceiling(_ n: Int) -> Swift.Duration {
        var c = base
        var k = 0
        while k < n && c < cap { c = c * 2; k += 1 }
        return min(c, cap)
    }
}
