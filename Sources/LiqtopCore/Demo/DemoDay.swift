/// The bundled demo: an in-memory reconstruction of 2026-01-14, the day of a short squeeze.
///
/// Generated, not shipped as a file, so it can never go missing beside the binary, and seeded
/// so every run shows exactly the same day. The published headline figures (shorts, last hour,
/// ETF flows) are met by construction; the individual orders, prices and history are synthetic.
public enum DemoDay {
    /// 2026-01-14 (UTC).
    public static let day = Day(index: 20_467)
    /// 2026-01-14T23:59:59.999Z: the "now" at which the headline figures hold.
    public static let endTime: Millis = day.start + Duration.day - 1

    /// Every event of the demo: liquidation history, macro, ETF flows, the day's liquidations and
    /// its (synthetic) mark prices, funding and open interest.
    public static func events() -> [Event] {
        let liquidations = DemoLiquidations.generate(day: day)
        var out: [Event] = []
        out.reserveCapacity(liquidations.count + 62_000)
        out += DemoHistory.totals().map(Event.dailyTotals)
        out += DemoMacro.events()
        out += DemoETF.flows().map(Event.etfFlow)
        out += liquidations.map(Event.liquidation)
        out += DemoLeverage.events(day: day, liquidations: liquidations)
        return out
    }

    // MARK: - Helpers shared by the generators (inputs are constants, never data)

    static func date(_ y: Int, _ m: Int, _ d: Int) -> Day {
        Day(year: y, month: m, day: d) ?? day
    }

    /// `mantissa × 10^-scale`, normalized.
    static func dec(_ mantissa: Int64, _ scale: Int) -> FixedDecimal {
        FixedDecimal(mantissa: mantissa, scale: scale) ?? .zero
    }

    static func dollars(_ d: Int64) -> USD { USD(dollars: d) }

    /// US exchange holidays inside the demo's ETF window (weekends are skipped separately).
    static let marketHolidays: [Day] = [date(2025, 11, 27), date(2025, 12, 25), date(2026, 1, 1)]

    static func isTradingDay(_ d: Day) -> Bool { !d.isWeekend && !marketHolidays.contains(d) }
}
