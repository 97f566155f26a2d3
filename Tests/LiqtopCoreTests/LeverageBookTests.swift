import Testing
@testable import LiqtopCore

/// The leverage book against `LeverageOracle` (every event kept raw, every figure recomputed by
/// brute force): price OHLC, open interest and its changes, funding and its averages, at random
/// clock times, with the events inserted in time order, shuffled, and shuffled in batches.
@Suite struct LeverageBookTests {
    static let base: Millis = 1_768_348_800_000 // 2026-01-14T00:00Z
    static let span: Millis = 30 * Duration.hour
    static let coins: [(String, Int64)] = [("BTC", 97_000), ("ETH", 3_300), ("SOL", 150)]
    static let venues: [(Venue, [String])] = [(.binance, ["USDT", "USDC"]), (.bybit, ["USDT", "USD"]), (.okx, ["-USDT-SWAP"]), (.bitget, ["USDT"])]

    /// Random leverage events over 30 hours: a few busy minutes (ties in time, many events a
    /// minute), marks at several scales, every OI unit, funding with and without intervals.
    static func events(seed: UInt64, count: Int) -> [Event] {
        var rng = SeededRandom(seed: seed)
        let hot = (0 ..< 12).map { _ in base + Millis(rng.below(span / Duration.minute)) * Duration.minute }
        var out: [Event] = []
        for _ in 0 ..< count {
            let (coin, price) = coins[rng.below(coins.count)]
            let (venue, suffixes) = venues[rng.below(venues.count)]
            let suffix = suffixes[rng.below(suffixes.count)]
            let instrument = suffix.hasPrefix("-") ? coin + suffix : coin + suffix
            var t = rng.chance(30) ? hot[rng.below(hot.count)] + Millis(rng.below(10)) * 1000 : base + Millis(rng.below(span))
            if rng.chance(20) { t -= t % 1000 } // whole seconds: ties
            switch rng.below(10) {
            case 0 ..< 5:
                let scale = rng.below(4)
                var mantissa = (price + rng.int(-price / 20 ... price / 20))
                for _ in 0 ..< scale { mantissa = mantissa * 10 + rng.int(0 ... 9) }
                out.append(.markPrice(MarkPrice(time: t, venue: venue, instrument: instrument, coin: coin,
                                                mark: FixedDecimal(mantissa: mantissa, scale: scale)!)))
            case 5 ..< 8:
                let size = FixedDecimal(mantissa: rng.int(1_000 ... 90_000), scale: 1)!
                let unit: OpenInterestUnit = suffix == "USD" ? .usd : suffix == "-USDT-SWAP" ? .contracts : .coin
                let usd: USD? = unit == .contracts ? (rng.chance(60) ? USD(dollars: rng.int(1_000_000 ... 900_000_000)) : nil)
                    : (rng.chance(25) ? USD(dollars: rng.int(1_000_000 ... 900_000_000)) : nil)
                out.append(.openInterest(OpenInterest(time: t, venue: venue, instrument: instrument, coin: coin, size: size, unit: unit, usd: usd)))
            default:
                let rate = FixedDecimal(mantissa: rng.int(-300 ... 900), scale: 7)!
                let interval: Int? = [nil, 8, 8, 1, 4, 3][rng.below(6)]
                let next: Millis? = rng.chance(80) ? (t / (8 * Duration.hour) + 1) * 8 * Duration.hour : nil
                out.append(.funding(FundingRate(time: t, venue: venue, instrument: instrument, coin: coin, rate: rate,
                                                intervalHours: interval, nextFundingTime: next)))
            }
        }
        return out
    }

    static func shuffled(_ list: [Event], _ rng: inout SeededRandom) -> [Event] {
        var a = list
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, rng.below(i + 1)) }
        return a
    }

    static func time(_ e: Event) -> Millis {
        switch e {
        case .markPrice(let m): m.time
        case .openInterest(let o): o.time
        case .funding(let f): f.time
        default: 0
        }
    }

    /// Clock times worth asking at: random, on event times and just before them, on minute starts.
    static func queryTimes(_ events: [Event], _ rng: inout SeededRandom, count: Int) -> [Millis] {
        (0 ..< count).map { k in
            let e = time(events[rng.below(events.count)])
            switch k % 4 {
            case 0: return base - Duration.hour + Millis(rng.below(span + 2 * Duration.hour))
            case 1: return e
            case 2: return e - 1
            default: return e - e % Duration.minute
            }
        }
    }

    static func expectMatches(_ book: inout LeverageBook, _ oracle: LeverageOracle, at t: Millis, focused: String?,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let got = book.figures(at: t, minutesFor: focused)
        var want: [String: CoinLeverage] = [:]
        for coin in oracle.coins { if let c = oracle.figures(coin, at: t, withMinutes: coin == focused) { want[coin] = c } }
        #expect(Set(got.keys) == Set(want.keys), "coins at \(ISOTime.format(t))", sourceLocation: sourceLocation)
        for (coin, w) in want {
            guard let g = got[coin] else { continue }
            #expect(g.price == w.price && g.priceVenue == w.priceVenue, "\(coin) price at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.priceChange == w.priceChange, "\(coin) price change at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.oiUSD == w.oiUSD && g.oiByVenue == w.oiByVenue && g.oiUnpriced == w.oiUnpriced,
                    "\(coin) OI at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.oiChange == w.oiChange, "\(coin) OI change at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.funding == w.funding && g.nextFunding == w.nextFunding, "\(coin) funding at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.fundingOIWeighted8h == w.fundingOIWeighted8h, "\(coin) weighted funding at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.fundingAverage8h == w.fundingAverage8h, "\(coin) funding averages at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g.minutes == w.minutes, "\(coin) minutes at \(ISOTime.format(t))", sourceLocation: sourceLocation)
            #expect(g == w, sourceLocation: sourceLocation)
        }
    }

    // Async with a yield per query so this CPU-bound check leaves the cooperative pool to the
    // timer-driven tests running beside it.
    @Test(arguments: [UInt64(11), 12]) func figuresMatchTheOracleInAnyOrder(seed: UInt64) async {
        let all = Self.events(seed: seed, count: 1_800)
        var rng = SeededRandom(seed: seed * 31)
        let oracle = LeverageOracle(all)

        var inOrder = LeverageBook()
        for e in all.sorted(by: { Self.time($0) < Self.time($1) }) { inOrder.insert(e) }
        var shuffled = LeverageBook()
        for e in Self.shuffled(all, &rng) { shuffled.insert(e) }
        #expect(inOrder.refused == 0 && shuffled.refused == 0)

        for (k, t) in Self.queryTimes(all, &rng, count: 24).enumerated() {
            await Task.yield()
            let focused: String? = k % 6 == 0 ? Self.coins[k / 6 % 3].0 : nil
            Self.expectMatches(&inOrder, oracle, at: t, focused: focused)
            Self.expectMatches(&shuffled, oracle, at: t, focused: focused)
        }
    }

    /// Queries between batches fill the funding cache; late events must still change the answers.
    @Test func lateBatchesAfterQueriesMatchTheOracle() async {
        let all = Self.events(seed: 5, count: 1_200)
        var rng = SeededRandom(seed: 99)
        let order = Self.shuffled(all, &rng)
        var book = LeverageBook()
        var seen: [Event] = []
        for start in stride(from: 0, to: order.count, by: 300) {
            await Task.yield()
            let batch = order[start ..< min(start + 300, order.count)]
            for e in batch { book.insert(e) }
            seen += batch
            let oracle = LeverageOracle(seen)
            // The same clock last before this batch and first after it: a cached answer must not survive it.
            // The focused coin's price minutes are cached too, and must follow a late mark.
            let fixed = Self.base + 20 * Duration.hour + 30_000
            Self.expectMatches(&book, oracle, at: fixed, focused: "BTC")
            Self.expectMatches(&book, oracle, at: Self.base + Millis(rng.below(Self.span)), focused: "ETH")
            Self.expectMatches(&book, oracle, at: fixed - Duration.hour, focused: "ETH")
            Self.expectMatches(&book, oracle, at: fixed, focused: "BTC")
        }
    }

    /// Hundreds of funding minutes per instrument (past the checkpoint blocks of `FundingColumn`),
    /// arriving shuffled in batches with queries between: late reports must rebuild the checkpoints.
    @Test func fundingAveragesOverManyMinutesMatchTheOracle() async {
        var rng = SeededRandom(seed: 77)
        var all: [Event] = []
        for instrument in ["BTCUSDT", "BTCUSDC"] {
            for _ in 0 ..< 700 {
                let t = Self.base + Millis(rng.below(Self.span))
                all.append(.funding(FundingRate(time: t, venue: .binance, instrument: instrument, coin: "BTC",
                                                rate: FixedDecimal(mantissa: rng.int(-500 ... 900), scale: 7)!,
                                                intervalHours: [nil, 8, 1, 3][rng.below(4)])))
            }
        }
        let order = Self.shuffled(all, &rng)
        var book = LeverageBook()
        var seen: [Event] = []
        for start in stride(from: 0, to: order.count, by: 350) {
            await Task.yield()
            for e in order[start ..< start + 350] { book.insert(e) }
            seen += order[start ..< start + 350]
            let oracle = LeverageOracle(seen)
            for t in [Self.base + 29 * Duration.hour + 1, Self.base + Millis(rng.below(Self.span))] {
                let got = book.figures("BTC", at: t, withMinutes: false)?.fundingAverage8h
                #expect(got == oracle.figures("BTC", at: t, withMinutes: false)?.fundingAverage8h, "at \(ISOTime.format(t))")
                #expect(got?.count == 4)
            }
        }
    }

    /// The store fills `Snapshot.leverage` at its clock, with the focused coin's minutes (else BTC's).
    @Test func theStoreSnapshotCarriesTheFigures() async {
        let all = Self.events(seed: 21, count: 900)
        var rng = SeededRandom(seed: 4)
        let store = MarketStore()
        let order = Self.shuffled(all, &rng)
        await store.ingest(Array(order[..<450]), source: "a")
        await store.ingest(Array(order[450...]), source: "b")
        let oracle = LeverageOracle(all)
        let t = Self.base + 26 * Duration.hour + 12_345
        await store.setClock(t)
        for focus in [nil, "ETH"] as [String?] {
            await store.setFocus(Focus(coin: focus))
            let s = await store.snapshot()
            var want: [String: CoinLeverage] = [:]
            for coin in oracle.coins { want[coin] = oracle.figures(coin, at: t, withMinutes: coin == (focus ?? "BTC")) }
            #expect(s.leverage == want)
            #expect(!(s.leverage[focus ?? "BTC"]?.minutes.isEmpty ?? true))
        }
        #expect(await store.snapshot().input.events == all.count)
    }
}
