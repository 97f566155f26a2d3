import Testing
@testable import LiqtopCore

/// Builds liquidations directly (format parsing has its own tests).
func liq(_ t: Millis, _ venue: Venue, _ coin: String, _ side: Side, _ dollars: Int64) -> Event {
    .liquidation(Liquidation(time: t, venue: venue, instrument: coin + "USDT", coin: coin, side: side,
                             price: FixedDecimal(1), quantity: FixedDecimal(dollars), usd: USD(dollars: dollars)))
}

@Suite struct MarketStoreTests {
    let day = Day(year: 2026, month: 1, day: 14)!
    var t0: Millis { day.start + 12 * Duration.hour }

    @Test func windowsAreExactAndEndAtTheClock() async {
        let store = MarketStore()
        await store.ingest([
            liq(t0 - 25 * Duration.hour, .binance, "BTC", .short, 999), // outside 24h
            liq(t0 - 13 * Duration.hour, .bybit, "ETH", .long, 100),
            liq(t0 - 2 * Duration.hour, .okx, "BTC", .short, 200),
            liq(t0 - Duration.hour, .binance, "BTC", .short, 7),       // exactly 1h before: outside (t-1h, t]
            liq(t0 - 10, .binance, "SOL", .long, 30),
            liq(t0, .bybit, "BTC", .short, 5),
            liq(t0 + 1, .bybit, "BTC", .short, 10_000),               // after the clock
        ], source: "test")
        await store.setClock(t0)
        let s = await store.snapshot()
        #expect(s.windows[.h1] == SideTotals(longUSD: USD(dollars: 30), shortUSD: USD(dollars: 5), longCount: 1, shortCount: 1))
        #expect(s.windows[.h4]?.shortUSD == USD(dollars: 212))
        #expect(s.windows[.h24]?.totalUSD == USD(dollars: 342))
        #expect(s.windows[.h24]?.count == 5)
        #expect(s.byVenue[.h24]?.map(\.venue) == [.binance, .bybit, .okx])
        #expect(s.byCoin[.h24]?.first?.coin == "BTC")
        #expect(s.byCoin[.h24]?.first?.totals.shortUSD == USD(dollars: 212))
        #expect(s.largest.map(\.usd) == [200, 100, 30, 7, 5].map { USD(dollars: $0) })
        #expect(s.minutes.buckets.count == 1440)
        #expect(s.minutes.buckets.last?.shortUSD == USD(dollars: 5))  // the clock's own minute
        #expect(s.minutes.buckets.reduce(SideTotals(), +).totalUSD == USD(dollars: 342))
    }

    @Test func outOfOrderBatchesGiveTheSameState() async {
        var events: [Event] = []
        var rng: UInt64 = 42
        for i in 0 ..< 2_000 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let t = t0 - Millis(rng >> 40) % Duration.day
            events.append(liq(t, Venue.allCases[i % 3], ["BTC", "ETH", "SOL", "XRP"][i % 4], i % 5 == 0 ? .long : .short, Int64(i + 1)))
        }
        let once = MarketStore(), chunked = MarketStore()
        await once.ingest(events.sorted { if case .liquidation(let a) = $0, case .liquidation(let b) = $1 { return a.time < b.time }; return false }, source: "a")
        for k in stride(from: 0, to: events.count, by: 137) {
            await chunked.ingest(Array(events[k ..< min(k + 137, events.count)]), source: "b")
        }
        await once.setClock(t0)
        await chunked.setClock(t0)
        let a = await once.snapshot(), b = await chunked.snapshot()
        let expected = (1 ... 2_000).reduce(Int64(0), +)
        #expect(a.windows[.h24]?.totalUSD == USD(dollars: expected))
        #expect(a.windows == b.windows)
        #expect(a.byCoin == b.byCoin)
        #expect(a.byVenue == b.byVenue)
        #expect(a.minutes == b.minutes)
        #expect(a.largest.map(\.usd) == b.largest.map(\.usd))
        #expect(a.largest.first?.usd == USD(dollars: 2_000))
    }

    @Test func tapeListsRecentLargeOrdersNewestFirst() async {
        let store = MarketStore()
        await store.ingest([
            liq(t0 - 300, .binance, "BTC", .short, 60_000),
            liq(t0 - 200, .binance, "BTC", .short, 1_000),
            liq(t0 - 100, .okx, "ETH", .long, 250_000),
        ], source: "t")
        await store.setClock(t0)
        let s = await store.snapshot()
        #expect(s.tape.map(\.usd) == [USD(dollars: 250_000), USD(dollars: 60_000)])
    }

    @Test func highestSinceUsesTheDailyHistory() async {
        let store = MarketStore()
        var events: [Event] = []
        for k in 1 ... 60 {
            let d = day.advanced(by: -k)
            let short: Int64 = d == Day(year: 2025, month: 12, day: 1)! ? 600 : 100
            events.append(.dailyTotals(DailyLiquidationTotals(day: d, longUSD: USD(dollars: 50), shortUSD: USD(dollars: short))))
        }
        events.append(liq(t0, .binance, "BTC", .short, 577))
        await store.ingest(events, source: "t")
        let s = await store.snapshot()
        #expect(s.highestSince == HighestSince(side: .short, window: .h24, total: USD(dollars: 577),
                                                since: Day(year: 2025, month: 12, day: 1)!, isRecord: false))
    }

    @Test func squeezeNeedsOneSidedHourAndEtfInflows() async {
        let store = MarketStore()
        await store.ingest([
            liq(t0 - 10, .bybit, "BTC", .short, 95_000_000),
            liq(t0 - 5, .binance, "ETH", .long, 5_000_000),
            .etfFlow(EtfFlow(day: day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 500_000_000))),
        ], source: "t")
        await store.setClock(t0)
        let s = await store.snapshot()
        #expect(s.signal?.name == "short squeeze into ETF inflows")
        #expect(s.signal?.detail.contains("$95.0M of $100.0M") == true)

        let outflow = MarketStore()
        await outflow.ingest([
            liq(t0 - 10, .bybit, "BTC", .short, 95_000_000),
            .etfFlow(EtfFlow(day: day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: -1))),
        ], source: "t")
        await outflow.setClock(t0)
        #expect(await outflow.snapshot().signal == nil)
    }

    @Test func etfDaysStreakAndCumulative() async {
        let store = MarketStore()
        let flows: [(Int, String, Int64)] = [(-3, "IBIT", -50), (-2, "IBIT", 10), (-2, "FBTC", 5), (-1, "IBIT", 20), (0, "IBIT", 30), (0, "GBTC", -1)]
        await store.ingest(flows.map { .etfFlow(EtfFlow(day: day.advanced(by: $0.0), asset: .BTC, fund: $0.1, netUSD: USD(dollars: $0.2))) }, source: "t")
        // A corrected row for the same fund and day replaces the old one.
        await store.ingest([.etfFlow(EtfFlow(day: day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 31)))], source: "t")
        await store.setClock(day.start + Duration.day - 1)
        let e = try! #require(await store.snapshot().etf[.BTC])
        #expect(e.day == day)
        #expect(e.today.netUSD == USD(dollars: 30))
        #expect(e.streakDays == 3)
        #expect(e.cumulativeUSD == USD(dollars: 15))
        #expect(e.funds.map(\.fund) == ["IBIT", "GBTC"])
        #expect(e.history.map(\.netUSD) == [-50, 15, 20, 30].map { USD(dollars: $0) })
    }

    @Test func snapshotsArePublishedOnlyOnChange() async {
        let store = MarketStore()
        await store.ingest([liq(t0, .binance, "BTC", .short, 1)], source: "t")
        await store.setClock(t0)  // same as "follow data": no new snapshot
        await store.setClock(t0 + 1)
        await store.finish()
        var clocks: [Millis] = []
        for await s in store.snapshots { clocks.append(s.clock) }
        #expect(clocks == [t0 + 1]) // buffering newest: the consumer sees the latest state
    }

    @Test func focusDetailListsOrdersOfOneVenue() async {
        let store = MarketStore()
        await store.ingest([
            liq(t0 - 3, .binance, "BTC", .short, 1), liq(t0 - 2, .bybit, "BTC", .short, 2), liq(t0 - 1, .binance, "BTC", .long, 3),
        ], source: "t")
        await store.setFocus(Focus(coin: "BTC", venue: .binance, window: .h1))
        let d = try! #require(await store.snapshot().detail)
        #expect(d.orders.map(\.usd) == [USD(dollars: 3), USD(dollars: 1)])
        #expect(d.venues.map(\.venue) == [.binance, .bybit])
    }
}

@Suite struct MarketStorePruneTests {
    @Test func pruningKeepsTheWindowsExact() async {
        let day = Day(year: 2026, month: 1, day: 14)!
        let t0 = day.start + 12 * Duration.hour
        let store = MarketStore()
        var events: [Event] = []
        for i in 0 ..< 3_000 { events.append(liq(t0 - Millis(i) * Duration.minute, Venue.allCases[i % 3], i % 2 == 0 ? "BTC" : "ETH", i % 3 == 0 ? .long : .short, Int64(i + 1))) }
        await store.ingest(events, source: "t")
        await store.setClock(t0)
        let before = await store.snapshot()
        await store.prune(before: t0 - Duration.day - Duration.hour)
        #expect(await store.liquidationCount == 1_501)   // minutes 0 ... 1500 kept (25 h, inclusive)
        let after = await store.snapshot()
        #expect(after.windows == before.windows)
        #expect(after.byCoin == before.byCoin)
        #expect(after.minutes == before.minutes)
        #expect(after.largest.map(\.usd) == before.largest.map(\.usd))
    }

    /// A venue whose orders of a coin have all been pruned no longer shows in that coin's split.
    @Test func aVenuePrunedEmptyLeavesTheCoinsSplit() async {
        let t0 = Day(year: 2026, month: 1, day: 14)!.start + 12 * Duration.hour
        let store = MarketStore()
        await store.ingest([liq(t0 - 2 * Duration.day, .binance, "BTC", .long, 10),
                            liq(t0, .bybit, "BTC", .short, 20)], source: "t")
        await store.setClock(t0)
        await store.setFocus(Focus(coin: "BTC"))
        #expect(await store.snapshot().detail?.venues.map(\.venue) == [.binance, .bybit])
        await store.prune(before: t0 - Duration.day - Duration.hour)
        #expect(await store.snapshot().detail?.venues.map(\.venue) == [.bybit])
    }

    @Test func outagesAreRecordedFromHealthChanges() async {
        let store = MarketStore()
        await store.setHealth(SourceHealth(name: "bybit", state: .live, marksGaps: true), at: 1_000)
        await store.setHealth(SourceHealth(name: "bybit", state: .reconnecting(at: 9_000), lastError: "closed", marksGaps: true), at: 2_000)
        await store.setHealth(SourceHealth(name: "bybit", state: .live, marksGaps: true), at: 70_000)
        await store.setClock(100_000)
        let s = await store.snapshot()
        #expect(s.outages == [Outage(source: "bybit", from: 2_000, to: 70_000)])
        #expect(s.wasDown(from: 60_000, to: 120_000))
        #expect(!s.wasDown(from: 70_000, to: 130_000))
        #expect(s.health.map(\.name) == ["bybit"])
    }
}

/// The default time is the newest moment in the data — a note after the last
/// liquidation used to be out of reach of `summary` (and of replay's End).
@Suite struct DataEndTests {
    @Test func aNoteAfterTheLastLiquidationEndsTheData() async throws {
        let text = """
            {"type":"liquidation","time":1768392000000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000","qty":"1","usd":"97000"}
            {"type":"note","time":1768413600000,"source":"Fed","text":"later"}
            """
        let out = InputDecoder.decodeAll(text, source: "t", context: DecodeContext(now: 1_768_435_200_000))
        let store = MarketStore()
        await store.ingest(out, source: "t")
        await store.setClock(nil)
        let s = await store.snapshot()
        #expect(s.clock == 1_768_413_600_000)
        #expect(s.macro.latestNote?.text == "later")
        #expect(s.dataRange?.upperBound == 1_768_413_600_000)
    }
}

/// With ten venues the status line stays one line: every source in words when they fit,
/// else how many are live and, compactly, the ones that are not.
@Suite struct SourceHealthTextTests {
    static let now: Millis = 1_768_435_200_000

    @Test func wordsWhenTheyFitGlyphsWhenNot() {
        let few = [SourceHealth(name: "binance", state: .live), SourceHealth(name: "okx", state: .reconnecting(at: Self.now + 7_500), lastError: "closed")]
        #expect(SourceHealth.statusText(few, now: Self.now, room: 80, width: \.count) == "binance ✓ · okx reconnecting in 8 s (closed)")
        let names = ["binance", "bybit", "okx", "bitget", "gate", "aster", "htx", "htx-coin", "bitmex", "deribit"]
        var many = names.map { SourceHealth(name: $0, state: .live) }
        many[2].state = .reconnecting(at: Self.now + 7_500)
        many.append(SourceHealth(name: "record", state: .failing("cannot write")))
        // Live ones counted, the others in words while those fit the line...
        #expect(SourceHealth.statusText(many, now: Self.now, room: 45, width: \.count)
                == "9/11 ✓ · okx reconnecting in 8 s · record failing: cannot write")
        // ...and as glyphs when not.
        #expect(SourceHealth.statusText(many, now: Self.now, room: 25, width: \.count) == "9/11 ✓ · okx ⟳8s · record ✗")
        // One failing source keeps its words however long.
        let one = names.map { SourceHealth(name: $0, state: .live) } + [SourceHealth(name: "record", state: .failing(String(repeating: "x", count: 90)))]
        #expect(SourceHealth.statusText(one, now: Self.now, room: 25, width: \.count).hasSuffix(String(repeating: "x", count: 90)))
    }
}
