/// A time-ordered run of liquidations with prefix sums, so any window's long/short totals
/// are two binary searches and a subtraction — never a rescan.
struct LiquidationSeries: Sendable {
    private(set) var times: [Millis] = []
    /// `longPrefix[k]` = sum of long USD (micros) of the first k entries; same for shorts.
    private var longPrefix: [Int64] = [0]
    private var shortPrefix: [Int64] = [0]
    private var shortCountPrefix: [Int32] = [0]
    /// Index into the master order list, so drill-downs can list the orders themselves.
    private(set) var orderIndex: [Int32] = []

    var count: Int { times.count }

    /// Appends one order; the caller keeps time order. Returns false on a sum overflow
    /// (only reachable with absurd data) and then leaves the series unchanged.
    @discardableResult
    mutating func append(time: Millis, side: Side, usd: USD, order: Int32) -> Bool {
        var long = longPrefix[longPrefix.count - 1], short = shortPrefix[shortPrefix.count - 1]
        var shortCount = shortCountPrefix[shortCountPrefix.count - 1]
        var overflow = false
        if side == .long { (long, overflow) = long.addingReportingOverflow(usd.micros) }
        else { (short, overflow) = short.addingReportingOverflow(usd.micros); shortCount += 1 }
        if overflow { return false }
        times.append(time)
        longPrefix.append(long)
        shortPrefix.append(short)
        shortCountPrefix.append(shortCount)
        orderIndex.append(order)
        return true
    }

    /// Drops every entry from position `k` on (to re-append after an out-of-order insert).
    mutating func truncate(to k: Int) {
        guard k < times.count else { return }
        times.removeSubrange(k...)
        orderIndex.removeSubrange(k...)
        longPrefix.removeSubrange((k + 1)...)
        shortPrefix.removeSubrange((k + 1)...)
        shortCountPrefix.removeSubrange((k + 1)...)
    }

    /// First position whose time is greater than `t`.
    func position(after t: Millis) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Totals of entries in positions `a..<b`.
    func totals(_ a: Int, _ b: Int) -> SideTotals {
        guard b > a else { return SideTotals() }
        let shorts = Int(shortCountPrefix[b] - shortCountPrefix[a])
        return SideTotals(longUSD: USD(micros: longPrefix[b] - longPrefix[a]),
                          shortUSD: USD(micros: shortPrefix[b] - shortPrefix[a]),
                          longCount: (b - a) - shorts, shortCount: shorts)
    }

    /// Totals for times in `(from, to]`.
    func totals(after from: Millis, through to: Millis) -> SideTotals {
        totals(position(after: from), position(after: to))
    }

    /// Per-bucket totals for consecutive spans `(start + i·width, start + (i+1)·width]`, capped at `end`.
    func buckets(start: Millis, width: Millis, count n: Int, end: Millis) -> [SideTotals] {
        var out: [SideTotals] = []
        out.reserveCapacity(n)
        var lower = position(after: start)
        for i in 0 ..< n {
            let upper = position(after: min(start + Millis(i + 1) * width, end))
            out.append(totals(lower, upper))
            lower = upper
        }
        return out
    }
}
