/// `CoinLeverage` at the store clock: what the snapshot carries per coin.
extension LeverageBook {
    /// Every coin with a price, an open interest or a funding visible at `t`; `minutesFor` gets
    /// its 24 h of price minutes (the view draws one coin's price line; 1,440 minutes for every
    /// coin in every snapshot would cost megabytes a frame).
    mutating func figures(at t: Millis, minutesFor focused: String?) -> [String: CoinLeverage] {
        var out: [String: CoinLeverage] = [:]
        for coin in byCoin.keys {
            if let c = figures(coin, at: t, withMinutes: coin == focused) { out[coin] = c }
        }
        return out
    }

    mutating func figures(_ coin: String, at t: Millis, withMinutes: Bool) -> CoinLeverage? {
        guard let list = byCoin[coin] else { return nil }
        var c = CoinLeverage(coin: coin)
        if let p = price(coin, at: t) {
            c.price = p.price
            c.priceVenue = instruments[p.instrument].key.venue
            for w in Window.allCases {
                if let from = price(coin, at: t - w.duration) { c.priceChange[w] = Change(from: from.price, to: p.price) }
            }
        }

        // Open interest now, per instrument; per venue summed.
        var now: [Int: USD] = [:]
        var venues: [Venue: (usd: USD, time: Millis)] = [:]
        for i in list {
            guard let o = openInterest(i, at: t) else { continue }
            guard let usd = o.usd else { c.oiUnpriced += 1; continue }
            now[i] = usd
            let v = instruments[i].key.venue
            let old = venues[v]
            venues[v] = ((old?.usd ?? .zero) + usd, max(old?.time ?? o.time, o.time))
        }
        if !venues.isEmpty {
            c.oiUSD = venues.values.reduce(USD.zero) { $0 + $1.usd }
            c.oiByVenue = Venue.allCases.compactMap { v in venues[v].map { VenueOpenInterest(venue: v, usd: $0.usd, time: $0.time) } }
        }
        // A change compares like with like: the instruments priced both then and now, so a
        // venue that starts reporting inside the window is not read as open interest added.
        for w in Window.allCases {
            var from = USD.zero, to = USD.zero, any = false
            for (i, usd) in now {
                guard let then = openInterest(i, at: t - w.duration)?.usd else { continue }
                from = from + then; to = to + usd; any = true
            }
            if any { c.oiChange[w] = Change(from: from, to: to) }
        }

        // Funding: per venue its instrument with the most open interest now (then by name).
        var best: [Venue: (i: Int, slot: FundingSlot, time: Millis)] = [:]
        var weighted: Int128 = 0, weights: Int128 = 0
        for i in list {
            guard let f = funding(i, at: t) else { continue }
            if let usd = now[i], usd > .zero {
                weighted += f.slot.normalized8h * Int128(usd.micros)
                weights += Int128(usd.micros)
            }
            let v = instruments[i].key.venue
            if let b = best[v] {
                let mine = now[i], theirs = now[b.i]
                let better: Bool
                switch (mine, theirs) {
                case let (x?, y?) where x != y: better = x > y
                case (.some, nil): better = true
                case (nil, .some): better = false
                default: better = instruments[i].key.instrument < instruments[b.i].key.instrument
                }
                if !better { continue }
            }
            best[v] = (i, f.slot, f.time)
        }
        c.funding = Venue.allCases.compactMap { v in
            best[v].map { b in
                VenueFunding(venue: v, instrument: instruments[b.i].key.instrument, rate: b.slot.rate,
                             intervalHours: b.slot.intervalHours, nextFundingTime: b.slot.next == .min ? nil : b.slot.next, time: b.time)
            }
        }
        c.fundingOIWeighted8h = Funding8h.mean(weighted, weights)
        c.nextFunding = c.funding.compactMap(\.nextFundingTime).filter { $0 >= t }.min()
        if !c.funding.isEmpty { c.fundingAverage8h = fundingAverages(coin, at: t) }

        guard c.price != nil || c.oiUSD != nil || c.oiUnpriced > 0 || !c.funding.isEmpty else { return nil }
        if withMinutes { c.minutes = priceMinutes(coin, endingAt: t); c.venueDays = venueDays(coin, endingAt: t) }
        return c
    }
}
