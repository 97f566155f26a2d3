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
    static let whales: [DemoScenario.Whale] = [
        .init(at: clock(23, 17, 42, 318), coin: "BTC", venue: .bybit, side: .short, dollars: 8_420_000),
        .init(at: clock(23, 5, 9, 871), coin: "BTC", venue: .binance, side: .short, dollars: 4_130_000),
        .init(at: clock(22, 41, 5, 112), coin: "ETH", venue: .binance, side: .short, dollars: 3_610_000),
        .init(at: clock(21, 12, 33, 604), coin: "BTC", venue: .okx, side: .short, dollars: 2_930_000),
        .init(at: clock(20, 31, 2, 950), coin: "ETH", venue: .okx, side: .short, dollars: 2_470_000),
        .init(at: clock(16, 48, 20, 45), coin: "SOL", venue: .bybit, side: .short, dollars: 1_840_000),
        .init(at: clock(3, 20, 14, 777), coin: "BTC", venue: .binance, side: .long, dollars: 2_210_000),
    ]

    static func clock(_ h: Int64, _ m: Int64, _ s: Int64, _ ms: Int64) -> Millis {
        DemoScenario.clock(h, m, s, ms)
    }

    /// Order sizes in dollars: (per-mille chance, low, high). Mean about $30k, so the day has
    /// well over 20,000 orders; nothing random reaches the hand-placed whales.
    static let sizeTiers: [(chance: Int64, low: Int64, high: Int64)] = [
        (560, 20, 2_000), (250, 2_000, 10_000), (118, 10_000, 50_000),
        (55, 50_000, 250_000), (15, 250_000, 1_000_000), (2, 1_000_000, 3_000_000),
    ]

    static let seed: UInt64 = 0x2026_0114_5155_A11D

    static func scenario(day: Day) -> DemoScenario {
        DemoScenario(day: day, seed: seed, markets: DemoMarkets.all, shortBudget: shortBudget, longBudget: longBudget,
                     budgetUnit: budgetUnit, whales: whales, sizeTiers: sizeTiers, maxOrderScale: 1,
                     venueWeightsWithOKX: [42, 36, 22], venueWeightsWithoutOKX: [55, 45], priceFollows: .short)
    }

    /// The markets' price paths the orders are priced on.
    static func pricePaths() -> [[Int64]] { scenario(day: DemoDay.day).pricePaths() }

    static func progressAnchors() -> [Int64] { scenario(day: DemoDay.day).progressAnchors() }

    static func generate(day: Day) -> [Liquidation] { scenario(day: day).generate() }
}
