/// Where a coin's forced orders actually hit: the window's liquidated USD per price band, long
/// and short apart. Realized, not modelled: every figure is a sum of orders that happened.
public struct PriceBands: Sendable, Hashable {
    public struct Band: Sendable, Hashable {
        /// The band is `[low, low + step)`.
        public var low: FixedDecimal
        public var totals: SideTotals
    }

    public var coin: String
    public var window: Window
    /// The band width in USD per coin (a 1, 2 or 5 times a power of ten).
    public var step: FixedDecimal
    /// Highest band first, every band from the highest order's to the lowest's (empty ones too,
    /// so the rows read as a price axis).
    public var bands: [Band]
    /// Orders left out because their price is not known (a store without order detail keeps none).
    public var unpriced: Int

    /// Orders at this price scale: prices are compared as integers of 10⁻⁸ USD.
    static let scale = 8

    /// The smallest step of `m × 10^k` (m in `multiples`; in 10⁻⁸ USD), at least `base` and a
    /// multiple of it, that covers `low...high` in at most `maxBands` bands.
    static func step(low: Int128, high: Int128, maxBands: Int, base: Int128 = 1, multiples: [Int128] = [1, 2, 5]) -> Int128 {
        var unit: Int128 = 1
        while true {
            for m in multiples {
                let step = m * unit
                guard step >= base, step % base == 0 else { continue }
                if high / step - low / step + 1 <= Int128(max(1, maxBands)) { return step }
            }
            unit *= 10
        }
    }

    /// Bands of `orders` (price in USD per coin, side, USD) at `step`; without one, at the finest
    /// power of ten that needs at most `maxRows` bands, so `merged` can coarsen them exactly
    /// (every 1-2-5 step from there up is a multiple of it).
    public static func make(coin: String, window: Window, orders: [(price: FixedDecimal, short: Bool, usd: USD)],
                            step fixed: FixedDecimal? = nil) -> PriceBands {
        let priced = orders.filter { $0.price.isPositive }
        let values = priced.map { $0.price.scaled(to: scale) }
        guard let low = values.min(), let high = values.max() else {
            return PriceBands(coin: coin, window: window, step: fixed ?? .zero, bands: [], unpriced: orders.count)
        }
        let step = fixed.map { max(1, $0.scaled(to: scale)) } ?? Self.step(low: low, high: high, maxBands: maxRows, multiples: [1])
        let top = high / step, bottom = low / step
        // A step too fine for the range (a typed `--step 0.01` on BTC) would ask for millions of rows.
        guard top - bottom < Int128(maxRows) else {
            return make(coin: coin, window: window, orders: orders)
        }
        var bands = (0 ... Int(top - bottom)).map { k in
            Band(low: decimal((top - Int128(k)) * step), totals: SideTotals())
        }
        for (o, v) in zip(priced, values) {
            let k = Int(top - v / step)
            if o.short { bands[k].totals.shortUSD += o.usd; bands[k].totals.shortCount += 1 } else { bands[k].totals.longUSD += o.usd; bands[k].totals.longCount += 1 }
        }
        return PriceBands(coin: coin, window: window, step: decimal(step), bands: bands, unpriced: orders.count - priced.count)
    }

    /// These bands at the smallest 1-2-5 step (a multiple of this one) that fits `maxBands` rows:
    /// sums of whole bands, so each figure is what `summary --by-price … --step` prints.
    public func merged(maxBands: Int) -> PriceBands {
        guard let first = bands.first, let last = bands.last else { return self }
        let base = step.scaled(to: Self.scale)
        let step = Self.step(low: last.low.scaled(to: Self.scale), high: first.low.scaled(to: Self.scale), maxBands: maxBands, base: base)
        guard step != base else { return self }
        let top = first.low.scaled(to: Self.scale) / step
        var out: [Band] = []
        for b in bands {
            let k = Int(top - b.low.scaled(to: Self.scale) / step)
            if k == out.count { out.append(Band(low: Self.decimal((top - Int128(k)) * step), totals: SideTotals())) }
            out[k].totals = out[k].totals + b.totals
        }
        return PriceBands(coin: coin, window: window, step: Self.decimal(step), bands: out, unpriced: unpriced)
    }

    /// Most bands ever made (a window's price range at a step fine enough to need more is re-stepped).
    public static let maxRows = 1_000

    static func decimal(_ v: Int128) -> FixedDecimal {
        FixedDecimal(mantissa: Int64(clamping: v), scale: scale) ?? .zero
    }

    /// All bands' totals.
    public var totals: SideTotals { bands.reduce(SideTotals()) { $0 + $1.totals } }
}
