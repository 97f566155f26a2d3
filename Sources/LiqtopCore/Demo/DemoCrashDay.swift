/// A generated 2025-10-10, the long flush the demo day's squeeze is compared against.
///
/// Shaped by its published figures: about $16.7B of longs and $2.5B of shorts liquidated in
/// 24 h (the bundled daily history's figures for the day), almost all of it after 20:50 UTC,
/// when new US tariffs on China were announced, with the cascade's worst hour from 21:00.
/// Prices fall through the day as the longs are forced out (BTC ~$121.6k to ~$113.2k). The
/// orders, their venues and the hour shape are synthetic: it has only Binance, Bybit and OKX,
/// while on the real day Hyperliquid, which publishes no liquidation stream, took the most.
enum DemoCrashDay {
    static let day = DemoDay.date(2025, 10, 10)

    /// Long liquidations per UTC hour in $1M: an ordinary day until 20:50, then the cascade.
    /// Sums to 16,700 ($16.7B).
    static let longBudget: [Int64] = [
        28, 24, 22, 20, 21, 25, 27, 30, 33, 31, 29, 34,
        36, 38, 35, 40, 37, 33, 30, 27, 900, 9_400, 3_900, 1_900,
    ]
    /// Short liquidations per UTC hour in $1M: the rebound's whipsaw. Sums to 2,500 ($2.5B).
    static let shortBudget: [Int64] = [
        14, 12, 11, 10, 11, 12, 13, 15, 16, 15, 14, 16,
        17, 18, 16, 19, 18, 16, 15, 14, 140, 1_050, 640, 378,
    ]

    /// Opening and closing prices in each market's ticks (see `DemoMarkets.all`).
    static let prices: [String: (open: Int64, close: Int64)] = [
        "BTC": (1_216_500, 1_132_000), "ETH": (436_900, 383_000), "SOL": (21_840, 18_350),
        "XRP": (28_300, 23_600), "DOGE": (25_000, 18_800), "BNB": (122_000, 111_500),
        "PEPE": (98_400, 72_000), "SUI": (35_500, 26_600), "ADA": (8_300, 6_350),
        "AVAX": (29_800, 21_400), "LINK": (22_050, 17_550), "LTC": (12_400, 10_200),
    ]

    static let whales: [DemoScenario.Whale] = [
        .init(at: DemoScenario.clock(21, 16, 5, 204), coin: "BTC", venue: .bybit, side: .long, dollars: 86_500_000),
        .init(at: DemoScenario.clock(21, 13, 51, 660), coin: "ETH", venue: .binance, side: .long, dollars: 57_200_000),
        .init(at: DemoScenario.clock(21, 20, 12, 38), coin: "SOL", venue: .okx, side: .long, dollars: 23_800_000),
        .init(at: DemoScenario.clock(21, 42, 30, 517), coin: "BTC", venue: .bybit, side: .short, dollars: 18_400_000),
    ]

    static var scenario: DemoScenario {
        let markets = DemoMarkets.all.map { m in
            prices[m.coin].map { m.priced(open: $0.open, close: $0.close) } ?? m
        }
        return DemoScenario(
            day: day, seed: 0x2025_1010_C4A5_F10D, markets: markets,
            shortBudget: shortBudget, longBudget: longBudget, budgetUnit: 1_000_000 * USD.microsPerDollar,
            whales: whales,
            // Twenty times the squeeze's sizes: a crash clears positions built over weeks.
            sizeTiers: DemoLiquidations.sizeTiers.map { ($0.chance, $0.low * 20, $0.high * 20) },
            maxOrderScale: 20,
            // Binance sends one order per symbol per second; on the day it reported far less than Bybit.
            venueWeightsWithOKX: [15, 60, 25], venueWeightsWithoutOKX: [20, 80], priceFollows: .long)
    }

    static func liquidations() -> [Liquidation] { scenario.generate() }

    /// The day's macro note (paraphrased).
    static let note = MacroNote(
        time: day.start + DemoScenario.clock(20, 50, 0, 0), source: "White House",
        text: "The US President announced an additional 100% tariff on imports from China; risk assets sold off into the weekend.")
}
