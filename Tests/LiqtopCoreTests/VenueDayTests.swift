import Testing
@testable import LiqtopCore

/// The leverage drill's per-venue strips sample, at each 24 h chart bucket's end, exactly the
/// open interest and funding the panel itself shows at that instant.
@Suite struct VenueDayTests {
    @Test func eachSampleIsTheFigureAtItsBucketsEnd() async {
        let store = MarketStore()
        await store.ingest(DemoDay.events(), source: "demo")
        await store.setFocus(Focus(coin: "BTC"))
        let s = await store.snapshot()
        let days = s.leverage["BTC"]!.venueDays
        #expect(days.map(\.venue) == [.binance, .bybit, .okx])
        let (first, last) = ChartSeries.range(window: .h24, clock: s.clock)
        let size = Millis(ChartSeries.bucketMinutes(for: .h24)) * Duration.minute
        #expect(days.allSatisfy { $0.start == first && $0.openInterest.count == Int((last - first) / size) + 1 })
        for k in [0, 7, 40, 80, days[0].openInterest.count - 1] {
            let end = min(s.clock, first + Millis(k + 1) * size - 1)
            let then = await store.snapshot(at: end).leverage["BTC"]
            for d in days {
                #expect(d.openInterest[k] == then?.oiByVenue.first { $0.venue == d.venue }?.usd, "\(d.venue) at bucket \(k)")
                // One instrument per venue on the demo day: its funding per 8 h is the venue's.
                let f = then?.funding.first { $0.venue == d.venue }
                #expect(d.funding8h[k] == f.map { Funding8h.mean(Funding8h.normalized($0.rate, intervalHours: $0.intervalHours), 1)! })
            }
        }
        // OI came off in the last hour (shorts forced out), on every venue.
        for d in days { #expect(d.openInterest.last!! < d.openInterest[d.openInterest.count - 5]!) }
    }
}
