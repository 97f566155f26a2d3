/// The minute chart of a window: the minutes of the window added up into buckets of a size
/// that depends on the window alone (1h: 1 min, 4h: 3 min, 12h: 10 min, 24h: 15 min), aligned
/// to round UTC times, so the whole window fits a 60-column terminal and the screen's bucket,
/// peak and cursor figures are the ones `summary` prints for the same window.
public struct ChartSeries: Sendable, Hashable {
    public var window: Window
    public var bucketMinutes: Int
    /// The first bucket's first millisecond (a multiple of the bucket size from midnight UTC).
    public var start: Millis
    /// Oldest first; the last one holds the clock's minute (and may be partial).
    public var buckets: [SideTotals]

    public var bucketDuration: Millis { Millis(bucketMinutes) * Duration.minute }

    public static func bucketMinutes(for window: Window) -> Int {
        switch window {
        case .h1: 1
        case .h4: 3
        case .h12: 10
        case .h24: 15
        }
    }

    /// The first and the last bucket's start for `window` at `clock`.
    public static func range(window: Window, clock: Millis) -> (first: Millis, last: Millis) {
        let size = Millis(bucketMinutes(for: window)) * Duration.minute
        let floorTo = { (t: Millis) -> Millis in t - ((t % size) + size) % size }
        return (floorTo(clock - window.duration + 1), floorTo(clock))
    }

    /// Buckets of `minutes` (the per-minute series ending at `clock`) covering the window
    /// `(clock − window, clock]`, widened to whole buckets.
    public init(_ minutes: MinuteSeries, window: Window, clock: Millis) {
        self.window = window
        bucketMinutes = Self.bucketMinutes(for: window)
        let size = Millis(bucketMinutes) * Duration.minute
        let (first, last) = Self.range(window: window, clock: clock)
        start = first
        let count = Int((last - start) / size) + 1
        var out = [SideTotals](repeating: SideTotals(), count: count)
        for (k, m) in minutes.buckets.enumerated() {
            let t = minutes.start + Millis(k) * Duration.minute
            guard t >= start, t <= clock else { continue }
            out[Int((t - start) / size)] = out[Int((t - start) / size)] + m
        }
        buckets = out
    }

    public func bucketStart(_ i: Int) -> Millis { start + Millis(i) * bucketDuration }

    /// The index of the bucket holding `t`, clamped to the series.
    public func index(of t: Millis) -> Int {
        guard !buckets.isEmpty else { return 0 }
        let i = t < start ? 0 : Int((t - start) / bucketDuration)
        return min(max(0, i), buckets.count - 1)
    }

    /// The bucket with the largest total (long + short), the earliest of equals; nil when empty.
    public var peak: (index: Int, totals: SideTotals)? {
        var best: (Int, SideTotals)?
        for (i, b) in buckets.enumerated() where b.count > 0 && b.totalUSD > (best?.1.totalUSD ?? .zero) { best = (i, b) }
        return best
    }

    /// The largest single side of any bucket: the chart's value scale.
    public var scale: USD { buckets.reduce(USD.zero) { max($0, $1.longUSD, $1.shortUSD) } }
}
