/// What shapes one generated day of forced orders: its hourly budgets, hand-placed orders, order
/// sizes, markets and venue mix. The demo day (a short squeeze) and the demo archive's crash day
/// are two scenarios drawn by the same generator.
struct DemoScenario {
    /// A hand-placed notable order.
    struct Whale {
        let at: Millis          // offset into the day
        let coin: String
        let venue: Venue
        let side: Side
        let dollars: Int64
    }

    let day: Day
    let seed: UInt64
    let markets: [DemoMarket]
    /// Short and long liquidations per UTC hour, in `budgetUnit`s.
    let shortBudget: [Int64]
    let longBudget: [Int64]
    let budgetUnit: Int64
    let whales: [Whale]
    /// Order sizes in dollars: (per-mille chance, low, high).
    let sizeTiers: [(chance: Int64, low: Int64, high: Int64)]
    /// Multiplies each market's `maxOrder`: a crash carries larger positions than a squeeze.
    let maxOrderScale: Int64
    /// Relative weights of Binance, Bybit, OKX for coins OKX lists, and of Binance, Bybit otherwise.
    let venueWeightsWithOKX: [Int64]
    let venueWeightsWithoutOKX: [Int64]
    /// The budget the day's price move follows (shorts in a squeeze, longs in a crash).
    let priceFollows: Side

    /// Share of the day's price move done at each 5-minute anchor, in parts per million,
    /// following the cumulative budget of `priceFollows`.
    func progressAnchors() -> [Int64] {
        let budget = priceFollows == .short ? shortBudget : longBudget
        let total = budget.reduce(0, +)
        var cumulative = [Int64](repeating: 0, count: 25)
        for h in 0 ..< 24 { cumulative[h + 1] = cumulative[h] + budget[h] }
        return (0 ..< DemoMarkets.anchorCount).map { k in
            let t = Millis(k) * DemoMarkets.anchorStep
            let h = min(23, Int(t / Duration.hour))
            let within = t - Millis(h) * Duration.hour
            let done = cumulative[h] * Duration.hour + budget[h] * within
            return done * 1_000_000 / (total * Duration.hour)
        }
    }

    /// The markets' price paths the orders are priced on (the first draws of the seeded generator).
    func pricePaths() -> [[Int64]] {
        var rng = SeededRandom(seed: seed)
        return DemoMarkets.paths(markets, progress: progressAnchors(), rng: &rng)
    }

    /// The day's orders in time order (ties by creation order: deterministic, and how a
    /// recording would read). Each hour and side totals its budget.
    func generate() -> [Liquidation] {
        var rng = SeededRandom(seed: seed)
        let paths = DemoMarkets.paths(markets, progress: progressAnchors(), rng: &rng)
        var gen = DemoOrderGenerator(scenario: self, paths: paths, rng: rng)

        // Hand-placed orders first; their USD comes out of their hour's budget.
        var placed = [[Int64]](repeating: [Int64](repeating: 0, count: 24), count: 2)
        for w in whales {
            let m = markets.firstIndex { $0.coin == w.coin } ?? 0
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
        return gen.out.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
    }

    static func clock(_ h: Int64, _ m: Int64, _ s: Int64, _ ms: Int64) -> Millis {
        h * Duration.hour + m * Duration.minute + s * Duration.second + ms
    }
}
