import LiqtopCore
import Testing

/// The window's chart buckets against a naive oracle, and the figures `summary` prints for them.
@Suite struct ChartSeriesTests {
    /// Every minute of the series lands in the bucket `floor((t − start) / size)` when it lies in
    /// the window's buckets, and nowhere else; the peak is the largest total, the earliest of equals.
    @Test func bucketsAddUpTheMinutesOfTheWindow() {
        var rng = SeededRandom(seed: 11)
        for _ in 0 ..< 200 {
            let clock = 1_768_348_800_000 + Millis(rng.next() % UInt64(Duration.day))
            let lastMinute = clock - clock % Duration.minute
            var minutes = MinuteSeries(start: lastMinute - 1439 * Duration.minute, buckets: [])
            for _ in 0 ..< 1440 {
                let long = Int64(rng.next() % 4 == 0 ? rng.next() % 5_000_000_000 : 0)
                let short = Int64(rng.next() % 3 == 0 ? rng.next() % 5_000_000_000 : 0)
                minutes.buckets.append(SideTotals(longUSD: USD(micros: long), shortUSD: USD(micros: short),
                                                  longCount: long > 0 ? 1 : 0, shortCount: short > 0 ? 1 : 0))
            }
            for window in Window.allCases {
                let chart = ChartSeries(minutes, window: window, clock: clock)
                let size = Millis(chart.bucketMinutes) * Duration.minute
                #expect(chart.start % size == 0, "buckets start at round times")
                #expect(chart.start <= clock - window.duration + 1 && chart.start + size > clock - window.duration)
                #expect(chart.bucketStart(chart.buckets.count - 1) <= clock && chart.bucketStart(chart.buckets.count) > clock)
                var oracle = [SideTotals](repeating: SideTotals(), count: chart.buckets.count)
                for (k, m) in minutes.buckets.enumerated() {
                    let t = minutes.start + Millis(k) * Duration.minute
                    if t >= chart.start && t <= clock { oracle[Int((t - chart.start) / size)] = oracle[Int((t - chart.start) / size)] + m }
                }
                #expect(chart.buckets == oracle, "\(window)")
                let best = oracle.indices.filter { oracle[$0].count > 0 }.max { (oracle[$0].totalUSD, $1) < (oracle[$1].totalUSD, $0) }
                #expect(chart.peak?.index == best, "\(window)")
                #expect(chart.scale == oracle.map { max($0.longUSD, $0.shortUSD) }.max())
            }
        }
    }

    /// The reference day's peak minute: 23:17 UTC, $9.69M, all but $1,540 of it shorts.
    @Test func theDemoDayPeaksAt2317() async {
        let store = MarketStore()
        await store.ingest(DemoDay.events(), source: "demo")
        let s = await store.snapshot()
        let chart = ChartSeries(s.minutes, window: .h1, clock: s.clock)
        let peak = try! #require(chart.peak)
        #expect(ISOTime.clock(chart.bucketStart(peak.index), seconds: false) == "23:17")
        #expect(peak.totals.shortUSD.centsString == "9689867.80" && peak.totals.longUSD.centsString == "1540.00")
        #expect(peak.totals.totalUSD.compact(decimals: 2) == "$9.69M")
        #expect(SummaryTable.render(s).contains("  1h           1 min    23:17     $1.5k     $9.7M     $9.7M      61"))
        #expect(SummaryJSON.render(s).contains("\"chart\": {\"bucket_minutes\": 1, \"scale_usd\": 9689867.80, "))
        #expect(SummaryJSON.render(s).contains("\"peak_start\": \"2026-01-14T23:17:00.000Z\", \"peak\": {\"long_usd\": 1540.00, \"short_usd\": 9689867.80"))
    }

    @Test func timeInputForms() {
        let day = Day(containing: 1_768_348_800_000) // 2026-01-14
        let now = day.start + 23 * Duration.hour
        #expect(TimeInput.parse("21:00", day: day, now: now) == day.start + 21 * Duration.hour)
        #expect(TimeInput.parse("21:00:05", day: day, now: now) == day.start + 21 * Duration.hour + 5_000)
        #expect(TimeInput.parse("21:00:05.250", day: day, now: now) == day.start + 21 * Duration.hour + 5_250)
        #expect(TimeInput.parse("-2h", day: day, now: now) == now - 2 * Duration.hour)
        #expect(TimeInput.parse("+30m", day: day, now: now) == now + 30 * Duration.minute)
        #expect(TimeInput.parse(" -90s ", day: day, now: now) == now - 90_000)
        #expect(TimeInput.parse("2026-01-13 21:00", day: day, now: now) == day.start - 3 * Duration.hour)
        for bad in ["", "25:00", "21", "21:0", "-2", "-2x", "--2h", "+h", "-99999999999h", "2026-13-01"] {
            #expect(TimeInput.parse(bad, day: day, now: now) == nil, "\(bad)")
        }
    }
}
