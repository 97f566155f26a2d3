/// The checks every mark price, funding rate and open-interest figure passes whatever its
/// source (a venue's ticker frame or a native line), so that no importer can let an
/// implausible figure into the leverage panel and every figure accepted also replays from
/// liqtop's own recording.
public enum LeverageCheck {
    /// A funding rate per interval beyond ±25 % is a broken message, not a market: the caps the
    /// venues publish are a few percent per interval (OKX ±0.375 % on BTC swaps, Binance up to
    /// ±3 % on small coins, Hyperliquid 4 % an hour), so this bound is several times any cap.
    public static let maxFundingRate = FixedDecimal(mantissa: 25, scale: 2)!
    /// Hours between fundings: venues use 1, 2, 4, 6 or 8; a day is the longest any states.
    public static let intervalHours = 1 ... 24
    /// The next funding lies at most this far from the message (an interval is at most a day;
    /// a week leaves room for a venue's holiday schedule, none for a unit mix-up).
    public static let maxNextFundingDistance: Millis = 7 * Duration.day
    /// One instrument's open interest above $1T is not a market: all venues together hold a
    /// few hundred billion.
    public static let maxOpenInterestUSD = USD(dollars: 1_000_000_000_000)

    static func markPrice(time: Millis, venue: Venue, instrument: UnsafeBufferPointer<UInt8>, mark: FixedDecimal,
                          index: FixedDecimal?, context: DecodeContext) throws(InputError) -> MarkPrice {
        let (name, coin) = try head(time: time, instrument: instrument, context: context)
        try checkPrices(mark: mark, index: index)
        return MarkPrice(time: time, venue: venue, instrument: name, coin: coin, mark: mark, index: index)
    }

    static func funding(time: Millis, venue: Venue, instrument: UnsafeBufferPointer<UInt8>, rate: FixedDecimal,
                        intervalHours: Int?, nextFundingTime: Millis?, context: DecodeContext) throws(InputError) -> FundingRate {
        let (name, coin) = try head(time: time, instrument: instrument, context: context)
        try checkFunding(time: time, rate: rate, intervalHours: intervalHours, nextFundingTime: nextFundingTime)
        return FundingRate(time: time, venue: venue, instrument: name, coin: coin, rate: rate,
                           intervalHours: intervalHours, nextFundingTime: nextFundingTime)
    }

    static func openInterest(time: Millis, venue: Venue, instrument: UnsafeBufferPointer<UInt8>, size: FixedDecimal,
                             unit: OpenInterestUnit, usd: USD?, context: DecodeContext) throws(InputError) -> OpenInterest {
        let (name, coin) = try head(time: time, instrument: instrument, context: context)
        try checkOpenInterest(size: size, usd: usd)
        return OpenInterest(time: time, venue: venue, instrument: name, coin: coin, size: size, unit: unit, usd: usd)
    }

    /// The time checked, the instrument's name validated and its coin.
    private static func head(time: Millis, instrument: UnsafeBufferPointer<UInt8>,
                             context: DecodeContext) throws(InputError) -> (String, String) {
        try context.checkTime(time)
        let name = try LiquidationCheck.instrumentName(instrument)
        guard let coin = CoinNormalizer.coin(of: name) else { throw InputError("cannot tell the coin of \(name)") }
        return (name, coin)
    }

    static func checkPrices(mark: FixedDecimal, index: FixedDecimal?) throws(InputError) {
        guard mark.isPositive else { throw InputError("mark price is zero or negative") }
        if let index, !index.isPositive { throw InputError("index price is zero or negative") }
    }

    static func checkFunding(time: Millis, rate: FixedDecimal, intervalHours: Int?, nextFundingTime: Millis?) throws(InputError) {
        guard rate.magnitudeAtMost(maxFundingRate) else { throw InputError("funding rate beyond ±\(maxFundingRate) per interval: implausible") }
        if let h = intervalHours, !Self.intervalHours.contains(h) {
            throw InputError("funding interval outside \(Self.intervalHours.lowerBound)...\(Self.intervalHours.upperBound) hours")
        }
        if let next = nextFundingTime {
            let (gap, overflow) = next.subtractingReportingOverflow(time)
            if overflow || gap.magnitude > UInt64(maxNextFundingDistance) {
                throw InputError("next funding time more than a week from the message")
            }
        }
    }

    static func checkOpenInterest(size: FixedDecimal, usd: USD?) throws(InputError) {
        guard size.signum >= 0 else { throw InputError("open interest is negative") }
        if let usd {
            guard usd.micros >= 0 else { throw InputError("open interest usd is negative") }
            guard usd <= maxOpenInterestUSD else { throw InputError("open interest over $1T: implausible") }
        }
    }

    /// Whole hours between two funding times, when they are a plausible interval apart (OKX
    /// states no interval: it is `nextFundingTime − fundingTime`).
    static func intervalHours(from: Millis, to: Millis) -> Int? {
        let gap = to - from
        guard gap > 0, gap % Duration.hour == 0 else { return nil }
        let h = gap / Duration.hour
        return intervalHours.contains(Int(h)) ? Int(h) : nil
    }
}

extension FixedDecimal {
    /// |self| ≤ bound (bound non-negative).
    func magnitudeAtMost(_ bound: FixedDecimal) -> Bool {
        let s = Int(Swift.max(scale, bound.scale))
        return scaled(to: s).magnitude <= bound.scaled(to: s).magnitude
    }
}

extension VenueField {
    /// A decimal field that may be absent or `""` (the venues' "no value"): nil then.
    static func nonEmptyDecimal(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> FixedDecimal? {
        guard let t = doc.member(obj, key) else { return nil }
        if doc.kind(t) == .string, doc.raw(t).isEmpty { return nil }
        return try decimal(doc, obj, key, name)
    }
}
