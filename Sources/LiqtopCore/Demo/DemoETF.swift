/// Spot ETF flows per fund per US trading day, ending with the published 2026-01-14 figures.
///
/// Earlier days are synthetic: a shared daily mood per asset plus per-fund noise, at Farside's
/// precision (US$0.1M). 2026-01-14 is set by hand to the published totals, to US$0.01M since
/// whole 0.1M steps cannot add up to $849.92M.
enum DemoETF {
    static let first = DemoDay.date(2025, 11, 3)

    struct Fund {
        let name: String
        /// Flow per point of daily mood, in tenths of $100k.
        let size: Int64
        /// Percent of days with no flow at all (small funds are quiet most days).
        let quietChance: Int64
        /// Added to the daily mood: GBTC and ETHE bleed.
        let bias: Int64
        let launch: Day?
    }

    struct Asset {
        let asset: EtfAsset
        let funds: [Fund]
        /// Reference price anchors (day, cents): interpolated, with a little noise.
        let prices: [(Day, Int64)]
        /// 2026-01-14 by fund, in $10k, and the published coin total.
        let final: [Int64]
        let finalCoins: Int64
        let finalPriceCents: Int64
    }

    private static func f(_ name: String, _ size: Int64, _ quiet: Int64, _ bias: Int64 = 0, _ launch: Day? = nil) -> Fund {
        Fund(name: name, size: size, quietChance: quiet, bias: bias, launch: launch)
    }

    static let assets: [Asset] = [
        Asset(asset: .BTC,
              funds: [f("IBIT", 400, 15), f("FBTC", 120, 10), f("BITB", 40, 30), f("ARKB", 45, 30), f("BTCO", 8, 70),
                      f("EZBC", 8, 75), f("BRRR", 4, 80), f("HODL", 15, 60), f("BTCW", 3, 85), f("GBTC", 50, 35, -40),
                      f("BTC", 20, 55)],
              prices: [(DemoDay.date(2025, 11, 3), 10_750_000), (DemoDay.date(2025, 11, 13), 9_900_000),
                       (DemoDay.date(2025, 11, 21), 8_450_000), (DemoDay.date(2025, 12, 1), 8_650_000),
                       (DemoDay.date(2025, 12, 9), 9_250_000), (DemoDay.date(2025, 12, 17), 8_680_000),
                       (DemoDay.date(2025, 12, 31), 8_760_000), (DemoDay.date(2026, 1, 5), 9_380_000),
                       (DemoDay.date(2026, 1, 8), 9_070_000), (DemoDay.date(2026, 1, 13), 9_230_000)],
              final: [64_860, 12_537, 3_972, 2_315, 0, 0, 0, 541, 0, 0, 767],
              finalCoins: 8_933, finalPriceCents: 9_514_497),
        Asset(asset: .ETH,
              funds: [f("ETHA", 250, 15), f("FETH", 80, 20), f("ETHW", 25, 40), f("TETH", 8, 75), f("ETHV", 10, 60),
                      f("QETH", 3, 85), f("EZET", 4, 80), f("ETHE", 30, 40, -30), f("ETH", 25, 45)],
              prices: [(DemoDay.date(2025, 11, 3), 360_000), (DemoDay.date(2025, 11, 21), 275_000),
                       (DemoDay.date(2025, 12, 1), 285_000), (DemoDay.date(2025, 12, 9), 332_000),
                       (DemoDay.date(2025, 12, 17), 295_000), (DemoDay.date(2025, 12, 31), 297_000),
                       (DemoDay.date(2026, 1, 6), 325_000), (DemoDay.date(2026, 1, 13), 312_000)],
              final: [12_843, 3_176, 912, 0, 427, 0, 0, 385, 408],
              finalCoins: 54_952, finalPriceCents: 330_306),
        Asset(asset: .SOL,
              funds: [f("BSOL", 30, 10, 0, DemoDay.date(2025, 10, 28)), f("VSOL", 6, 50, 0, DemoDay.date(2025, 11, 17)),
                      f("FSOL", 10, 40, 0, DemoDay.date(2025, 11, 18)), f("TSOL", 3, 70, 0, DemoDay.date(2025, 11, 19)),
                      f("GSOL", 8, 45, 0, DemoDay.date(2025, 10, 29))],
              prices: [(DemoDay.date(2025, 11, 3), 16_500), (DemoDay.date(2025, 11, 21), 12_800),
                       (DemoDay.date(2025, 12, 1), 12_700), (DemoDay.date(2025, 12, 9), 13_800),
                       (DemoDay.date(2025, 12, 17), 12_600), (DemoDay.date(2025, 12, 31), 12_500),
                       (DemoDay.date(2026, 1, 6), 13_800), (DemoDay.date(2026, 1, 13), 13_900)],
              final: [412, 85, 125, 0, 0],
              finalCoins: 42_888, finalPriceCents: 14_503),
    ]

    /// BTC's inflow streak into the demo day, after one outflow day.
    static let btcInflowDays: [Day] = [DemoDay.date(2026, 1, 9), DemoDay.date(2026, 1, 12), DemoDay.date(2026, 1, 13)]
    static let btcOutflowDay = DemoDay.date(2026, 1, 8)

    static func flows() -> [EtfFlow] {
        var rng = SeededRandom(seed: 0x4554_4621_F10E_5EED)
        var out: [EtfFlow] = []
        var d = first
        while d <= DemoDay.day {
            if DemoDay.isTradingDay(d) {
                for a in assets { out += d == DemoDay.day ? finalDay(a) : ordinaryDay(a, d, &rng) }
            }
            d = d.advanced(by: 1)
        }
        return out
    }

    private static func ordinaryDay(_ a: Asset, _ d: Day, _ rng: inout SeededRandom) -> [EtfFlow] {
        let c = d.components
        let mood: Int64
        switch (a.asset, c.month) {
        case (.SOL, _): mood = rng.int(-20 ... 80)
        case (_, 11): mood = rng.int(-90 ... 40)
        case (_, 12): mood = rng.int(-60 ... 55)
        default: mood = rng.int(-45 ... 80)
        }
        var units: [Int64] = a.funds.map { fund in
            let quiet = rng.chance(fund.quietChance)
            let idio = rng.int(-40 ... 40)
            return quiet ? 0 : fund.size * (mood + fund.bias + idio) / 10
        }
        let live = a.funds.indices.filter { a.funds[$0].launch.map { $0 <= d } ?? true }
        if a.asset == .BTC, !units.isEmpty {
            let total = live.reduce(Int64(0)) { $0 + units[$1] }
            if btcInflowDays.contains(d), total <= 0 { units[0] += -total + rng.int(300 ... 1_500) }
            if d == btcOutflowDay, total >= 0 { units[0] -= total + rng.int(500 ... 2_500) }
        }
        let price = referencePrice(a, d, &rng)
        return live.map { i in
            let usd = USD(micros: units[i] * 100_000 * USD.microsPerDollar)
            return EtfFlow(day: d, asset: a.asset, fund: a.funds[i].name, netUSD: usd,
                           coins: coins(usd, price), referencePrice: price)
        }
    }

    /// The published day: fixed USD per fund; coins per fund at the reference price, with the
    /// largest fund absorbing the rounding so the coin total is the published one.
    private static func finalDay(_ a: Asset) -> [EtfFlow] {
        let price = DemoDay.dec(a.finalPriceCents, 2)
        var rows = zip(a.funds, a.final).map { fund, tenK in
            let usd = USD(micros: tenK * 10_000 * USD.microsPerDollar)
            return EtfFlow(day: DemoDay.day, asset: a.asset, fund: fund.name, netUSD: usd,
                           coins: coins(usd, price), referencePrice: price)
        }
        let sum = rows.reduce(Int64(0)) { $0 + Int64(truncatingIfNeeded: ($1.coins ?? .zero).scaled(to: 8)) }
        if let first = rows.first {
            let adjusted = Int64(truncatingIfNeeded: (first.coins ?? .zero).scaled(to: 8)) + a.finalCoins * 100_000_000 - sum
            rows[0].coins = DemoDay.dec(adjusted, 8)
        }
        return rows
    }

    /// `usd / price` rounded half-even to 8 decimals, as coin amounts are shown.
    static func coins(_ usd: USD, _ price: FixedDecimal) -> FixedDecimal {
        guard price.isPositive else { return .zero }
        let numerator = Int128(usd.micros) * FixedDecimal.pow10(Int(price.scale) + 2)
        let q = FixedDecimal.divideRoundingHalfEven(numerator, Int128(price.mantissa))
        return DemoDay.dec(Int64(truncatingIfNeeded: q), 8)
    }

    /// Linear between anchors, ±0.6 % noise, in cents.
    private static func referencePrice(_ a: Asset, _ d: Day, _ rng: inout SeededRandom) -> FixedDecimal {
        var cents = a.prices.last?.1 ?? 1
        for (lo, hi) in zip(a.prices, a.prices.dropFirst()) where lo.0 <= d && d <= hi.0 {
            let span = Int64(lo.0.distance(to: hi.0)), at = Int64(lo.0.distance(to: d))
            cents = lo.1 + (hi.1 - lo.1) * at / max(1, span)
            break
        }
        let wobble = cents * 6 / 1_000
        return DemoDay.dec(cents + rng.int(-wobble ... wobble), 2)
    }
}
