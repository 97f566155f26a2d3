import LiqtopCore
import Testing

/// One rounding rule for every share on screen and in `summary`: half to even, never floored.
@Suite struct PercentTests {
    @Test(arguments: [
        (8278, 10_000, 1, "82.8%"), // the demo day's 24 h short share, floored to 82.7 % / 82 % before
        (8278, 10_000, 0, "83%"),
        (8275, 10_000, 1, "82.8%"), // a tie goes to the even digit
        (8285, 10_000, 1, "82.8%"),
        (1, 3, 1, "33.3%"),
        (2, 3, 1, "66.7%"),
        (1, 8, 1, "12.5%"), // exact, no rounding
        (1, 16, 1, "6.2%"), // 6.25 → even
        (3, 16, 1, "18.8%"), // 18.75 → even
        (5, 5, 1, "100.0%"),
        (0, 5, 1, "0.0%"),
        (7, 0, 1, "0.0%"), // nothing to share
        (1, 200_000, 1, "0.0%"),
        (1, 2_000, 2, "0.05%"),
    ] as [(Int64, Int64, Int, String)])
    func text(_ part: Int64, _ whole: Int64, _ decimals: Int, _ expected: String) {
        #expect(Percent.text(part, of: whole, decimals: decimals) == expected)
    }

    /// Against a naive oracle: the nearest of floor and floor + 1, by exact cross-multiplication.
    @Test func nearestAndTiesToEven() {
        var rng = SeededRandom(seed: 7)
        for _ in 0 ..< 20_000 {
            let whole = Int64(rng.next() % 1_000_000) + 1
            let part = Int64(rng.next() % UInt64(whole + 1))
            let q = Percent.rounded(part, of: whole, decimals: 1)
            // |part·1000 − q·whole| ≤ whole/2, and equal to it only when q is even.
            let distance = abs(part * 1000 - q * whole) * 2
            #expect(distance <= whole, "\(part)/\(whole) → \(q)")
            if distance == whole { #expect(q % 2 == 0, "\(part)/\(whole) → \(q)") }
        }
    }

    @Test func summaryPrintsTheRoundedShares() async {
        let store = MarketStore()
        await store.ingest(DemoDay.events(), source: "demo")
        let s = await store.snapshot()
        let table = SummaryTable.render(s)
        #expect(table.contains("82.8%"), "the 24 h short share 82.78 % rounds, not floors")
        #expect(table.contains("By venue 24h       long      short      total   share   orders"))
        let day = s.windows[.h24]!
        let shares = (s.byVenue[.h24] ?? []).map { Percent.rounded($0.totals.totalUSD.micros, of: day.totalUSD.micros) }
        #expect(abs(shares.reduce(0, +) - 1000) <= Int64(shares.count), "venue shares add up to 100 % within rounding")
        let json = SummaryJSON.render(s)
        for v in s.byVenue[.h24] ?? [] {
            #expect(json.contains("\"\(v.venue.rawValue)\": {\"long_usd\": \(v.totals.longUSD.centsString), "
                + "\"short_usd\": \(v.totals.shortUSD.centsString), \"count\": \(v.totals.count), \"total_usd\": \(v.totals.totalUSD.centsString), "
                + "\"short_percent\": \(v.totals.sharePercent(.short).dropLast()), \"share_percent\": \(v.totals.sharePercent(of: day).dropLast())}"))
        }
    }
}

/// The figures' one writer, used by the dashboard and `summary` alike.
@Suite struct FiguresTests {
    @Test func forms() {
        #expect(Figures.signedUSD(USD(dollars: 849_920_000)) == "+$849.92M")
        #expect(Figures.signedUSD(USD(dollars: -1_083_880_000)) == "-$1.08B")
        #expect(Figures.signedUSD(.zero) == "$0")
        #expect(Figures.signedCoins(FixedDecimal(8933)) == "+8,933")
        #expect(Figures.signedCoins(FixedDecimal(-54952)) == "-54,952")
        #expect(Figures.count(25885) == "25,885")
        let t: Millis = 1_768_432_662_318 // 2026-01-14T23:17:42.318Z
        #expect(Figures.dateTime(t) == "2026-01-14 23:17:42.318")
        #expect(Figures.dateTime(t - 318) == "2026-01-14 23:17:42")
        #expect(ISOTime.parse(Figures.dateTime(t)) == t, "the time shown reads back as the instant")
    }
}

/// The macro panel's rate path: the effective rate day by day over the last 90 days, in summary.
@Suite struct RatePathTests {
    @Test func lastNinetyDaysOfTheEffectiveRate() async {
        let store = MarketStore()
        let today = Day(containing: 1_768_348_800_000)
        func day(_ k: Int) -> Day { Day(index: today.index + Int32(k)) }
        var events: [Event] = []
        for k in 0 ..< 200 { events.append(.rate(RatePoint(day: day(k - 199), series: "DFF", value: FixedDecimal(Int64(400 - k / 50))))) }
        events.append(.rate(RatePoint(day: day(3), series: "DFF", value: FixedDecimal(1)))) // after the clock: not yet
        await store.ingest(events, source: "fred")
        await store.setClock(today.start + Duration.hour)
        let path = await store.snapshot().macro.ratePath
        #expect(path.count == MacroSummary.pathDays)
        #expect(path.first?.day == day(-89) && path.last?.day == today)
        #expect(path.map(\.day) == path.map(\.day).sorted())
        let json = SummaryJSON.render(await store.snapshot())
        #expect(json.contains("\"rate_path\": [{\"date\": \"\(day(-89).description)\", \"series\": \"DFF\", \"value\": \(path.first!.value)}"))
    }
}
