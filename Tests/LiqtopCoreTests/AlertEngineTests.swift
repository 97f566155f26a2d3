import Testing
@testable import LiqtopCore

@Suite struct AlertEngineTests {
    let orders = AlertDay.orders()
    var start: Millis { AlertDay.day.start - 1 }
    var end: Millis { AlertDay.day.start + Duration.day - 1 }

    func keys(_ alerts: [Alert]) -> [AlertKey] { alerts.map(AlertKey.init) }

    @Test func orderRulesFireOncePerQualifyingOrder() async throws {
        let rules = ["order >= 1M", "order >= 500k coin BTC", "order >= 250k venue okx side long", "order >= 1M coin ETH venue bybit side short"]
        let store = try await MarketStore.withAlerts(orders, rules, primedAt: start)
        let alerts = await store.advanceAlerts(to: end)
        #expect(alerts.map(\.time) == alerts.map(\.time).sorted())
        for text in rules {
            let r = try AlertRule(parsing: text)
            let expected = orders.filter { r.matches(coin: $0.coin, venue: $0.venue, side: $0.side) && $0.usd >= r.minimum }
            let got = alerts.filter { $0.rule == text }
            #expect(!expected.isEmpty)
            #expect(got.map(AlertKey.init).sorted() == expected.map(AlertKey.init).sorted(), "\(text)")
        }
        #expect(orders.contains { $0.usd >= USD(dollars: 1_000_000) && $0.usd < USD(dollars: 1_000_001) })
    }

    @Test func thresholdIsInclusiveAndExact() async throws {
        let t = AlertDay.day.start + Duration.hour
        func o(_ micros: Int64, _ dt: Millis) -> Liquidation {
            Liquidation(time: t + dt, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", side: .short, price: FixedDecimal(97_350),
                        quantity: FixedDecimal(1), usd: USD(micros: micros))
        }
        let store = try await MarketStore.withAlerts([o(999_999_999_999, 0), o(1_000_000_000_000, 1), o(8_419_993_500_000, 2)],
                                                     ["order >= 1M"], primedAt: t - 1)
        let alerts = await store.advanceAlerts(to: t + 10)
        #expect(alerts.map(\.time) == [t + 1, t + 2])
        #expect(alerts.last?.text == "BTC short $8.42M on Bybit at 97,350")
        #expect(alerts.last?.json.contains(#""usd":8419993.5,"#) == true)
    }

    @Test func cascadeFiresAtTheFirstCrossingAndRearmsBelow() async throws {
        for text in ["cascade >= 2M in 60s", "cascade >= 1M in 10s coin BTC", "cascade >= 3M in 5m", "cascade >= 500k in 30s venue okx side short"] {
            let rule = try AlertRule(parsing: text)
            let oracle = AlertDay.cascadeOracle(orders, rule, from: start, to: end)
            #expect(oracle.count >= 3, "\(text): \(oracle.count)")
            let store = try await MarketStore.withAlerts(orders, [text], primedAt: start)
            let got = await store.advanceAlerts(to: end)
            #expect(keys(got).map { [$0.time, $0.micros] } == keys(oracle).map { [$0.time, $0.micros] }, "\(text)")
            #expect(got.map(\.side) == oracle.map(\.side))
            // Evaluated in small steps (a replay's frames) it is the same alerts.
            let stepped = try await MarketStore.withAlerts(orders, [text], primedAt: start)
            var rng = SeededRandom(seed: 7)
            var t = start, steps: [Alert] = []
            while t < end {
                t = min(end, t + rng.int(1 ... 20 * Duration.minute))
                steps += await stepped.advanceAlerts(to: t)
            }
            #expect(steps == got, "\(text)")
        }
        let a = try await MarketStore.withAlerts(orders, ["cascade >= 2M in 60s"], primedAt: start).advanceAlerts(to: end).first
        #expect(a?.text.hasPrefix("cascade: $") == true && a?.text.contains("s liquidated in 60s") == true, "\(a?.text ?? "")")
    }

    /// The sliding sum at every single millisecond of two hours (a difference array: +usd at an
    /// order's time, −usd at time + I), and the armed/fired state stepped through each one.
    @Test func cascadeMatchesAMillisecondByMillisecondSum() async throws {
        let from = AlertDay.day.start + 6 * Duration.hour, to = from + 2 * Duration.hour
        var rng = SeededRandom(seed: 3)
        var burst: [Liquidation] = []
        var t = from + 1
        while t < to - Duration.minute {
            t += rng.chance(10) ? 0 : rng.int(1 ... 4_000)
            burst.append(Liquidation(time: t, venue: .okx, instrument: "BTC-USDT-SWAP", coin: "BTC", side: rng.chance(70) ? .short : .long,
                                     price: FixedDecimal(1), quantity: FixedDecimal(1), usd: USD(micros: rng.int(1 ... 400_000) * USD.microsPerDollar)))
        }
        for text in ["cascade >= 2M in 60s", "cascade >= 500k in 5s side long"] {
            let rule = try AlertRule(parsing: text)
            let n = Int(to - from) + 1
            var delta = [[Int64]](repeating: [Int64](repeating: 0, count: n + 1), count: 2)
            for o in burst where rule.matches(coin: o.coin, venue: o.venue, side: o.side) {
                let s = o.side == .short ? 1 : 0
                delta[s][Int(o.time - from)] += o.usd.micros
                if o.time + rule.interval <= to { delta[s][Int(o.time + rule.interval - from)] -= o.usd.micros }
            }
            var expected: [(Millis, Int64)] = []
            for s in 0 ..< 2 {
                var sum: Int64 = 0, armed = true
                for k in 0 ..< n {
                    sum += delta[s][k]
                    if sum < rule.minimum.micros { armed = true } else if armed && k > 0 { armed = false; expected.append((from + Millis(k), sum)) }
                }
            }
            expected.sort { $0.0 < $1.0 }
            let store = try await MarketStore.withAlerts(burst, [text], primedAt: from)
            let got = await store.advanceAlerts(to: to)
            #expect(expected.count >= 5, "\(text)")
            #expect(got.map(\.time) == expected.map(\.0), "\(text)")
            #expect(got.map { $0.usd!.micros } == expected.map(\.1), "\(text)")
        }
    }

    @Test func seeksBackPrimeSilentlyAndForwardJumpsEvaluateWhatTheySkipped() async throws {
        let rules = ["order >= 1M", "cascade >= 2M in 60s"]
        let store = try await MarketStore.withAlerts(orders, rules, primedAt: start)
        let noon = AlertDay.day.start + 12 * Duration.hour, six = AlertDay.day.start + 6 * Duration.hour
        let first = await store.advanceAlerts(to: noon)
        #expect(!first.isEmpty && first.allSatisfy { $0.time <= noon })
        #expect(await store.advanceAlerts(to: six).isEmpty) // backwards: primed, nothing for the past
        #expect(await store.advanceAlerts(to: six).isEmpty)
        let again = await store.advanceAlerts(to: end)     // one jump over 18 hours
        let big = orders.filter { $0.time > six && $0.usd >= USD(dollars: 1_000_000) }
        #expect(keys(again.filter { $0.kind == .order }).sorted() == big.map(AlertKey.init).sorted())
        let cascade = AlertDay.cascadeOracle(orders, try AlertRule(parsing: "cascade >= 2M in 60s"), from: six, to: end)
        #expect(keys(again.filter { $0.kind == .cascade }) == keys(cascade))
        // An unprimed engine primes at its first time.
        let fresh = MarketStore()
        await fresh.ingest(orders.map(Event.liquidation), source: "t")
        await fresh.setAlertRules([try AlertRule(parsing: "order >= 1M")])
        #expect(await fresh.advanceAlerts(to: noon).isEmpty)
        #expect(keys(await fresh.advanceAlerts(to: end)).sorted() == orders.filter { $0.time > noon && $0.usd >= USD(dollars: 1_000_000) }.map(AlertKey.init).sorted())
    }

    /// Live: orders arrive after their own time (Bybit 3 s behind, OKX up to 9 s, out of order)
    /// while the engine evaluates every second of wall time: each order is evaluated once.
    @Test func lateOrdersAreEvaluatedExactlyOnce() async throws {
        var rng = SeededRandom(seed: 99)
        let arrivals = orders.map { o -> (Millis, Liquidation) in
            let lag: Millis = switch o.venue { case .bybit: 3_000; case .okx: rng.int(0 ... 9_000); default: rng.int(0 ... 300) }
            return (o.time + lag, o)
        }.sorted { $0.0 < $1.0 }
        let store = MarketStore()
        await store.setAlertRules(try ["order >= 1M", "order >= 250k venue okx", "cascade >= 2M in 60s"].map { try AlertRule(parsing: $0) })
        await store.primeAlerts(at: start)
        var got: [Alert] = [], i = 0
        var tick = AlertDay.day.start
        while tick < end + 10_000 {
            var batch: [Event] = []
            while i < arrivals.count, arrivals[i].0 <= tick { batch.append(.liquidation(arrivals[i].1)); i += 1 }
            if !batch.isEmpty { await store.ingest(batch, source: "live") }
            got += await store.advanceAlerts(to: tick)
            tick += Duration.second
        }
        #expect(i == arrivals.count)
        for text in ["order >= 1M", "order >= 250k venue okx"] {
            let r = try AlertRule(parsing: text)
            let expected = orders.filter { r.matches(coin: $0.coin, venue: $0.venue, side: $0.side) && $0.usd >= r.minimum }
            #expect(keys(got.filter { $0.rule == text }).sorted() == expected.map(AlertKey.init).sorted(), "\(text)")
        }
        let late = orders.filter { $0.venue == .okx || $0.venue == .bybit }.count
        #expect(late > 1_000)
        // A cascade still fires for each burst, never with a sum below its threshold.
        let cascades = got.filter { $0.kind == .cascade }
        #expect(cascades.count >= AlertDay.cascadeOracle(orders, try AlertRule(parsing: "cascade >= 2M in 60s"), from: start, to: end).count / 2)
        #expect(cascades.allSatisfy { $0.usd! >= USD(dollars: 2_000_000) })
    }

    @Test func demoDayOrdersIncludeTheWhale() async throws {
        let store = MarketStore()
        await store.ingest(DemoDay.events(), source: "demo")
        await store.setAlertRules([try AlertRule(parsing: "order >= 1M")])
        await store.primeAlerts(at: DemoDay.day.start - 1)
        let alerts = await store.advanceAlerts(to: DemoDay.endTime)
        let whale = alerts.first { $0.time == DemoDay.day.start + 23 * Duration.hour + 17 * Duration.minute + 42_318 }
        #expect(whale?.coin == "BTC" && whale?.venue == .bybit && whale?.side == .short)
        #expect(whale?.text.hasPrefix("BTC short $8.42M on Bybit at ") == true, "\(whale?.text ?? "")")
        #expect(whale?.json.hasPrefix(#"{"time":"2026-01-14T23:17:42.318Z","rule":"order >= 1M","side":"short","coin":"BTC","venue":"bybit","usd":84"#) == true)
    }

    @Test func etfFlipsOnTheDemoHistory() async throws {
        let events = DemoDay.events()
        var totals: [EtfAsset: [Day: Int64]] = [:]
        for case .etfFlow(let f) in events { totals[f.asset, default: [:]][f.day, default: 0] += f.netUSD.micros }
        var expected: [AlertKey] = []
        for (asset, byDay) in totals {
            let days = byDay.keys.sorted()
            for (a, b) in zip(days, days.dropFirst()) where byDay[a]!.signum() * byDay[b]!.signum() < 0 {
                expected.append(AlertKey(Alert(time: b.start, rule: "", kind: .etfFlip, coin: asset.rawValue, usd: USD(micros: byDay[b]!), text: "")))
            }
        }
        #expect(expected.count >= 10)
        let store = MarketStore()
        await store.ingest(events, source: "demo")
        await store.setAlertRules([try AlertRule(parsing: "etf-flip"), try AlertRule(parsing: "etf-flip asset BTC")])
        await store.primeAlerts(at: Day(year: 2025, month: 1, day: 1)!.start)
        let alerts = await store.advanceAlerts(to: DemoDay.endTime)
        #expect(keys(alerts.filter { $0.rule == "etf-flip" }).sorted() == expected.sorted())
        #expect(keys(alerts.filter { $0.rule == "etf-flip asset BTC" }).sorted() == expected.filter { $0.coin == "BTC" }.sorted())
        let flip = try #require(alerts.first)
        #expect(flip.text.contains(" spot ETFs flipped to net "), "\(flip.text)")

        // A day's rows saved after the day began (a table re-read in the evening): alerted once.
        let late = MarketStore()
        await late.ingest(events.filter { if case .etfFlow(let f) = $0 { f.day < DemoDay.day } else { true } }, source: "demo")
        await late.setAlertRules([try AlertRule(parsing: "etf-flip")])
        await late.primeAlerts(at: DemoDay.day.start + 20 * Duration.hour)
        #expect(await late.advanceAlerts(to: DemoDay.day.start + 21 * Duration.hour).isEmpty)
        let today = events.filter { if case .etfFlow(let f) = $0 { f.day == DemoDay.day } else { false } }
        await late.ingest(today, source: "farside")
        let first = await late.advanceAlerts(to: DemoDay.day.start + 22 * Duration.hour)
        await late.ingest(today, source: "farside") // saved again, same rows
        let second = await late.advanceAlerts(to: DemoDay.day.start + 23 * Duration.hour)
        #expect(keys(first).sorted() == expected.filter { $0.time == DemoDay.day.start }.sorted())
        #expect(second.isEmpty)
    }

    @Test func highestSinceOnTheDemoDay() async throws {
        let events = DemoDay.events()
        var orders: [Liquidation] = [], history: [DailyLiquidationTotals] = []
        for e in events {
            if case .liquidation(let l) = e { orders.append(l) }
            if case .dailyTotals(let d) = e { history.append(d) }
        }
        orders.sort { $0.time < $1.time }
        let store = MarketStore()
        await store.ingest(events, source: "demo")
        for text in ["highest-since 24h", "highest-since 1h side short"] {
            let rule = try AlertRule(parsing: text)
            await store.setAlertRules([rule])
            await store.primeAlerts(at: DemoDay.day.start - 1)
            let got = await store.advanceAlerts(to: DemoDay.endTime)
            let oracle = AlertDay.highestSinceOracle(orders, rule, history: history, from: DemoDay.day.start - 1, to: DemoDay.endTime)
            #expect(keys(got) == keys(oracle), "\(text)")
            #expect(got.map { String($0.text.suffix(10)) } == oracle.map(\.text), "\(text)")
            if text == "highest-since 24h" {
                // The day's shorts end as the most since 2025-10-11, as the dashboard says.
                #expect(got.last?.side == .short && got.last?.text.hasSuffix("highest since 2025-10-11") == true, "\(got.map(\.text))")
            }
        }
    }
}
