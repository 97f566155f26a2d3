/// A `cascade` rule's state: per side, the matching orders in the sliding interval `(τ − I, τ]`
/// and their sum, and whether the rule is armed (the sum was below the threshold since it last
/// fired).
///
/// The sum only changes at an order's instant (it enters) and at `order time + I` (it leaves),
/// so those are the only instants to look at: the rule fires at the first instant the sum is at
/// or above the threshold while armed, and re-arms at the first instant it is below again. An
/// order leaving and one entering at the same instant are both applied before the look.
struct CascadeState: Sendable {
    struct Window: Sendable {
        var times: [Millis] = []
        var micros: [Int64] = []
        var head = 0
        var sum: Int64 = 0
        var armed = true

        mutating func expire(through limit: Millis) {
            while head < times.count, times[head] <= limit { sum -= micros[head]; head += 1 }
            if head > 4096 && head * 2 > times.count {
                times.removeFirst(head); micros.removeFirst(head); head = 0
            }
        }

        mutating func add(_ t: Millis, _ m: Int64) {
            if let last = times.last, t < last, head < times.count {
                // A late order: kept in time order so it leaves at its own instant.
                var i = times.count
                while i > head, times[i - 1] > t { i -= 1 }
                times.insert(t, at: i); micros.insert(m, at: i)
            } else {
                times.append(t); micros.append(m)
            }
            sum += m
        }
    }

    var sides: [Window] = [Window(), Window()]

    static func index(_ s: Side) -> Int { s == .short ? 1 : 0 }

    /// The state at `t`, silently: the interval's orders summed, armed unless already at the threshold.
    mutating func prime(_ rule: AlertRule, at t: Millis, book: LiquidationBook) {
        sides = [Window(), Window()]
        for p in book.positions(after: t - rule.interval, through: t) {
            let o = AlertOrder(book: book, position: p)
            if rule.matches(coin: o.coin, venue: o.venue, side: o.side) { sides[Self.index(o.side)].add(o.time, o.micros) }
        }
        for i in sides.indices { sides[i].armed = sides[i].sum < rule.minimum.micros }
    }

    /// The orders of one instant `τ` (already filtered by the rule), in time order.
    mutating func step(_ rule: AlertRule, at τ: Millis, orders: [AlertOrder], into out: inout [Alert]) {
        for side in [Side.long, .short] {
            let mine = orders.filter { $0.side == side }
            guard !mine.isEmpty else { continue }
            let i = Self.index(side)
            // Orders that left before τ: the sum's lowest point since the last instant.
            sides[i].expire(through: τ - rule.interval - 1)
            if sides[i].sum < rule.minimum.micros { sides[i].armed = true }
            sides[i].expire(through: τ - rule.interval)
            for o in mine { sides[i].add(o.time, o.micros) }
            look(rule, side: side, at: τ, into: &out)
        }
    }

    /// Late orders (time at or before the last evaluated instant `c`): added to the sums they
    /// belong to; a sum they lift to the threshold fires at `c`, the instant it became known.
    mutating func late(_ rule: AlertRule, _ orders: [AlertOrder], at c: Millis, into out: inout [Alert]) {
        var touched: Set<Side> = []
        for o in orders where o.time > c - rule.interval {
            sides[Self.index(o.side)].add(o.time, o.micros)
            touched.insert(o.side)
        }
        for side in [Side.long, .short] where touched.contains(side) { look(rule, side: side, at: c, into: &out) }
    }

    /// The end of an evaluation at `t`: what left by then may re-arm the rule.
    mutating func finish(_ rule: AlertRule, at t: Millis) {
        for i in sides.indices {
            sides[i].expire(through: t - rule.interval)
            if sides[i].sum < rule.minimum.micros { sides[i].armed = true }
        }
    }

    private mutating func look(_ rule: AlertRule, side: Side, at τ: Millis, into out: inout [Alert]) {
        let i = Self.index(side)
        if sides[i].sum >= rule.minimum.micros {
            guard sides[i].armed else { return }
            sides[i].armed = false
            let usd = USD(micros: sides[i].sum)
            out.append(Alert(time: τ, rule: rule.text, kind: .cascade, side: side, coin: rule.coin, venue: rule.venue, usd: usd,
                             text: "cascade: \(Figures.usd(usd, decimals: 2)) of \(side.rawValue)s liquidated in \(intervalWords(rule.interval))\(rule.scopeWords)"))
        } else {
            sides[i].armed = true
        }
    }
}

/// `60s`, `5m`, `1h`: an interval as the rule wrote it (whole units).
func intervalWords(_ d: Millis) -> String {
    // 60s reads as the rule most often says it; an hour or more in hours where whole.
    if d < 2 * Duration.minute && d % Duration.second == 0 { return "\(d / Duration.second)s" }
    if d % Duration.hour == 0 { return "\(d / Duration.hour)h" }
    if d % Duration.minute == 0 { return "\(d / Duration.minute)m" }
    return "\(d / Duration.second)s"
}
