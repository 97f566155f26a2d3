/// One UTC day of an archive reduced to what the history and compare views draw: liquidation
/// totals per coin × venue × side, per-minute long and short USD, the largest orders, and the
/// day's ETF flows, rates, notes and table totals. Built from events (`add`), merged across
/// files (`merge`), and kept on disk by the archive index.
public struct DayDigest: Sendable, Equatable {
    public struct Key: Sendable, Hashable, Comparable {
        public var coin: String
        public var venue: Venue
        public var side: Side
        public init(coin: String, venue: Venue, side: Side) { self.coin = coin; self.venue = venue; self.side = side }
        public static func < (a: Key, b: Key) -> Bool {
            (a.coin, a.venue.rawValue, a.side.rawValue) < (b.coin, b.venue.rawValue, b.side.rawValue)
        }
    }

    public struct Cell: Sendable, Equatable {
        public var count: Int = 0
        public var usd: USD = .zero
        public init(count: Int = 0, usd: USD = .zero) { self.count = count; self.usd = usd }
    }

    /// How many of the largest orders a day keeps.
    public static let largestKept = 10

    public let day: Day
    public var totals: [Key: Cell] = [:]
    /// Long and short USD per minute of the day (1,440 each).
    public var minuteLong = [USD](repeating: .zero, count: 1_440)
    public var minuteShort = [USD](repeating: .zero, count: 1_440)
    /// The largest orders, largest first (ties: earlier first), at most `largestKept`.
    public var largest: [Liquidation] = []
    public var etf: [EtfFlow] = []
    public var rates: [RatePoint] = []
    public var notes: [MacroNote] = []
    /// Whole-day totals a table gave for the day (the bundled or a loaded daily history).
    public var tableTotals: DailyLiquidationTotals?

    public init(day: Day) { self.day = day }

    /// Takes one event of this day (the caller routes by `DayDigest.day(of:)`).
    public mutating func add(_ event: Event) {
        switch event {
        case .liquidation(let l):
            Self.count(l, into: &totals[Key(coin: l.coin, venue: l.venue, side: l.side), default: Cell()])
            let minute = Int((l.time - day.start) / Duration.minute)
            if l.side == .long { minuteLong[minute] += l.usd } else { minuteShort[minute] += l.usd }
            keepIfLarge(l)
        case .etfFlow(let f): etf.append(f)
        case .rate(let r): rates.append(r)
        case .note(let n): notes.append(n)
        case .dailyTotals(let t): tableTotals = t
        case .cutOdds, .markPrice, .funding, .openInterest: break
        }
    }

    /// One hash lookup per order (this runs for every order of an archive).
    private static func count(_ l: Liquidation, into cell: inout Cell) {
        cell.count += 1
        cell.usd += l.usd
    }

    /// Adds another digest of the same day (another file's part of it).
    public mutating func merge(_ other: DayDigest) {
        for (k, c) in other.totals {
            totals[k, default: Cell()].count += c.count
            totals[k, default: Cell()].usd += c.usd
        }
        for m in 0 ..< 1_440 {
            minuteLong[m] += other.minuteLong[m]
            minuteShort[m] += other.minuteShort[m]
        }
        for l in other.largest { keepIfLarge(l) }
        etf += other.etf
        rates += other.rates
        notes += other.notes
        if let t = other.tableTotals { tableTotals = t }
    }

    /// The day an event belongs to, if it belongs to one (cut odds and leverage do not).
    public static func day(of event: Event) -> Day? {
        switch event {
        case .liquidation(let l): Day(containing: l.time)
        case .etfFlow(let f): f.day
        case .rate(let r): r.day
        case .note(let n): Day(containing: n.time)
        case .dailyTotals(let t): t.day
        case .cutOdds, .markPrice, .funding, .openInterest: nil
        }
    }

    // MARK: - Figures

    /// The day's liquidated USD of one side from its orders.
    public func ordersUSD(_ side: Side) -> USD {
        totals.reduce(USD.zero) { $1.key.side == side ? $0 + $1.value.usd : $0 }
    }

    public var orderCount: Int { totals.values.reduce(0) { $0 + $1.count } }
    public var hasOrders: Bool { orderCount > 0 }

    /// Long or short USD for the day: from its orders when it has any, else from a table.
    public func usd(_ side: Side) -> USD {
        hasOrders ? ordersUSD(side) : (tableTotals?.usd(side) ?? .zero)
    }

    private mutating func keepIfLarge(_ l: Liquidation) {
        if largest.count == Self.largestKept, let last = largest.last, !Self.before(l, last) { return }
        let at = largest.firstIndex { Self.before(l, $0) } ?? largest.endIndex
        largest.insert(l, at: at)
        if largest.count > Self.largestKept { largest.removeLast() }
    }

    /// Largest first; equal amounts by time, then by venue and instrument, so the kept set does
    /// not depend on the order the orders arrived in.
    static func before(_ a: Liquidation, _ b: Liquidation) -> Bool {
        if a.usd != b.usd { return a.usd > b.usd }
        if a.time != b.time { return a.time < b.time }
        return (a.venue.rawValue, a.instrument, a.side.rawValue) < (b.venue.rawValue, b.instrument, b.side.rawValue)
    }
}

/// Digests of many days, filled from events in any order.
public struct DayDigests: Sendable, Equatable {
    public private(set) var byDay: [Day: DayDigest] = [:]
    /// Cut odds belong to no day (each is for a meeting ahead): kept beside the days.
    public var odds: [CutOdds] = []

    public init() {}

    public mutating func add(_ events: some Sequence<Event>) {
        for e in events {
            if case .cutOdds(let o) = e { odds.append(o); continue }
            guard let d = DayDigest.day(of: e) else { continue }
            byDay[d, default: DayDigest(day: d)].add(e)
        }
    }

    public mutating func merge(_ other: DayDigests) {
        odds += other.odds
        for (d, digest) in other.byDay {
            if byDay[d] == nil { byDay[d] = digest } else { byDay[d]!.merge(digest) }
        }
    }

    /// Puts a whole digest in place of the day's.
    public mutating func set(_ digest: DayDigest) { byDay[digest.day] = digest }

    public var days: [Day] { byDay.keys.sorted() }
    public subscript(day: Day) -> DayDigest? { byDay[day] }
}
