/// The one owner of mutable market state. Sources send it decoded batches; it answers with
/// immutable `Snapshot`s, published on `snapshots` only when something changed.
public actor MarketStore {
    public struct Config: Sendable {
        /// Orders at or above this go on the tape of recent large orders.
        public var tapeMinimum = USD(dollars: 50_000)
        /// Size tiers (the config's `[tiers]`): tape colours and the per-tier counts.
        public var tiers = TierLadder()
        public var tapeLength = 64
        public var largestCount = 20
        /// About three months of trading days: as many bars as the widest ETF panel shows.
        public var etfHistoryDays = 60
        /// Orders listed in a drill-down (newest first); the count of all is still exact.
        public var detailOrderLimit = 5_000
        /// Keep each order's price and quantity (for the order lists); `summary` does without.
        public var keepsOrderDetail = true
        public init() {}
    }

    /// Rejections kept for the drill-down list; counts stay exact beyond it.
    public static let keptRejections = 1_000

    public nonisolated let snapshots: AsyncStream<Snapshot>
    private let continuation: AsyncStream<Snapshot>.Continuation
    private let config: Config

    private var liquidations: LiquidationBook
    private var etf = EtfBook()
    private var macro = MacroBook()
    private var leverage = LeverageBook()
    private var input = InputStats()
    private var latestOtherTime: Millis?
    /// The newest note: a moment, like a liquidation, so it can end the data.
    private var latestNoteTime: Millis?
    private var health: [String: SourceHealth] = [:]
    /// Where each venue's contract values came from, in words (venue drill-down, venue list).
    private var instrumentSources: [String: String] = [:]
    private var leverageNotes: [String: String] = [:]
    private var outages: [Outage] = []
    /// Outages kept (the oldest go first); a day of flapping stays small.
    public static let keptOutages = 1_000
    private var clock: Millis?
    private var focus = Focus()
    private var version = 0
    private var published: (version: Int, clock: Millis, focus: Focus)?
    private var alerts = AlertEngine()

    public init(config: Config = Config()) {
        self.config = config
        liquidations = LiquidationBook(keepsDetail: config.keepsOrderDetail)
        (snapshots, continuation) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: input

    /// Ingests what a decoder produced from `source`, counting rejections and ignores.
    public func ingest(_ output: DecodeOutput, source: String) {
        var stats = sourceStats(source)
        stats.lines += output.lines
        stats.rejected += output.rejectedCount
        stats.ignored += output.ignored
        let room = Self.keptRejections - input.rejections.count
        if room > 0 { input.rejections += output.rejections.prefix(room) }
        input.reasons.merge(output.reasons)
        // A recording's own instrument lines price its orders unless the session said otherwise.
        for venue in Set(output.statedInstruments.map(\.venue)) where instrumentSources[venue] == nil {
            instrumentSources[venue] = "recorded in \(source)"
        }
        if !alerts.isEmpty { alerts.arrived(output.orders) }
        var accepted = apply(output.events)
        if let expected = output.expectedOrders { liquidations.reserve(liquidations.count + expected) }
        if !output.orders.isEmpty {
            let before = liquidations.overflowed
            liquidations.insert(output.orders)
            accepted += output.orders.count - (liquidations.overflowed - before)
        }
        stats.events += accepted
        setSourceStats(stats)
        version += 1
        publishIfChanged()
    }

    /// Ingests events that need no bookkeeping per line (the demo day, tests).
    public func ingest(_ events: [Event], source: String) {
        var out = DecodeOutput()
        out.events = events
        ingest(out, source: source)
    }

    private func apply(_ events: [Event]) -> Int {
        var batch: [Liquidation] = []
        for e in events {
            switch e {
            case .liquidation(let l): batch.append(l); if !alerts.isEmpty { alerts.arrived(l) }
            case .etfFlow(let f): etf.insert(f); if !alerts.isEmpty { alerts.arrived(f) }; noteTime(f.day.start + Duration.day - 1)
            case .note(let n):
                macro.insert(n)
                noteTime(n.time)
                latestNoteTime = max(latestNoteTime ?? n.time, n.time)
            // A dated event counts at the end of its day; cut odds are dated by a meeting that
            // may lie months ahead, so they never move the end of the data.
            case .rate(let r): macro.insert(r); noteTime(r.day.start + Duration.day - 1)
            case .cutOdds(let o): macro.insert(o)
            case .dailyTotals(let d): macro.insert(d); noteTime(d.day.start + Duration.day - 1)
            case .markPrice(let m): leverageEvent(e, m.time)
            case .funding(let f): leverageEvent(e, f.time)
            case .openInterest(let o): leverageEvent(e, o.time)
            }
        }
        let before = liquidations.overflowed, refusedBefore = leverage.refused
        liquidations.insert(batch)
        return events.count - (liquidations.overflowed - before) - (leverage.refused - refusedBefore)
    }

    /// A leverage event is a moment of the data like an ETF day: it ends the data only without
    /// liquidations and notes.
    private func leverageEvent(_ e: Event, _ t: Millis) {
        if leverage.insert(e) { noteTime(t) }
    }

    private func noteTime(_ t: Millis) { latestOtherTime = max(latestOtherTime ?? t, t) }

    private func sourceStats(_ name: String) -> InputStats.Source {
        input.sources.first { $0.name == name } ?? InputStats.Source(name: name)
    }

    private func setSourceStats(_ s: InputStats.Source) {
        if let i = input.sources.firstIndex(where: { $0.name == s.name }) { input.sources[i] = s } else { input.sources.append(s) }
    }

    /// Records a source's state at wall time `now`; outages of chart-feeding sources are kept.
    public func setHealth(_ h: SourceHealth, at now: Millis) {
        let wasLive = health[h.name]?.isLive ?? false
        health[h.name] = h
        if h.marksGaps {
            if wasLive && !h.isLive {
                outages.append(Outage(source: h.name, from: now, to: nil))
                if outages.count > Self.keptOutages { outages.removeFirst(outages.count - Self.keptOutages) }
            } else if h.isLive, let i = outages.lastIndex(where: { $0.source == h.name && $0.to == nil }) {
                outages[i].to = now
            }
        }
        version += 1
        publishIfChanged()
    }

    /// Says where `venue`'s contract values come from (`live list of …`, `--instruments FILE`).
    /// Whole-day totals from outside the input (the archive index's earlier days): history for
    /// "highest since" only — not input events, and they never move the end of the data. A day
    /// a table already gives keeps the table's totals.
    public func extendHistory(_ days: [DailyLiquidationTotals]) {
        for d in days where macro.dailyTotals[d.day] == nil { macro.insert(d) }
        version += 1
        publishIfChanged()
    }

    public func setInstrumentSource(venue: String, _ words: String) {
        guard instrumentSources[venue] != words else { return }
        instrumentSources[venue] = words
        version += 1
        publishIfChanged()
    }

    /// Says how `venue`'s leverage figures arrive where that is not a stream (Binance's polled
    /// open interest), for the venue view.
    public func setLeverageNote(venue: String, _ words: String) {
        guard leverageNotes[venue] != words else { return }
        leverageNotes[venue] = words
        version += 1
        publishIfChanged()
    }

    /// Drops liquidations older than `t`; a live session calls this periodically with
    /// "now − 24 h − margin", after the recorder has flushed them.
    public func prune(before t: Millis) {
        let before = liquidations.count
        liquidations.dropOrders(before: t)
        var changed = liquidations.count != before
        // The leverage book keeps whole minutes: only a minute wholly before `t` goes.
        if let first = leverage.earliestTime, first < t - ((t % Duration.minute) + Duration.minute) % Duration.minute {
            leverage.drop(before: t); changed = true
        }
        if changed { version += 1; publishIfChanged() }
    }

    public var liquidationCount: Int { liquidations.count }

    /// Bytes held by the leverage book's per-minute columns (the memory benchmark reads it).
    public var leverageColumnBytes: Int { leverage.columnBytes }

    // MARK: alerts

    /// The rules to evaluate; the engine starts unprimed (see `advanceAlerts`).
    public func setAlertRules(_ rules: [AlertRule]) { alerts = AlertEngine(rules: rules) }

    public var alertRules: [AlertRule] { alerts.rules }

    /// Sets the rules' state as of `t` without alerting (the start of a replay, a seek).
    public func primeAlerts(at t: Millis) {
        alerts.prime(at: t, book: liquidations, etf: etf, history: macro.dailyTotals, leverage: leverage)
    }

    /// Every alert of the data after the last evaluated instant through `t`, and of what arrived
    /// late since, in time order (see `AlertEngine`). Unprimed, or with `t` before the last
    /// evaluated instant (a backwards seek), it primes at `t` silently and returns nothing.
    public func advanceAlerts(to t: Millis) -> [Alert] {
        alerts.advance(to: t, book: liquidations, etf: etf, history: macro.dailyTotals, leverage: leverage)
    }

    // MARK: clock and focus

    /// Moves the store clock (replay position or wall time). `nil` follows the latest data.
    public func setClock(_ t: Millis?) {
        clock = t
        publishIfChanged()
    }

    public func setFocus(_ f: Focus) {
        focus = f
        publishIfChanged()
    }

    /// The newest moment in the data: the last liquidation or note, whichever is later (a note
    /// written after the last order must be reachable by `summary` and replay's End); without
    /// either, the latest of the other events, a dated one (ETF day, rate, daily totals) at the
    /// end of its day.
    public var dataEnd: Millis? {
        switch (liquidations.lastTime, latestNoteTime) {
        case let (l?, n?): return max(l, n)
        case let (l?, nil): return l
        case let (nil, n?): return n
        case (nil, nil): return latestOtherTime
        }
    }
    public var dataStart: Millis? { liquidations.firstTime }

    private var effectiveClock: Millis { clock ?? dataEnd ?? 0 }

    /// Closes the snapshot stream (end of the program).
    public func finish() { continuation.finish() }

    private func publishIfChanged() {
        let t = effectiveClock
        if let p = published, p.version == version, p.clock == t, p.focus == focus { return }
        published = (version, t, focus)
        continuation.yield(snapshot())
    }

    // MARK: queries

    /// The state at the store clock.
    public func snapshot() -> Snapshot { snapshot(at: effectiveClock) }

    /// The state at any time `t` (cheap: binary searches over prefix sums).
    public func snapshot(at t: Millis) -> Snapshot {
        var windows: [Window: SideTotals] = [:]
        var byVenue: [Window: [VenueTotals]] = [:]
        var byCoin: [Window: [CoinTotals]] = [:]
        for w in Window.allCases {
            let from = t - w.duration
            windows[w] = liquidations.totals(after: from, through: t)
            var venues: [Venue: SideTotals] = [:], coins: [String: SideTotals] = [:]
            for (key, totals) in liquidations.streamTotals(after: from, through: t) {
                venues[key.venue, default: SideTotals()] = venues[key.venue, default: SideTotals()] + totals
                coins[key.coin, default: SideTotals()] = coins[key.coin, default: SideTotals()] + totals
            }
            byVenue[w] = venues.keys.sorted().map { VenueTotals(venue: $0, totals: venues[$0]!) }
            byCoin[w] = coins.map { CoinTotals(coin: $0.key, totals: $0.value) }
                .sorted { $0.totals.totalUSD > $1.totals.totalUSD || ($0.totals.totalUSD == $1.totals.totalUSD && $0.coin < $1.coin) }
        }
        let dayStart = t - Duration.day
        let today = Day(containing: t)
        var etfSummaries: [EtfAsset: EtfAssetSummary] = [:]
        for a in EtfAsset.allCases {
            etfSummaries[a] = etf.summary(a, asOf: today, historyDays: config.etfHistoryDays)
        }
        let last24 = windows[.h24]!
        // One coin's price minutes: the focused coin's, else BTC's (the chart's default price line).
        let coinLeverage = leverage.isEmpty ? [:] : leverage.figures(at: t, minutesFor: focus.coin ?? "BTC")
        let range: ClosedRange<Millis>? = {
            guard let a = liquidations.firstTime ?? latestOtherTime, let b = dataEnd else { return nil }
            return min(a, b) ... b
        }()
        var snapshot = Snapshot(
            version: version, clock: t, dataRange: range,
            windows: windows, byVenue: byVenue, byCoin: byCoin,
            minutes: minuteSeries(coin: nil, venue: nil, endingAt: t),
            largest: liquidations.largest(config.largestCount, after: dayStart, through: t),
            tape: liquidations.recent(config.tapeLength, minimum: config.tapeMinimum, after: dayStart, through: t),
            highestSince: Signals.highestSince(last24, clock: t, history: macro.dailyTotals),
            signal: Signals.squeeze(lastHour: windows[.h1]!, etf: etfSummaries, clock: t, leverage: coinLeverage)
                ?? Signals.leverageRebuilding(etf: etfSummaries, clock: t, leverage: coinLeverage),
            etf: etfSummaries,
            macro: MacroSummary(notes: macro.notes(through: t), rates: macro.latestRates(asOf: today),
                                odds: macro.upcomingOdds(from: today), ratePath: macro.ratePath(through: today, days: MacroSummary.pathDays)),
            input: input, focus: focus, detail: detail(at: t), largestEver: liquidations.largestEver,
            spanLargest: focus.span.flatMap { span in
                let through = min(span.upperBound, t)
                if let coin = focus.coin { return liquidations.largest(coin: coin, after: span.lowerBound - 1, through: through) }
                return liquidations.largest(1, after: span.lowerBound - 1, through: through).first
            },
            health: health.values.sorted { $0.name < $1.name },
            instrumentSources: instrumentSources,
            leverageNotes: leverageNotes,
            outages: outages.filter { $0.overlaps(dayStart, t + 1) },
            leverage: coinLeverage)
        snapshot.tiers = config.tiers
        let tiers = config.tiers.tiers(for: focus.coin)
        snapshot.tierCounts = TierCounts(window: focus.window, coin: focus.coin, tiers: tiers,
                                         counts: liquidations.tierCounts(tiers, coin: focus.coin, after: t - focus.window.duration, through: t))
        return snapshot
    }

    private func minuteSeries(coin: String?, venue: Venue?, endingAt t: Millis) -> MinuteSeries {
        let lastMinute = t - ((t % Duration.minute) + Duration.minute) % Duration.minute
        let start = lastMinute - 1439 * Duration.minute
        // Buckets are [m, m+1min): the series' (a, b] spans shifted by one millisecond.
        return MinuteSeries(start: start, buckets: liquidations.buckets(coin: coin, venue: venue, start: start - 1,
                                                                        width: Duration.minute, count: 1440, end: t))
    }

    /// The orders per size tier in `window` ending at the store clock, of `coin` (by its own
    /// tiers when it has some) or of the whole market (`summary`'s "Orders by size tier").
    public func tierCounts(window: Window, coin: String? = nil, at time: Millis? = nil) -> TierCounts {
        let t = time ?? effectiveClock
        let tiers = config.tiers.tiers(for: coin)
        return TierCounts(window: window, coin: coin, tiers: tiers,
                          counts: liquidations.tierCounts(tiers, coin: coin, after: t - window.duration, through: t))
    }

    /// `coin`'s orders in the `window` ending at `t` by price (`summary --by-price`), at `step` when given.
    public func priceBands(coin: String, window: Window, at t: Millis? = nil, step: FixedDecimal? = nil) -> PriceBands {
        let t = t ?? effectiveClock
        return PriceBands.make(coin: coin, window: window, orders: liquidations.pricedOrders(coin: coin, after: t - window.duration, through: t), step: step)
    }

    /// A coin's largest order, kept until the data changes (a replay moves the clock every frame).
    private var coinLargestCache: (version: Int, coin: String, order: Liquidation?)?

    private func coinLargest(_ coin: String) -> Liquidation? {
        if let c = coinLargestCache, c.version == version, c.coin == coin { return c.order }
        let order = liquidations.largest(coin: coin, after: .min, through: .max)
        coinLargestCache = (version, coin, order)
        return order
    }

    private func detail(at t: Millis) -> FocusDetail? {
        guard focus.coin != nil || focus.etfFund != nil else { return nil }
        var d = FocusDetail(venues: [], minutes: .empty, orders: [], ordersTotal: 0, fundHistory: [])
        if let coin = focus.coin {
            let from = t - focus.window.duration
            d.venues = Venue.allCases.compactMap { v in
                guard liquidations.hasStream(coin: coin, venue: v) else { return nil }
                return VenueTotals(venue: v, totals: liquidations.streamTotals(coin: coin, venue: v, after: from, through: t))
            }
            if liquidations.hasStream(coin: coin, venue: nil) {
                let venue = focus.venue.flatMap { liquidations.hasStream(coin: coin, venue: $0) ? $0 : nil }
                d.minutes = minuteSeries(coin: coin, venue: venue, endingAt: t)
            }
            let orders = liquidations.orders(coin: coin, venue: focus.venue, after: from, through: t, limit: config.detailOrderLimit)
            d.ordersTotal = orders.total
            d.orders = orders.newest
            for w in Window.allCases {
                d.windowVenues[w] = Venue.allCases.compactMap { v in
                    guard liquidations.hasStream(coin: coin, venue: v) else { return nil }
                    return VenueTotals(venue: v, totals: liquidations.streamTotals(coin: coin, venue: v, after: t - w.duration, through: t))
                }
            }
            d.tape = liquidations.recent(config.tapeLength, coin: coin, minimum: config.tapeMinimum, after: t - Duration.day, through: t)
            d.largestEver = coinLargest(coin)
            if focus.venue == nil { d.priceBands = priceBands(coin: coin, window: focus.window, at: t) }
        }
        if let asset = focus.etfAsset, let fund = focus.etfFund {
            d.fundHistory = etf.fundHistory(asset, fund: fund, through: Day(containing: t))
        }
        return d
    }
}
