/// Funding per 8 hours, the one scale every venue's rate is compared on.
enum Funding8h {
    /// Digits kept: rates are sent with up to 8 decimals, so 12 keeps a 1 h rate × 8 exact and
    /// rounds other intervals (× 8/3 …) half-even at 10^-12.
    static let scale = 12
    /// |rate| beyond 1000 per 8 h (10^15 at scale 12) is hostile input: clamped, so a sum of
    /// rate × open interest over every instrument cannot overflow `Int128`.
    static let limit: Int128 = 1_000_000_000_000_000

    /// `rate × 8 / intervalHours` at `scale`, rounded once, half-even.
    static func normalized(_ rate: FixedDecimal, intervalHours: Int) -> Int128 {
        let n = Int128(rate.mantissa) * 8 * FixedDecimal.pow10(scale)
        let d = FixedDecimal.pow10(Int(rate.scale)) * Int128(intervalHours)
        return min(max(FixedDecimal.divideRoundingHalfEven(n, d), -limit), limit)
    }

    /// `sum / count` as a rate per 8 h.
    static func mean(_ sum: Int128, _ count: Int128) -> FixedDecimal? {
        guard count > 0 else { return nil }
        return Int64(exactly: FixedDecimal.divideRoundingHalfEven(sum, count)).flatMap { FixedDecimal(mantissa: $0, scale: scale) }
    }
}

extension FundingSlot {
    var normalized8h: Int128 { Funding8h.normalized(rate, intervalHours: intervalHours) }
}

/// A coin's funding sums over each window's minutes before the clock's minute; they change only
/// with the coin's data or the clock's minute, so a replay moving the clock within a minute (or
/// a snapshot per frame) does not rescan the day.
struct FundingWindowsCache: Sendable {
    var version: Int
    var minute: Int32
    var sums: [Window: (sum: Int128, count: Int128)]
}

extension LeverageBook {
    /// The average funding per 8 h of `coin` over each window ending at `t`: the mean over every
    /// instrument-minute of the window's minutes (the minute of `t` and the ones before, 60 for
    /// 1 h) at which the instrument's funding was known, its latest report carried forward minute
    /// by minute (a venue that sends only changes counts as often as one that repeats itself).
    mutating func fundingAverages(_ coin: String, at t: Millis) -> [Window: FixedDecimal] {
        guard let list = byCoin[coin], let m = minuteIndex(t) else { return [:] }
        let version = coinVersions[coin] ?? 0
        let sums: [Window: (sum: Int128, count: Int128)]
        if let c = fundingCache[coin], c.version == version, c.minute == m {
            sums = c.sums
        } else {
            var fresh: [Window: (sum: Int128, count: Int128)] = [:]
            for w in Window.allCases {
                let first = m - Int32(w.duration / Duration.minute) + 1
                var sum: Int128 = 0, count: Int128 = 0
                for i in list {
                    let to = carriedFunding(i, to: m), from = carriedFunding(i, to: first)
                    sum += to.sum - from.sum; count += to.count - from.count
                }
                fresh[w] = (sum, count)
            }
            fundingCache[coin] = FundingWindowsCache(version: version, minute: m, sums: fresh)
            sums = fresh
        }
        // The clock's own minute: each instrument's report visible at `t`.
        var nowSum: Int128 = 0, nowCount: Int128 = 0
        for i in list {
            if let f = funding(i, at: t) { nowSum += f.slot.normalized8h; nowCount += 1 }
        }
        var out: [Window: FixedDecimal] = [:]
        for (w, s) in sums {
            if let mean = Funding8h.mean(s.sum + nowSum, s.count + nowCount) { out[w] = mean }
        }
        return out
    }
}
