import Testing
@testable import LiqtopCore

/// Liquidations by price against a naive scan: each band's totals are the orders whose price
/// lies in [low, next band's low), whatever the step; coarsening for the screen (`merged`) is
/// the same as asking `summary --step` for the step it chose.
@Suite struct PriceBandsTests {
    static func randomOrders(_ rng: inout SeededRandom, _ n: Int) -> [(price: FixedDecimal, short: Bool, usd: USD)] {
        (0 ..< n).map { _ in
            // 88,000 to 98,000 with up to 2 decimals, and a few far away (a thin book's wick).
            let cents = rng.below(40) == 0 ? Int64(rng.below(1_000_000_000)) + 1 : 8_800_000 + Int64(rng.below(1_000_000))
            return (FixedDecimal(mantissa: cents, scale: 2)!, rng.below(3) != 0, USD(micros: Int64(rng.below(5_000_000_000)) + 1))
        }
    }

    static func naive(_ orders: [(price: FixedDecimal, short: Bool, usd: USD)], _ bands: PriceBands) -> [SideTotals] {
        bands.bands.indices.map { k in
            orders.filter { o in
                o.price >= bands.bands[k].low && (k == 0 || o.price < bands.bands[k - 1].low)
            }.reduce(SideTotals()) { t, o in
                t + (o.short ? SideTotals(longUSD: .zero, shortUSD: o.usd, longCount: 0, shortCount: 1)
                             : SideTotals(longUSD: o.usd, shortUSD: .zero, longCount: 1, shortCount: 0))
            }
        }
    }

    static func isOneTwoFive(_ step: FixedDecimal) -> Bool {
        var text = step.description.replacingOccurrences(of: ".", with: "")
        while text.hasPrefix("0") { text.removeFirst() }
        while text.hasSuffix("0") { text.removeLast() }
        return ["1", "2", "5"].contains(text)
    }

    @Test func bandsMatchANaiveScanAtEveryStep() {
        var rng = SeededRandom(seed: 11)
        for round in 0 ..< 40 {
            let orders = Self.randomOrders(&rng, 1 + rng.below(400))
            let fine = PriceBands.make(coin: "BTC", window: .h24, orders: orders)
            #expect(fine.bands.count <= PriceBands.maxRows)
            for rows in [3, 8, 17, 40] {
                let shown = fine.merged(maxBands: rows)
                #expect(shown.bands.count <= rows, "round \(round): \(shown.bands.count) bands for \(rows) rows")
                #expect(Self.isOneTwoFive(shown.step), "\(shown.step)")
                #expect(shown.bands.map(\.totals) == Self.naive(orders, shown), "round \(round), \(rows) rows at \(shown.step)")
                #expect(shown.totals == fine.totals)
                // What the screen shows at its step is what `summary --by-price --step` prints.
                #expect(PriceBands.make(coin: "BTC", window: .h24, orders: orders, step: shown.step) == shown)
                // Every band, empty ones too, one step apart, highest first.
                for (a, b) in zip(shown.bands, shown.bands.dropFirst()) {
                    #expect(a.low.scaled(to: 8) - b.low.scaled(to: 8) == shown.step.scaled(to: 8))
                }
            }
        }
    }

    @Test func aStepTooFineForTheRangeFallsBackToOneThatFits() {
        var rng = SeededRandom(seed: 12)
        let orders = Self.randomOrders(&rng, 200)
        let b = PriceBands.make(coin: "BTC", window: .h1, orders: orders, step: FixedDecimal(mantissa: 1, scale: 2)!)
        #expect(b.bands.count <= PriceBands.maxRows && b.bands.count > 1)
        #expect(b.totals.count == 200)
    }

    @Test func ordersWithoutAPriceAreCountedApart() {
        let b = PriceBands.make(coin: "BTC", window: .h1, orders: [(.zero, true, USD(dollars: 5)), (FixedDecimal(100), false, USD(dollars: 7))])
        #expect(b.unpriced == 1 && b.bands.count == 1 && b.totals.longUSD == USD(dollars: 7))
        #expect(PriceBands.make(coin: "BTC", window: .h1, orders: []).bands.isEmpty)
    }

    @Test func multipliedContractsArePricedPerCoin() {
        #expect(CoinNormalizer.multiplierZeros(instrument: "1000PEPEUSDT", coin: "PEPE") == 3)
        #expect(CoinNormalizer.multiplierZeros(instrument: "SHIB1000USDT", coin: "SHIB") == 3)
        #expect(CoinNormalizer.multiplierZeros(instrument: "1MBABYDOGEUSDT", coin: "BABYDOGE") == 6)
        #expect(CoinNormalizer.multiplierZeros(instrument: "1000000MOGUSDT", coin: "MOG") == 6)
        #expect(CoinNormalizer.multiplierZeros(instrument: "PEPE-USDT-SWAP", coin: "PEPE") == 0)
        #expect(CoinNormalizer.multiplierZeros(instrument: "1INCHUSDT", coin: "1INCH") == 0)
        #expect(CoinNormalizer.multiplierZeros(instrument: "BTCUSDT", coin: "BTC") == 0)
        #expect(CoinNormalizer.multiplierZeros(instrument: "BTC-USD-250328", coin: "BTC") == 0)
    }

    @Test func theStoreBandsEveryVenueOfTheCoinOnOneAxis() async {
        let store = MarketStore()
        let t: Millis = 1_768_435_000_000
        func order(_ venue: Venue, _ instrument: String, _ price: String, _ side: Side, _ usd: Int64, at dt: Millis = 0) -> Liquidation {
            Liquidation(time: t + dt, venue: venue, instrument: instrument, coin: "PEPE", side: side,
                        price: try! FixedDecimal.parse(price), quantity: FixedDecimal(1), usd: USD(dollars: usd))
        }
        await store.ingest([
            .liquidation(order(.binance, "1000PEPEUSDT", "0.01234", .short, 100)), // 0.00001234 a PEPE
            .liquidation(order(.okx, "PEPE-USDT-SWAP", "0.00001238", .long, 40)),
            .liquidation(order(.bybit, "PEPEUSDT", "0.00001231", .short, 5, at: -2 * Duration.hour)), // outside 1h
        ], source: "test")
        let b = await store.priceBands(coin: "PEPE", window: .h1, at: t, step: FixedDecimal(mantissa: 1, scale: 7)!)
        #expect(b.bands.map(\.low.description) == ["0.0000123"])
        #expect(b.totals == SideTotals(longUSD: USD(dollars: 40), shortUSD: USD(dollars: 100), longCount: 1, shortCount: 1))
    }
}
