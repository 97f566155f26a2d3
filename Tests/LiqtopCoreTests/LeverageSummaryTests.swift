import Testing
@testable import LiqtopCore

/// `summary --json`'s `leverage` block and the text's Leverage section, and the signals that read
/// open interest and funding.
@Suite struct LeverageSummaryTests {
    static let day = Day(year: 2026, month: 1, day: 14)!
    static var t0: Millis { day.start + 12 * Duration.hour }

    static func handWorkedDay() -> [Event] {
        let t0 = Self.t0, h = Duration.hour
        return [
            Lev.mark(t0 - h, .binance, "BTCUSDT", "100"), Lev.mark(t0, .binance, "BTCUSDT", "110"),
            Lev.openInterest(t0 - h, .binance, "BTCUSDT", size: "10", .coin), // $1,000 at 100
            Lev.openInterest(t0, .binance, "BTCUSDT", size: "9", .coin),      // $990 at 110
            Lev.funding(t0, .binance, "BTCUSDT", "0.0001"),
            Lev.funding(t0, .bybit, "BTCUSDT", "0.00002", hours: 1),
        ]
    }

    @Test func jsonAndTextCarryTheSameFigures() async {
        let store = MarketStore()
        await store.ingest(Self.handWorkedDay(), source: "t")
        await store.setClock(Self.t0 + 30_000)
        let s = await store.snapshot()
        let json = SummaryJSON.render(s)
        #expect(json.contains("\"leverage\": {\"BTC\": {\"price\": 110, \"price_change_1h_pct\": 10.00, \"price_change_24h_pct\": null, "
            + "\"oi_usd\": 990.00, \"oi_change_1h_pct\": -1.00, \"oi_change_24h_pct\": null, "
            + "\"funding\": {\"binance\": {\"rate\": 0.0001, \"interval_h\": 8}, \"bybit\": {\"rate\": 0.00002, \"interval_h\": 1}}, "
            + "\"funding_oi_weighted\": 0.0001}}"), "\(json)")
        let text = SummaryTable.render(s)
        #expect(text.contains("Leverage             price       1h      24h        OI    OI 1h   OI 24h   fund/8h"), "\(text)")
        #expect(text.contains("  BTC                  110  +10.00%        –      $990   -1.00%        –  +0.0100%"), "\(text)")
        #expect(text.contains("    funding binance +0.0100%/8h · bybit +0.0020%/1h"), "\(text)")
    }

    @Test func noLeverageDataNoBlock() async {
        let store = MarketStore()
        await store.ingest([liq(Self.t0, .binance, "BTC", .short, 1_000)], source: "t")
        let s = await store.snapshot()
        #expect(!SummaryJSON.render(s).contains("leverage"))
        #expect(!SummaryTable.render(s).contains("Leverage"))
    }

    // MARK: signals

    static func squeezeDay(oiThen: Int64, oiNow: Int64) -> [Event] {
        var e: [Event] = [
            liq(t0 - 10, .bybit, "BTC", .short, 95_000_000),
            liq(t0 - 5, .binance, "ETH", .long, 5_000_000),
            .etfFlow(EtfFlow(day: day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 500_000_000))),
        ]
        if oiThen > 0 {
            e.append(Lev.openInterest(t0 - Duration.hour - Duration.minute, .binance, "BTCUSDT", size: "1", .coin, usd: oiThen))
            e.append(Lev.openInterest(t0 - 30 * Duration.minute, .binance, "BTCUSDT", size: "1", .coin, usd: oiNow))
        }
        return e
    }

    static func signal(_ events: [Event]) async -> Signal? {
        let store = MarketStore()
        await store.ingest(events, source: "t")
        await store.setClock(t0)
        return await store.snapshot().signal
    }

    @Test func theSqueezeSaysWhetherOpenInterestFellOrRose() async {
        let flushed = await Self.signal(Self.squeezeDay(oiThen: 1_000_000_000, oiNow: 959_000_000))
        #expect(flushed?.name == "short squeeze into ETF inflows")
        #expect(flushed?.detail.hasSuffix("(BTC +$500.00M), OI -4.1% in 1h (shorts flushed)") == true, "\(flushed?.detail ?? "")")
        let opening = await Self.signal(Self.squeezeDay(oiThen: 1_000_000_000, oiNow: 1_023_000_000))
        #expect(opening?.detail.hasSuffix(", OI +2.3% in 1h (new shorts still opening)") == true, "\(opening?.detail ?? "")")
        // Without open interest the text is the one the goldens pin.
        let plain = await Self.signal(Self.squeezeDay(oiThen: 0, oiNow: 0))
        #expect(plain?.detail.hasSuffix("spot ETFs took in $500.00M (BTC +$500.00M)") == true, "\(plain?.detail ?? "")")
    }

    /// ETF inflows fading (300M a day, then 50M), OI of the ETF coins up 3 % in 4 h, funding 0.04 % per 8 h.
    static func rebuildingDay(latestETF: Int64 = 50, oiNow: Int64 = 1_030, rate: String = "0.0004") -> [Event] {
        var e: [Event] = (1 ... 3).map { k in
            .etfFlow(EtfFlow(day: day.advanced(by: -k), asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 300_000_000)))
        }
        e.append(.etfFlow(EtfFlow(day: day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: latestETF * 1_000_000))))
        e.append(Lev.openInterest(t0 - 4 * Duration.hour - Duration.minute, .binance, "BTCUSDT", size: "1", .coin, usd: 1_000_000_000))
        e.append(Lev.openInterest(t0 - 10 * Duration.minute, .binance, "BTCUSDT", size: "1", .coin, usd: oiNow * 1_000_000))
        e.append(Lev.funding(t0 - 10 * Duration.minute, .binance, "BTCUSDT", rate))
        return e
    }

    @Test func leverageRebuildingAgainstFadingETFDemand() async {
        let s = await Self.signal(Self.rebuildingDay())
        #expect(s?.name == "leverage rebuilding against fading ETF demand")
        #expect(s?.detail == "spot ETFs +$50.00M on 2026-01-14 against +$300.00M a day over the 3 days before; OI +3.0% in 4h; "
            + "OI-weighted funding +0.0400% per 8h (longs pay shorts): the next liquidation moment may come faster", "\(s?.detail ?? "")")
        // Each condition just short of its threshold ends the signal.
        #expect(await Self.signal(Self.rebuildingDay(latestETF: 151)) == nil, "ETF demand above half the prior mean")
        #expect(await Self.signal(Self.rebuildingDay(latestETF: 150)) != nil, "exactly half counts as fading")
        #expect(await Self.signal(Self.rebuildingDay(oiNow: 1_019)) == nil, "OI up 1.9 %")
        #expect(await Self.signal(Self.rebuildingDay(rate: "0.00029")) == nil, "funding below 0.03 %")
        let shorts = await Self.signal(Self.rebuildingDay(latestETF: -20, rate: "-0.0005"))
        #expect(shorts?.detail.contains("-0.0500% per 8h (shorts pay longs)") == true, "\(shorts?.detail ?? "")")
    }
}
