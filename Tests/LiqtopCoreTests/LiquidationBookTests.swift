import Testing
@testable import LiqtopCore

/// The columnar book against a plain list: random orders arrive in random batches (some older
/// than what is stored, some with equal times), and every query must equal a naive scan.
@Suite struct LiquidationBookTests {
    static let coins = ["BTC", "ETH", "SOL", "DOGE"]
    static let base: Millis = 1_768_348_800_000

    static func randomOrder(_ rng: inout SeededRandom, around t: Millis) -> Liquidation {
        let coin = coins[rng.below(coins.count)]
        let venue = Venue.allCases[rng.below(3)]
        let instrument = venue == .okx ? "\(coin)-USDT-SWAP" : "\(coin)USDT"
        // A few huge orders so the largest/tape queries have something to find.
        let usd = rng.below(50) == 0 ? Int64(rng.below(5_000_000)) * 1_000_000 : Int64(rng.below(100_000_000)) + 1
        return Liquidation(time: t + Millis(rng.below(60_000)) - 30_000, venue: venue, instrument: instrument, coin: coin,
                           side: rng.below(2) == 0 ? .long : .short, price: FixedDecimal(Int64(rng.below(1000) + 1)),
                           quantity: FixedDecimal(Int64(rng.below(1000) + 1)), usd: USD(micros: usd))
    }

    /// Naive reference: a stable sort by time of everything inserted.
    static func reference(_ all: [Liquidation]) -> [Liquidation] {
        all.enumerated().sorted { $0.element.time < $1.element.time || ($0.element.time == $1.element.time && $0.offset < $1.offset) }
            .map(\.element)
    }

    static func naiveTotals(_ list: some Sequence<Liquidation>) -> SideTotals {
        list.reduce(SideTotals()) { t, o in
            t + (o.side == .long ? SideTotals(longUSD: o.usd, shortUSD: .zero, longCount: 1, shortCount: 0)
                                 : SideTotals(longUSD: .zero, shortUSD: o.usd, longCount: 0, shortCount: 1))
        }
    }

    // Async with a yield per round so this CPU-bound check leaves the cooperative pool to
    // the timer-driven tests running beside it.
    @Test(arguments: [true, false]) func queriesMatchANaiveScan(keepsDetail: Bool) async {
        var rng = SeededRandom(seed: keepsDetail ? 7 : 8)
        var book = LiquidationBook(keepsDetail: keepsDetail)
        var inserted: [Liquidation] = []
        var t = Self.base
        for round in 0 ..< 40 {
            await Task.yield()
            // Mostly forward in time; every fifth batch reaches back up to an hour.
            let back: Millis = round % 5 == 4 ? Millis(rng.below(3_600_000)) : 0
            let batch = (0 ..< 1 + rng.below(300)).map { _ in Self.randomOrder(&rng, around: t - back) }
            t += 120_000
            if round % 2 == 0 { book.insert(batch) } else {
                var columns = OrderColumns(keepsDetail: true)
                for l in batch { columns.append(l) }
                book.insert(columns)
            }
            inserted += batch
            let ref = Self.reference(inserted).map { o -> Liquidation in
                var o = o
                // Without detail, only notable orders keep their price (the tape's and summary's largest).
                if !keepsDetail { o.quantity = .zero; if o.usd < OrderColumns.notableUSD { o.price = .zero } }
                return o
            }
            #expect(book.count == ref.count)
            #expect((0 ..< book.count).map { book.orders.liquidation(at: $0) } == ref)
            for _ in 0 ..< 3 {
                let lo = Self.base - 3_600_000 + Millis(rng.below(Int(t - Self.base) + 3_600_000))
                let hi = lo + Millis(rng.below(4 * 3_600_000))
                let window = ref.filter { $0.time > lo && $0.time <= hi }
                #expect(book.totals(after: lo, through: hi) == Self.naiveTotals(window))
                for (key, totals) in book.streamTotals(after: lo, through: hi) {
                    #expect(totals == Self.naiveTotals(window.filter { $0.coin == key.coin && $0.venue == key.venue }))
                }
                let coin = Self.coins[rng.below(Self.coins.count)]
                let venue: Venue? = rng.below(2) == 0 ? nil : Venue.allCases[rng.below(3)]
                let mine = window.filter { $0.coin == coin && (venue == nil || $0.venue == venue) }
                let listed = book.orders(coin: coin, venue: venue, after: lo, through: hi, limit: 50)
                #expect(listed.total == mine.count)
                #expect(listed.newest == Array(mine.suffix(50).reversed()))
                let largest = book.largest(10, after: lo, through: hi)
                let expectedLargest = window.enumerated()
                    .sorted { $0.element.usd > $1.element.usd || ($0.element.usd == $1.element.usd && $0.offset < $1.offset) }
                    .prefix(10).map(\.element)
                #expect(largest == expectedLargest)
                let minimum = USD(dollars: 1_000_000)
                #expect(book.recent(8, minimum: minimum, after: lo, through: hi)
                        == Array(window.filter { $0.usd >= minimum }.suffix(8).reversed()))
                let width: Millis = 600_000
                let buckets = book.buckets(coin: nil, venue: nil, start: lo, width: width, count: 6, end: hi)
                for (i, b) in buckets.enumerated() {
                    let a = lo + Millis(i) * width, z = min(lo + Millis(i + 1) * width, hi)
                    #expect(b == Self.naiveTotals(ref.filter { $0.time > a && $0.time <= z }))
                }
            }
        }
        book.dropOrders(before: t - 3_600_000)
        let kept = Self.reference(inserted).filter { $0.time >= t - 3_600_000 }
        #expect(book.count == kept.count)
        #expect(book.totals(after: 0, through: .max) == Self.naiveTotals(kept))
    }

    @Test func anOrderThatWouldOverflowTheSumsIsRefusedAndCounted() {
        var book = LiquidationBook()
        let huge = Liquidation(time: Self.base, venue: .binance, instrument: "BTCUSDT", coin: "BTC", side: .short,
                               price: FixedDecimal(1), quantity: FixedDecimal(1), usd: USD(micros: .max / 2 + 1))
        var later = huge
        later.time += 1
        var small = huge
        small.time += 2; small.usd = USD(micros: 5); small.side = .long
        book.insert([huge, later, small])
        #expect(book.count == 2)
        #expect(book.overflowed == 1)
        #expect(book.totals(after: 0, through: .max) == SideTotals(longUSD: USD(micros: 5), shortUSD: huge.usd, longCount: 1, shortCount: 1))
    }
}
