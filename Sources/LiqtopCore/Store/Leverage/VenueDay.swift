/// A venue's open interest and funding over the day, for the leverage drill-down's per-venue
/// strips: sampled at the end of each of the 24 h chart's 15-minute buckets.
public struct VenueDay: Sendable, Hashable {
    public var venue: Venue
    /// The first bucket's start: the samples are the 24 h chart's buckets (`ChartSeries` of `.h24`).
    public var start: Millis
    /// Oldest first, one per bucket (at its end, or the clock in the last); nil where nothing was visible yet.
    public var openInterest: [USD?]
    /// Per 8 h, OI-weighted over the venue's instruments (plain where none is priced).
    public var funding8h: [FixedDecimal?]
}

extension LeverageBook {
    /// Each venue of `coin`, venue order, sampled at the end of each bucket of the 24 h chart
    /// ending at `t` (the last one at `t`).
    func venueDays(_ coin: String, endingAt t: Millis) -> [VenueDay] {
        guard let list = byCoin[coin] else { return [] }
        let (first, last) = ChartSeries.range(window: .h24, clock: t)
        let size: Millis = Millis(ChartSeries.bucketMinutes(for: .h24)) * Duration.minute
        let ends: [Millis] = stride(from: first, through: last, by: Int64.Stride(size)).map { (s: Millis) -> Millis in Swift.min(t, s + size - 1) }
        var out: [VenueDay] = []
        for venue in Venue.allCases {
            let mine = list.filter { instruments[$0].key.venue == venue }
            guard !mine.isEmpty else { continue }
            var day = VenueDay(venue: venue, start: first, openInterest: [], funding8h: [])
            for x in ends {
                var oi: USD?, weighted: Int128 = 0, weights: Int128 = 0, plain: Int128?
                for i in mine {
                    let usd = openInterest(i, at: x)?.usd
                    if let usd { oi = (oi ?? .zero) + usd }
                    guard let f = funding(i, at: x) else { continue }
                    if plain == nil { plain = f.slot.normalized8h }
                    if let usd, usd > .zero { weighted += f.slot.normalized8h * Int128(usd.micros); weights += Int128(usd.micros) }
                }
                day.openInterest.append(oi)
                day.funding8h.append(weights > 0 ? Funding8h.mean(weighted, weights) : plain.flatMap { Funding8h.mean($0, 1) })
            }
            out.append(day)
        }
        return out
    }
}
