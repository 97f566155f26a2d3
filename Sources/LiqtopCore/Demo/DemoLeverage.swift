/// The demo day's leverage structure: mark prices, funding and open interest, synthetic like its
/// orders, told as a short squeeze into ETF inflows.
///
/// - Mark prices follow the same intraday paths as the orders' prices (`DemoMarkets.paths`), one
///   per minute per venue, so a cascade and the move it drove line up.
/// - Open interest (in coins) builds through the day while shorts pile in, then falls as they are
///   forced out: each venue's forced shorts close `coveringFactor` times their size (the covering
///   beside them: forced orders are a fraction of the flush on such days), forced longs their own.
/// - Funding (per 8 h) starts slightly negative (shorts crowded and paying) and turns positive as
///   the squeeze runs, following the share of the day's move already done.
enum DemoLeverage {
    /// Open interest at 00:00 per unit of a market's liquidation weight, in dollars: BTC's 44
    /// make about $17.6B over the three venues, in line with early-2026 figures.
    static let oiDollarsPerWeight: Int64 = 400_000_000
    /// Shares of a market's open interest by venue (three venues, then two).
    static let venueShares3: [(Venue, Int64)] = [(.binance, 50), (.bybit, 33), (.okx, 17)]
    static let venueShares2: [(Venue, Int64)] = [(.binance, 60), (.bybit, 40)]
    /// Build-up before the squeeze: +8 % of the open interest (in coins), spread over 00:00–20:00.
    static let buildPercent: Int64 = 8
    static let buildEnds: Millis = 20 * Duration.hour
    /// Open interest closed per forced dollar of shorts, covering included.
    static let coveringFactor: Int64 = 12
    /// Funding per 8 h in millionths: −0.005 % at the open to +0.025 % when the move is done.
    static let fundingOpen: Int64 = -50
    static let fundingClose: Int64 = 250
    static let oiStep: Millis = 5 * Duration.minute
    /// Minutes of the day before (at the opening figures).
    static let leadMinutes: Int64 = 5
    static let fundingStep: Millis = 5 * Duration.minute

    static func events(day: Day, liquidations: [Liquidation]) -> [Event] {
        let paths = DemoLiquidations.pricePaths()
        let progress = DemoLiquidations.progressAnchors()
        var rng = SeededRandom(seed: 0x2026_0114_0F1D_F00D)
        var out: [Event] = []
        out.reserveCapacity(60_000)
        for (m, market) in DemoMarkets.all.enumerated() {
            let shares = market.okxSymbol == nil ? venueShares2 : venueShares3
            for (venue, share) in shares {
                let instrument = market.instrument(on: venue)
                // This venue's orders of this market, in time order (the generator sorts them).
                let orders = liquidations.filter { $0.venue == venue && $0.coin == market.coin }
                var next = 0, closedMicros: Int64 = 0
                let openTicks = paths[m][0]
                let baseMicros = Int128(market.weight * oiDollarsPerWeight / 100 * share) * Int128(USD.microsPerDollar)
                // Coins at the open: the dollars at the opening price, in thousandths of a coin.
                let baseMilli = baseMicros * FixedDecimal.pow10(market.priceScale) / Int128(openTicks) / 1_000
                let fundingNoise = rng.int(-10 ... 10)
                // From a few minutes before midnight, so "24 h ago" has a price at the day's end.
                for minute in -leadMinutes ..< Int64(Duration.day / Duration.minute) {
                    let time = day.start + minute * Duration.minute
                    let offset = max(0, minute * Duration.minute)
                    let ticks = markTicks(paths[m], at: offset)
                    let mark = DemoDay.dec(ticks, market.priceScale)
                    // Funding premium: the index sits below the mark as the squeeze runs hot.
                    let index = DemoDay.dec(ticks - ticks * max(0, fundingAt(progress, offset) + fundingNoise) / 2_000_000, market.priceScale)
                    out.append(.markPrice(MarkPrice(time: time, venue: venue, instrument: instrument, coin: market.coin,
                                                    mark: mark, index: index)))
                    while next < orders.count, orders[next].time < time {
                        closedMicros += orders[next].usd.micros * (orders[next].side == .short ? coveringFactor : 1)
                        next += 1
                    }
                    if (time - day.start) % oiStep == 0 {
                        let build = baseMilli * Int128(buildPercent) * Int128(min(offset, buildEnds)) / Int128(buildEnds) / 100
                        // Forced and voluntary closes, in coins at the current price.
                        let closedMilli = Int128(closedMicros) * FixedDecimal.pow10(market.priceScale)
                            / Int128(ticks) / 1_000
                        let milli = max(baseMilli / 2, baseMilli + build - closedMilli)
                        let size = DemoDay.dec(Int64(clamping: milli), 3)
                        // Binance's REST body has no USD (the store values it at the mark); Bybit
                        // and OKX send their own, which is the same product here.
                        let usd = venue == .binance ? nil : USD.product(size, mark)
                        out.append(.openInterest(OpenInterest(time: time, venue: venue, instrument: instrument, coin: market.coin,
                                                              size: size, unit: .coin, usd: usd)))
                    }
                    if (time - day.start) % fundingStep == 0 {
                        let rate = DemoDay.dec(fundingAt(progress, offset) + fundingNoise, 6)
                        let rel = time - day.start
                        let nextFunding = day.start + (rel < 0 ? 0 : (rel / (8 * Duration.hour) + 1) * 8 * Duration.hour)
                        out.append(.funding(FundingRate(time: time, venue: venue, instrument: instrument, coin: market.coin,
                                                        rate: rate, intervalHours: 8, nextFundingTime: nextFunding)))
                    }
                }
            }
        }
        return out
    }

    /// The path's price at `offset`, interpolated between its 5-minute anchors (no per-order jitter).
    static func markTicks(_ path: [Int64], at offset: Millis) -> Int64 {
        let k = Int(offset / DemoMarkets.anchorStep)
        guard path.indices.contains(k) else { return path.last ?? 1 }
        let a = path[k], b = path.indices.contains(k + 1) ? path[k + 1] : a
        return max(1, a + (b - a) * (offset % DemoMarkets.anchorStep) / DemoMarkets.anchorStep)
    }

    /// Funding per 8 h in millionths at `offset`: from open to close with the day's move.
    static func fundingAt(_ progress: [Int64], _ offset: Millis) -> Int64 {
        let k = min(progress.count - 1, Int(offset / DemoMarkets.anchorStep))
        return fundingOpen + (fundingClose - fundingOpen) * progress[k] / 1_000_000
    }
}
