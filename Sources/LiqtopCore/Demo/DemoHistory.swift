/// Whole-day liquidation totals before the demo day, the history behind "highest since".
///
/// Ordinary days are random but plausible; the big days are set by hand, led by the
/// 2025-10-10 crash. From 2025-10-12 on no day's shorts reach the demo day's $577M, so the
/// squeeze reads as the most short liquidations since 2025-10-11.
enum DemoHistory {
    static let first = DemoDay.date(2025, 9, 1)
    static let last = DemoDay.date(2026, 1, 13)
    /// Shorts on every day after `ceilingFrom` stay under this.
    static let ceilingFrom = DemoDay.date(2025, 10, 12)
    static let shortCeiling: Int64 = 560_000_000

    /// (day, longs, shorts) in dollars.
    static let notable: [(Day, Int64, Int64)] = [
        (DemoDay.date(2025, 9, 22), 1_620_400_000, 86_300_000),
        (DemoDay.date(2025, 9, 25), 1_081_700_000, 95_200_000),
        (DemoDay.date(2025, 10, 10), 16_700_000_000, 2_500_000_000),
        (DemoDay.date(2025, 10, 11), 612_800_000, 905_400_000),
        (DemoDay.date(2025, 10, 17), 1_190_600_000, 140_100_000),
        (DemoDay.date(2025, 11, 4), 1_312_900_000, 161_700_000),
        (DemoDay.date(2025, 11, 14), 978_300_000, 112_500_000),
        (DemoDay.date(2025, 11, 21), 1_934_200_000, 208_900_000),
        (DemoDay.date(2025, 12, 1), 871_600_000, 90_800_000),
        (DemoDay.date(2025, 12, 3), 151_200_000, 409_700_000),
        (DemoDay.date(2026, 1, 5), 163_900_000, 352_600_000),
        (DemoDay.date(2026, 1, 13), 138_400_000, 483_100_000),
    ]

    static func totals() -> [DailyLiquidationTotals] {
        var rng = SeededRandom(seed: 0x4849_5354_4F52_5921)
        var out: [DailyLiquidationTotals] = []
        var d = first
        while d <= last {
            // Draw for every day (even overridden ones) so a new notable day shifts nothing else.
            var longs = rng.int(110_000_000 ... 380_000_000)
            var shorts = rng.int(55_000_000 ... 260_000_000)
            if d.isWeekend { longs = longs * 6 / 10; shorts = shorts * 6 / 10 }
            if let n = notable.first(where: { $0.0 == d }) { longs = n.1; shorts = n.2 }
            if d >= ceilingFrom { shorts = min(shorts, shortCeiling) }
            out.append(DailyLiquidationTotals(day: d, longUSD: DemoDay.dollars(longs), shortUSD: DemoDay.dollars(shorts)))
            d = d.advanced(by: 1)
        }
        return out
    }
}
