/// Which events `liqtop export` passes: by native type, by coin and by time.
///
/// - Time: an event at an instant (liquidation, note, mark price, funding, open interest) passes
///   when `from ≤ time ≤ to`; a dated one (ETF day, rate, daily totals) when its UTC day overlaps
///   that span. Cut odds are a forecast for a meeting, not an observation of a time: the time
///   span never drops them.
/// - Coins: an event of a coin (liquidation, leverage, an ETF flow's asset) passes when its coin
///   is listed; a market-wide one (note, rate, cut odds, daily totals) always does.
public struct EventFilter: Sendable, Equatable {
    /// Native type names (`NativeFormat.eventTypes`); nil: every type.
    public var types: Set<String>?
    /// Upper-case coins; nil: every coin.
    public var coins: Set<String>?
    public var from: Millis?
    public var to: Millis?

    public init(types: Set<String>? = nil, coins: Set<String>? = nil, from: Millis? = nil, to: Millis? = nil) {
        self.types = types; self.coins = coins; self.from = from; self.to = to
    }

    public func passes(_ event: Event) -> Bool {
        if let types, !types.contains(NativeFormat.typeName(of: event)) { return false }
        if let coins, let coin = Self.coin(of: event), !coins.contains(coin) { return false }
        switch Self.span(of: event) {
        case nil: return true
        case let (start, end)?: return (from.map { end >= $0 } ?? true) && (to.map { start <= $0 } ?? true)
        }
    }

    static func coin(of event: Event) -> String? {
        switch event {
        case .liquidation(let l): l.coin
        case .etfFlow(let f): f.asset.rawValue
        case .markPrice(let m): m.coin
        case .funding(let f): f.coin
        case .openInterest(let o): o.coin
        case .note, .rate, .cutOdds, .dailyTotals: nil
        }
    }

    /// The instants an event covers: one for a moment, its whole UTC day for a dated event.
    static func span(of event: Event) -> (Millis, Millis)? {
        func day(_ d: Day) -> (Millis, Millis) { (d.start, d.start + Duration.day - 1) }
        switch event {
        case .liquidation(let l): return (l.time, l.time)
        case .note(let n): return (n.time, n.time)
        case .markPrice(let m): return (m.time, m.time)
        case .funding(let f): return (f.time, f.time)
        case .openInterest(let o): return (o.time, o.time)
        case .etfFlow(let f): return day(f.day)
        case .rate(let r): return day(r.day)
        case .dailyTotals(let d): return day(d.day)
        case .cutOdds: return nil
        }
    }

    /// A comma-separated list (`BTC,eth`, `liquidation,etf_flow`) as a set; blanks dropped.
    public static func list(_ text: String, uppercased: Bool) -> Set<String> {
        Set(text.split(separator: ",").map { $0.trimmingASCIISpaces() }.filter { !$0.isEmpty }
            .map { uppercased ? $0.uppercased() : $0.lowercased() })
    }
}
