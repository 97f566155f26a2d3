/// What the alert engine reads of a stored order: no strings copied until an alert names one.
struct AlertOrder: Sendable {
    var time: Millis
    var micros: Int64
    var side: Side
    var coin: String
    var venue: Venue
    /// The order's price for the alert's text; nil when not kept (an order without detail).
    var price: FixedDecimal?

    init(_ l: Liquidation) {
        time = l.time; micros = l.usd.micros; side = l.side; coin = l.coin; venue = l.venue
        price = l.price.isPositive ? l.price : nil
    }

    init(book: LiquidationBook, position p: Int) {
        let o = book.orders, entry = o.instruments[o.instrument(p)]
        time = o.times[p]; micros = o.usd[p]; side = o.isShort(p) ? .short : .long
        coin = entry.coin; venue = entry.venue
        price = o.price(at: p).flatMap { $0.isPositive ? $0 : nil }
    }
}

extension AlertRule {
    /// Whether an order is one this rule watches (its coin, venue and side qualifiers).
    func matches(coin: String, venue: Venue, side: Side) -> Bool {
        (self.coin == nil || self.coin == coin) && (self.venue == nil || self.venue == venue) && (self.side == nil || self.side == side)
    }

    /// `BTC on Bybit`, `BTC`, `on Bybit`, or nothing: the scope a sum is over.
    var scopeWords: String {
        switch (coin, venue) {
        case let (c?, v?): " (\(c) on \(v.displayName))"
        case let (c?, nil): " (\(c))"
        case let (nil, v?): " (on \(v.displayName))"
        case (nil, nil): ""
        }
    }
}

extension LiquidationBook {
    /// The positions of the orders with time in `(from, to]`.
    func positions(after from: Millis, through to: Millis) -> Range<Int> {
        all.position(after: from, orders) ..< all.position(after: to, orders)
    }

    /// `side`'s liquidated USD in `(from, to]`, of the whole market.
    func sideTotal(_ side: Side, after from: Millis, through to: Millis) -> USD {
        totals(after: from, through: to).usd(side)
    }
}

/// "BTC short $8.42M on Bybit at 97,350.5"
func orderText(_ o: AlertOrder) -> String {
    "\(o.coin) \(o.side.rawValue) \(Figures.usd(USD(micros: o.micros), decimals: 2)) on \(o.venue.displayName)"
        + (o.price.map { " at " + Figures.price($0) } ?? "")
}
