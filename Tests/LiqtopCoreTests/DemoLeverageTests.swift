@testable import LiqtopCore
import Testing

/// The demo's leverage structure tells a short squeeze: price up through the last hours, open
/// interest falling as shorts are forced out, funding turning positive; the orders' prices
/// follow the mark prices.
@Suite struct DemoLeverageTests {
    static let events = DemoDay.events()
    static let marks = events.compactMap { if case .markPrice(let m) = $0 { m } else { nil } }
    static let oi = events.compactMap { if case .openInterest(let o) = $0 { o } else { nil } }
    static let funding = events.compactMap { if case .funding(let f) = $0 { f } else { nil } }
    static let liquidations = events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }

    static func at(_ h: Int64, _ m: Int64) -> Millis { DemoDay.day.start + h * Duration.hour + m * Duration.minute }

    static func mark(_ venue: Venue, _ coin: String, _ t: Millis) -> FixedDecimal? {
        marks.first { $0.venue == venue && $0.coin == coin && $0.time == t }?.mark
    }

    /// BTC open interest over the venues in USD at `t` (coins × the mark of the same minute).
    static func btcOI(_ t: Millis) -> Int64 {
        oi.filter { $0.coin == "BTC" && $0.time == t }.reduce(0) { sum, o in
            sum + (USD.product(o.size, mark(o.venue, "BTC", t)!)?.micros ?? 0)
        }
    }

    @Test func priceRisesThroughTheSqueeze() throws {
        let open = try #require(Self.mark(.binance, "BTC", Self.at(0, 0)))
        let before = try #require(Self.mark(.binance, "BTC", Self.at(20, 0)))
        let close = try #require(Self.mark(.binance, "BTC", Self.at(23, 59)))
        #expect(open < close && before < close, "\(open) \(before) \(close)")
    }

    @Test func openInterestFallsAsShortsAreForcedOut() {
        let built = Self.btcOI(Self.at(20, 0)), lastHour = Self.btcOI(Self.at(22, 55)), end = Self.btcOI(Self.at(23, 55))
        #expect(Self.btcOI(Self.at(0, 0)) < built, "open interest builds before the squeeze")
        #expect(end * 100 < lastHour * 99, "at least 1 % of it goes in the last hour: \(lastHour) → \(end)")
        #expect(end < lastHour, "the last hour's flush: \(lastHour) → \(end)")
        // Every venue's own coin count falls in the last hour.
        for venue in [Venue.binance, .bybit, .okx] {
            let sizes = Self.oi.filter { $0.coin == "BTC" && $0.venue == venue }
            let a = sizes.first { $0.time == Self.at(22, 55) }!.size, b = sizes.first { $0.time == Self.at(23, 55) }!.size
            #expect(b < a, "\(venue): \(a) → \(b)")
        }
    }

    @Test func fundingTurnsPositive() {
        let first = Self.funding.filter { $0.time == Self.at(0, 0) }
        let last = Self.funding.filter { $0.time == Self.at(23, 55) }
        #expect(!first.isEmpty && first.allSatisfy { $0.rate.signum < 0 })
        #expect(!last.isEmpty && last.allSatisfy { $0.rate.signum > 0 && $0.intervalHours == 8 })
        #expect(last.allSatisfy { $0.nextFundingTime == DemoDay.day.start + Duration.day })
    }

    /// Each order's price is within 0.5 % of its venue's mark in the minute it happened.
    @Test func ordersArePricedOnTheMarkPath() {
        var byKey: [String: FixedDecimal] = [:]
        for m in Self.marks { byKey["\(m.venue) \(m.coin) \(m.time)"] = m.mark }
        var worst: Int128 = 0
        for l in Self.liquidations {
            let minute = l.time - (l.time - DemoDay.day.start) % Duration.minute
            guard let mark = byKey["\(l.venue) \(l.coin) \(minute)"] else { Issue.record("no mark for \(l)"); return }
            let p = l.price.scaled(to: 8), q = mark.scaled(to: 8)
            worst = max(worst, (p - q).magnitude > 0 ? Int128((p - q).magnitude) * 10_000 / Int128(q) : 0)
        }
        #expect(worst <= 50, "largest gap \(worst) bp")
    }
}

