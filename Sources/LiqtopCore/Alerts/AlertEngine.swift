/// Evaluates alert rules over the store's data as its clock moves: every firing, in time order
/// (the dashboard's bell and hooks rate-limit with `AlertThrottle`; headless output never does).
///
/// The engine remembers the last instant it evaluated (`cursor`). Advancing to `t` looks at the
/// data in `(cursor, t]` — a forward jump evaluates everything it skipped — plus the orders and
/// ETF rows that arrived since with a time at or before `cursor` (a venue lagging another, a
/// table saved late): each is evaluated exactly once, when it arrives. Moving back (a replay
/// seek) primes the state at the new time silently: no alert for the past, and the rules
/// watch from there as if they had run all along.
public struct AlertEngine: Sendable {
    public private(set) var rules: [AlertRule]
    /// The last instant evaluated; nil until primed.
    public private(set) var cursor: Millis?

    private enum State: Sendable {
        case order
        case cascade(CascadeState)
        case highest(HighestSinceState)
        case etf(EtfFlipState)
        case leverage(LeverageRuleState)
    }
    private var states: [State]
    private var lateOrders: [AlertOrder] = []
    private var lateEtf: Set<EtfFlipState.Key> = []
    /// Late orders kept for the next evaluation: the dashboard evaluates every frame, so this
    /// only fills when nothing evaluates (then the oldest are counted, not kept).
    static let maxLate = 100_000
    public private(set) var lateDropped = 0

    public init(rules: [AlertRule] = []) {
        self.rules = rules
        states = rules.map { r in
            switch r.kind {
            case .order: .order
            case .cascade: .cascade(CascadeState())
            case .highestSince: .highest(HighestSinceState())
            case .etfFlip: .etf(EtfFlipState())
            case .fundingExtreme, .oiDrop: .leverage(LeverageRuleState())
            }
        }
    }

    public var isEmpty: Bool { rules.isEmpty }
    private var watchesOrders: Bool { rules.contains { [.order, .cascade, .highestSince].contains($0.kind) } }
    private var watchesEtf: Bool { rules.contains { $0.kind == .etfFlip } }

    // MARK: arrivals

    /// An order the store has just taken: kept when it is older than what was evaluated.
    mutating func arrived(_ l: Liquidation) {
        guard let c = cursor, l.time <= c, watchesOrders else { return }
        keepLate(AlertOrder(l))
    }

    mutating func arrived(_ columns: OrderColumns) {
        guard let c = cursor, watchesOrders else { return }
        for i in 0 ..< columns.count where columns.times[i] <= c { keepLate(AlertOrder(columns.liquidation(at: i))) }
    }

    mutating func arrived(_ f: EtfFlow) {
        guard let c = cursor, f.day.start <= c, watchesEtf else { return }
        lateEtf.insert(.init(asset: f.asset, day: f.day))
    }

    private mutating func keepLate(_ o: AlertOrder) {
        if lateOrders.count >= Self.maxLate { lateOrders.removeFirst(); lateDropped += 1 }
        lateOrders.append(o)
    }

    // MARK: evaluation

    /// The state as of `t`, silently.
    mutating func prime(at t: Millis, book: LiquidationBook, etf: EtfBook, history: [Day: DailyLiquidationTotals], leverage: LeverageBook) {
        cursor = t
        lateOrders = []
        lateEtf = []
        for i in states.indices {
            switch states[i] {
            case .order: break
            case .cascade(var s): s.prime(rules[i], at: t, book: book); states[i] = .cascade(s)
            case .highest(var s): s.prime(rules[i], at: t, book: book, history: history); states[i] = .highest(s)
            case .etf(var s): s.prime(); states[i] = .etf(s)
            case .leverage(var s): s.prime(rules[i], at: t, leverage: leverage); states[i] = .leverage(s)
            }
        }
    }

    /// Every alert of the data in `(cursor, t]` and of what arrived late, in time order; an
    /// unprimed engine or a `t` before the cursor primes at `t` and returns nothing.
    mutating func advance(to t: Millis, book: LiquidationBook, etf: EtfBook, history: [Day: DailyLiquidationTotals],
                          leverage: LeverageBook) -> [Alert] {
        guard let c = cursor, t >= c else {
            prime(at: t, book: book, etf: etf, history: history, leverage: leverage)
            return []
        }
        var out: [Alert] = []
        evaluateLate(at: c, book: book, etf: etf, history: history, into: &out)
        // In-order data: the instants of (c, t], each with all of its orders.
        let range = book.positions(after: c, through: t)
        if watchesOrders && !range.isEmpty {
            var p = range.lowerBound
            var group: [AlertOrder] = []
            while p < range.upperBound {
                let τ = book.orders.times[p]
                group.removeAll(keepingCapacity: true)
                while p < range.upperBound, book.orders.times[p] == τ { group.append(AlertOrder(book: book, position: p)); p += 1 }
                step(at: τ, group, book: book, history: history, into: &out)
            }
        }
        for i in states.indices {
            switch states[i] {
            case .cascade(var s): s.finish(rules[i], at: t); states[i] = .cascade(s)
            case .etf(var s): s.look(rules[i], etf.days(startingAfter: c, through: t), etf: etf, into: &out); states[i] = .etf(s)
            case .leverage(var s):
                // Only the minutes the book holds (a first look from before the data is not 50 years of minutes).
                let from = max(c, (leverage.earliestTime ?? t) - 1)
                for τ in LeverageRuleState.instants(after: from, through: t) { s.look(rules[i], at: τ, leverage: leverage, into: &out) }
                states[i] = .leverage(s)
            default: break
            }
        }
        cursor = t
        // Stable: an instant's alerts keep the rules' order.
        return out.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    private mutating func step(at τ: Millis, _ group: [AlertOrder], book: LiquidationBook,
                               history: [Day: DailyLiquidationTotals], into out: inout [Alert]) {
        for i in states.indices {
            let rule = rules[i]
            let mine = group.filter { rule.kind == .highestSince ? (rule.side == nil || rule.side == $0.side) : rule.matches(coin: $0.coin, venue: $0.venue, side: $0.side) }
            guard !mine.isEmpty else { continue }
            switch states[i] {
            case .order:
                for o in mine where o.micros >= rule.minimum.micros { out.append(orderAlert(rule, o)) }
            case .cascade(var s):
                s.step(rule, at: τ, orders: mine, into: &out); states[i] = .cascade(s)
            case .highest(var s):
                s.step(rule, at: τ, sides: Set(mine.map(\.side)), book: book, history: history, into: &out); states[i] = .highest(s)
            case .etf, .leverage: break
            }
        }
    }

    private mutating func evaluateLate(at c: Millis, book: LiquidationBook, etf: EtfBook,
                                       history: [Day: DailyLiquidationTotals], into out: inout [Alert]) {
        let late = lateOrders.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        var etfKeys = Array(lateEtf)
        // A late day also changes what its next day flipped from.
        for k in lateEtf { if let n = etf.nextDay(k.asset, after: k.day), n.start <= c { etfKeys.append(.init(asset: k.asset, day: n)) } }
        etfKeys = Array(Set(etfKeys)).sorted { ($0.day, $0.asset) < ($1.day, $1.asset) }
        lateOrders = []
        lateEtf = []
        for i in states.indices {
            let rule = rules[i]
            switch states[i] {
            case .order:
                for o in late where rule.matches(coin: o.coin, venue: o.venue, side: o.side) && o.micros >= rule.minimum.micros {
                    out.append(orderAlert(rule, o))
                }
            case .cascade(var s):
                s.late(rule, late.filter { rule.matches(coin: $0.coin, venue: $0.venue, side: $0.side) }, at: c, into: &out)
                states[i] = .cascade(s)
            case .highest(var s):
                for side in [Side.long, .short] where late.contains(where: { $0.side == side }) && (rule.side == nil || rule.side == side) {
                    s.look(rule, side: side, at: c, book: book, history: history, into: &out)
                }
                states[i] = .highest(s)
            case .etf(var s):
                s.look(rule, etfKeys, etf: etf, into: &out); states[i] = .etf(s)
            case .leverage: break
            }
        }
    }

    private func orderAlert(_ rule: AlertRule, _ o: AlertOrder) -> Alert {
        Alert(time: o.time, rule: rule.text, kind: .order, side: o.side, coin: o.coin, venue: o.venue,
              usd: USD(micros: o.micros), text: orderText(o))
    }
}
