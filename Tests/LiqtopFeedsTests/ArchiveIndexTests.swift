import Foundation
import Testing
@testable import LiqtopCore
@testable import LiqtopFeeds

/// The archive index (issue 16, item 1) against a naive oracle: every figure a digest holds,
/// computed again with plain loops over the orders the test wrote, for random archives; a day
/// file appended to after indexing is read again and its new orders counted once.
@Suite struct ArchiveIndexTests {
    static let context = DecodeContext(now: ISOTime.parse("2026-06-01T00:00:00Z")!)
    static let coins: [(String, String)] = [("BTC", "BTCUSDT"), ("ETH", "ETHUSDT"), ("SOL", "SOLUSDT"), ("PEPE", "1000PEPEUSDT")]

    /// Random orders on days from 2026-01-10, some files spanning midnight.
    static func orders(_ rng: inout SeededRandom, count: Int, day: Int) -> [Liquidation] {
        let start = Day(index: Day(iso: "2026-01-10")!.index + Int32(day)).start
        return (0 ..< count).map { _ in
            let (coin, symbol) = coins[Int(rng.below(Int64(coins.count)))]
            let venue: Venue = rng.below(2) == 0 ? .binance : .bybit
            // Some orders past midnight: a day file holds the next day's first minutes too.
            let time = start + rng.below(Duration.day + 10 * Duration.minute)
            let price = FixedDecimal(mantissa: rng.int(1_000 ... 9_000_000), scale: 2)!
            let qty = FixedDecimal(mantissa: rng.int(1 ... 50_000), scale: 3)!
            return Liquidation(time: time, venue: venue, instrument: symbol, coin: coin, side: rng.below(3) == 0 ? .long : .short,
                               price: price, quantity: qty, usd: USD.product(qty, price)!)
        }
    }

    static func write(_ orders: [Liquidation], extra: [Event] = [], to path: String, append: Bool = false) throws {
        let text = (orders.map(Event.liquidation) + extra).map { NativeFormat.encode($0) + "\n" }.joined()
        if append, let h = FileHandle(forWritingAtPath: path) {
            h.seekToEndOfFile(); h.write(Data(text.utf8)); try h.close()
        } else {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// The oracle: per day, coin × venue × side totals, minute sums and the ten largest, by loops.
    static func check(_ digests: DayDigests, against orders: [Liquidation]) {
        let byDay = Dictionary(grouping: orders) { Day(containing: $0.time) }
        #expect(Set(digests.days) == Set(byDay.keys))
        for (day, list) in byDay {
            guard let d = digests[day] else { Issue.record("no digest for \(day)"); continue }
            var totals: [String: (Int, Int64)] = [:]
            var minutes = [Int64](repeating: 0, count: 2 * 1_440)
            for l in list {
                let key = "\(l.coin) \(l.venue) \(l.side)"
                totals[key, default: (0, 0)].0 += 1
                totals[key, default: (0, 0)].1 += l.usd.micros
                minutes[Int((l.time - day.start) / 60_000) * 2 + (l.side == .long ? 0 : 1)] += l.usd.micros
            }
            let got = Dictionary(uniqueKeysWithValues: d.totals.map { ("\($0.key.coin) \($0.key.venue) \($0.key.side)", ($0.value.count, $0.value.usd.micros)) })
            #expect(got.mapValues { "\($0.0) \($0.1)" } == totals.mapValues { "\($0.0) \($0.1)" }, "\(day)")
            #expect((0 ..< 1_440).allSatisfy { d.minuteLong[$0].micros == minutes[$0 * 2] && d.minuteShort[$0].micros == minutes[$0 * 2 + 1] }, "\(day)")
            let top = list.sorted { a, b in
                a.usd != b.usd ? a.usd > b.usd : a.time != b.time ? a.time < b.time
                    : (a.venue.rawValue, a.instrument, a.side.rawValue) < (b.venue.rawValue, b.instrument, b.side.rawValue)
            }.prefix(10)
            #expect(d.largest == Array(top), "\(day)")
        }
    }

    static func archive() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [1, 2, 3]) func indexEqualsAFullRescan(seed: UInt64) throws {
        let dir = try Self.archive()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededRandom(seed: seed)
        var all: [Liquidation] = []
        for day in 0 ..< 4 {
            let orders = Self.orders(&rng, count: Int(rng.int(50 ... 400)), day: day)
            all += orders
            try Self.write(orders, to: dir.appendingPathComponent("liqtop-2026-01-1\(day).ndjson").path)
        }
        let inputs = try ArchiveDirectory.expand([dir.path])
        let first = try ArchiveIndex.digests(of: inputs, context: Self.context)
        #expect(first.rebuilt.count == 4 && first.reused.isEmpty && first.unsaved.isEmpty)
        Self.check(first.digests, against: all)
        // The second time every file is served from the index, with the same figures and counts.
        let second = try ArchiveIndex.digests(of: inputs, context: Self.context)
        #expect(second.reused.count == 4 && second.rebuilt.isEmpty)
        #expect(second.digests == first.digests)
        #expect(second.stats.sources == first.stats.sources)
        Self.check(second.digests, against: all)
    }

    @Test func aFileAppendedToIsReadAgainAndItsNewOrdersCountOnce() throws {
        let dir = try Self.archive()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededRandom(seed: 16)
        let older = Self.orders(&rng, count: 300, day: 0)
        var today = Self.orders(&rng, count: 200, day: 1)
        try Self.write(older, to: dir.appendingPathComponent("liqtop-2026-01-10.ndjson").path)
        let growing = dir.appendingPathComponent("liqtop-2026-01-11.ndjson").path
        try Self.write(today, to: growing)
        let inputs = try ArchiveDirectory.expand([dir.path])
        _ = try ArchiveIndex.digests(of: inputs, context: Self.context)

        let more = Self.orders(&rng, count: 150, day: 1)
        try Self.write(more, to: growing, append: true)
        today += more
        let after = try ArchiveIndex.digests(of: inputs, context: Self.context)
        #expect(after.rebuilt == [growing])
        #expect(after.reused == [dir.appendingPathComponent("liqtop-2026-01-10.ndjson").path])
        Self.check(after.digests, against: older + today)
        #expect(after.stats.events == older.count + today.count)
        // And again: now current, nothing is read.
        let again = try ArchiveIndex.digests(of: inputs, context: Self.context)
        #expect(again.rebuilt.isEmpty)
        Self.check(again.digests, against: older + today)
    }

    @Test func tablesRatesNotesAndRejectionsSurviveTheIndex() throws {
        let dir = try Self.archive()
        defer { try? FileManager.default.removeItem(at: dir) }
        let day = Day(iso: "2026-01-14")!
        let extra: [Event] = [
            .etfFlow(EtfFlow(day: day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 648_900_000))),
            .rate(RatePoint(day: day, series: "DFF", value: FixedDecimal(mantissa: 364, scale: 2)!)),
            .note(MacroNote(time: day.start + 17 * Duration.hour, source: "Philadelphia Fed", text: "rate cuts \"later\" this year")),
            .dailyTotals(DailyLiquidationTotals(day: day.advanced(by: -1), longUSD: USD(dollars: 138_400_000), shortUSD: USD(dollars: 483_100_000))),
        ]
        let path = dir.appendingPathComponent("mixed.ndjson").path
        try Self.write([], extra: extra, to: path)
        try "{\"type\":\"liquidation\",\"broken\n".write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
        let bad = try String(contentsOfFile: path + ".tmp", encoding: .utf8)
        try (String(contentsOfFile: path, encoding: .utf8) + bad).write(toFile: path, atomically: false, encoding: .utf8)
        let inputs = [ArchiveDirectory.Input(path: path, named: true)]
        let built = try ArchiveIndex.digests(of: inputs, context: Self.context)
        let reused = try ArchiveIndex.digests(of: inputs, context: Self.context)
        #expect(reused.reused == [path])
        #expect(reused.digests == built.digests)
        #expect(reused.stats.rejected == 1 && built.stats.rejected == 1)
        #expect(reused.digests[day]?.etf.first?.netUSD == USD(dollars: 648_900_000))
        #expect(reused.digests[day]?.notes.first?.text == "rate cuts \"later\" this year")
        #expect(reused.digests[day.advanced(by: -1)]?.usd(.short) == USD(dollars: 483_100_000))
    }

    @Test func anIndexThatDoesNotReadBackIsRebuilt() throws {
        let dir = try Self.archive()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededRandom(seed: 7)
        let orders = Self.orders(&rng, count: 100, day: 2)
        let path = dir.appendingPathComponent("liqtop-2026-01-12.ndjson").path
        try Self.write(orders, to: path)
        let inputs = [ArchiveDirectory.Input(path: path, named: true)]
        _ = try ArchiveIndex.digests(of: inputs, context: Self.context)
        let index = ArchiveIndex.indexPath(of: path)
        var text = try String(contentsOfFile: index, encoding: .utf8)
        text = text.replacingOccurrences(of: "\ntotal ", with: "\ntotal x")
        try text.write(toFile: index, atomically: false, encoding: .utf8)
        let after = try ArchiveIndex.digests(of: inputs, context: Self.context)
        #expect(after.rebuilt == [path])
        Self.check(after.digests, against: orders)
    }
}
