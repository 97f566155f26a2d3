/// The leverage structure beside the liquidations: mark prices, funding and open interest,
/// as the venues' public ticker streams send them (native lines `mark_price`, `funding`,
/// `open_interest`).

/// A venue's mark (and, when sent, index) price of one instrument.
public struct MarkPrice: Sendable, Hashable {
    public var time: Millis
    public var venue: Venue
    public var instrument: String
    public var coin: String
    public var mark: FixedDecimal
    public var index: FixedDecimal?

    public init(time: Millis, venue: Venue, instrument: String, coin: String, mark: FixedDecimal, index: FixedDecimal? = nil) {
        self.time = time; self.venue = venue; self.instrument = instrument; self.coin = coin
        self.mark = mark; self.index = index
    }
}

/// A perpetual's funding rate for the current interval, as a fraction (0.0001 is 0.01 %).
public struct FundingRate: Sendable, Hashable {
    public var time: Millis
    public var venue: Venue
    public var instrument: String
    public var coin: String
    /// Per funding interval, as a fraction: longs pay shorts when positive.
    public var rate: FixedDecimal
    /// Hours between fundings, when the venue says (Binance 8 by default, Hyperliquid 1).
    public var intervalHours: Int?
    public var nextFundingTime: Millis?

    public init(time: Millis, venue: Venue, instrument: String, coin: String, rate: FixedDecimal,
                intervalHours: Int? = nil, nextFundingTime: Millis? = nil) {
        self.time = time; self.venue = venue; self.instrument = instrument; self.coin = coin
        self.rate = rate; self.intervalHours = intervalHours; self.nextFundingTime = nextFundingTime
    }
}

/// What an open-interest size counts, as the venue sends it.
public enum OpenInterestUnit: String, Sendable, Hashable, CaseIterable {
    /// The base coin (Binance USD-M, Bybit linear, Hyperliquid).
    case coin
    /// US dollars (Bybit inverse: one contract is 1 USD).
    case usd
    /// Contracts whose value is not known here (converted with instrument metadata when it is).
    case contracts
}

/// One instrument's open interest on one venue.
public struct OpenInterest: Sendable, Hashable {
    public var time: Millis
    public var venue: Venue
    public var instrument: String
    public var coin: String
    /// In `unit`, exactly as sent (or converted to coins with a known contract value).
    public var size: FixedDecimal
    public var unit: OpenInterestUnit
    /// The venue's own USD figure when it sends one; else the store values `size` at the mark.
    public var usd: USD?

    public init(time: Millis, venue: Venue, instrument: String, coin: String, size: FixedDecimal,
                unit: OpenInterestUnit, usd: USD? = nil) {
        self.time = time; self.venue = venue; self.instrument = instrument; self.coin = coin
        self.size = size; self.unit = unit; self.usd = usd
    }
}
