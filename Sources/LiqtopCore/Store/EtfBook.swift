/// ETF flows per asset, day and fund. A later row for the same fund and day replaces the
/// earlier one, so re-reading an updated Farside table corrects rather than doubles.
struct EtfBook: Sendable {
    private(set) var flows: [EtfAsset: [Day: [String: EtfFlow]]] = [:]

    mutating func insert(_ flow: EtfFlow) {
        flows[flow.asset, default: [:]][flow.day, default: [:]][flow.fund] = flow
    }

    /// The asset's summary as of `day` (the latest day with data on or before it).
    func summary(_ asset: EtfAsset, asOf day: Day, historyDays: Int) -> EtfAssetSummary? {
        guard let byDay = flows[asset] else { return nil }
        let days = byDay.keys.filter { $0 <= day }.sorted()
        guard let latest = days.last else { return nil }
        let totals = days.map { EtfDayTotal(day: $0, flows: byDay[$0]!) }
        var cumulative = USD.zero
        for t in totals { cumulative = cumulative + t.netUSD }
        // Streak: consecutive latest days with the same sign as the latest day.
        let sign = totals.last!.netUSD.micros.signum()
        var streak = 0
        if sign != 0 {
            for t in totals.reversed() {
                if t.netUSD.micros.signum() == sign { streak += 1 } else { break }
            }
        }
        let funds = byDay[latest]!.values.sorted { $0.netUSD.micros.magnitude > $1.netUSD.micros.magnitude
            || ($0.netUSD.micros.magnitude == $1.netUSD.micros.magnitude && $0.fund < $1.fund) }
        return EtfAssetSummary(asset: asset, day: latest, today: totals.last!, funds: funds,
                               history: Array(totals.suffix(historyDays)), cumulativeUSD: cumulative,
                               streakDays: streak * Int(sign), firstDay: days[0])
    }

    /// One fund's daily history up to `day`, oldest first.
    func fundHistory(_ asset: EtfAsset, fund: String, through day: Day) -> [EtfFlow] {
        guard let byDay = flows[asset] else { return [] }
        return byDay.keys.filter { $0 <= day }.sorted().compactMap { byDay[$0]?[fund] }
    }
}

/// One asset's net flow on one day, summed over its funds.
public struct EtfDayTotal: Sendable, Hashable {
    public var day: Day
    public var netUSD: USD
    /// Net coins, only when every fund that day gave coins.
    public var netCoins: FixedDecimal?
    public var fundCount: Int

    init(day: Day, flows: [String: EtfFlow]) {
        self.day = day
        var usd = USD.zero
        var coins: Int128 = 0
        var allCoins = true
        for f in flows.values {
            usd = usd + f.netUSD
            if let c = f.coins { coins += c.scaled(to: 8) } else { allCoins = false }
        }
        netUSD = usd
        netCoins = allCoins && !flows.isEmpty ? Int64(exactly: coins).flatMap { FixedDecimal(mantissa: $0, scale: 8) } : nil
        fundCount = flows.count
    }
}

public struct EtfAssetSummary: Sendable, Hashable {
    public var asset: EtfAsset
    /// The day shown: the latest with data on or before the store clock's day.
    public var day: Day
    public var today: EtfDayTotal
    /// That day's funds, largest absolute flow first.
    public var funds: [EtfFlow]
    /// Daily totals, oldest first, ending with `day`.
    public var history: [EtfDayTotal]
    /// Sum of every loaded day up to `day` (since `firstDay`).
    public var cumulativeUSD: USD
    /// Consecutive days of inflow (> 0) or outflow (< 0) ending with `day`.
    public var streakDays: Int
    public var firstDay: Day
}
