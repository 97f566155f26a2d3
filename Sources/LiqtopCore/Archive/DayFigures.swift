/// What `compare` shows of one day, computed from its digest: the 24 h totals, the peak hour
/// and minute, the venues and top coins, the largest order, the ETF flows and the macro note,
/// and the cumulative curve the compare view draws.
public struct DayFigures: Sendable, Equatable {
    public struct Named: Sendable, Equatable {
        public var name: String
        public var totals: SideTotals
    }

    /// The busiest hour (0–23) and its totals.
    public struct PeakHour: Sendable, Equatable {
        public var hour: Int
        public var totals: SideTotals
    }

    /// The busiest minute of the day (0–1439) and its USD.
    public struct PeakMinute: Sendable, Equatable {
        public var minute: Int
        public var usd: USD
    }

    public struct Flow: Sendable, Equatable {
        public var asset: EtfAsset
        public var usd: USD
    }

    public let day: Day
    public var totals = SideTotals()
    /// True when the day has no orders in the archive and its totals are a table's (the daily
    /// history): then there is no curve, no peak, no venue or coin split.
    public var fromTable = false
    public var peakHour: PeakHour?
    public var peakMinute: PeakMinute?
    /// By total, largest first (ties by name).
    public var venues: [Named] = []
    public var coins: [Named] = []
    public var largest: Liquidation?
    /// Net ETF flow per asset; empty on a day without US trading (weekends, holidays).
    public var etf: [Flow] = []
    public var note: MacroNote?
    /// Long + short USD liquidated from 00:00 up to the end of each minute (1,440 points).
    public var cumulative: [USD] = []
    /// The cascade's onset: the first minute at which the trailing hour holds half of the peak
    /// hour's USD. Aligning two days on it lines their cascades up whatever their clock time.
    public var onsetMinute: Int?

    public init(_ d: DayDigest) {
        day = d.day
        note = d.notes.max { $0.time < $1.time }
        var flows: [EtfAsset: USD] = [:]
        for f in d.etf { flows[f.asset, default: .zero] += f.netUSD }
        etf = EtfAsset.allCases.compactMap { a in flows[a].map { Flow(asset: a, usd: $0) } }
        guard d.hasOrders else {
            fromTable = d.tableTotals != nil
            totals = SideTotals(longUSD: d.usd(.long), shortUSD: d.usd(.short), longCount: 0, shortCount: 0)
            return
        }
        var byVenue: [Venue: SideTotals] = [:], byCoin: [String: SideTotals] = [:]
        for (k, c) in d.totals {
            let t = k.side == .long ? SideTotals(longUSD: c.usd, shortUSD: .zero, longCount: c.count, shortCount: 0)
                : SideTotals(longUSD: .zero, shortUSD: c.usd, longCount: 0, shortCount: c.count)
            totals = totals + t
            byVenue[k.venue, default: SideTotals()] = byVenue[k.venue, default: SideTotals()] + t
            byCoin[k.coin, default: SideTotals()] = byCoin[k.coin, default: SideTotals()] + t
        }
        func ranked(_ list: [Named]) -> [Named] {
            list.sorted { $0.totals.totalUSD != $1.totals.totalUSD ? $0.totals.totalUSD > $1.totals.totalUSD : $0.name < $1.name }
        }
        venues = ranked(byVenue.map { Named(name: $0.key.rawValue, totals: $0.value) })
        coins = ranked(byCoin.map { Named(name: $0.key, totals: $0.value) })
        largest = d.largest.first

        var running = USD.zero
        cumulative = (0 ..< 1_440).map { m in running += d.minuteLong[m] + d.minuteShort[m]; return running }
        for m in 0 ..< 1_440 {
            let u = d.minuteLong[m] + d.minuteShort[m]
            if u > .zero, peakMinute.map({ u > $0.usd }) ?? true { peakMinute = PeakMinute(minute: m, usd: u) }
        }
        for h in 0 ..< 24 {
            var t = SideTotals()
            for m in h * 60 ..< h * 60 + 60 { t.longUSD += d.minuteLong[m]; t.shortUSD += d.minuteShort[m] }
            if t.totalUSD > .zero, peakHour.map({ t.totalUSD > $0.totals.totalUSD }) ?? true { peakHour = PeakHour(hour: h, totals: t) }
        }
        if let peak = peakHour?.totals.totalUSD {
            onsetMinute = (0 ..< 1_440).first { m in
                let before = m >= 60 ? cumulative[m - 60] : .zero
                return (cumulative[m] - before).micros * 2 >= peak.micros
            }
        }
    }
}
