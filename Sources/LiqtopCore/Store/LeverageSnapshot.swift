/// One coin's leverage structure at the store clock: what panel 4, the price line and
/// `summary --json`'s `leverage` read. Every figure is exact; percentages go through `Percent`.
public struct CoinLeverage: Sendable, Hashable {
    public var coin: String
    /// The latest mark price by the reference rule (the venue with the most open interest).
    public var price: FixedDecimal?
    public var priceVenue: Venue?
    /// Per window: the reference price at `clock − window` and now.
    public var priceChange: [Window: Change<FixedDecimal>]
    /// Open interest summed over venues, latest per instrument, in USD.
    public var oiUSD: USD?
    /// Per venue, latest, venue order.
    public var oiByVenue: [VenueOpenInterest]
    /// Instruments whose latest open interest has no USD value (contracts of unknown value, or
    /// coins without the instrument's mark): counted here, not summed.
    public var oiUnpriced: Int
    /// Per window: the open interest at `clock − window` and now, summed over the instruments
    /// priced at both times (like with like: a venue that starts reporting is not an increase).
    public var oiChange: [Window: Change<USD>]
    /// Latest funding per venue (its most open-interest instrument), venue order.
    public var funding: [VenueFunding]
    /// Funding weighted by each venue's open interest, per 8 hours (rates of other intervals scaled).
    public var fundingOIWeighted8h: FixedDecimal?
    /// Per window: the average funding per 8 h over the window's minutes, every instrument's
    /// latest rate carried forward minute by minute (`LeverageBook.fundingAverages`).
    public var fundingAverage8h: [Window: FixedDecimal]
    /// The soonest next funding time among the venues.
    public var nextFunding: Millis?
    /// Per-minute open/high/low/close of the reference price over the 24 h ending at the clock,
    /// oldest first, minutes without a mark left out. Filled for one coin only: the store's
    /// focused coin (`Focus.coin`), else BTC (the chart's default price line); empty for others.
    public var minutes: [PriceMinute]
    /// Per venue, open interest and funding over the 24 h (the same one coin as `minutes`).
    public var venueDays: [VenueDay] = []

    public init(coin: String) {
        self.coin = coin; price = nil; priceVenue = nil; priceChange = [:]; oiUSD = nil; oiByVenue = []
        oiUnpriced = 0; oiChange = [:]; funding = []; fundingOIWeighted8h = nil; fundingAverage8h = [:]; nextFunding = nil; minutes = []
    }
}

/// A figure then and now; the percentage change is `Percent` of the difference over `from`.
public struct Change<Value: Sendable & Hashable>: Sendable, Hashable {
    public var from: Value
    public var to: Value
    public init(from: Value, to: Value) { self.from = from; self.to = to }
}

public struct VenueOpenInterest: Sendable, Hashable {
    public var venue: Venue
    /// Summed over the venue's priced instruments of the coin.
    public var usd: USD
    /// The latest report among them.
    public var time: Millis
    public init(venue: Venue, usd: USD, time: Millis) { self.venue = venue; self.usd = usd; self.time = time }
}

public struct VenueFunding: Sendable, Hashable {
    public var venue: Venue
    public var instrument: String
    /// Per interval, as a fraction.
    public var rate: FixedDecimal
    /// As sent, else `LeverageBook.defaultFundingHours` (8).
    public var intervalHours: Int
    public var nextFundingTime: Millis?
    public var time: Millis
    public init(venue: Venue, instrument: String, rate: FixedDecimal, intervalHours: Int, nextFundingTime: Millis?, time: Millis) {
        self.venue = venue; self.instrument = instrument; self.rate = rate; self.intervalHours = intervalHours
        self.nextFundingTime = nextFundingTime; self.time = time
    }
}

/// One minute of the reference price.
public struct PriceMinute: Sendable, Hashable {
    public var start: Millis
    public var open: FixedDecimal
    public var high: FixedDecimal
    public var low: FixedDecimal
    public var close: FixedDecimal
    public init(start: Millis, open: FixedDecimal, high: FixedDecimal, low: FixedDecimal, close: FixedDecimal) {
        self.start = start; self.open = open; self.high = high; self.low = low; self.close = close
    }
}
