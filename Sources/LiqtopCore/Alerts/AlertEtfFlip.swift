/// An `etf-flip` rule's state.
///
/// A flip is a trading day whose net flow (the asset's funds summed) has the opposite sign of
/// the previous trading day's; trading days are the days with ETF rows (weekends and holidays
/// have none), and a day of exactly zero has no sign, so it neither flips nor is flipped from.
/// The alert is stamped at the day's start (00:00 UTC), the instant the dashboard starts showing
/// that day's flows; a day whose rows arrive after that instant was evaluated (a Farside table
/// saved in the evening) is looked at when they arrive, and a corrected row that changes the
/// sign again is a new alert, never the same one twice.
struct EtfFlipState: Sendable {
    struct Key: Hashable, Sendable { var asset: EtfAsset; var day: Day }
    /// The sign announced per day (so a re-read table does not repeat it).
    var announced: [Key: Int] = [:]

    mutating func prime() { announced = [:] }

    /// Looks at every day of `keys`.
    mutating func look(_ rule: AlertRule, _ keys: [Key], etf: EtfBook, into out: inout [Alert]) {
        for k in keys where rule.asset == nil || rule.asset == k.asset {
            let days = etf.dayTotals(k.asset)
            guard let i = days.firstIndex(where: { $0.day == k.day }) else { continue }
            let cur = days[i].netUSD
            let sign = Int(cur.micros.signum())
            guard i > 0, sign * Int(days[i - 1].netUSD.micros.signum()) < 0 else { announced[k] = nil; continue }
            guard announced[k] != sign else { continue }
            announced[k] = sign
            let prev = days[i - 1]
            out.append(Alert(time: k.day.start, rule: rule.text, kind: .etfFlip, coin: k.asset.rawValue, usd: cur,
                             text: "\(k.asset.rawValue) spot ETFs flipped to net \(sign > 0 ? "inflows" : "outflows"): \(Figures.signedUSD(cur)) on \(k.day) after \(Figures.signedUSD(prev.netUSD)) on \(prev.day)"))
        }
    }
}

extension EtfBook {
    /// One asset's daily net totals, oldest first.
    func dayTotals(_ asset: EtfAsset) -> [EtfDayTotal] {
        guard let byDay = flows[asset] else { return [] }
        return byDay.keys.sorted().map { EtfDayTotal(day: $0, flows: byDay[$0]!) }
    }

    /// The (asset, day) pairs with rows whose day starts in `(from, to]`.
    func days(startingAfter from: Millis, through to: Millis) -> [EtfFlipState.Key] {
        var out: [EtfFlipState.Key] = []
        for a in EtfAsset.allCases {
            for d in (flows[a]?.keys).map(Array.init) ?? [] where d.start > from && d.start <= to { out.append(.init(asset: a, day: d)) }
        }
        return out.sorted { ($0.day, $0.asset) < ($1.day, $1.asset) }
    }

    /// The next day with rows after `day` for `asset`.
    func nextDay(_ asset: EtfAsset, after day: Day) -> Day? { flows[asset]?.keys.filter { $0 > day }.min() }
}
