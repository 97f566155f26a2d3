/// A time-ordered run of the book's orders (the whole market, or one coin on one venue) with
/// running long/short sums checkpointed every 64 entries: any window's totals are two binary
/// searches plus at most 2 × 63 additions — never a rescan — for about 0.6 bytes an order.
struct LiquidationSeries: Sendable {
    /// Running sums before some entry.
    struct Sums: Sendable {
        var long: Int64 = 0
        var short: Int64 = 0
        var shorts: Int32 = 0
    }

    static let blockShift = 6
    static let blockSize = 1 << blockShift

    /// Positions of this series' entries in the book; empty for the whole-market series,
    /// whose entry i is order i.
    private(set) var positions: [Int32] = []
    let isWholeMarket: Bool
    private(set) var count = 0
    /// `checkpoints[b]` = sums of the first `b * blockSize` entries.
    private var checkpoints: [Sums] = [Sums()]
    private(set) var running = Sums()

    init(wholeMarket: Bool) { isWholeMarket = wholeMarket }

    @inline(__always) func order(_ entry: Int) -> Int { isWholeMarket ? entry : Int(positions[entry]) }

    mutating func reserve(_ n: Int) {
        checkpoints.reserveCapacity(n >> Self.blockShift + 1)
        if !isWholeMarket { positions.reserveCapacity(n) }
    }

    /// Appends book order `position`; the caller keeps time order and has checked overflow.
    mutating func append(position: Int, usd: Int64, short: Bool) {
        if !isWholeMarket { positions.append(Int32(truncatingIfNeeded: position)) }
        if short { running.short &+= usd; running.shorts &+= 1 } else { running.long &+= usd }
        count += 1
        if count & (Self.blockSize - 1) == 0 { checkpoints.append(running) }
    }

    /// Drops every entry from `k` on (to re-append after an out-of-order insert).
    mutating func truncate(to k: Int, _ orders: OrderColumns) {
        guard k < count else { return }
        if !isWholeMarket { positions.removeSubrange(k...) }
        count = k
        checkpoints.removeSubrange((k >> Self.blockShift + 1)...)
        running = sums(before: k, orders)
    }

    /// Number of entries whose order is before book position `p` (positions increase).
    func entries(before p: Int) -> Int {
        if isWholeMarket { return min(p, count) }
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) >> 1; if Int(positions[mid]) < p { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// First entry whose time is greater than `t`.
    func position(after t: Millis, _ orders: OrderColumns) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if orders.times[order(mid)] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Sums of the first `k` entries: the block checkpoint plus the rest of the block.
    func sums(before k: Int, _ orders: OrderColumns) -> Sums {
        var s = checkpoints[k >> Self.blockShift]
        var e = k & ~(Self.blockSize - 1)
        while e < k {
            let o = order(e)
            if orders.isShort(o) { s.short &+= orders.usd[o]; s.shorts &+= 1 } else { s.long &+= orders.usd[o] }
            e += 1
        }
        return s
    }

    /// Totals of entries `a..<b`.
    func totals(_ a: Int, _ b: Int, _ orders: OrderColumns) -> SideTotals {
        guard b > a else { return SideTotals() }
        return Self.difference(sums(before: a, orders), sums(before: b, orders), entries: b - a)
    }

    /// Totals of the `entries` between two running sums.
    private static func difference(_ x: Sums, _ y: Sums, entries: Int) -> SideTotals {
        let shorts = Int(y.shorts - x.shorts)
        return SideTotals(longUSD: USD(micros: y.long &- x.long), shortUSD: USD(micros: y.short &- x.short),
                          longCount: entries - shorts, shortCount: shorts)
    }

    /// Totals for times in `(from, to]`.
    func totals(after from: Millis, through to: Millis, _ orders: OrderColumns) -> SideTotals {
        totals(position(after: from, orders), position(after: to, orders), orders)
    }

    /// Per-bucket totals for consecutive spans `(start + i·width, start + (i+1)·width]`, capped at `end`.
    func buckets(start: Millis, width: Millis, count n: Int, end: Millis, _ orders: OrderColumns) -> [SideTotals] {
        var out: [SideTotals] = []
        out.reserveCapacity(n)
        var lower = position(after: start, orders)
        var lowerSums = sums(before: lower, orders)
        for i in 0 ..< n {
            let upper = position(after: min(start + Millis(i + 1) * width, end), orders)
            let upperSums = upper == lower ? lowerSums : sums(before: upper, orders)
            out.append(Self.difference(lowerSums, upperSums, entries: upper - lower))
            lower = upper; lowerSums = upperSums
        }
        return out
    }
}
