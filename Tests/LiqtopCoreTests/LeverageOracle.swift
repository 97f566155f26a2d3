@testable import LiqtopCore

/// The leverage rules restated by brute force over every event kept raw: no per-minute slots,
/// no caches, every figure recomputed from the full list at each query.
struct LeverageOracle {
    struct Inst: Hashable { var venue: Venue; var coin: String; var instrument: String }
    /// Each instrument's events as they came (grouped only so a query does not scan every coin).
    private var markLists: [Inst: [MarkPrice]] = [:]
    private var oiLists: [Inst: [OpenInterest]] = [:]
    private var fundingLists: [Inst: [FundingRate]] = [:]
    private var coinInstruments: [String: Set<Inst>] = [:]

    init(_ events: [Event]) {
        for e in events {
            switch e {
            case .markPrice(let m):
                let i = Inst(venue: m.venue, coin: m.coin, instrument: m.instrument)
                markLists[i, default: []].append(m); coinInstruments[m.coin, default: []].insert(i)
            case .openInterest(let o):
                let i = Inst(venue: o.venue, coin: o.coin, instrument: o.instrument)
                oiLists[i, default: []].append(o); coinInstruments[o.coin, default: []].insert(i)
            case .funding(let f):
                let i = Inst(venue: f.venue, coin: f.coin, instrument: f.instrument)
                fundingLists[i, default: []].append(f); coinInstruments[f.coin, default: []].insert(i)
            default: break
            }
        }
    }

    var coins: [String] { coinInstruments.keys.sorted() }

    static func minute(_ t: Millis) -> Millis { t >= 0 ? t / 60_000 : (t - 59_999) / 60_000 }
    static let rank = Dictionary(uniqueKeysWithValues: Venue.allCases.enumerated().map { ($1, $0) })

    func instruments(_ coin: String) -> [Inst] {
        (coinInstruments[coin] ?? []).sorted { Self.rank[$0.venue]! != Self.rank[$1.venue]! ? Self.rank[$0.venue]! < Self.rank[$1.venue]! : $0.instrument < $1.instrument }
    }

    /// The events visible at `x`: minutes before x's; x's minute only when all its events are by x.
    static func visible<E>(_ list: [E], at x: Millis, time: (E) -> Millis) -> [E] {
        let m = minute(x)
        let own = list.filter { minute(time($0)) == m }
        let ownComplete = own.allSatisfy { time($0) <= x }
        return list.filter { minute(time($0)) < m } + (ownComplete ? own : [])
    }

    func marks(_ i: Inst) -> [MarkPrice] { markLists[i] ?? [] }

    static func later(_ a: MarkPrice, _ b: MarkPrice) -> Bool { (a.time, a.mark) > (b.time, b.mark) }

    func mark(_ i: Inst, at x: Millis) -> FixedDecimal? {
        Self.visible(marks(i), at: x, time: \.time).max { Self.later($1, $0) }?.mark
    }

    static func interval(_ f: FundingRate) -> Int { f.intervalHours.flatMap { (1 ... 255).contains($0) ? $0 : nil } ?? 0 }

    func oi(_ i: Inst, at x: Millis) -> (usd: USD?, time: Millis)? {
        let list = oiLists[i] ?? []
        func key(_ o: OpenInterest) -> (Millis, Int, Int64, FixedDecimal, Int) {
            (o.time, o.usd == nil ? 0 : 1, o.usd?.micros ?? 0, o.size, OpenInterestUnit.allCases.firstIndex(of: o.unit)!)
        }
        guard let o = Self.visible(list, at: x, time: \.time).max(by: { key($0) < key($1) }) else { return nil }
        if let u = o.usd { return (u, o.time) }
        switch o.unit {
        case .usd: return (USD(o.size), o.time)
        case .coin: return (mark(i, at: o.time).flatMap { USD.product(o.size, $0) }, o.time)
        case .contracts: return (nil, o.time)
        }
    }

    func funding(_ i: Inst, at x: Millis) -> FundingRate? {
        let list = fundingLists[i] ?? []
        return Self.visible(list, at: x, time: \.time).max { Self.fundingKey($0) < Self.fundingKey($1) }
    }

    static func fundingKey(_ f: FundingRate) -> (Millis, FixedDecimal, Int, Millis) {
        (f.time, f.rate, interval(f), f.nextFundingTime ?? .min)
    }

    static func norm(_ f: FundingRate) -> Int128 {
        let h = interval(f) == 0 ? 8 : interval(f)
        let n = Int128(f.rate.mantissa) * 8 * 1_000_000_000_000
        return FixedDecimal.divideRoundingHalfEven(n, FixedDecimal.pow10(Int(f.rate.scale)) * Int128(h))
    }

    /// Ranking for the reference: venue OI desc (known first), venue order, own OI desc, name.
    func reference(_ coin: String, minute m: Millis) -> Inst? {
        let all = instruments(coin)
        let candidates = all.filter { i in marks(i).contains { Self.minute($0.time) == m } }
        let x = m * 60_000 - 1
        var own: [Inst: USD] = [:], venues: [Venue: USD] = [:]
        for i in all { if let u = oi(i, at: x)?.usd { own[i] = u; venues[i.venue, default: .zero] = venues[i.venue, default: .zero] + u } }
        func key(_ i: Inst) -> (Int64, Int, Int64, String) {
            // Sorting ascending: negate the USD figures; unknown sorts after every known one.
            (venues[i.venue].map { -$0.micros } ?? 1, Self.rank[i.venue]!, own[i].map { -$0.micros } ?? 1, i.instrument)
        }
        return candidates.min { key($0) < key($1) }
    }

    func bar(_ i: Inst, minute m: Millis) -> PriceMinute {
        let list = marks(i).filter { Self.minute($0.time) == m }
        let open = list.min { ($0.time, $0.mark) < ($1.time, $1.mark) }!.mark
        let close = list.max { ($0.time, $0.mark) < ($1.time, $1.mark) }!.mark
        return PriceMinute(start: m * 60_000, open: open, high: list.map(\.mark).max()!, low: list.map(\.mark).min()!, close: close)
    }

    func price(_ coin: String, at x: Millis) -> (FixedDecimal, Venue)? {
        let m = Self.minute(x)
        if let r = reference(coin, minute: m) {
            let own = marks(r).filter { Self.minute($0.time) == m }
            if own.allSatisfy({ $0.time <= x }) { return (bar(r, minute: m).close, r.venue) }
        }
        let earlier = instruments(coin).flatMap { marks($0) }.map { Self.minute($0.time) }.filter { $0 < m }
        guard let b = earlier.max(), let r = reference(coin, minute: b) else { return nil }
        return (bar(r, minute: b).close, r.venue)
    }

    func minutes(_ coin: String, endingAt t: Millis) -> [PriceMinute] {
        let last = Self.minute(t)
        let ms = Set(instruments(coin).flatMap { marks($0) }.map { Self.minute($0.time) }.filter { $0 > last - 1440 && $0 <= last })
        return ms.sorted().compactMap { m in
            let r = reference(coin, minute: m)!
            if m == last && marks(r).contains(where: { Self.minute($0.time) == m && $0.time > t }) { return nil }
            return bar(r, minute: m)
        }
    }

    func fundingAverage(_ coin: String, at t: Millis, _ w: Window) -> FixedDecimal? {
        let last = Self.minute(t)
        let first = last - w.duration / 60_000 + 1
        var sum: Int128 = 0, count: Int128 = 0
        for i in instruments(coin) {
            // Sorted time first, so the last report reached by minute m is the latest in or before it.
            let list = (fundingLists[i] ?? []).sorted { Self.fundingKey($0) < Self.fundingKey($1) }
            var k = 0
            var current: FundingRate?
            for m in first ..< last {
                while k < list.count && Self.minute(list[k].time) <= m { current = list[k]; k += 1 }
                if let f = current { sum += Self.norm(f); count += 1 }
            }
            if let f = funding(i, at: t) { sum += Self.norm(f); count += 1 }
        }
        guard count > 0 else { return nil }
        return FixedDecimal(mantissa: Int64(FixedDecimal.divideRoundingHalfEven(sum, count)), scale: 12)
    }

    func figures(_ coin: String, at t: Millis, withMinutes: Bool) -> CoinLeverage? {
        var c = CoinLeverage(coin: coin)
        let insts = instruments(coin)
        if let p = price(coin, at: t) {
            c.price = p.0; c.priceVenue = p.1
            for w in Window.allCases { if let f = price(coin, at: t - w.duration) { c.priceChange[w] = Change(from: f.0, to: p.0) } }
        }
        var now: [Inst: USD] = [:]
        for i in insts {
            guard let o = oi(i, at: t) else { continue }
            guard let u = o.usd else { c.oiUnpriced += 1; continue }
            now[i] = u
        }
        if !now.isEmpty {
            c.oiUSD = now.values.reduce(.zero, +)
            c.oiByVenue = Venue.allCases.compactMap { v in
                let mine = insts.filter { $0.venue == v && now[$0] != nil }
                guard !mine.isEmpty else { return nil }
                return VenueOpenInterest(venue: v, usd: mine.reduce(.zero) { $0 + now[$1]! }, time: mine.map { oi($0, at: t)!.time }.max()!)
            }
        }
        for w in Window.allCases {
            let both = now.keys.filter { oi($0, at: t - w.duration)?.usd != nil }
            if !both.isEmpty {
                c.oiChange[w] = Change(from: both.reduce(.zero) { $0 + oi($1, at: t - w.duration)!.usd! }, to: both.reduce(.zero) { $0 + now[$1]! })
            }
        }
        var weighted: Int128 = 0, weights: Int128 = 0
        for i in insts {
            if let f = funding(i, at: t), let u = now[i], u > .zero { weighted += Self.norm(f) * Int128(u.micros); weights += Int128(u.micros) }
        }
        c.funding = Venue.allCases.compactMap { v in
            let with = insts.filter { $0.venue == v && funding($0, at: t) != nil }
            guard let pick = with.min(by: { a, b in
                let x = now[a].map { -$0.micros } ?? 1, y = now[b].map { -$0.micros } ?? 1
                return x != y ? x < y : a.instrument < b.instrument
            }) else { return nil }
            let f = funding(pick, at: t)!
            return VenueFunding(venue: v, instrument: pick.instrument, rate: f.rate, intervalHours: Self.interval(f) == 0 ? 8 : Self.interval(f),
                                nextFundingTime: f.nextFundingTime, time: f.time)
        }
        if weights > 0 { c.fundingOIWeighted8h = FixedDecimal(mantissa: Int64(FixedDecimal.divideRoundingHalfEven(weighted, weights)), scale: 12) }
        c.nextFunding = c.funding.compactMap(\.nextFundingTime).filter { $0 >= t }.min()
        if !c.funding.isEmpty {
            for w in Window.allCases { c.fundingAverage8h[w] = fundingAverage(coin, at: t, w) }
        }
        guard c.price != nil || c.oiUSD != nil || c.oiUnpriced > 0 || !c.funding.isEmpty else { return nil }
        if withMinutes { c.minutes = minutes(coin, endingAt: t); c.venueDays = venueDays(coin, endingAt: t) }
        return c
    }

    /// Per venue, at each 24 h chart bucket's end (the clock in the last): OI summed over the
    /// venue's instruments, funding per 8 h weighted by their OI (plain first-named where none is priced).
    func venueDays(_ coin: String, endingAt t: Millis) -> [VenueDay] {
        let (first, last) = ChartSeries.range(window: .h24, clock: t)
        var ends: [Millis] = []
        var b = first
        while b <= last { ends.append(min(t, b + 15 * 60_000 - 1)); b += 15 * 60_000 }
        let insts = instruments(coin)
        return Venue.allCases.compactMap { venue in
            let mine = insts.filter { $0.venue == venue }
            guard !mine.isEmpty else { return nil }
            var d = VenueDay(venue: venue, start: first, openInterest: [], funding8h: [])
            for x in ends {
                let ois = mine.map { oi($0, at: x)?.usd }
                d.openInterest.append(ois.compactMap { $0 }.isEmpty ? nil : ois.compactMap { $0 }.reduce(.zero, +))
                var sum: Int128 = 0, weight: Int128 = 0, plain: Int128?
                for (i, u) in zip(mine, ois) {
                    guard let f = funding(i, at: x) else { continue }
                    if plain == nil { plain = Self.norm(f) }
                    if let u, u.micros > 0 { sum += Self.norm(f) * Int128(u.micros); weight += Int128(u.micros) }
                }
                let mean = weight > 0 ? FixedDecimal.divideRoundingHalfEven(sum, weight) : plain
                d.funding8h.append(mean.flatMap { Int64(exactly: $0) }.flatMap { FixedDecimal(mantissa: $0, scale: 12) })
            }
            return d
        }
    }
}
