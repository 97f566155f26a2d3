/// Derived signals: "highest since" and the squeeze banner. Pure functions of store state.
public enum Signals {
    /// A run is called a squeeze only when one side makes up at least 90 % of the last hour:
    /// ordinary hours mix both sides (typically 30–70 %), so 90 % means forced one-way buying
    /// (or selling).
    public static let squeezeShareBasisPoints = 9_000
    /// Below $10M an hour, one-sided liquidations are noise, not a squeeze (a quiet hour
    /// across the big venues already liquidates a few million).
    public static let squeezeMinimumUSD = USD(dollars: 10_000_000)
    /// ETF flows count as "the day's" when published for the clock's day or at most this many
    /// days before (weekends and holidays have no row).
    public static let etfStalenessDays = 3
    /// "Highest since" is only worth saying when it beats at least a week of history.
    public static let notableSpanDays = 7

    /// Compares the 24 h totals with the daily history before the clock's day.
    public static func highestSince(_ totals: SideTotals, clock: Millis,
                                    history: [Day: DailyLiquidationTotals]) -> HighestSince? {
        let today = Day(containing: clock)
        let earlier = history.values.filter { $0.day < today }.sorted { $0.day > $1.day }
        guard let first = earlier.last else { return nil }
        var best: HighestSince?
        for side in [Side.short, .long] {
            let total = totals.usd(side)
            guard total > .zero else { continue }
            let higher = earlier.first { $0.usd(side) >= total }
            let since = higher?.day ?? first.day
            guard today.index - since.index >= notableSpanDays else { continue }
            let candidate = HighestSince(side: side, window: .h24, total: total, since: since, isRecord: higher == nil)
            if best == nil || candidate.since < best!.since { best = candidate }
        }
        return best
    }

    /// "Short squeeze into ETF inflows" (or its mirror) from the last hour and the day's ETF flows;
    /// with open interest of the ETF coins known, whether it fell (the side flushed out) or rose
    /// (new positions of that side still opening) over the same hour.
    public static func squeeze(lastHour: SideTotals, etf: [EtfAsset: EtfAssetSummary], clock: Millis,
                               leverage: [String: CoinLeverage] = [:]) -> Signal? {
        let total = lastHour.totalUSD
        guard total >= squeezeMinimumUSD else { return nil }
        let today = Day(containing: clock)
        let current = EtfAsset.allCases.compactMap { etf[$0] }.filter { today.index - $0.day.index <= etfStalenessDays }
        guard !current.isEmpty else { return nil }
        let net = current.reduce(USD.zero) { $0 + $1.today.netUSD }
        let perAsset = current.map { "\($0.asset.rawValue) \(signed($0.today.netUSD))" }.joined(separator: ", ")
        for side in [Side.short, .long] {
            let share = lastHour.shareBasisPoints(side)
            guard share >= squeezeShareBasisPoints else { continue }
            let inflow = side == .short
            guard inflow ? net > .zero : net < .zero else { continue }
            let name = inflow ? "short squeeze into ETF inflows" : "long flush into ETF outflows"
            let detail = "\(lastHour.usd(side).compact()) of \(total.compact()) liquidated in the last hour were "
                + "\(side.rawValue)s (\(lastHour.sharePercent(side, decimals: 0))); spot ETFs \(inflow ? "took in" : "lost") "
                + "\(USD(micros: Int64(clamping: net.micros.magnitude)).compact(decimals: 2)) (\(perAsset))"
                + (etfCoinsOI(leverage, .h1).map { ", " + squeezeOI($0, side: side) } ?? "")
            return Signal(name: name, detail: detail)
        }
        return nil
    }

    static func signed(_ usd: USD) -> String { Figures.signedUSD(usd) }

    /// "OI -4.1% in 1h (shorts flushed)" / "OI +2.3% in 1h (new shorts still opening)".
    static func squeezeOI(_ oi: Change<USD>, side: Side) -> String {
        let diff = (oi.to - oi.from).micros
        let words = diff < 0 ? "\(side.rawValue)s flushed" : diff > 0 ? "new \(side.rawValue)s still opening" : "unchanged"
        return "OI \(signedPercent(oi)) in 1h (\(words))"
    }

    /// The open interest of the ETF coins (BTC, ETH, SOL) over `window`, summed over the coins
    /// with a change known: the leverage the ETF flows are set against.
    static func etfCoinsOI(_ leverage: [String: CoinLeverage], _ window: Window) -> Change<USD>? {
        let changes = EtfAsset.allCases.compactMap { leverage[$0.rawValue]?.oiChange[window] }
        guard !changes.isEmpty else { return nil }
        return Change(from: changes.reduce(.zero) { $0 + $1.from }, to: changes.reduce(.zero) { $0 + $1.to })
    }

    /// `+2.3%` / `-4.1%` (one decimal, `Percent`).
    static func signedPercent(_ c: Change<USD>, decimals: Int = 1) -> String {
        let diff = (c.to - c.from).micros
        return (diff > 0 ? "+" : "") + Percent.text(diff, of: c.from.micros, decimals: decimals)
    }
}
