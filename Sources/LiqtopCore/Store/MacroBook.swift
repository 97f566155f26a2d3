/// Notes, rate series, cut odds and the daily liquidation history.
struct MacroBook: Sendable {
    private(set) var notes: [MacroNote] = []
    private var rates: [String: [Day: FixedDecimal]] = [:]
    private var odds: [OddsKey: FixedDecimal] = [:]
    private(set) var dailyTotals: [Day: DailyLiquidationTotals] = [:]

    private struct OddsKey: Hashable, Sendable { var meeting: Day; var range: String }

    mutating func insert(_ note: MacroNote) {
        if notes.contains(note) { return }
        let i = notes.firstIndex { $0.time > note.time } ?? notes.count
        notes.insert(note, at: i)
    }
    mutating func insert(_ p: RatePoint) { rates[p.series, default: [:]][p.day] = p.value }
    mutating func insert(_ o: CutOdds) { odds[OddsKey(meeting: o.meeting, range: o.targetRange)] = o.probabilityPercent }
    mutating func insert(_ d: DailyLiquidationTotals) { dailyTotals[d.day] = d }

    /// Notes published up to `t`, newest first.
    func notes(through t: Millis) -> [MacroNote] {
        var lo = 0, hi = notes.count
        while lo < hi { let mid = (lo + hi) >> 1; if notes[mid].time <= t { lo = mid + 1 } else { hi = mid } }
        return notes[..<lo].reversed()
    }

    /// Latest value of each series on or before `day`.
    func latestRates(asOf day: Day) -> [String: RatePoint] {
        var out: [String: RatePoint] = [:]
        for (series, points) in rates {
            if let d = points.keys.filter({ $0 <= day }).max() {
                out[series] = RatePoint(day: d, series: series, value: points[d]!)
            }
        }
        return out
    }

    /// The effective rate (DFF, else the target's upper bound) on the days in `(day − days, day]`,
    /// oldest first: the rate path the macro panel draws.
    func ratePath(through day: Day, days: Int) -> [RatePoint] {
        guard let series = ["DFF", "DFEDTARU"].first(where: { rates[$0] != nil }), let points = rates[series] else { return [] }
        return points.filter { $0.key <= day && Int($0.key.index) > Int(day.index) - days }.sorted { $0.key < $1.key }
            .map { RatePoint(day: $0.key, series: series, value: $0.value) }
    }

    /// Odds for meetings on or after `day`, by meeting then range.
    func upcomingOdds(from day: Day) -> [CutOdds] {
        odds.filter { $0.key.meeting >= day }
            .map { CutOdds(meeting: $0.key.meeting, targetRange: $0.key.range, probabilityPercent: $0.value) }
            .sorted { ($0.meeting, $0.targetRange) < ($1.meeting, $1.targetRange) }
    }
}
