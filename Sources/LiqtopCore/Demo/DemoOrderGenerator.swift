/// Draws a day of forced orders for a `DemoScenario`: per-hour, per-side budgets filled with
/// randomly sized orders on the scenario's markets and venues.
///
/// Each budget is met to well under a dollar: the last order is sized to the residual, and a
/// residual below one lot of the drawn coin goes to a cheap coin. Binance orders keep to one
/// per symbol per second, as Binance's stream does.
struct DemoOrderGenerator {
    let day: Day
    let scenario: DemoScenario
    let markets: [DemoMarket]
    let paths: [[Int64]]
    var rng: SeededRandom
    var out: [Liquidation] = []
    let fallback = DemoMarkets.index(of: "DOGE")
    /// Seconds of the day each market already has a Binance order in (market × 2^17 + second).
    var binanceSeconds = Set<Int64>()

    init(scenario: DemoScenario, paths: [[Int64]], rng: SeededRandom) {
        day = scenario.day; self.scenario = scenario; markets = scenario.markets; self.paths = paths; self.rng = rng
        out.reserveCapacity(30_000)
    }

    /// Draws orders until `micros` of `side` are used up within the hour.
    mutating func fill(side: Side, hourStart: Millis, micros: Int64) {
        var remaining = micros
        let marketWeights = markets.map(\.weight)
        while remaining > 0 {
            var m = rng.pick(marketWeights)
            var venue = pickVenue(markets[m])
            let draw = min(drawSize(), markets[m].maxOrder * scenario.maxOrderScale * USD.microsPerDollar)
            let isLast = draw >= remaining
            let offset = hourStart + rng.below(Duration.hour)
            var liq = order(market: m, venue: venue, side: side, offset: offset,
                            targetMicros: isLast ? remaining : draw, allowMinimumLot: !isLast)
            if let l = liq, l.usd.micros > remaining { liq = nil }
            if liq == nil {
                // The residual is below one lot of the drawn coin: a cheap coin absorbs it.
                m = fallback; venue = .binance
                liq = order(market: m, venue: venue, side: side, offset: offset,
                            targetMicros: remaining, allowMinimumLot: false)
            }
            guard let l = liq else { return } // under one DOGE: the budget is exact enough
            out.append(l)
            remaining -= l.usd.micros
        }
    }

    mutating func order(market m: Int, venue: Venue, side: Side, offset: Millis, targetMicros: Int64,
                        allowMinimumLot: Bool) -> Liquidation? {
        let market = markets[m]
        let ticks = DemoMarkets.price(paths[m], at: offset, rng: &rng)
        // Priced where it was drawn, so moving it to a free second changes no amount and
        // no later draw: the rest of the day is the same as without the rule.
        var offset = offset
        if venue == .binance {
            guard let free = freeBinanceSecond(market: m, offset: offset) else { return nil }
            offset = free
        }
        let lot = market.lotSize(on: venue)
        let lotMicros = Int128(ticks) * Int128(lot) * FixedDecimal.pow10(6)
            / FixedDecimal.pow10(market.priceScale + market.lotScale)
        guard lotMicros > 0 else { return nil }
        var lots = Int64(Int128(targetMicros) / lotMicros)
        if lots == 0 && allowMinimumLot { lots = 1 }
        guard lots > 0 else { return nil }
        let price = DemoDay.dec(ticks, market.priceScale)
        let qty = DemoDay.dec(lots * lot, market.lotScale)
        guard let usd = USD.product(qty, price), usd.micros > 0 else { return nil }
        if venue == .binance { binanceSeconds.insert(Self.secondKey(m, offset)) }
        return Liquidation(time: day.start + offset, venue: venue, instrument: market.instrument(on: venue),
                           coin: market.coin, side: side, price: price, quantity: qty, usd: usd)
    }

    /// `offset` if market `m` has no Binance order in its second yet, else the same
    /// millisecond of the nearest free second in the same hour (later first); nil when the
    /// hour is full.
    private func freeBinanceSecond(market m: Int, offset: Millis) -> Millis? {
        let hourStart = offset - offset % Duration.hour
        for step in 0 ..< Duration.hour / Duration.second {
            for candidate in [offset + step * Duration.second, offset - step * Duration.second]
            where candidate >= hourStart && candidate < hourStart + Duration.hour {
                if !binanceSeconds.contains(Self.secondKey(m, candidate)) { return candidate }
            }
        }
        return nil
    }

    private static func secondKey(_ m: Int, _ offset: Millis) -> Int64 {
        Int64(m) << 17 | offset / Duration.second
    }

    private mutating func drawSize() -> Int64 {
        let tier = scenario.sizeTiers[rng.pick(scenario.sizeTiers.map(\.chance))]
        return rng.int(tier.low ... tier.high) * USD.microsPerDollar + rng.below(USD.microsPerDollar)
    }

    private mutating func pickVenue(_ m: DemoMarket) -> Venue {
        if m.okxSymbol != nil { return [Venue.binance, .bybit, .okx][rng.pick(scenario.venueWeightsWithOKX)] }
        return rng.pick(scenario.venueWeightsWithoutOKX) == 0 ? .binance : .bybit
    }
}
