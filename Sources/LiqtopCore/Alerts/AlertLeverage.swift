/// `funding-extreme` and `oi-drop`: level rules over the leverage book's per-minute figures.
///
/// Both look at every minute's end in the evaluated span (the instant the whole minute is
/// visible, see `LeverageBook`) and at the evaluated time itself; each key (an instrument's
/// funding, a coin's open interest) fires when its figure reaches the threshold and re-arms when
/// it is below again. Late leverage reports need no bookkeeping: the next look reads the book
/// as it now is, and an armed key fires at most once per crossing.
struct LeverageRuleState: Sendable {
    /// Keys at or over the threshold at the last look (fired, or primed there).
    var over: Set<String> = []

    /// The instants to look at in `(c, t]`: each minute's last millisecond, then `t`.
    static func instants(after c: Millis, through t: Millis) -> [Millis] {
        var out: [Millis] = []
        var e = c - ((c % Duration.minute) + Duration.minute) % Duration.minute + Duration.minute - 1
        if e <= c { e += Duration.minute }
        while e <= t { out.append(e); e += Duration.minute }
        if out.last != t { out.append(t) }
        return out
    }

    mutating func prime(_ rule: AlertRule, at t: Millis, leverage: LeverageBook) {
        over = Set(Self.readings(rule, at: t, leverage: leverage).filter(\.over).map(\.key))
    }

    mutating func look(_ rule: AlertRule, at τ: Millis, leverage: LeverageBook, into out: inout [Alert]) {
        var now: Set<String> = []
        for r in Self.readings(rule, at: τ, leverage: leverage) where r.over {
            now.insert(r.key)
            if !over.contains(r.key) { out.append(r.alert(τ, rule)) }
        }
        over = now
    }

    struct Reading {
        var key: String
        var over: Bool
        var alert: (Millis, AlertRule) -> Alert
    }

    static func readings(_ rule: AlertRule, at τ: Millis, leverage: LeverageBook) -> [Reading] {
        rule.kind == .fundingExtreme ? funding(rule, at: τ, leverage) : openInterestDrops(rule, at: τ, leverage)
    }

    /// Each instrument's latest funding visible at τ, per 8 h, against ±threshold.
    private static func funding(_ rule: AlertRule, at τ: Millis, _ book: LeverageBook) -> [Reading] {
        let limit = rule.fraction.scaled(to: Funding8h.scale)
        var out: [Reading] = []
        for (i, inst) in book.instruments.enumerated() {
            let key = inst.key
            guard rule.coin == nil || rule.coin == key.coin, rule.venue == nil || rule.venue == key.venue,
                  let f = book.funding(i, at: τ) else { continue }
            let rate8h = f.slot.normalized8h
            let over = rate8h.magnitude >= limit.magnitude
            let shown = Int64(exactly: rate8h).flatMap { FixedDecimal(mantissa: $0, scale: Funding8h.scale) } ?? .zero
            let payer: Side = rate8h > 0 ? .long : .short
            out.append(Reading(key: "\(key.venue.rawValue) \(key.instrument)", over: over) { t, rule in
                Alert(time: t, rule: rule.text, kind: .fundingExtreme, side: payer, coin: key.coin, venue: key.venue,
                      text: "\(key.coin) funding \(Figures.funding(shown))/8h on \(key.venue.displayName) \(key.instrument) (\(payer.rawValue)s pay)")
            })
        }
        return out
    }

    /// Each coin's open interest at τ against the interval before (the instruments priced at
    /// both instants, like with like, as the dashboard's change), as a fall of at least the threshold.
    private static func openInterestDrops(_ rule: AlertRule, at τ: Millis, _ book: LeverageBook) -> [Reading] {
        var out: [Reading] = []
        for coin in book.byCoin.keys.sorted() where rule.coin == nil || rule.coin == coin {
            var from = USD.zero, to = USD.zero, any = false
            for i in book.byCoin[coin] ?? [] {
                guard let now = book.openInterest(i, at: τ)?.usd, let then = book.openInterest(i, at: τ - rule.interval)?.usd else { continue }
                from = from + then; to = to + now; any = true
            }
            guard any, from > .zero else { continue }
            let drop = from - to
            // drop / from >= fraction, in integers: drop × 10^scale >= fraction mantissa × from.
            let over = drop > .zero && Int128(drop.micros) * FixedDecimal.pow10(Int(rule.fraction.scale)) >= Int128(rule.fraction.mantissa) * Int128(from.micros)
            let change = Change(from: from, to: to)
            out.append(Reading(key: coin, over: over) { t, rule in
                Alert(time: t, rule: rule.text, kind: .oiDrop, coin: coin, usd: drop,
                      text: "\(coin) open interest \(Figures.changePercent(change) ?? "") in \(intervalWords(rule.interval)) (\(Figures.usd(from, decimals: 2)) → \(Figures.usd(to, decimals: 2)))")
            })
        }
        return out
    }
}
