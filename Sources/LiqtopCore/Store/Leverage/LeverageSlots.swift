/// What one instrument keeps per minute. Each merge rule is a total order on the events of the
/// minute, so the slot is the same whatever order the events came in (a late or replayed line
/// changes nothing it should not).

/// Open/high/low/close of one minute's marks, the four mantissas at one scale (the finest seen
/// that minute): 40 bytes a minute instead of every 1-second mark.
struct MarkBar: Sendable {
    var open: Int64, high: Int64, low: Int64, close: Int64
    /// Milliseconds into the minute of the open and the close.
    var openAt: UInt16, closeAt: UInt16
    var scale: UInt8

    init(_ m: MarkPrice, offset: UInt16) {
        open = m.mark.mantissa; high = open; low = open; close = open
        openAt = offset; closeAt = offset; scale = m.mark.scale
    }

    func value(_ mantissa: Int64) -> FixedDecimal {
        FixedDecimal(mantissa: mantissa, scale: Int(scale)) ?? .zero
    }
    var closePrice: FixedDecimal { value(close) }

    /// Merges another minute's bar; `false` (nothing changed) when a value does not fit one scale.
    /// Ties in time go to the lower price for the open and the higher for the close.
    @discardableResult
    mutating func merge(_ b: MarkBar) -> Bool {
        var a = self, b = b
        let s = max(a.scale, b.scale)
        guard a.rescale(to: s), b.rescale(to: s) else { return false }
        if (b.openAt, b.open) < (a.openAt, a.open) { a.open = b.open; a.openAt = b.openAt }
        if (b.closeAt, b.close) > (a.closeAt, a.close) { a.close = b.close; a.closeAt = b.closeAt }
        a.high = max(a.high, b.high); a.low = min(a.low, b.low)
        self = a
        return true
    }

    private mutating func rescale(to s: UInt8) -> Bool {
        guard s > scale else { return true }
        let f = Int64(FixedDecimal.pow10(Int(s - scale))) // at most 10^18
        let (o, o1) = open.multipliedReportingOverflow(by: f), (h, o2) = high.multipliedReportingOverflow(by: f)
        let (l, o3) = low.multipliedReportingOverflow(by: f), (c, o4) = close.multipliedReportingOverflow(by: f)
        if o1 || o2 || o3 || o4 { return false }
        open = o; high = h; low = l; close = c; scale = s
        return true
    }
}

/// The minute's latest open-interest report (ties in time: the larger figure).
struct OpenInterestSlot: Sendable {
    var size: FixedDecimal
    var usdMicros: Int64
    var at: UInt16
    var unit: OpenInterestUnit
    var hasUSD: Bool

    init(_ o: OpenInterest, offset: UInt16) {
        size = o.size; usdMicros = o.usd?.micros ?? 0; hasUSD = o.usd != nil; unit = o.unit; at = offset
    }

    var usd: USD? { hasUSD ? USD(micros: usdMicros) : nil }

    static func isLater(_ b: OpenInterestSlot, than a: OpenInterestSlot) -> Bool {
        if b.at != a.at { return b.at > a.at }
        if b.hasUSD != a.hasUSD { return b.hasUSD }
        if b.usdMicros != a.usdMicros { return b.usdMicros > a.usdMicros }
        if b.size != a.size { return b.size > a.size }
        return OpenInterestUnit.allCases.firstIndex(of: b.unit)! > OpenInterestUnit.allCases.firstIndex(of: a.unit)!
    }
}

/// The minute's latest funding report (ties in time: the higher rate, then the longer interval
/// and later next funding). 24 bytes: the rate's mantissa and scale apart.
struct FundingSlot: Sendable {
    var rateMantissa: Int64
    /// `Millis.min` when not sent.
    var next: Millis
    var at: UInt16
    var rateScale: UInt8
    /// 0 when not sent (read as 8 h).
    var interval: UInt8

    init(_ f: FundingRate, offset: UInt16) {
        rateMantissa = f.rate.mantissa; rateScale = f.rate.scale; next = f.nextFundingTime ?? .min; at = offset
        interval = f.intervalHours.flatMap { (1 ... 255).contains($0) ? UInt8($0) : nil } ?? 0
    }

    var rate: FixedDecimal { FixedDecimal(mantissa: rateMantissa, scale: Int(rateScale)) ?? .zero }
    var intervalHours: Int { interval == 0 ? LeverageBook.defaultFundingHours : Int(interval) }

    static func isLater(_ b: FundingSlot, than a: FundingSlot) -> Bool {
        if b.at != a.at { return b.at > a.at }
        if b.rate != a.rate { return b.rate > a.rate }
        if b.interval != a.interval { return b.interval > a.interval }
        return b.next > a.next
    }
}
