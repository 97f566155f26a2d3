import Testing
@testable import LiqtopCore

/// `funding-extreme` and `oi-drop` on the demo day's leverage data, against the dashboard's own
/// figures (`Snapshot.leverage`) read at every minute's end and a plain armed/over state.
@Suite struct AlertLeverageTests {
    @Test func leverageRulesMatchTheSnapshotsFigures() async throws {
        let store = MarketStore()
        await store.ingest(DemoDay.events(), source: "demo")
        let from = DemoDay.day.start + 18 * Duration.hour - 1, to = DemoDay.day.start + 21 * Duration.hour - 1
        let funding = try AlertRule(parsing: "funding-extreme >= 0.01%"), oi = try AlertRule(parsing: "oi-drop >= 1% in 1h")
        await store.setAlertRules([funding, oi])
        await store.primeAlerts(at: from)
        let got = await store.advanceAlerts(to: to)

        var expected: [String] = []
        var overFunding: Set<String> = [], overOI: Set<String> = []
        var τ = from
        while τ <= to {
            let lev = await store.snapshot(at: τ).leverage
            var f: Set<String> = [], o: Set<String> = []
            for (coin, c) in lev.sorted(by: { $0.key < $1.key }) {
                for v in c.funding {
                    let rate8h = v.rate.scaled(to: 12) * 8 / Int128(v.intervalHours)
                    if rate8h.magnitude >= 100_000_000 { f.insert("\(coin) \(v.venue.rawValue)") }
                }
                if let ch = c.oiChange[.h1], ch.from > .zero, (ch.from - ch.to).micros * 100 >= ch.from.micros { o.insert(coin) }
            }
            if τ > from {
                expected += f.subtracting(overFunding).sorted().map { "\(τ) funding \($0)" }
                expected += o.subtracting(overOI).sorted().map { "\(τ) oi \($0)" }
            }
            (overFunding, overOI) = (f, o)
            τ += Duration.minute
        }
        let keys = got.map { a in "\(a.time) " + (a.kind == .oiDrop ? "oi \(a.coin!)" : "funding \(a.coin!) \(a.venue!.rawValue)") }
        #expect(!expected.isEmpty)
        #expect(keys.sorted() == expected.sorted())
        let drop = try #require(got.first { $0.kind == .oiDrop })
        #expect(drop.text.contains(" open interest -") && drop.text.contains("% in 1h ($"), "\(drop.text)")
        #expect(drop.usd! > .zero)
        let extreme = try #require(got.first { $0.kind == .fundingExtreme })
        #expect(extreme.text.contains(" funding +0.0") && extreme.text.hasSuffix("(longs pay)"), "\(extreme.text)")
    }
}
