import Testing
@testable import LiqtopCore

/// Checks the demo day against the published figures with plain integer sums over the event
/// list, independent of the store.
@Suite struct DemoDayTests {
    static let events = DemoDay.events()

    static var liquidations: [Liquidation] {
        events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
    }
    static var history: [DailyLiquidationTotals] {
        events.compactMap { if case .dailyTotals(let d) = $0 { d } else { nil } }
    }
    static var flows: [EtfFlow] {
        events.compactMap { if case .etfFlow(let f) = $0 { f } else { nil } }
    }

    static func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    /// Sum of USD micros of the liquidations in `(from, to]`, optionally one side only.
    static func sum(_ liqs: [Liquidation], after from: Millis, upTo to: Millis, side: Side? = nil) -> Int64 {
        liqs.reduce(0) { acc, l in
            l.time > from && l.time <= to && (side == nil || l.side == side) ? acc + l.usd.micros : acc
        }
    }

    static func within(_ micros: Int64, _ targetDollars: Int64, permille: Int64 = 5) -> Bool {
        let target = targetDollars * 1_000_000
        return (micros - target).magnitude * 1000 <= UInt64(target) * UInt64(permille)
    }

    @Test func constants() {
        #expect(DemoDay.day.description == "2026-01-14")
        #expect(ISOTime.format(DemoDay.endTime) == "2026-01-14T23:59:59.999Z")
        #expect(DemoLiquidations.shortBudget.reduce(0, +) == 5_770)
        #expect(DemoLiquidations.shortBudget[23] == 1_020)
        #expect(DemoLiquidations.longBudget[23] == 20)
    }

    @Test func liquidationsAreManyVariedAndSelfConsistent() {
        let liqs = Self.liquidations
        #expect(liqs.count >= 20_000)
        #expect(Set(liqs.map(\.coin)).count >= 10)
        // The demo day plays the three venues it was written for, not every venue liqtop reads.
        #expect(Set(liqs.map(\.venue)) == [.binance, .bybit, .okx])
        #expect(liqs.allSatisfy { $0.time >= DemoDay.day.start && $0.time <= DemoDay.endTime })
        #expect(liqs.allSatisfy { USD.product($0.quantity, $0.price) == $0.usd })
        #expect(zip(liqs, liqs.dropFirst()).allSatisfy { $0.time <= $1.time })
        // Instrument names as each venue spells them; coin is the normalized base.
        let okx = Set(liqs.filter { $0.venue == .okx }.map(\.instrument))
        #expect(okx == ["BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP"])
        #expect(liqs.contains { $0.instrument == "1000PEPEUSDT" && $0.coin == "PEPE" && $0.venue == .bybit })
        #expect(liqs.contains { $0.instrument == "BTCUSDT" && $0.coin == "BTC" && $0.venue == .binance })
        #expect(liqs.allSatisfy { CoinNormalizer.coin(of: $0.instrument) == $0.coin })
    }

    @Test func headlineTotalsHold() {
        let liqs = Self.liquidations, end = DemoDay.endTime
        let dayShorts = Self.sum(liqs, after: end - Duration.day, upTo: end, side: .short)
        let dayLongs = Self.sum(liqs, after: end - Duration.day, upTo: end, side: .long)
        let hour = Self.sum(liqs, after: end - Duration.hour, upTo: end)
        let hourShorts = Self.sum(liqs, after: end - Duration.hour, upTo: end, side: .short)
        #expect(Self.within(dayShorts, 577_000_000))
        #expect(Self.within(hour, 104_000_000))
        #expect(Self.within(hourShorts, 102_000_000))
        // By construction the budgets are exact to well under $100.
        #expect((dayShorts - 577_000_000_000_000).magnitude < 100_000_000)
        #expect(dayLongs > 100_000_000_000_000 && dayLongs < 140_000_000_000_000)
    }

    @Test func shapeIsASqueeze() throws {
        let liqs = Self.liquidations
        let largest = try #require(liqs.max { $0.usd < $1.usd })
        #expect(largest.coin == "BTC" && largest.venue == .bybit && largest.side == .short)
        #expect(largest.usd > USD(dollars: 8_000_000))
        #expect(largest.time > DemoDay.endTime - Duration.hour)
        let hourly = (0 ..< 24).map { h in
            Self.sum(liqs, after: DemoDay.day.start + Millis(h) * Duration.hour - 1,
                     upTo: DemoDay.day.start + Millis(h + 1) * Duration.hour - 1, side: .short)
        }
        #expect(hourly.max() == hourly[23])
        #expect(hourly[13...].reduce(0, +) > 3 * hourly[..<13].reduce(0, +))
        // Prices rise through the day.
        func median(_ coin: String, hour: Int) -> FixedDecimal? {
            let p = liqs.filter { $0.coin == coin && Int(($0.time - DemoDay.day.start) / Duration.hour) == hour }
                .map(\.price).sorted()
            return p.isEmpty ? nil : p[p.count / 2]
        }
        let btcOpen = try #require(median("BTC", hour: 0)), btcClose = try #require(median("BTC", hour: 23))
        #expect(btcOpen > FixedDecimal(89_000) && btcOpen < FixedDecimal(93_000))
        #expect(btcClose > FixedDecimal(95_000) && btcClose < FixedDecimal(98_500))
        let ethClose = try #require(median("ETH", hour: 23)), solClose = try #require(median("SOL", hour: 23))
        #expect(ethClose > FixedDecimal(3_250) && ethClose < FixedDecimal(3_380))
        #expect(solClose > FixedDecimal(143) && solClose < FixedDecimal(148))
    }

    @Test func historyBacksHighestSince() throws {
        let history = Self.history
        let first = try Self.day("2025-09-01"), last = try Self.day("2026-01-13")
        #expect(history.map(\.day) == Array(first ... last))
        let crash = try #require(history.first { $0.day == (try? Self.day("2025-10-10")) })
        #expect(crash.longUSD == USD(dollars: 16_700_000_000) && crash.shortUSD == USD(dollars: 2_500_000_000))
        let after = try #require(history.first { $0.day == (try? Self.day("2025-10-11")) })
        #expect(after.shortUSD > USD(dollars: 577_000_000))
        let calmFrom = try Self.day("2025-10-12")
        let calm = history.filter { $0.day >= calmFrom }
        #expect(calm.count == 94)
        #expect(calm.allSatisfy { $0.shortUSD < USD(dollars: 577_000_000) && $0.longUSD.micros > 0 })
    }

    @Test func etfFlowsMatchPublishedDay() throws {
        let flows = Self.flows
        let day = DemoDay.day
        for (asset, usd, coins, price) in [(EtfAsset.BTC, Int64(849_920_000), Int64(8_933), "95144.97"),
                                           (.ETH, 181_510_000, 54_952, "3303.06"), (.SOL, 6_220_000, 42_888, "145.03")] {
            let rows = flows.filter { $0.day == day && $0.asset == asset }
            #expect(rows.reduce(USD.zero) { $0 + $1.netUSD } == USD(dollars: usd))
            let coinSum = rows.reduce(Int128(0)) { $0 + ($1.coins ?? .zero).scaled(to: 8) }
            #expect(coinSum == Int128(coins) * 100_000_000)
            #expect(rows.allSatisfy { $0.referencePrice?.description == price })
            #expect(rows.allSatisfy { $0.netUSD.micros % 10_000_000_000 == 0 })
            let days = Set(flows.filter { $0.asset == asset }.map(\.day))
            #expect(days.count >= 30)
            #expect(days.allSatisfy { !$0.isWeekend })
        }
        let ibit = try #require(flows.first { $0.day == day && $0.fund == "IBIT" })
        #expect(ibit.netUSD == USD(dollars: 648_600_000))
        #expect(Set(flows.filter { $0.asset == .BTC }.map(\.fund))
            == ["IBIT", "FBTC", "BITB", "ARKB", "BTCO", "EZBC", "BRRR", "HODL", "BTCW", "GBTC", "BTC"])
        #expect(Set(flows.filter { $0.asset == .ETH }.map(\.fund))
            == ["ETHA", "FETH", "ETHW", "TETH", "ETHV", "QETH", "EZET", "ETHE", "ETH"])
        #expect(Set(flows.filter { $0.asset == .SOL }.map(\.fund)) == ["BSOL", "VSOL", "FSOL", "TSOL", "GSOL"])
        for holiday in ["2025-11-27", "2025-12-25", "2026-01-01"] {
            let h = try Self.day(holiday)
            #expect(!flows.contains { $0.day == h })
        }
        // Farside precision before the published day; coins and prices on every row.
        let earlier = flows.filter { $0.day < day }
        #expect(earlier.allSatisfy { $0.netUSD.micros % 100_000_000_000 == 0 })
        #expect(flows.allSatisfy { $0.coins != nil && ($0.referencePrice?.isPositive ?? false) })
        // BTC came into the day on an inflow streak.
        for streak in ["2026-01-09", "2026-01-12", "2026-01-13"] {
            let d = try Self.day(streak)
            let total = flows.filter { $0.day == d && $0.asset == .BTC }.reduce(USD.zero) { $0 + $1.netUSD }
            #expect(total > .zero)
        }
    }

    @Test func macroBackdrop() throws {
        let events = Self.events
        let notes = events.compactMap { if case .note(let n) = $0 { n } else { nil } }
        let paulson = try #require(notes.first { $0.source == "Philadelphia Fed" })
        #expect(Day(containing: paulson.time) == DemoDay.day)
        #expect(paulson.time >= DemoDay.day.start + 13 * Duration.hour + 30 * Duration.minute)
        #expect(paulson.time <= DemoDay.day.start + 21 * Duration.hour)
        #expect(paulson.text.contains("Anna Paulson") && paulson.text.contains("rate cuts"))
        #expect(notes.count >= 3)
        let rates = events.compactMap { if case .rate(let r) = $0 { r } else { nil } }
        func rate(_ series: String, _ day: String) throws -> String? {
            let d = try Self.day(day)
            return rates.first { $0.series == series && $0.day == d }?.value.description
        }
        #expect(try rate("DFF", "2026-01-13") == "3.64")
        #expect(try rate("DFEDTARU", "2026-01-13") == "3.75")
        #expect(try rate("DFEDTARL", "2025-12-11") == "3.5")
        #expect(try rate("DFF", "2025-12-10") == "3.89")
        #expect(try rate("DFEDTARU", "2025-12-10") == "4")
        #expect(try rate("DFF", "2026-01-10") == nil) // a Saturday
        let odds = events.compactMap { if case .cutOdds(let c) = $0 { c } else { nil } }
        for meeting in ["2026-01-28", "2026-03-18"] {
            let m = try Self.day(meeting)
            let total = odds.filter { $0.meeting == m }.reduce(Int128(0)) { $0 + $1.probabilityPercent.scaled(to: 1) }
            #expect(total == 1_000)
        }
        let jan = try Self.day("2026-01-28")
        #expect(odds.first { $0.meeting == jan && $0.targetRange == "3.50-3.75" }?.probabilityPercent.description == "95")
    }

    @Test func deterministic() {
        #expect(DemoDay.events() == DemoDay.events())
    }

    @Test func everyEventSurvivesNativeRoundTrip() {
        let events = Self.events
        let text = events.map(NativeFormat.encode).joined(separator: "\n")
        let out = InputDecoder.decodeAll(text, source: "demo", context: DecodeContext(now: DemoDay.endTime))
        #expect(out.rejections.isEmpty, "\(out.rejections.prefix(3))")
        #expect(out.events.count == events.count)
        #expect(out.events == events)
    }
}
