/// The demo day's forced orders: hourly per-side budgets filled with randomly sized orders.
///
/// The published totals (24 h shorts $577M, last hour $104M of which $102M shorts) are met by
/// construction: each hour and side has a budget, orders are drawn until it is used up, and
/// the last order of each budget is sized to the residual (down to one lot of a cheap coin, so
/// each budget is exact to well under a dollar). Every order is self-consistent:
/// `usd == USD.product(quantity, price)`, with lot-rounded quantities and tick-rounded prices.
///
/// Orders follow what each venue's stream sends: Binance pushes at most one liquidation per
/// symbol per second, so a Binance order drawn into a second its symbol already has moves to
/// the nearest free second of the same hour, keeping its amount (the hourly budgets, and so the
/// totals, are unchanged).
/// Bybit's stream is meant to be complete and OKX's is partial: neither limits what one second holds.
enum DemoLiquidations {
    /// Short liquidations per UTC hour, in $100k: quiet in Asia, building through the US
    /// session, peaking in the last hours. Sums to 5,770 ($577.0M); hour 23 is $102.0M.
    static let shortBudget: [Int64] = [
        62, 51, 44, 39, 56, 68, 73, 89, 104, 118, 109, 126,
        142, 195, 317, 364, 273, 238, 259, 306, 412, 583, 722, 1_020,
    ]
    /// Long liquidations per UTC hour, in $100k: dips early in Asia and in the US afternoon.
    /// Sums to 1,200 ($120.0M); hour 23 is $2.0M, so the last hour totals $104.0M.
    static let longBudget: [Int64] = [
        62, 71, 70, 85, 58, 49, 44, 52, 47, 41, 55, 48,
        39, 50, 55, 58, 60, 52, 45, 38, 34, 31, 36, 20,
    ]
    static let budgetUnit: Int64 = 100_000 * USD.microsPerDollar

    /// The day's notable orders, placed by hand; the largest is the $8.4M Bybit BTC short.
    struct Whale {
        let at: Millis          // offset into the day
        let coin: String
        let venue: Venue
        let side: Side
        let dollars: Int64
    }

    static let whales: [Whale] = [
        Whale(at: clock(23, 17, 42, 318), coin: "BTC", venue: .bybit, side: .short, dollars: 8_420_000),
        Whale(at: clock(23, 5, 9, 871), coin: "BTC", venue: .binance, side: .short, dollars: 4_130_000),
        Whale(at: clock(22, 41, 5, 112), coin: "ETH", venue: .binance, side: .short, dollars: 3_610_000),
        Whale(at: clock(21, 12, 33, 604), coin: "BTC", venue: .okx, side: .short, dollars: 2_930_000),
        Whale(at: clock(20, 31, 2, 950), coin: "ETH", venue: .okx, side: .short, dollars: 2_470_000),
        Whale(at: clock(16, 48, 20, 45), coin: "SOL", venue: .bybit, side: .short, dollars: 1_840_000),
        Whale(at: clock(3, 20, 14, 777), coin: "BTC", venue: .binance, side: .long, dollars: 2_210_000),
    ]

    static func clock(_ h: Int64, _ m: Int64, _ s: Int64, _ ms: Int64) -> Millis {
        h * Duration.hour + m * Duration.minute + s * Duration.second + ms
    }

    /// Order sizes in dollars: (per-mille chance, low, high). Mean about $30k, so the day has
    /// well over 20,000 orders; nothing random reaches the hand-placed whales.
    static let sizeTiers: [(chance: Int64, low: Int64, high: Int64)] = [
        (560, 20, 2_000), (250, 2_000, 10_000), (118, 10_000, 50_000),
        (55, 50_000, 250_000), (15, 250_000, 1_000_000), (2, 1_000_000, 3_000_000),
    ]

    static let seed: UInt64 = 0x2026_0114_5155_A11D

    /// The markets' price paths the orders are priced on (the first draws of the seeded generator).
    static func pricePaths() -> [[Int64]] {
        var rng = SeededRandom(seed: seed)
        return DemoMarkets.paths(progress: progressAnchors(), rng: &rng)
    }

    static func generate(day: Day) -> [Liquidation] {
        var rng = SeededRandom(seed: seed)
        let markets = DemoMarkets.all
        let paths = DemoMarkets.paths(progress: progressAnchors(), rng: &rng)
        var gen = Generator(day: day, markets: markets, paths: paths, rng: rng)

        // Hand-placed orders first; their USD comes out of their hour's budget.
        var placed = [[Int64]](repeating: [Int64](repeating: 0, count: 24), count: 2)
        for w in whales {
            let m = DemoMarkets.index(of: w.coin)
            if let liq = gen.order(market: m, venue: w.venue, side: w.side, offset: w.at,
                                   targetMicros: w.dollars * USD.microsPerDollar, allowMinimumLot: true) {
                gen.out.append(liq)
                placed[w.side == .short ? 0 : 1][Int(w.at / Duration.hour)] += liq.usd.micros
            }
        }
        for side in [Side.short, .long] {
            let budgets = side == .short ? shortBudget : longBudget
            for (hour, units) in budgets.enumerated() {
                let start = Millis(hour) * Duration.hour
                let already = placed[side == .short ? 0 : 1][hour]
                gen.fill(side: side, hourStart: start, micros: units * budgetUnit - already)
            }
        }
        // Time order, ties by creation order: deterministic, and how a recording would read.
        return gen.out.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
    }

    /// Share of the day's price move done at each 5-minute anchor, in parts per million,
    /// following the cumulative short budget.
    static func progressAnchors() -> [Int64] {
        let total = shortBudget.reduce(0, +)
        var cumulative = [Int64](repeating: 0, count: 25)
        for h in 0 ..< 24 { cumulative[h + 1] = cumulative[h] + shortBudget[h] }
        return (0 ..< DemoMarkets.anchorCount).map { k in
            let t = Millis(k) * DemoMarkets.anchorStep
            let h = min(23, Int(t / Duration.hour))
            let within = t - Millis(h) * Duration.hour
            let done = cumulative[h] * Duration.hour + shortBudget[h] * within
            return done * 1_000_000 / (total * Duration.hour)
        }
    }

    private struct Generator {
        let day: Day
        let markets: [DemoMarket]
        let paths: [[Int64]]
        var rng: SeededRandom
        var out: [Liquidation] = []
        let fallback = DemoMarkets.index(of: "DOGE")
        /// Seconds of the day each market already has a Binance order in (market × 2^17 + second).
        var binanceSeconds = Set<Int64>()

        init(day: Day, markets: [DemoMarket], paths: [[Int64]], rng: SeededRandom) {
            self.day = day; self.markets = markets; self.paths = paths; self.rng = rng
            out.reserveCapacity(30_000)
        }

        /// Draws orders until `micros` of `side` are used up within the hour.
        mutating func fill(side: Side, hourStart: Millis, micros: Int64) {
            var remaining = micros
            let marketWeights = markets.map(\.weight)
            while remaining > 0 {
                var m = rng.pick(marketWeights)
                var venue = pickVenue(markets[m])
                let draw = min(drawSize(), markets[m].maxOrder * USD.microsPerDollar)
                let isLast = draw >= remaining
                let offset = hourStart + rng.below(Duration.hour)
                var liq = order(market: m, venue: venue, side: side, offset: offset,
                                targetMicros: isLast ? remaining : draw, allowMinimumLot: !isLast)
                if let l = liq, l.usd.micros > remaining { liq = nil }
                if liq == nil {
                    // The residual is below one lot of the drawn coin: a cheap coin absorbs it.
                    m = fallback; venue = .binance
                    liq = order(market: m, venue: venue, side: side, offset: offset,
                                targetMicros: remaining, allowMinimumLot: false)
                }
                guard let l = liq else { return } // under one DOGE: the budget is exact enough
                out.append(l)
                remaining -= l.usd.micros
            }
        }

        mutating func order(market m: Int, venue: Venue, side: Side, offset: Millis, targetMicros: Int64,
                            allowMinimumLot: Bool) -> Liquidation? {
            let market = markets[m]
            let ticks = DemoMarkets.price(paths[m], at: offset, rng: &rng)
            // Priced where it was drawn, so moving it to a free second changes no amount and
            // no later draw: the rest of the day is the same as without the rule.
            var offset = offset
            if venue == .binance {
                guard let free = freeBinanceSecond(market: m, offset: offset) else { return nil }
                offset = free
            }
            let lot = market.lotSize(on: venue)
            let lotMicros = Int128(ticks) * Int128(lot) * FixedDecimal.pow10(6)
                / FixedDecimal.pow10(market.priceScale + market.lotScale)
            guard lotMicros > 0 else { return nil }
            var lots = Int64(Int128(targetMicros) / lotMicros)
            if lots == 0 && allowMinimumLot { lots = 1 }
            guard lots > 0 else { return nil }
            let price = DemoDay.dec(ticks, market.priceScale)
            let qty = DemoDay.dec(lots * lot, market.lotScale)
            guard let usd = USD.product(qty, price), usd.micros > 0 else { return nil }
            if venue == .binance { binanceSeconds.insert(Self.secondKey(m, offset)) }
            return Liquidation(time: day.start + offset, venue: venue, instrument: market.instrument(on: venue),
                               coin: market.coin, side: side, price: price, quantity: qty, usd: usd)
        }

        /// `offset` if market `m` has no Binance order in its second yet, else the same
        /// millisecond of the nearest free second in the same hour (later first); nil when the
        /// hour is full.
        private func freeBinanceSecond(market m: Int, offset: Millis) -> Millis? {
            let hourStart = offset - offset % Duration.hour
            for step in 0 ..< Duration.hour / Duration.second {
                for candidate in [offset + step * Duration.second, offset - step * Duration.second]
                where candidate >= hourStart && candidate < hourStart + Duration.hour {
                    if !binanceSeconds.contains(Self.secondKey(m, candidate)) { return candidate }
                }
            }
            return nil
        }

        private static func secondKey(_ m: Int, _ offset: Millis) -> Int64 {
            Int64(m) << 17 | offset / Duration.second
        }

        private mutating func drawSize() -> Int64 {
            let tier = sizeTiers[rng.pick(sizeTiers.map(\.chance))]
            return rng.int(tier.low ... tier.high) * USD.microsPerDollar + rng.below(USD.microsPerDollar)
        }

        private mutating func pickVenue(_ m: DemoMarket) -> Venue {
            if m.okxSymbol != nil { return [Venue.binance, .bybit, .okx][rng.pick([42, 36, 22])] }
            return rng.pick([55, 45]) == 0 ? .binance : .bybit
        }
    }
}
