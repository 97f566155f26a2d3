/// "Leverage rebuilding against fading ETF demand": the mirror of the squeeze the reference
/// analysis warns about. After a squeeze the spot bid (ETF creations) carried the price; when
/// that bid fades while futures traders lever up again on one side, the next forced move has
/// less spot demand under it: the next liquidation moment may come faster.
extension Signals {
    /// The latest ETF day is set against the mean of this many trading days before it: one day
    /// of flows swings by hundreds of millions, three make a direction.
    public static let fadingPriorDays = 3
    /// Demand is fading when the latest day (all ETF assets) is at most half the prior days'
    /// mean inflow, outflows included: slowing, not just one day a little lower.
    public static let fadingShareBasisPoints = 5_000
    /// Open interest of the ETF coins "climbs back" when it rises at least 2 % over 4 h: a book
    /// at rest drifts well under 1 % in 4 h, 2 % is new positions being opened.
    public static let rebuildWindow = Window.h4
    public static let rebuildOIRiseBasisPoints = 200
    /// Funding is one-sided at an OI-weighted 0.03 % per 8 h or more either way: three times the
    /// 0.01 % most venues charge on a balanced book, so one side is paying to stay levered.
    public static let oneSidedFunding8h = FixedDecimal(mantissa: 3, scale: 4)!

    public static func leverageRebuilding(etf: [EtfAsset: EtfAssetSummary], clock: Millis,
                                          leverage: [String: CoinLeverage]) -> Signal? {
        let today = Day(containing: clock)
        let current = EtfAsset.allCases.compactMap { etf[$0] }.filter { today.index - $0.day.index <= etfStalenessDays }
        var byDay: [Day: USD] = [:]
        for a in current { for d in a.history { byDay[d.day, default: .zero] = byDay[d.day, default: .zero] + d.netUSD } }
        let days = byDay.keys.sorted()
        guard days.count > fadingPriorDays, let latestDay = days.last else { return nil }
        let latest = byDay[latestDay]!
        let prior = days.dropLast().suffix(fadingPriorDays).reduce(Int128(0)) { $0 + Int128(byDay[$1]!.micros) }
        // Fading: a prior mean inflow, and the latest day at or below `fadingShareBasisPoints` of it.
        guard prior > 0, Int128(latest.micros) * Int128(fadingPriorDays) * 10_000 <= prior * Int128(fadingShareBasisPoints) else { return nil }

        guard let oi = etfCoinsOI(leverage, rebuildWindow), oi.from > .zero,
              Int128((oi.to - oi.from).micros) * 10_000 >= Int128(oi.from.micros) * Int128(rebuildOIRiseBasisPoints) else { return nil }

        // The ETF coins' funding, weighted by their open interest.
        var weighted: Int128 = 0, weights: Int128 = 0
        for a in EtfAsset.allCases {
            guard let c = leverage[a.rawValue], let f = c.fundingOIWeighted8h, let usd = c.oiUSD, usd > .zero else { continue }
            weighted += f.scaled(to: Funding8h.scale) * Int128(usd.micros)
            weights += Int128(usd.micros)
        }
        guard let funding = Funding8h.mean(weighted, weights),
              funding.scaled(to: Funding8h.scale).magnitude >= oneSidedFunding8h.scaled(to: Funding8h.scale).magnitude else { return nil }

        let mean = USD(micros: Int64(clamping: prior / Int128(fadingPriorDays)))
        let payer = funding.isPositive ? "longs pay shorts" : "shorts pay longs"
        let detail = "spot ETFs \(signed(latest)) on \(latestDay) against \(signed(mean)) a day over the \(fadingPriorDays) days before; "
            + "OI \(signedPercent(oi)) in \(rebuildWindow.rawValue); OI-weighted funding \(Figures.funding(funding)) per 8h "
            + "(\(payer)): the next liquidation moment may come faster"
        return Signal(name: "leverage rebuilding against fading ETF demand", detail: detail)
    }
}
