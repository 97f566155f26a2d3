/// Point lookups of the leverage book at a time `x`, by the visibility rule of `LeverageBook`.
extension MinuteColumn {
    /// The index of the latest slot visible at `x`: minutes before `x`'s, and `x`'s own minute
    /// when its last event (`lastAt`, ms into the minute) is at or before `x`.
    func visibleIndex(at x: Millis, lastAt: (Slot) -> UInt16) -> Int? {
        guard let m = minuteIndex(x), let i = lastIndex(atOrBefore: m) else { return nil }
        if minutes[i] == m && minuteStart(m) + Millis(lastAt(slots[i])) > x { return i > 0 ? i - 1 : nil }
        return i
    }

    /// The millisecond of the slot's event.
    func time(_ i: Int, at: (Slot) -> UInt16) -> Millis { minuteStart(minutes[i]) + Millis(at(slots[i])) }
}

/// A priced open-interest report.
struct PricedOI {
    var usd: USD?
    var time: Millis
}

extension LeverageBook {
    /// The instrument's mark at `x`: the close of its latest visible minute.
    func mark(_ i: Int, at x: Millis) -> FixedDecimal? {
        let c = instruments[i].marks
        return c.visibleIndex(at: x, lastAt: \.closeAt).map { c.slots[$0].closePrice }
    }

    /// The instrument's open interest at `x` in USD: the venue's own USD figure, else the size as
    /// USD (`.usd`) or valued at the same instrument's mark at the report's time (`.coin`);
    /// `usd` is nil for `.contracts` without a USD figure, or coins without a mark (unpriced).
    func openInterest(_ i: Int, at x: Millis) -> PricedOI? {
        let c = instruments[i].openInterest
        guard let k = c.visibleIndex(at: x, lastAt: \.at) else { return nil }
        let s = c.slots[k], time = c.time(k, at: \.at)
        if let usd = s.usd { return PricedOI(usd: usd, time: time) }
        switch s.unit {
        case .usd: return PricedOI(usd: USD(s.size), time: time)
        case .coin: return PricedOI(usd: mark(i, at: time).flatMap { USD.product(s.size, $0) }, time: time)
        case .contracts: return PricedOI(usd: nil, time: time)
        }
    }

    /// The instrument's funding report visible at `x`, with its time.
    func funding(_ i: Int, at x: Millis) -> (slot: FundingSlot, time: Millis)? {
        let c = instruments[i].funding.column
        return c.visibleIndex(at: x, lastAt: \.at).map { (c.slots[$0], c.time($0, at: \.at)) }
    }

    /// The reference instrument of `coin` for minute `m`, among those with a mark that minute.
    ///
    /// Rule: the venue with the most open interest (USD, its instruments of the coin summed) at
    /// the end of the minute before, then that venue's instrument with the most; venues and
    /// instruments without a priced open interest come after, in `Venue.allCases` order (Binance
    /// first) and by name. Deciding on the minute before keeps the choice fixed for the whole
    /// minute: a report arriving mid-minute cannot make the price jump between venues.
    func reference(_ coin: String, minute m: Int32) -> Int? {
        guard let list = byCoin[coin] else { return nil }
        let candidates = list.filter { i in instruments[i].marks.lastIndex(atOrBefore: m).map { instruments[i].marks.minutes[$0] == m } ?? false }
        if candidates.count <= 1 { return candidates.first }
        let x = minuteStart(m) - 1
        var own: [Int: USD] = [:], venues: [Venue: USD] = [:]
        for i in list {
            guard let usd = openInterest(i, at: x)?.usd else { continue }
            own[i] = usd
            venues[instruments[i].key.venue, default: .zero] = venues[instruments[i].key.venue, default: .zero] + usd
        }
        return candidates.min { a, b in
            let ka = instruments[a].key, kb = instruments[b].key
            if ka.venue != kb.venue {
                switch (venues[ka.venue], venues[kb.venue]) {
                case let (x?, y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return Self.venueRank[ka.venue]! < Self.venueRank[kb.venue]!
                }
            }
            switch (own[a], own[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return ka.instrument < kb.instrument
            }
        }
    }

    /// The coin's reference price at `x`: its reference instrument's close in the latest minute
    /// visible at `x` (the minute of `x` when the reference's bar is complete by `x`).
    func price(_ coin: String, at x: Millis) -> (price: FixedDecimal, instrument: Int)? {
        guard let list = byCoin[coin], let m = minuteIndex(x) else { return nil }
        if let r = reference(coin, minute: m) {
            let c = instruments[r].marks, k = c.lastIndex(atOrBefore: m)!
            if minuteStart(m) + Millis(c.slots[k].closeAt) <= x { return (c.slots[k].closePrice, r) }
        }
        // The latest earlier minute with any mark of the coin.
        var before: Int32?
        for i in list {
            let c = instruments[i].marks
            if let k = c.lastIndex(atOrBefore: m - 1) { before = max(before ?? c.minutes[k], c.minutes[k]) }
        }
        guard let b = before, let r = reference(coin, minute: b) else { return nil }
        let c = instruments[r].marks
        return (c.slots[c.lastIndex(atOrBefore: b)!].closePrice, r)
    }

    /// The coin's reference minutes over the 24 h ending at `t` (1,440 minutes, the minute of `t`
    /// included when complete by `t`), oldest first; minutes without a mark are left out.
    /// Complete minutes are cached for one coin and recomputed only from the earliest minute new
    /// data went into (a live second touches the last minute only; a replay frame nothing).
    mutating func priceMinutes(_ coin: String, endingAt t: Millis) -> [PriceMinute] {
        guard byCoin[coin] != nil, let last = minuteIndex(t) else { return [] }
        let first = last - 1439
        var cache = priceMinutesCache.flatMap { $0.coin == coin && $0.from <= first ? $0 : nil }
            ?? PriceMinutesCache(coin: coin, from: first, through: first, minutes: [])
        let valid = max(first, min(cache.through, priceDirtyFrom[coin] ?? .max, last))
        cache.minutes.removeAll { $0.start < minuteStart(first) || $0.start >= minuteStart(valid) }
        cache.minutes += computedMinutes(coin, from: valid, to: last)
        cache.from = first; cache.through = last
        clearPriceDirty(coin)
        priceMinutesCache = cache
        guard let now = computedMinutes(coin, from: last, to: last + 1).first,
              let r = reference(coin, minute: last) else { return cache.minutes }
        let c = instruments[r].marks
        return minuteStart(last) + Millis(c.slots[c.lastIndex(atOrBefore: last)!].closeAt) <= t ? cache.minutes + [now] : cache.minutes
    }

    /// The reference bar of every minute in `[from, to)` with a mark of the coin.
    private func computedMinutes(_ coin: String, from: Int32, to: Int32) -> [PriceMinute] {
        guard from < to, let list = byCoin[coin] else { return [] }
        var minutes = Set<Int32>()
        for i in list {
            let c = instruments[i].marks
            var k = c.firstIndex(atOrAfter: from)
            while k < c.count && c.minutes[k] < to { minutes.insert(c.minutes[k]); k += 1 }
        }
        return minutes.sorted().compactMap { m in
            guard let r = reference(coin, minute: m) else { return nil }
            let bar = instruments[r].marks.slots[instruments[r].marks.lastIndex(atOrBefore: m)!]
            return PriceMinute(start: minuteStart(m), open: bar.value(bar.open), high: bar.value(bar.high),
                               low: bar.value(bar.low), close: bar.closePrice)
        }
    }
}

/// The complete minutes of one coin's price line, `[from, through)`.
struct PriceMinutesCache: Sendable {
    var coin: String
    var from: Int32
    var through: Int32
    var minutes: [PriceMinute]
}
