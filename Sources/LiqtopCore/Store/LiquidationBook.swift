/// Every liquidation ingested, kept in time order as columns, with checkpointed running sums
/// for the whole market and per coin × venue ("streams"; per coin and per venue are sums of
/// streams), plus a range-max index for the largest orders. Queries are binary searches, so a
/// seek anywhere in a day is cheap, and an order costs about 25 bytes (43 with price and quantity).
struct LiquidationBook: Sendable {
    struct CoinVenue: Hashable, Sendable { var coin: String; var venue: Venue }

    private(set) var orders: OrderColumns
    private(set) var all = LiquidationSeries(wholeMarket: true)
    private(set) var streams: [LiquidationSeries] = []
    private(set) var streamKeys: [CoinVenue] = []
    private var streamIndex: [CoinVenue: Int] = [:]
    /// Stream of each instrument id of `orders.instruments`.
    private var instrumentStream: [Int] = []
    private var sizes = RangeMaxTree()
    /// Orders refused because a running sum would overflow (absurd volumes only).
    private(set) var overflowed = 0

    init(keepsDetail: Bool = true) { orders = OrderColumns(keepsDetail: keepsDetail) }

    var count: Int { orders.count }
    var firstTime: Millis? { orders.times.first }
    var lastTime: Millis? { orders.times.last }

    /// Room for `n` orders in all (see `DecodeOutput.expectedOrders`).
    mutating func reserve(_ n: Int) {
        orders.reserveCapacity(n)
        all.reserve(n)
    }

    mutating func insert(_ batch: [Liquidation]) {
        var columns = OrderColumns(keepsDetail: orders.keepsDetail)
        columns.reserveCapacity(batch.count)
        for l in batch { columns.append(l) }
        insert(columns)
    }

    /// Adds orders in any order. In-order batches (files, the live case) only extend the
    /// indexes; an older order re-derives them from its position on.
    mutating func insert(_ batch: OrderColumns) {
        guard !batch.isEmpty else { return }
        var sorted = batch
        if let order = batch.timeOrder() {
            sorted = OrderColumns(keepsDetail: batch.keepsDetail)
            sorted.append(contentsOf: batch, indices: order)
        }
        let oldCount = orders.count
        let firstNew = sorted.times[0]
        let inOrder = orders.times.last.map { $0 <= firstNew } ?? true
        let from = inOrder ? oldCount : all.position(after: firstNew, orders)
        if from == oldCount {
            if orders.isEmpty && orders.instruments.count == 0 && sorted.keepsDetail == orders.keepsDetail
                && orders.capacity <= sorted.count {
                orders = sorted // the first file: adopt its columns, no copy
            } else {
                orders.append(contentsOf: sorted)
            }
        } else {
            // Merge the re-sorted tail with the batch (stable: on equal times, the old order first).
            var combined = orders.suffix(from: from)
            let tailCount = combined.count
            combined.append(contentsOf: sorted)
            var merged: [Int] = []
            merged.reserveCapacity(combined.count)
            var i = 0, j = tailCount
            while i < tailCount && j < combined.count {
                if combined.times[j] < combined.times[i] { merged.append(j); j += 1 } else { merged.append(i); i += 1 }
            }
            merged += i ..< tailCount
            merged += j ..< combined.count
            orders.removeSuffix(from: from)
            orders.append(contentsOf: combined, indices: merged)
        }
        reindex(from: from)
    }

    /// Forgets orders before `t` (live sessions: once out of every window and recorded),
    /// so memory stays bounded over days. Re-derives the indexes of what is left.
    mutating func dropOrders(before t: Millis) {
        let k = all.position(after: t - 1, orders)
        guard k > 0 else { return }
        orders = orders.suffix(from: k)
        all = LiquidationSeries(wholeMarket: true)
        streams = streams.map { _ in LiquidationSeries(wholeMarket: false) }
        sizes = RangeMaxTree()
        reindex(from: 0)
    }

    private mutating func reindex(from k: Int) {
        all.truncate(to: k, orders)
        for s in streams.indices { streams[s].truncate(to: streams[s].entries(before: k), orders) }
        dropOverflowing(from: k)
        while instrumentStream.count < orders.instruments.count { instrumentStream.append(stream(for: UInt32(instrumentStream.count))) }
        for i in k ..< orders.count {
            let usd = orders.usd[i], short = orders.isShort(i)
            all.append(position: i, usd: usd, short: short)
            streams[instrumentStream[Int(orders.instrument(i))]].append(position: i, usd: usd, short: short)
        }
        sizes.replace(from: k, count: orders.count, values: orders.usd)
    }

    /// Refuses the orders from `k` on whose whole-market running sum would overflow (the
    /// streams' sums are parts of it, so they cannot overflow then).
    private mutating func dropOverflowing(from k: Int) {
        var long = all.running.long, short = all.running.short
        var kept: [Int]? = nil // built only once something must go
        for i in k ..< orders.count {
            let usd = orders.usd[i]
            let (sum, overflow) = (orders.isShort(i) ? short : long).addingReportingOverflow(usd)
            if overflow {
                if kept == nil { kept = Array(0 ..< i) }
                continue
            }
            if orders.isShort(i) { short = sum } else { long = sum }
            kept?.append(i)
        }
        guard let kept else { return }
        overflowed += orders.count - kept.count
        orders.keepOnly(kept)
    }

    private mutating func stream(for instrument: UInt32) -> Int {
        let entry = orders.instruments[instrument]
        let key = CoinVenue(coin: entry.coin, venue: entry.venue)
        if let s = streamIndex[key] { return s }
        streams.append(LiquidationSeries(wholeMarket: false))
        streamKeys.append(key)
        streamIndex[key] = streams.count - 1
        return streams.count - 1
    }

    // MARK: queries

    func totals(after from: Millis, through to: Millis) -> SideTotals {
        all.totals(after: from, through: to, orders)
    }

    /// Totals of every coin × venue stream with orders in `(from, to]`.
    func streamTotals(after from: Millis, through to: Millis) -> [(key: CoinVenue, totals: SideTotals)] {
        streams.indices.compactMap { s in
            let t = streams[s].totals(after: from, through: to, orders)
            return t.count > 0 ? (streamKeys[s], t) : nil
        }
    }

    /// The streams of `coin` (on `venue` only, when given).
    private func streams(coin: String, venue: Venue?) -> [Int] {
        streamKeys.indices.filter { streamKeys[$0].coin == coin && (venue == nil || streamKeys[$0].venue == venue) }
    }

    /// Whether any order of `coin` (on `venue`, when given) is stored (pruning can empty a stream).
    func hasStream(coin: String, venue: Venue?) -> Bool {
        streams(coin: coin, venue: venue).contains { streams[$0].count > 0 }
    }

    /// Totals of one coin on one venue in `(from, to]`.
    func streamTotals(coin: String, venue: Venue, after from: Millis, through to: Millis) -> SideTotals {
        guard let s = streamIndex[CoinVenue(coin: coin, venue: venue)] else { return SideTotals() }
        return streams[s].totals(after: from, through: to, orders)
    }

    /// Per-minute style buckets (see `LiquidationSeries.buckets`) of the whole market, or of one
    /// coin (on one venue, when given).
    func buckets(coin: String?, venue: Venue?, start: Millis, width: Millis, count n: Int, end: Millis) -> [SideTotals] {
        guard let coin else { return all.buckets(start: start, width: width, count: n, end: end, orders) }
        var out = Array(repeating: SideTotals(), count: n)
        for s in streams(coin: coin, venue: venue) {
            for (i, b) in streams[s].buckets(start: start, width: width, count: n, end: end, orders).enumerated() { out[i] = out[i] + b }
        }
        return out
    }

    /// Largest `k` orders with time in `(from, to]`, largest first.
    func largest(_ k: Int, after from: Millis, through to: Millis) -> [Liquidation] {
        sizes.top(k, in: all.position(after: from, orders), all.position(after: to, orders), orders.usd)
            .map { orders.liquidation(at: $0) }
    }

    /// The latest `k` orders of at least `minimum` USD with time in `(from, to]`, newest first.
    func recent(_ k: Int, minimum: USD, after from: Millis, through to: Millis) -> [Liquidation] {
        let lo = all.position(after: from, orders)
        var hi = all.position(after: to, orders)
        var out: [Liquidation] = []
        while out.count < k, let i = sizes.lastIndex(in: lo, hi, atLeast: minimum.micros, orders.usd) {
            out.append(orders.liquidation(at: i))
            hi = i
        }
        return out
    }

    /// How many orders of one coin (and venue, when given) fall in `(from, to]`, and the newest
    /// `limit` of them, newest first.
    func orders(coin: String, venue: Venue?, after from: Millis, through to: Millis, limit: Int) -> (total: Int, newest: [Liquidation]) {
        var total = 0
        var positions: [Int] = []
        for s in streams(coin: coin, venue: venue) {
            let series = streams[s]
            let a = series.position(after: from, orders), b = series.position(after: to, orders)
            total += b - a
            for e in max(a, b - limit) ..< b { positions.append(series.order(e)) }
        }
        positions.sort(by: >)
        return (total, positions.prefix(limit).map { orders.liquidation(at: $0) })
    }

    /// The latest `k` orders of `coin` of at least `minimum` USD in `(from, to]`, newest first:
    /// walks the coin's streams back from `to`, so it costs the coin's orders, not the market's.
    func recent(_ k: Int, coin: String, minimum: USD, after from: Millis, through to: Millis) -> [Liquidation] {
        var positions: [Int] = []
        for s in streams(coin: coin, venue: nil) {
            let series = streams[s]
            let a = series.position(after: from, orders)
            var e = series.position(after: to, orders), found = 0
            while e > a, found < k {
                e -= 1
                let p = series.order(e)
                if orders.usd[p] >= minimum.micros { positions.append(p); found += 1 }
            }
        }
        positions.sort(by: >)
        return positions.prefix(k).map { orders.liquidation(at: $0) }
    }

    /// The largest order of `coin` with time in `(from, to]` (earliest of equals).
    func largest(coin: String, after from: Millis, through to: Millis) -> Liquidation? {
        var best: Int?
        for s in streams(coin: coin, venue: nil) {
            let series = streams[s]
            for e in series.position(after: from, orders) ..< series.position(after: to, orders) {
                let p = series.order(e)
                if let b = best, orders.usd[p] < orders.usd[b] || (orders.usd[p] == orders.usd[b] && p > b) { continue }
                best = p
            }
        }
        return best.map { orders.liquidation(at: $0) }
    }

    /// Each order of `coin` in `(from, to]`: price per coin (a `1000PEPE` contract's price ÷ 1000,
    /// so every venue's orders share one axis; zero without detail), side and USD.
    func pricedOrders(coin: String, after from: Millis, through to: Millis) -> [(price: FixedDecimal, short: Bool, usd: USD)] {
        var out: [(price: FixedDecimal, short: Bool, usd: USD)] = []
        var divisors: [UInt32: Int] = [:]
        for s in streams(coin: coin, venue: nil) {
            let series = streams[s]
            for e in series.position(after: from, orders) ..< series.position(after: to, orders) {
                let p = series.order(e), id = orders.instrument(p)
                let zeros = divisors[id] ?? {
                    let z = CoinNormalizer.multiplierZeros(instrument: orders.instruments[id].instrument, coin: coin)
                    divisors[id] = z
                    return z
                }()
                var price = orders.price(at: p) ?? .zero
                if zeros > 0 { price = FixedDecimal(mantissa: price.mantissa, scale: Int(price.scale) + zeros) ?? .zero }
                out.append((price, orders.isShort(p), USD(micros: orders.usd[p])))
            }
        }
        return out
    }

    /// The single largest order in the whole book (the `b` key's target).
    var largestEver: Liquidation? { sizes.argmax(0, orders.count, orders.usd).map { orders.liquidation(at: $0) } }
}

extension LiquidationBook {
    /// How many orders in `(from, to]` (of `coin`, when given) reached each of `tiers`, each
    /// counted in its highest tier. The whole market walks the size tree from the first
    /// threshold up, so only orders that reach a tier are visited.
    func tierCounts(_ tiers: SizeTiers, coin: String?, after from: Millis, through to: Millis) -> [Int] {
        var counts = Array(repeating: 0, count: tiers.thresholds.count)
        let first = tiers.thresholds[0].micros
        func add(_ usd: Int64) {
            if let k = tiers.tier(of: USD(micros: usd)) { counts[k] += 1 }
        }
        if let coin {
            for s in streams(coin: coin, venue: nil) {
                let series = streams[s]
                for e in series.position(after: from, orders) ..< series.position(after: to, orders) {
                    let usd = orders.usd[series.order(e)]
                    if usd >= first { add(usd) }
                }
            }
        } else {
            let lo = all.position(after: from, orders)
            var hi = all.position(after: to, orders)
            while let i = sizes.lastIndex(in: lo, hi, atLeast: first, orders.usd) {
                add(orders.usd[i])
                hi = i
            }
        }
        return counts
    }
}
