/// A `highest-since WINDOW` rule's state.
///
/// What "a new high" means, precisely. At an instant τ, for a side, the window total is that
/// side's liquidated USD of the whole market in `(τ − WINDOW, τ]`; the history is the daily
/// totals (`daily_liquidations`, the demo's `DemoHistory`) of the days before τ's UTC day. The
/// total is "the highest since D" where D is the most recent history day whose total for that
/// side is at least as high (or, when none is, the history's first day: a record), as the
/// dashboard's "highest since" line says. It is *notable* when D is at least
/// `Signals.notableSpanDays` (7) days before τ's day. The rule fires when the total becomes
/// notable, and again each time D moves further back (a higher step of the history is passed);
/// it is re-armed when the total is no longer notable. So a day climbing past the last three
/// months fires once with the furthest "since" it reached at each order, not once per order.
/// Without a history the rule never fires.
struct HighestSinceState: Sendable {
    /// Per side (long, short): the earliest "since" day announced in the current run.
    var announced: [Day?] = [nil, nil]
    /// The history's steps looking back from a day: the days whose total beats every later
    /// day's, most recent first (so the first step at least as high as a total is its D).
    private var steps: (today: Day, long: [(Day, USD)], short: [(Day, USD)], first: Day?)?

    mutating func prime(_ rule: AlertRule, at t: Millis, book: LiquidationBook, history: [Day: DailyLiquidationTotals]) {
        for side in [Side.long, .short] {
            let total = book.sideTotal(side, after: t - rule.interval, through: t)
            announced[CascadeState.index(side)] = since(total, side: side, at: t, history: history)
        }
    }

    /// The orders of instant τ (filtered by the rule's side).
    mutating func step(_ rule: AlertRule, at τ: Millis, sides: Set<Side>, book: LiquidationBook,
                       history: [Day: DailyLiquidationTotals], into out: inout [Alert]) {
        for side in [Side.long, .short] where sides.contains(side) {
            // Just before τ the total was at its lowest since the last order: re-arm there.
            let before = book.sideTotal(side, after: τ - 1 - rule.interval, through: τ - 1)
            if since(before, side: side, at: τ - 1, history: history) == nil { announced[CascadeState.index(side)] = nil }
            look(rule, side: side, at: τ, book: book, history: history, into: &out)
        }
    }

    /// At the end of an evaluation, or for late orders at the last instant evaluated.
    mutating func look(_ rule: AlertRule, side: Side, at τ: Millis, book: LiquidationBook,
                       history: [Day: DailyLiquidationTotals], into out: inout [Alert]) {
        let i = CascadeState.index(side)
        let total = book.sideTotal(side, after: τ - rule.interval, through: τ)
        guard let d = since(total, side: side, at: τ, history: history) else { announced[i] = nil; return }
        if let a = announced[i], a <= d { return }
        announced[i] = d
        let record = !stepList(side).contains { $0.1 >= total }
        let window = intervalWords(rule.interval)
        out.append(Alert(time: τ, rule: rule.text, kind: .highestSince, side: side, usd: total,
                         text: "\(window) \(side.rawValue)s \(Figures.usd(total, decimals: 2)): " + (record ? "the most in the history (since \(d))" : "highest since \(d)")))
    }

    /// D for `total` at `t` when notable, else nil.
    private mutating func since(_ total: USD, side: Side, at t: Millis, history: [Day: DailyLiquidationTotals]) -> Day? {
        guard total > .zero else { return nil }
        let today = Day(containing: t)
        if steps?.today != today { build(today, history) }
        guard let first = steps?.first else { return nil }
        let d = stepList(side).first { $0.1 >= total }?.0 ?? first
        return today.index - d.index >= Signals.notableSpanDays ? d : nil
    }

    private func stepList(_ side: Side) -> [(Day, USD)] { side == .long ? steps?.long ?? [] : steps?.short ?? [] }

    private mutating func build(_ today: Day, _ history: [Day: DailyLiquidationTotals]) {
        let earlier = history.values.filter { $0.day < today }.sorted { $0.day > $1.day }
        func staircase(_ side: Side) -> [(Day, USD)] {
            var out: [(Day, USD)] = []
            for d in earlier where out.last.map({ d.usd(side) > $0.1 }) ?? true { out.append((d.day, d.usd(side))) }
            return out
        }
        steps = (today, staircase(.long), staircase(.short), earlier.last?.day)
    }
}
