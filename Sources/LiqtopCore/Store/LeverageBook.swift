/// Mark prices, open interest and funding per instrument, kept as per-minute slots (never the
/// raw 1-second stream): a day of 300 symbols' marks is ~432,000 bars of 44 bytes.
///
/// Every figure is a function of the set of events, not of their arrival order: each minute's
/// slot is merged by a total order (see `LeverageSlots`), and the figures at a time `x` read
/// only what was *visible* at `x`:
/// - every minute before the minute of `x`;
/// - the minute of `x` itself only when its last event is at or before `x` (live, where the
///   clock is past every event, that is always; a replay clock in the middle of a minute reads
///   the minute before until the minute's last event). A figure is thus at most a minute behind
///   in replay and never shows an event from after the clock.
struct LeverageBook: Sendable {
    /// A funding report without an interval is read as 8 h, the usual perpetual interval
    /// (Binance, Bybit and OKX default; venues with other intervals send theirs).
    static let defaultFundingHours = 8

    struct Key: Hashable, Sendable {
        var venue: Venue
        var coin: String
        var instrument: String
    }

    struct Instrument: Sendable {
        var key: Key
        var marks = MinuteColumn<MarkBar>()
        var openInterest = MinuteColumn<OpenInterestSlot>()
        var funding = FundingColumn()
        /// The power of ten the venue's price and size are per (`1000PEPEUSDT`: 3): marks are
        /// kept per coin and sizes in coins, so every venue of the coin shares one price axis.
        let zeros: Int
        init(key: Key) {
            self.key = key
            zeros = CoinNormalizer.multiplierZeros(instrument: key.instrument, coin: key.coin)
        }
    }

    private(set) var instruments: [Instrument] = []
    private var index: [Key: Int] = [:]
    /// Each coin's instruments, in `Venue.allCases` order, then by name.
    private(set) var byCoin: [String: [Int]] = [:]
    /// Bumped per coin on every change of its data (the funding-average cache reads it).
    private(set) var coinVersions: [String: Int] = [:]
    /// Events refused: a time outside an `Int32` minute, a mark price at or below zero, a negative
    /// open interest, or a mark whose digits do not fit the minute's scale.
    private(set) var refused = 0
    private(set) var latestTime: Millis?
    private(set) var earliestTime: Millis?
    var fundingCache: [String: FundingWindowsCache] = [:]
    /// The focused coin's complete price minutes (one coin at a time), and per coin the earliest
    /// minute a mark or open interest went into since: entries before it are still right.
    var priceMinutesCache: PriceMinutesCache?
    private(set) var priceDirtyFrom: [String: Int32] = [:]

    static let venueRank: [Venue: Int] = Dictionary(uniqueKeysWithValues: Venue.allCases.enumerated().map { ($1, $0) })

    var isEmpty: Bool { instruments.isEmpty }
    var coins: Dictionary<String, [Int]>.Keys { byCoin.keys }

    /// Inserts a leverage event (other events are not this book's); `false` when refused.
    @discardableResult
    mutating func insert(_ e: Event) -> Bool {
        switch e {
        case .markPrice(let m):
            guard m.mark.isPositive, let p = locate(m.venue, m.coin, m.instrument, m.time) else { return refuse() }
            var m = m
            let z = instruments[p.i].zeros
            if z > 0 {
                guard let mark = m.mark.shifted(by: -z) else { return refuse() }
                m.mark = mark
                m.index = m.index.flatMap { $0.shifted(by: -z) }
            }
            let bar = MarkBar(m, offset: p.offset)
            var ok = true
            instruments[p.i].marks.merge(minute: p.minute, bar) { ok = $0.merge($1) }
            guard ok else { return refuse() }
            touched(m.coin, m.time)
            priceTouched(m.coin, p.minute)
        case .openInterest(let o):
            guard o.size.signum >= 0, (o.usd?.micros ?? 0) >= 0,
                  let p = locate(o.venue, o.coin, o.instrument, o.time) else { return refuse() }
            var o = o
            let z = instruments[p.i].zeros
            if o.unit == .coin, z > 0 {
                guard let size = o.size.shifted(by: z) else { return refuse() }
                o.size = size
            }
            instruments[p.i].openInterest.merge(minute: p.minute, OpenInterestSlot(o, offset: p.offset)) {
                if OpenInterestSlot.isLater($1, than: $0) { $0 = $1 }
            }
            touched(o.coin, o.time)
            priceTouched(o.coin, p.minute)
        case .funding(let f):
            guard let p = locate(f.venue, f.coin, f.instrument, f.time) else { return refuse() }
            instruments[p.i].funding.merge(minute: p.minute, FundingSlot(f, offset: p.offset))
            touched(f.coin, f.time)
        default: return false
        }
        return true
    }

    private mutating func refuse() -> Bool { refused += 1; return false }

    /// A mark or open interest in minute `m` can change the coin's price minutes from `m` on
    /// (the bar itself, and the reference choice of later minutes), never before.
    private mutating func priceTouched(_ coin: String, _ m: Int32) {
        priceDirtyFrom[coin] = min(priceDirtyFrom[coin] ?? m, m)
    }

    mutating func clearPriceDirty(_ coin: String) { priceDirtyFrom[coin] = nil }

    private mutating func touched(_ coin: String, _ t: Millis) {
        coinVersions[coin, default: 0] += 1
        latestTime = max(latestTime ?? t, t)
        earliestTime = min(earliestTime ?? t, t)
    }

    /// The instrument's index (created on first sight), the event's minute and its offset in it.
    private struct Place { var i: Int; var minute: Int32; var offset: UInt16 }

    private mutating func locate(_ venue: Venue, _ coin: String, _ instrument: String, _ t: Millis) -> Place? {
        guard let minute = minuteIndex(t) else { return nil }
        let offset = UInt16(t - minuteStart(minute))
        let key = Key(venue: venue, coin: coin, instrument: instrument)
        if let i = index[key] { return Place(i: i, minute: minute, offset: offset) }
        let i = instruments.count
        instruments.append(Instrument(key: key))
        index[key] = i
        var list = byCoin[coin] ?? []
        list.append(i)
        list.sort { Self.order(instruments[$0].key, instruments[$1].key) }
        byCoin[coin] = list
        return Place(i: i, minute: minute, offset: offset)
    }

    static func order(_ a: Key, _ b: Key) -> Bool {
        let ra = venueRank[a.venue]!, rb = venueRank[b.venue]!
        return ra != rb ? ra < rb : a.instrument < b.instrument
    }

    /// Drops the minutes before the minute of `t` (a live session's rolling day).
    mutating func drop(before t: Millis) {
        guard let m = minuteIndex(t) else { return }
        for i in instruments.indices {
            instruments[i].marks.drop(before: m)
            instruments[i].openInterest.drop(before: m)
            instruments[i].funding.drop(before: m)
        }
        for c in byCoin.keys { coinVersions[c, default: 0] += 1 }
        priceMinutesCache = nil
        earliestTime = earliestTime.map { max($0, minuteStart(m)) }
    }

    /// Instrument `i`'s carried funding sum up to minute `m` (builds its checkpoints on the way).
    mutating func carriedFunding(_ i: Int, to m: Int32) -> (sum: Int128, count: Int128) {
        instruments[i].funding.carried(to: m)
    }

    /// Bytes held by the per-minute columns (capacity), for the memory benchmark.
    var columnBytes: Int {
        instruments.reduce(0) { $0 + $1.marks.bytes + $1.openInterest.bytes + $1.funding.bytes }
    }
}
