import Testing
@testable import LiqtopCore

/// Leverage events built directly (the formats have their own tests).
enum Lev {
    static func mark(_ t: Millis, _ venue: Venue, _ instrument: String, _ price: String, coin: String = "BTC") -> Event {
        .markPrice(MarkPrice(time: t, venue: venue, instrument: instrument, coin: coin, mark: decimal(price)))
    }

    static func openInterest(_ t: Millis, _ venue: Venue, _ instrument: String, size: String, _ unit: OpenInterestUnit,
                             usd: Int64? = nil, coin: String = "BTC") -> Event {
        .openInterest(OpenInterest(time: t, venue: venue, instrument: instrument, coin: coin, size: decimal(size), unit: unit,
                                   usd: usd.map { USD(dollars: $0) }))
    }

    static func funding(_ t: Millis, _ venue: Venue, _ instrument: String, _ rate: String, hours: Int? = nil, next: Millis? = nil,
                        coin: String = "BTC") -> Event {
        .funding(FundingRate(time: t, venue: venue, instrument: instrument, coin: coin, rate: decimal(rate), intervalHours: hours,
                             nextFundingTime: next))
    }

    /// `"0.00005"` → 5 × 10^-5 (negative too).
    static func decimal(_ s: String) -> FixedDecimal {
        let parts = s.split(separator: ".")
        return FixedDecimal(mantissa: Int64(parts.joined())!, scale: parts.count == 2 ? parts[1].count : 0)!
    }
}

/// The stated rules on small days worked by hand.
@Suite struct LeverageRulesTests {
    static let t0: Millis = 1_768_348_800_000
    static let s: Millis = 1_000

    static func book(_ events: [Event]) -> LeverageBook {
        var b = LeverageBook()
        for e in events { b.insert(e) }
        return b
    }

    @Test func theReferenceVenueHasTheMostOpenInterestAndHoldsForTheMinute() {
        let t0 = Self.t0, s = Self.s
        var b = Self.book([
            Lev.mark(t0 + 10 * s, .bybit, "BTCUSDT", "101"), Lev.mark(t0 + 20 * s, .binance, "BTCUSDT", "100"),
            Lev.openInterest(t0 + 30 * s, .binance, "BTCUSDT", size: "1", .coin, usd: 1_000_000),
            Lev.openInterest(t0 + 30 * s, .bybit, "BTCUSDT", size: "1", .coin, usd: 2_000_000),
            Lev.mark(t0 + 70 * s, .binance, "BTCUSDT", "102"), Lev.mark(t0 + 80 * s, .bybit, "BTCUSDT", "103"),
            // Mid-minute binance overtakes bybit: the minute keeps bybit, the next one switches.
            Lev.openInterest(t0 + 90 * s, .binance, "BTCUSDT", size: "1", .coin, usd: 5_000_000),
            Lev.mark(t0 + 130 * s, .binance, "BTCUSDT", "104"), Lev.mark(t0 + 140 * s, .bybit, "BTCUSDT", "105"),
        ])
        func price(_ t: Millis) -> (String, Venue)? {
            b.figures("BTC", at: t, withMinutes: false).flatMap { c in c.price.map { ($0.description, c.priceVenue!) } }
        }
        // No open interest known yet: Venue order (Binance first).
        #expect(price(t0 + 59 * s)! == ("100", .binance))
        // Minute 2 before bybit's last mark of it: the minute before is read (nothing after the clock).
        #expect(price(t0 + 75 * s)! == ("100", .binance))
        #expect(price(t0 + 119 * s)! == ("103", .bybit))
        #expect(price(t0 + 179 * s)! == ("104", .binance))
        #expect(price(t0 + 9 * s) == nil)
        let minutes = b.figures("BTC", at: t0 + 179 * s, withMinutes: true)!.minutes
        #expect(minutes.map(\.close.description) == ["100", "103", "104"])
    }

    @Test func openInterestIsValuedByItsOwnFigureItsUnitOrTheSameInstrumentsMark() {
        let t0 = Self.t0
        var b = Self.book([
            Lev.mark(t0, .binance, "BTCUSDT", "100"),
            Lev.openInterest(t0 + 1, .binance, "BTCUSDT", size: "10.5", .coin),        // 10.5 × 100
            Lev.openInterest(t0 + 2, .binance, "BTCUSDC", size: "3", .coin),           // no mark of its own: unpriced
            Lev.openInterest(t0 + 3, .bybit, "BTCUSD", size: "5000", .usd),            // contracts of $1
            Lev.openInterest(t0 + 4, .okx, "BTC-USDT-SWAP", size: "77", .contracts),   // unknown contract value: unpriced
            Lev.openInterest(t0 + 5, .bitget, "BTCUSDT", size: "1", .coin, usd: 777),  // the venue's own USD
        ])
        let c = b.figures("BTC", at: t0 + Duration.minute, withMinutes: false)!
        #expect(c.oiUSD == USD(dollars: 1_050 + 5_000 + 777))
        #expect(c.oiUnpriced == 2)
        #expect(c.oiByVenue.map(\.venue) == [.binance, .bybit, .bitget])
        #expect(c.oiByVenue.map(\.usd) == [USD(dollars: 1_050), USD(dollars: 5_000), USD(dollars: 777)])
    }

    @Test func fundingIsScaledToEightHoursAndWeightedByOpenInterest() {
        let t0 = Self.t0
        var b = Self.book([
            Lev.mark(t0, .binance, "BTCUSDT", "100"), Lev.mark(t0, .bitget, "BTCUSDT", "100"),
            Lev.openInterest(t0, .binance, "BTCUSDT", size: "1", .usd, usd: 1_000),
            Lev.openInterest(t0, .bitget, "BTCUSDT", size: "1", .usd, usd: 777),
            Lev.funding(t0, .binance, "BTCUSDT", "0.0001", next: t0 + 8 * Duration.hour),   // no interval: 8 h
            Lev.funding(t0, .bitget, "BTCUSDT", "0.00005", hours: 1, next: t0 + Duration.hour), // 0.0004 per 8 h
        ])
        let c = b.figures("BTC", at: t0 + Duration.minute, withMinutes: false)!
        #expect(c.funding.map(\.intervalHours) == [8, 1])
        #expect(c.funding.map(\.rate.description) == ["0.0001", "0.00005"])
        // (0.0001 × 1000 + 0.0004 × 777) / 1777 = 0.00023117614, rounded half-even at 12 decimals.
        #expect(c.fundingOIWeighted8h?.description == "0.00023117614")
        #expect(c.nextFunding == t0 + Duration.hour)
        // Every instrument-minute of the window: (0.0001 + 0.0004) / 2 for each minute so far.
        #expect(c.fundingAverage8h[.h1]?.description == "0.00025")
    }

    @Test func fundingAveragesCarryTheLatestRateForward() {
        let t0 = Self.t0
        var b = Self.book([
            Lev.funding(t0, .binance, "BTCUSDT", "0.0001"),
            Lev.funding(t0 + 30 * Duration.minute, .binance, "BTCUSDT", "0.0003"), // sent once, not every minute
        ])
        let c = b.figures("BTC", at: t0 + Duration.hour - 1, withMinutes: false)!
        #expect(c.fundingAverage8h[.h1]?.description == "0.0002", "30 minutes at 0.0001, 30 at 0.0003")
        #expect(c.fundingAverage8h[.h24]?.description == "0.0002", "nothing known before the first report")
        let later = b.figures("BTC", at: t0 + 2 * Duration.hour - 1, withMinutes: false)!
        #expect(later.fundingAverage8h[.h1]?.description == "0.0003")
    }

    /// A day of 1-second marks is 1,440 bars of 40 bytes, not 86,400 raw prices.
    @Test func aDayOfOneSecondMarksIsKeptPerMinute() {
        var b = LeverageBook()
        var rng = SeededRandom(seed: 3)
        var price: Int64 = 9_700_000
        for k in 0 ..< 86_400 {
            price += rng.int(-50 ... 50)
            b.insert(.markPrice(MarkPrice(time: Self.t0 + Millis(k) * 1_000, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                          mark: FixedDecimal(mantissa: price, scale: 2)!)))
        }
        #expect(MemoryLayout<MarkBar>.stride == 40)
        #expect(b.instruments[0].marks.count == 1_440)
        #expect(b.columnBytes <= 1_440 * 44 * 115 / 100, "\(b.columnBytes) bytes")
    }

    @Test func hostileEventsAreRefusedNotStored() {
        var b = LeverageBook()
        let accepted = [
            b.insert(Lev.mark(Self.t0, .binance, "BTCUSDT", "0")),
            b.insert(Lev.mark(Millis.max, .binance, "BTCUSDT", "1")),
            b.insert(.openInterest(OpenInterest(time: Self.t0, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                                size: FixedDecimal(-1), unit: .coin))),
        ]
        #expect(accepted == [false, false, false])
        #expect(b.refused == 3)
        let none = b.figures(at: Self.t0, minutesFor: nil)
        #expect(none.isEmpty)
    }

    /// The live session's rolling day drops old minutes with the liquidations.
    @Test func pruneDropsOldMinutes() async {
        let store = MarketStore()
        await store.ingest([Lev.mark(Self.t0, .binance, "BTCUSDT", "100"), Lev.mark(Self.t0 + 2 * Duration.hour, .binance, "BTCUSDT", "110")], source: "t")
        await store.setClock(Self.t0 + 2 * Duration.hour + 1)
        #expect(await store.snapshot().leverage["BTC"]?.priceChange[.h1] != nil)
        await store.prune(before: Self.t0 + Duration.hour)
        let c = await store.snapshot().leverage["BTC"]
        #expect(c?.price?.description == "110")
        #expect(c?.priceChange[.h1] == nil, "the minute an hour before is gone")
    }
}
