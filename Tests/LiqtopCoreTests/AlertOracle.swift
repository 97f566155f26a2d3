@testable import LiqtopCore

/// A generated day with known orders for the alert tests, and naive oracles that answer what
/// the engine must, by brute force and without its state machines.
enum AlertDay {
    static let day = Day(year: 2026, month: 1, day: 14)!
    static let coins = ["BTC", "ETH", "SOL"]
    static let venues: [Venue] = [.binance, .bybit, .okx]

    /// About 3,000 orders: a quiet background with some of $1M and more, and bursts of large
    /// ones that cross a few-million-per-minute threshold. Times repeat on purpose (same ms).
    static func orders(seed: UInt64 = 0xA1E7_5EED) -> [Liquidation] {
        var rng = SeededRandom(seed: seed)
        var out: [Liquidation] = []
        func order(_ t: Millis, _ dollars: Int64) -> Liquidation {
            let coin = coins[rng.below(coins.count)], venue = venues[rng.below(venues.count)]
            let side: Side = rng.chance(60) ? .short : .long
            let cents = rng.int(100 ... 10_000_000)
            return Liquidation(time: t, venue: venue, instrument: coin + "USDT", coin: coin, side: side,
                               price: FixedDecimal(mantissa: cents, scale: 2)!, quantity: FixedDecimal(1),
                               usd: USD(micros: dollars * USD.microsPerDollar + rng.int(0 ... 999_999)))
        }
        for _ in 0 ..< 2_400 {
            let t = day.start + rng.int(0 ... Duration.day - 1)
            let dollars = rng.chance(2) ? rng.int(1_000_000 ... 4_000_000) : (rng.chance(1) ? 1_000_000 : rng.int(100 ... 300_000))
            out.append(order(t, dollars))
        }
        for _ in 0 ..< 16 {
            let start = day.start + rng.int(0 ... Duration.day - 10 * Duration.minute)
            var t = start
            for _ in 0 ..< rng.int(20 ... 50) {
                t += rng.chance(20) ? 0 : rng.int(1 ... 6_000)
                out.append(order(t, rng.int(50_000 ... 600_000)))
            }
        }
        return out.sorted { $0.time < $1.time }
    }

    /// (time, side, usd) of every firing of a cascade rule primed at `from` and evaluated
    /// through `to`: the sliding sum computed afresh at every instant it can change (an order's
    /// time and the instant it leaves, `time + I`), armed while below the threshold.
    static func cascadeOracle(_ orders: [Liquidation], _ rule: AlertRule, from: Millis, to: Millis) -> [Alert] {
        let mine = orders.filter { rule.matches(coin: $0.coin, venue: $0.venue, side: $0.side) }
        var out: [Alert] = []
        for side in [Side.long, .short] {
            let s = mine.filter { $0.side == side }
            func sum(_ τ: Millis) -> Int64 { s.filter { $0.time > τ - rule.interval && $0.time <= τ }.reduce(0) { $0 + $1.usd.micros } }
            var armed = sum(from) < rule.minimum.micros
            let instants = Set(s.map(\.time) + s.map { $0.time + rule.interval }).filter { $0 > from && $0 <= to }.sorted()
            for τ in instants {
                let v = sum(τ)
                if v < rule.minimum.micros { armed = true } else if armed {
                    armed = false
                    out.append(Alert(time: τ, rule: rule.text, kind: .cascade, side: side, usd: USD(micros: v), text: ""))
                }
            }
        }
        return out.sorted { ($0.time, $0.side == .short ? 1 : 0) < ($1.time, $1.side == .short ? 1 : 0) }
    }

    /// The `highest-since` definition, naively: at every order instant of a side, the window
    /// total summed afresh and its "since" day found by scanning the history back day by day.
    static func highestSinceOracle(_ orders: [Liquidation], _ rule: AlertRule, history: [DailyLiquidationTotals],
                                   from: Millis, to: Millis) -> [Alert] {
        // Running sums per side over the orders in time order (plain prefix sums, not the store's).
        var times: [Side: [Millis]] = [:], sums: [Side: [Int64]] = [.long: [0], .short: [0]]
        for o in orders.sorted(by: { $0.time < $1.time }) {
            times[o.side, default: []].append(o.time)
            sums[o.side]!.append(sums[o.side]!.last! + o.usd.micros)
        }
        func count(_ side: Side, through τ: Millis) -> Int {
            let ts = times[side] ?? []
            var lo = 0, hi = ts.count
            while lo < hi { let m = (lo + hi) / 2; if ts[m] <= τ { lo = m + 1 } else { hi = m } }
            return lo
        }
        func total(_ side: Side, _ τ: Millis) -> USD {
            USD(micros: sums[side]![count(side, through: τ)] - sums[side]![count(side, through: τ - rule.interval)])
        }
        var byToday: [Day: [DailyLiquidationTotals]] = [:]
        func since(_ x: USD, _ side: Side, _ τ: Millis) -> Day? {
            guard x > .zero else { return nil }
            let today = Day(containing: τ)
            let earlier = byToday[today] ?? history.filter { $0.day < today }.sorted { $0.day > $1.day }
            byToday[today] = earlier
            guard let first = earlier.last else { return nil }
            let d = earlier.first { $0.usd(side) >= x }?.day ?? first.day
            return today.index - d.index >= 7 ? d : nil
        }
        var out: [Alert] = []
        for side in [Side.long, .short] where rule.side == nil || rule.side == side {
            var announced = since(total(side, from), side, from)
            for τ in Set(orders.filter { $0.side == side && $0.time > from && $0.time <= to }.map(\.time)).sorted() {
                if since(total(side, τ - 1), side, τ - 1) == nil { announced = nil }
                let x = total(side, τ)
                guard let d = since(x, side, τ) else { announced = nil; continue }
                if let a = announced, a <= d { continue }
                announced = d
                out.append(Alert(time: τ, rule: rule.text, kind: .highestSince, side: side, usd: x, text: "\(d)"))
            }
        }
        return out.sorted { $0.time < $1.time }
    }
}

extension MarketStore {
    /// A store holding `orders`, with `rules` primed at `from`.
    static func withAlerts(_ orders: [Liquidation], _ rules: [String], primedAt from: Millis) async throws -> MarketStore {
        let store = MarketStore()
        await store.ingest(orders.map(Event.liquidation), source: "test")
        await store.setAlertRules(try rules.map { try AlertRule(parsing: $0) })
        await store.primeAlerts(at: from)
        return store
    }
}

/// What identifies one alert for comparing the engine with an oracle.
struct AlertKey: Hashable, Comparable, CustomStringConvertible {
    var time: Millis, side: String, coin: String, venue: String, micros: Int64
    init(_ a: Alert) {
        time = a.time; side = a.side?.rawValue ?? "-"; coin = a.coin ?? "-"; venue = a.venue?.rawValue ?? "-"; micros = a.usd?.micros ?? 0
    }
    init(_ l: Liquidation) {
        time = l.time; side = l.side.rawValue; coin = l.coin; venue = l.venue.rawValue; micros = l.usd.micros
    }
    static func < (a: AlertKey, b: AlertKey) -> Bool {
        (a.time, a.side, a.coin, a.venue, a.micros) < (b.time, b.side, b.coin, b.venue, b.micros)
    }
    var description: String { "\(ISOTime.format(time)) \(side) \(coin) \(venue) \(micros)" }
}
