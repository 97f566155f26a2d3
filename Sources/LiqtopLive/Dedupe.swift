import LiqtopCore

/// Drops what a reconnect resends, and nothing else. A venue may replay recent messages on a
/// new connection, but within one connection every entry is its own order: two identical
/// entries in one Bybit message are two liquidations. So each new connection starts with a
/// budget of the keys delivered before it (with their multiplicity): an arrival matching the
/// budget is a resend and is dropped (spending one), any other is new. Bounded twice: keys
/// older than `window` (wall time of arrival) and beyond `maxKeys` are forgotten, oldest first.
public struct LiquidationDedupe: Sendable {
    /// What makes two reports the same liquidation.
    public struct Key: Hashable, Sendable {
        public var venue: Venue
        public var instrument: String
        public var time: Millis
        public var side: Side
        public var quantity: FixedDecimal
        public var price: FixedDecimal

        public init(_ l: Liquidation) {
            venue = l.venue; instrument = l.instrument; time = l.time
            side = l.side; quantity = l.quantity; price = l.price
        }
    }

    public let window: Millis
    public let maxKeys: Int
    /// How often each key was delivered, within the bounds.
    private var delivered: [Key: Int] = [:]
    /// Deliveries in arrival order, consumed from `head`; compacted when the dead prefix grows large.
    private var order: [(key: Key, at: Millis)] = []
    private var head = 0
    /// What the current connection may still resend: `delivered` as it was when it began.
    private var resendable: [Key: Int] = [:]
    /// After this wall time nothing is a resend any more (the window has passed).
    private var resendableUntil: Millis = .min

    public init(window: Millis = 600_000, maxKeys: Int = 100_000) {
        self.window = window
        self.maxKeys = max(1, maxKeys)
    }

    /// Deliveries remembered (a key delivered twice counts twice).
    public var count: Int { order.count - head }

    /// A new connection begins: what was delivered so far may come again, once per delivery.
    public mutating func newConnection(now: Millis) {
        evict(now: now)
        resendable = delivered
        resendableUntil = now &+ window
    }

    /// True when `l` is new (and remembers it); false for a resend of an earlier connection's.
    /// `late` is for a frame of an earlier connection still closing: never a resend, and one
    /// more thing the current connection may resend.
    public mutating func insert(_ l: Liquidation, now: Millis, late: Bool = false) -> Bool {
        evict(now: now)
        let key = Key(l)
        if late {
            resendable[key, default: 0] += 1
        } else if now <= resendableUntil, let n = resendable[key] {
            resendable[key] = n > 1 ? n - 1 : nil
            return false
        }
        delivered[key, default: 0] += 1
        order.append((key, now))
        if order.count - head > maxKeys { dropOldest() }
        return true
    }

    /// Removes resent liquidations from `events[from...]`; returns how many were removed.
    @discardableResult
    public mutating func filter(_ events: inout [Event], from start: Int = 0, now: Millis, late: Bool = false) -> Int {
        var write = start
        var removed = 0
        for read in start ..< events.count {
            if case .liquidation(let l) = events[read], !insert(l, now: now, late: late) {
                removed += 1
                continue
            }
            if write != read { events[write] = events[read] }
            write += 1
        }
        if removed > 0 { events.removeLast(removed) }
        return removed
    }

    private mutating func evict(now: Millis) {
        let horizon = now &- window
        while head < order.count && order[head].at < horizon { dropOldest() }
        if now > resendableUntil && !resendable.isEmpty { resendable = [:] }
    }

    private mutating func dropOldest() {
        let key = order[head].key
        if let n = delivered[key], n > 1 { delivered[key] = n - 1 } else { delivered[key] = nil }
        head += 1
        if head >= 4096 && head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
