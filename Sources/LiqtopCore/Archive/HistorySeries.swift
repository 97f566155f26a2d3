/// The history view's data (issue 16, item 2): one entry per UTC day from the archive's first
/// day to its last — liquidations (fast money), each asset's ETF net flow and its running sum
/// (slow money), the policy rate in effect — and the days the squeeze signal fired.
public struct HistorySeries: Sendable, Equatable {
    /// A fed funds target range, in percent.
    public struct TargetRange: Sendable, Equatable {
        public var lower: FixedDecimal
        public var upper: FixedDecimal
    }

    public struct Entry: Sendable, Equatable {
        public let day: Day
        public var totals = SideTotals()
        /// The day's orders are in the archive (else `totals` are a daily-history table's, or none).
        public var hasOrders = false
        public var fromTable = false
        /// Net flow per asset on the day; absent: no flow published (weekends, holidays, no table).
        public var etf: [EtfAsset: USD] = [:]
        /// Net flow per asset from the archive's first day up to and including this one.
        public var cumulativeEtf: [EtfAsset: USD] = [:]
        /// The fed funds target range in effect (DFEDTARL–DFEDTARU, carried over days without a
        /// row) and the effective rate (DFF) of the day or the last before.
        public var targetRange: TargetRange?
        public var effectiveRate: FixedDecimal?
        /// The squeeze signal's name when it fired on the day (see `squeezeSignal`).
        public var signal: String?
        public var note: MacroNote?

        public var hasData: Bool { hasOrders || fromTable || !etf.isEmpty }
    }

    public private(set) var entries: [Entry] = []
    /// The ETF assets that have any flow in the archive, in `EtfAsset` order.
    public private(set) var assets: [EtfAsset] = []
    public var odds: [CutOdds]

    public init(_ digests: DayDigests) {
        odds = digests.odds
        guard let first = digests.days.first, let last = digests.days.last else { return }
        var running: [EtfAsset: USD] = [:]
        var lower: FixedDecimal?, upper: FixedDecimal?, dff: FixedDecimal?
        var lastFlows: (day: Day, net: USD)?
        var seen = Set<EtfAsset>()
        var d = first
        while d <= last {
            var e = Entry(day: d)
            if let digest = digests[d] {
                let f = DayFigures(digest)
                e.totals = f.totals; e.hasOrders = digest.hasOrders; e.fromTable = f.fromTable; e.note = f.note
                for flow in f.etf { e.etf[flow.asset] = flow.usd; running[flow.asset, default: .zero] += flow.usd; seen.insert(flow.asset) }
                for r in digest.rates {
                    switch r.series {
                    case "DFEDTARL": lower = r.value
                    case "DFEDTARU": upper = r.value
                    case "DFF": dff = r.value
                    default: break
                    }
                }
                if !f.etf.isEmpty { lastFlows = (d, f.etf.reduce(.zero) { $0 + $1.usd }) }
                let flows = lastFlows.flatMap { d.index - $0.day.index <= Signals.etfStalenessDays ? $0.net : nil }
                e.signal = Self.squeezeSignal(digest, etfNet: flows)
            }
            e.cumulativeEtf = running
            if let lower, let upper { e.targetRange = TargetRange(lower: lower, upper: upper) }
            e.effectiveRate = dff
            entries.append(e)
            d = d.advanced(by: 1)
        }
        assets = EtfAsset.allCases.filter(seen.contains)
    }

    public func index(of day: Day) -> Int? {
        guard let first = entries.first else { return nil }
        let i = Int(day.index - first.day.index)
        return entries.indices.contains(i) ? i : nil
    }

    /// The dashboard's squeeze rule (`Signals.squeeze`) at every minute of the day: some hour
    /// in which one side made up 90 % of at least $10M liquidated, against ETF net flows of the
    /// same direction (inflows for shorts) on the day or the last trading day before it.
    /// Needs the day's orders: a day known from a table only is never marked.
    public static func squeezeSignal(_ d: DayDigest, etfNet: USD?) -> String? {
        guard d.hasOrders, let net = etfNet, net != .zero else { return nil }
        var hour = SideTotals()
        for m in 0 ..< 1_440 {
            hour.longUSD += d.minuteLong[m]; hour.shortUSD += d.minuteShort[m]
            if m >= 60 { hour.longUSD -= d.minuteLong[m - 60]; hour.shortUSD -= d.minuteShort[m - 60] }
            guard hour.totalUSD >= Signals.squeezeMinimumUSD else { continue }
            if net > .zero, hour.shareBasisPoints(.short) >= Signals.squeezeShareBasisPoints { return "short squeeze into ETF inflows" }
            if net < .zero, hour.shareBasisPoints(.long) >= Signals.squeezeShareBasisPoints { return "long flush into ETF outflows" }
        }
        return nil
    }
}
