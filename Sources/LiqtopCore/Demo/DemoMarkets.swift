/// The perpetual markets of the demo day and their intraday price paths.
struct DemoMarket {
    let coin: String
    /// Binance and Bybit name, e.g. `BTCUSDT`, `1000PEPEUSDT`.
    let symbol: String
    /// OKX name, only for coins in OKX's contract table (see `OKXContracts`).
    let okxSymbol: String?
    /// Price tick is `10^-priceScale`; `open`/`close` are in ticks (00:00 and 24:00).
    let priceScale: Int
    let open: Int64
    let close: Int64
    /// Quantities are in the base unit with step `lot × 10^-lotScale` (OKX: one contract's ctVal).
    let lotScale: Int
    let lot: Int64
    let okxLot: Int64
    /// Share of the day's liquidations (relative).
    let weight: Int64
    /// How strongly the coin follows the market's wiggles, in tenths (alts swing harder).
    let beta: Int64
    /// Largest random order in dollars: thin books do not carry multi-million positions.
    let maxOrder: Int64

    func instrument(on venue: Venue) -> String { venue == .okx ? (okxSymbol ?? symbol) : symbol }
    func lotSize(on venue: Venue) -> Int64 { venue == .okx ? okxLot : lot }

    /// The same market on another day: other opening and closing prices (in ticks).
    func priced(open: Int64, close: Int64) -> DemoMarket {
        DemoMarket(coin: coin, symbol: symbol, okxSymbol: okxSymbol, priceScale: priceScale, open: open, close: close,
                   lotScale: lotScale, lot: lot, okxLot: okxLot, weight: weight, beta: beta, maxOrder: maxOrder)
    }
}

enum DemoMarkets {
    static let all: [DemoMarket] = [
        DemoMarket(coin: "BTC", symbol: "BTCUSDT", okxSymbol: "BTC-USDT-SWAP", priceScale: 1, open: 910_000, close: 970_000,
                   lotScale: 3, lot: 1, okxLot: 10, weight: 44, beta: 10, maxOrder: 3_000_000),
        DemoMarket(coin: "ETH", symbol: "ETHUSDT", okxSymbol: "ETH-USDT-SWAP", priceScale: 2, open: 310_000, close: 333_000,
                   lotScale: 3, lot: 1, okxLot: 100, weight: 22, beta: 13, maxOrder: 3_000_000),
        DemoMarket(coin: "SOL", symbol: "SOLUSDT", okxSymbol: "SOL-USDT-SWAP", priceScale: 2, open: 13_800, close: 14_600,
                   lotScale: 1, lot: 1, okxLot: 10, weight: 8, beta: 15, maxOrder: 1_500_000),
        DemoMarket(coin: "XRP", symbol: "XRPUSDT", okxSymbol: nil, priceScale: 4, open: 20_500, close: 21_600,
                   lotScale: 1, lot: 1, okxLot: 1, weight: 5, beta: 14, maxOrder: 1_000_000),
        DemoMarket(coin: "DOGE", symbol: "DOGEUSDT", okxSymbol: nil, priceScale: 5, open: 13_800, close: 14_900,
                   lotScale: 0, lot: 1, okxLot: 1, weight: 4, beta: 16, maxOrder: 800_000),
        DemoMarket(coin: "BNB", symbol: "BNBUSDT", okxSymbol: nil, priceScale: 2, open: 90_500, close: 94_500,
                   lotScale: 2, lot: 1, okxLot: 1, weight: 2, beta: 8, maxOrder: 400_000),
        DemoMarket(coin: "PEPE", symbol: "1000PEPEUSDT", okxSymbol: nil, priceScale: 7, open: 56_000, close: 61_000,
                   lotScale: 0, lot: 1, okxLot: 1, weight: 3, beta: 18, maxOrder: 400_000),
        DemoMarket(coin: "SUI", symbol: "SUIUSDT", okxSymbol: nil, priceScale: 4, open: 17_200, close: 18_500,
                   lotScale: 1, lot: 1, okxLot: 1, weight: 3, beta: 17, maxOrder: 400_000),
        DemoMarket(coin: "ADA", symbol: "ADAUSDT", okxSymbol: nil, priceScale: 4, open: 3_900, close: 4_200,
                   lotScale: 0, lot: 1, okxLot: 1, weight: 2, beta: 15, maxOrder: 400_000),
        DemoMarket(coin: "AVAX", symbol: "AVAXUSDT", okxSymbol: nil, priceScale: 3, open: 13_600, close: 14_500,
                   lotScale: 0, lot: 1, okxLot: 1, weight: 2, beta: 15, maxOrder: 400_000),
        DemoMarket(coin: "LINK", symbol: "LINKUSDT", okxSymbol: nil, priceScale: 3, open: 13_200, close: 14_100,
                   lotScale: 2, lot: 1, okxLot: 1, weight: 2, beta: 14, maxOrder: 400_000),
        DemoMarket(coin: "LTC", symbol: "LTCUSDT", okxSymbol: nil, priceScale: 2, open: 7_800, close: 8_200,
                   lotScale: 3, lot: 1, okxLot: 1, weight: 1, beta: 10, maxOrder: 400_000),
    ]

    static func index(of coin: String) -> Int { all.firstIndex { $0.coin == coin } ?? 0 }

    static let anchorStep: Millis = 5 * Duration.minute
    static let anchorCount = Int(Duration.day / anchorStep) + 1

    /// Each market's price in ticks at every 5-minute anchor of the day.
    ///
    /// The trend follows `progress` (parts per million of the day's move, which the caller ties
    /// to the short liquidations: in a squeeze, price rises as shorts are forced out), plus a
    /// shared market wiggle, an early Asia dip and a US-afternoon pullback (when longs get hit),
    /// and a coin-specific wiggle. Wiggles fade to zero at both ends so open/close are exact.
    static func paths(_ markets: [DemoMarket] = all, progress: [Int64], rng: inout SeededRandom) -> [[Int64]] {
        let n = anchorCount
        var market = [Int64](repeating: 0, count: n)
        for k in 1 ..< n {
            market[k] = min(150, max(-150, market[k - 1] + rng.int(-12 ... 12) - market[k - 1] / 16))
        }
        return markets.map { m in
            var idio: Int64 = 0
            var path = [Int64](repeating: m.open, count: n)
            for k in 0 ..< n {
                if k > 0 { idio = min(100, max(-100, idio + rng.int(-8 ... 8) - idio / 12)) }
                let taper = Int64(min(k, n - 1 - k, 24))
                let shaped = market[k] + dip(k, center: 36, depthBp: 80, width: 18) + dip(k, center: 192, depthBp: 60, width: 15)
                let wiggleBp = (m.beta * shaped / 10 + idio) * taper / 24
                let p = progress.indices.contains(k) ? progress[k] : 1_000_000
                let base = m.open + (m.close - m.open) * p / 1_000_000
                path[k] = max(1, base * (10_000 + wiggleBp) / 10_000)
            }
            return path
        }
    }

    /// A triangular dip in basis points around anchor `center`.
    private static func dip(_ k: Int, center: Int, depthBp: Int64, width: Int) -> Int64 {
        let d = abs(k - center)
        return d >= width ? 0 : -depthBp * Int64(width - d) / Int64(width)
    }

    /// The price in ticks at `offset` ms into the day: interpolated between anchors, with a
    /// little per-order jitter (each forced order fills at its own bankruptcy price).
    static func price(_ path: [Int64], at offset: Millis, rng: inout SeededRandom) -> Int64 {
        let k = Int(offset / anchorStep)
        guard path.indices.contains(k) else { return path.last ?? 1 }
        let a = path[k], b = path.indices.contains(k + 1) ? path[k + 1] : a
        let p = a + (b - a) * (offset % anchorStep) / anchorStep
        let spread = max(1, p * 3 / 10_000)
        return max(1, p + rng.int(-spread ... spread))
    }
}
