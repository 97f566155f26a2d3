/// Every liquidation ingested, kept in time order, with prefix-sum series for the whole
/// market and per coin, per venue and per coin × venue, plus a range-max index for the
/// largest orders. Queries are binary searches, so a seek anywhere in a day is cheap.
struct LiquidationBook: Sendable {
    struct CoinVenue: Hashable, Sendable { var coin: String; var venue: Venue }

    private(set) var orders: [Liquidation] = []
    private(set) var all = LiquidationSeries()
    private(set) var byCoin: [String: LiquidationSeries] = [:]
    private(set) var byVenue: [Venue: LiquidationSeries] = [:]
    private(set) var byCoinVenue: [CoinVenue: LiquidationSeries] = [:]
    private var sizes = RangeMaxTree()
    /// Orders refused because a running sum would overflow (absurd volumes only).
    private(set) var overflowed = 0

    var count: Int { orders.count }
    var firstTime: Millis? { orders.first?.time }
    var lastTime: Millis? { orders.last?.time }

    /// Adds orders in any order. In-order batches (the live case) only extend the indexes;
    /// an older order re-derives the indexes from its position on.
    mutating func insert(_ batch: [Liquidation]) {
        guard !batch.isEmpty else { return }
        let sorted = batch.sorted { $0.time < $1.time } // stable: equal times keep arrival order
        let oldCount = orders.count
        let firstNew = sorted[0].time
        // Position where the merged order first differs from what is indexed.
        let inOrder = orders.last.map { $0.time <= firstNew } ?? true
        let from = inOrder ? oldCount : all.position(after: firstNew)
        if from == oldCount {
            orders.append(contentsOf: sorted)
        } else {
            let tail = Array(orders[from...])
            orders.removeSubrange(from...)
            orders.append(contentsOf: Self.merge(tail, sorted))
        }
        reindex(from: from)
    }

    private static func merge(_ a: [Liquidation], _ b: [Liquidation]) -> [Liquidation] {
        var out: [Liquidation] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if b[j].time < a[i].time { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// Forgets orders before `t` (live sessions: once out of every window and recorded),
    /// so memory stays bounded over days. Re-derives the indexes of what is left.
    mutating func dropOrders(before t: Millis) {
        let k = all.position(after: t - 1)
        guard k > 0 else { return }
        orders.removeFirst(k)
        all = LiquidationSeries()
        byCoin = [:]
        byVenue = [:]
        byCoinVenue = [:]
        sizes = RangeMaxTree()
        reindex(from: 0)
    }

    private mutating func reindex(from k: Int) {
        // Every series keeps only the orders it held before position k, then re-extends.
        all.truncate(to: k)
        truncateKeyed(before: k)
        var kept: [Liquidation] = []
        var dropped = 0
        for i in k ..< orders.count {
            let o = orders[i]
            let index = Int32(k + kept.count)
            guard all.append(time: o.time, side: o.side, usd: o.usd, order: index) else { dropped += 1; continue }
            byCoin[o.coin, default: LiquidationSeries()].append(time: o.time, side: o.side, usd: o.usd, order: index)
            byVenue[o.venue, default: LiquidationSeries()].append(time: o.time, side: o.side, usd: o.usd, order: index)
            byCoinVenue[CoinVenue(coin: o.coin, venue: o.venue), default: LiquidationSeries()]
                .append(time: o.time, side: o.side, usd: o.usd, order: index)
            kept.append(o)
        }
        if dropped > 0 {
            overflowed += dropped
            orders.removeSubrange(k...)
            orders.append(contentsOf: kept)
        }
        sizes.replace(from: k, with: orders[k...].lazy.map(\.usd.micros))
    }

    private mutating func truncateKeyed(before k: Int) {
        func cut(_ s: inout LiquidationSeries) {
            // Keep the entries whose master index is below k (indexes are increasing).
            var lo = 0, hi = s.count
            while lo < hi { let mid = (lo + hi) >> 1; if Int(s.orderIndex[mid]) < k { lo = mid + 1 } else { hi = mid } }
            s.truncate(to: lo)
        }
        for key in byCoin.keys { cut(&byCoin[key]!) }
        for key in byVenue.keys { cut(&byVenue[key]!) }
        for key in byCoinVenue.keys { cut(&byCoinVenue[key]!) }
    }

    // MARK: queries

    func totals(_ window: Window, at clock: Millis) -> SideTotals {
        all.totals(after: clock - window.duration, through: clock)
    }

    /// Largest `k` orders with time in `(from, to]`, largest first.
    func largest(_ k: Int, after from: Millis, through to: Millis) -> [Liquidation] {
        sizes.top(k, in: all.position(after: from), all.position(after: to)).map { orders[$0] }
    }

    /// The latest `k` orders of at least `minimum` USD with time in `(from, to]`, newest first.
    func recent(_ k: Int, minimum: USD, after from: Millis, through to: Millis) -> [Liquidation] {
        let lo = all.position(after: from)
        var hi = all.position(after: to)
        var out: [Liquidation] = []
        while out.count < k, let i = sizes.lastIndex(in: lo, hi, atLeast: minimum.micros) {
            out.append(orders[i])
            hi = i
        }
        return out
    }

    /// Orders of one coin (and venue, when given) in `(from, to]`, oldest first.
    func orders(coin: String, venue: Venue?, after from: Millis, through to: Millis) -> [Liquidation] {
        let series: LiquidationSeries?
        if let venue { series = byCoinVenue[CoinVenue(coin: coin, venue: venue)] } else { series = byCoin[coin] }
        guard let series else { return [] }
        let a = series.position(after: from), b = series.position(after: to)
        return (a ..< b).map { orders[Int(series.orderIndex[$0])] }
    }

    /// The single largest order in the whole book (the `b` key's target).
    var largestEver: Liquidation? { sizes.argmax(0, orders.count).map { orders[$0] } }
}
