import LiqtopCore

/// Remembers recent liquidations so that a venue resending frames after a reconnect never
/// doubles an event. Bounded twice: keys older than `window` (wall time of arrival) and
/// beyond `maxKeys` are forgotten, oldest first.
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
    private var seen = Set<Key>()
    /// Arrival order, consumed from `head`; compacted when the dead prefix grows large.
    private var order: [(key: Key, at: Millis)] = []
    private var head = 0

    public init(window: Millis = 600_000, maxKeys: Int = 100_000) {
        self.window = window
        self.maxKeys = max(1, maxKeys)
    }

    public var count: Int { seen.count }

    /// True when `l` is new (and remembers it); false for a duplicate.
    public mutating func insert(_ l: Liquidation, now: Millis) -> Bool {
        evict(now: now)
        let key = Key(l)
        guard seen.insert(key).inserted else { return false }
        order.append((key, now))
        if order.count - head > maxKeys { dropOldest() }
        return true
    }

    /// Removes duplicate liquidations from `events[from...]`; returns how many were removed.
    @discardableResult
    public mutating func filter(_ events: inout [Event], from start: Int = 0, now: Millis) -> Int {
        var write = start
        var removed = 0
        for read in start ..< events.count {
            if case .liquidation(let l) = events[read], !insert(l, now: now) {
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
    }

    private mutating func dropOldest() {
        seen.remove(order[head].key)
        head += 1
        if head >= 4096 && head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
