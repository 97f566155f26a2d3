/// Everything a frame (or `liqtop summary`) needs, computed by the store at one clock time.
/// Immutable and `Sendable`: the view reads it on its own domain while the store moves on.
public struct Snapshot: Sendable {
    /// Bumped on every change of ingested data.
    public var version: Int
    /// The store clock: the data's own clock in replay, the wall clock live.
    public var clock: Millis
    /// Earliest and latest event time loaded (the bounds a replay can seek within).
    public var dataRange: ClosedRange<Millis>?

    public var windows: [Window: SideTotals]
    /// Per window, venues in name order and coins by total USD (largest first).
    public var byVenue: [Window: [VenueTotals]]
    public var byCoin: [Window: [CoinTotals]]
    /// Per-minute totals over the 24 h ending at `clock`, oldest first.
    public var minutes: MinuteSeries
    /// The largest orders of the last 24 h, largest first.
    public var largest: [Liquidation]
    /// Recent orders at or above the tape threshold, newest first.
    public var tape: [Liquidation]
    public var highestSince: HighestSince?
    public var signal: Signal?
    public var etf: [EtfAsset: EtfAssetSummary]
    public var macro: MacroSummary
    public var input: InputStats
    /// The drill-down the view asked for with `MarketStore.setFocus`.
    public var focus: Focus
    public var detail: FocusDetail?
    /// The single largest order loaded, for "jump to the biggest moment".
    public var largestEver: Liquidation?
    /// The largest order within `focus.span` (the chart cursor's bucket), if any.
    public var spanLargest: Liquidation?
    /// Live sources' states, by name.
    public var health: [SourceHealth] = []
    /// Where each venue's contract values came from, in words, by venue name; a venue not here
    /// is priced by the in-code tables alone (or needs no contract value).
    public var instrumentSources: [String: String] = [:]
    /// How a venue's leverage figures arrive where that is not a stream, by venue name (live only).
    public var leverageNotes: [String: String] = [:]
    /// Outages of chart-feeding sources over the 24 h ending at `clock`.
    public var outages: [Outage] = []
    /// Price, open interest and funding per coin, by coin name (coins with any of them).
    public var leverage: [String: CoinLeverage] = [:]
    /// The size tiers the tape is coloured by, per coin where the config sets some.
    public var tiers = TierLadder()
    /// The focused window's (and coin's) orders per tier.
    public var tierCounts: TierCounts?

    /// Whether any chart-feeding source was down during `[from, to)`.
    public func wasDown(from: Millis, to: Millis) -> Bool { outages.contains { $0.overlaps(from, to) } }

    public func etfNetUSD(on day: Day) -> USD {
        etf.values.filter { $0.day == day }.reduce(.zero) { $0 + $1.today.netUSD }
    }
}

public struct VenueTotals: Sendable, Hashable {
    public var venue: Venue
    public var totals: SideTotals
}

public struct CoinTotals: Sendable, Hashable {
    public var coin: String
    public var totals: SideTotals
}

/// Consecutive one-minute buckets, `start` being the first bucket's first millisecond.
public struct MinuteSeries: Sendable, Hashable {
    public var start: Millis
    public var buckets: [SideTotals]

    public init(start: Millis, buckets: [SideTotals]) { self.start = start; self.buckets = buckets }

    public static let empty = MinuteSeries(start: 0, buckets: [])
}

/// "The 24 h short total is the highest since 2025-10-11."
public struct HighestSince: Sendable, Hashable {
    public var side: Side
    public var window: Window
    public var total: USD
    /// The most recent earlier day with a higher total (or the first day of the history when none was higher).
    public var since: Day
    /// True when no day in the history was higher.
    public var isRecord: Bool
}

/// A derived market signal, e.g. "short squeeze into ETF inflows".
public struct Signal: Sendable, Hashable {
    public var name: String
    public var detail: String
}

public struct MacroSummary: Sendable, Hashable {
    /// Notes published up to the clock, newest first.
    public var notes: [MacroNote]
    public var rates: [String: RatePoint]
    public var odds: [CutOdds]
    /// The effective rate over the last `MacroSummary.pathDays` days, oldest first.
    public var ratePath: [RatePoint] = []
    public var latestNote: MacroNote? { notes.first }

    public static let pathDays = 90
    public static let empty = MacroSummary(notes: [], rates: [:], odds: [])
}

/// What the input sources delivered, per source and in total.
public struct InputStats: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        public var name: String
        public var lines = 0
        public var events = 0
        public var rejected = 0
        public var ignored = 0

        public init(name: String, lines: Int = 0, events: Int = 0, rejected: Int = 0, ignored: Int = 0) {
            self.name = name; self.lines = lines; self.events = events; self.rejected = rejected; self.ignored = ignored
        }
    }
    public var sources: [Source] = []
    /// The first `MarketStore.keptRejections` rejections, in arrival order.
    public var rejections: [Rejection] = []
    /// Every rejection counted by kind, the ones not kept too.
    public var reasons = ReasonCounts()

    public init(sources: [Source] = [], rejections: [Rejection] = []) {
        self.sources = sources; self.rejections = rejections
    }

    public var events: Int { sources.reduce(0) { $0 + $1.events } }
    public var rejected: Int { sources.reduce(0) { $0 + $1.rejected } }
    public var ignored: Int { sources.reduce(0) { $0 + $1.ignored } }
}

/// What the view is drilled into; the store fills `Snapshot.detail` for it.
public struct Focus: Sendable, Hashable {
    public var coin: String?
    public var venue: Venue?
    public var window: Window
    public var etfAsset: EtfAsset?
    public var etfFund: String?
    /// The chart cursor's bucket, whose largest order the snapshot names (`spanLargest`).
    public var span: ClosedRange<Millis>?

    public init(coin: String? = nil, venue: Venue? = nil, window: Window = .h24,
                etfAsset: EtfAsset? = nil, etfFund: String? = nil, span: ClosedRange<Millis>? = nil) {
        self.coin = coin; self.venue = venue; self.window = window; self.etfAsset = etfAsset; self.etfFund = etfFund
        self.span = span
    }
}

public struct FocusDetail: Sendable {
    /// The focused coin's split by venue for the focus window.
    public var venues: [VenueTotals]
    /// The focused coin's (and venue's) minutes over the last 24 h.
    public var minutes: MinuteSeries
    /// Orders of the focused coin and venue in the focus window, newest first (capped).
    public var orders: [Liquidation]
    public var ordersTotal: Int
    /// The focused fund's daily history, oldest first.
    public var fundHistory: [EtfFlow]
    /// The focused coin's split by venue for every window (the dashboard's venue columns).
    public var windowVenues: [Window: [VenueTotals]] = [:]
    /// The focused coin's recent orders at or above the tape threshold, newest first (its tape).
    public var tape: [Liquidation] = []
    /// The focused coin's largest order loaded (`b` with a coin focus).
    public var largestEver: Liquidation?
    /// The focused coin's orders in the focus window by price, at the finest step (`merged` coarsens).
    public var priceBands: PriceBands?
}
