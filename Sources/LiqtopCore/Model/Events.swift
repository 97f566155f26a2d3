/// Which side of the market was force-closed.
public enum Side: String, Sendable, Hashable, CaseIterable {
    case long, short
}

/// Exchanges liqtop reads: liquidations, and beside them mark prices, funding and open interest.
public enum Venue: String, Sendable, Hashable, CaseIterable, Comparable {
    case binance, bybit, okx
    case bitget, gate, aster
    case htx, bitmex, deribit
    /// Leverage only: Hyperliquid publishes no liquidation feed (see `publishesLiquidations`).
    case hyperliquid

    public static func < (a: Venue, b: Venue) -> Bool { a.rawValue < b.rawValue }

    /// Whether the venue has a public liquidation feed liqtop reads. Hyperliquid has none: its
    /// public `trades` carry no liquidation flag, and backstop liquidations are transfers to the
    /// liquidator vault, not trades; liqtop reads only its `activeAssetCtx` (funding, open
    /// interest, mark and oracle price per coin).
    public var publishesLiquidations: Bool { self != .hyperliquid }

    /// The venues whose liquidations liqtop reads, in `allCases` order.
    public static let liquidationVenues = allCases.filter(\.publishesLiquidations)
}

/// One forced close of a leveraged position.
public struct Liquidation: Sendable, Hashable {
    public var time: Millis
    public var venue: Venue
    /// The instrument exactly as the venue names it, e.g. `BTCUSDT`, `BTC-USDT-SWAP`.
    public var instrument: String
    /// Normalized base asset, e.g. `BTC`, `PEPE` (see `CoinNormalizer`).
    public var coin: String
    /// The side of the position that was liquidated.
    public var side: Side
    public var price: FixedDecimal
    /// Quantity in the base asset (OKX linear contracts are converted with ctVal, Gate's with
    /// quanto_multiplier); for inverse contracts (Binance COIN-M, Bybit inverse, OKX `-USD-`) the
    /// venue's contract count or USD size; for Bitget the quote-coin amount it reports.
    public var quantity: FixedDecimal
    public var usd: USD

    public init(time: Millis, venue: Venue, instrument: String, coin: String, side: Side,
                price: FixedDecimal, quantity: FixedDecimal, usd: USD) {
        self.time = time; self.venue = venue; self.instrument = instrument; self.coin = coin
        self.side = side; self.price = price; self.quantity = quantity; self.usd = usd
    }
}

/// Spot ETFs liqtop tracks.
public enum EtfAsset: String, Sendable, Hashable, CaseIterable, Comparable {
    case BTC, ETH, SOL

    public static func < (a: EtfAsset, b: EtfAsset) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One fund's net creation/redemption on one trading day.
public struct EtfFlow: Sendable, Hashable {
    public var day: Day
    public var asset: EtfAsset
    /// Fund ticker, e.g. `IBIT`.
    public var fund: String
    public var netUSD: USD
    /// Net flow in coins, when the source gives it.
    public var coins: FixedDecimal?
    /// USD per coin used for the conversion, when known.
    public var referencePrice: FixedDecimal?

    public init(day: Day, asset: EtfAsset, fund: String, netUSD: USD,
                coins: FixedDecimal? = nil, referencePrice: FixedDecimal? = nil) {
        self.day = day; self.asset = asset; self.fund = fund; self.netUSD = netUSD
        self.coins = coins; self.referencePrice = referencePrice
    }
}

/// A dated piece of macro news, e.g. a Fed speaker's remark.
public struct MacroNote: Sendable, Hashable {
    public var time: Millis
    public var source: String
    public var text: String

    public init(time: Millis, source: String, text: String) {
        self.time = time; self.source = source; self.text = text
    }
}

/// One observation of a rate series (FRED naming: `DFF`, `DFEDTARU`, `DFEDTARL`), in percent.
public struct RatePoint: Sendable, Hashable {
    public var day: Day
    public var series: String
    public var value: FixedDecimal

    public init(day: Day, series: String, value: FixedDecimal) {
        self.day = day; self.series = series; self.value = value
    }
}

/// Market-implied probability of a target range after a meeting (FedWatch-style), in percent.
public struct CutOdds: Sendable, Hashable {
    public var meeting: Day
    /// e.g. `3.25-3.50`
    public var targetRange: String
    public var probabilityPercent: FixedDecimal

    public init(meeting: Day, targetRange: String, probabilityPercent: FixedDecimal) {
        self.meeting = meeting; self.targetRange = targetRange; self.probabilityPercent = probabilityPercent
    }
}

/// Whole-day liquidation totals across venues: the history behind "highest since".
public struct DailyLiquidationTotals: Sendable, Hashable {
    public var day: Day
    public var longUSD: USD
    public var shortUSD: USD

    public init(day: Day, longUSD: USD, shortUSD: USD) {
        self.day = day; self.longUSD = longUSD; self.shortUSD = shortUSD
    }

    public func usd(_ side: Side) -> USD { side == .long ? longUSD : shortUSD }
}

/// Every kind of normalized input, as it flows from sources into the store.
public enum Event: Sendable, Hashable {
    case liquidation(Liquidation)
    case etfFlow(EtfFlow)
    case note(MacroNote)
    case rate(RatePoint)
    case cutOdds(CutOdds)
    case dailyTotals(DailyLiquidationTotals)
    case markPrice(MarkPrice)
    case funding(FundingRate)
    case openInterest(OpenInterest)
}
