/// Order size tiers: ascending thresholds, e.g. $50k / $100k / $1M / $10M. An order is in the
/// highest tier whose threshold it reaches (nil below the first). The tape colours orders by
/// tier and the Liquidations panel counts the window's orders per tier.
public struct SizeTiers: Sendable, Hashable {
    public private(set) var thresholds: [USD]

    public static let standard = SizeTiers(unchecked: [50_000, 100_000, 1_000_000, 10_000_000].map { USD(dollars: $0) })
    /// At most this many tiers: each needs a colour and a column.
    public static let maxCount = 6

    /// Nil unless 1 to `maxCount` strictly ascending positive thresholds.
    public init?(_ thresholds: [USD]) {
        guard (1 ... Self.maxCount).contains(thresholds.count), thresholds[0] > .zero,
              zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.thresholds = thresholds
    }

    private init(unchecked: [USD]) { thresholds = unchecked }

    /// The tier index of `usd` (0 = the first threshold), nil below the first.
    public func tier(of usd: USD) -> Int? {
        thresholds.lastIndex { usd >= $0 }
    }
}

/// The tiers of every coin: one ladder for all, and the coins that set their own.
public struct TierLadder: Sendable, Hashable {
    public var all: SizeTiers
    public var perCoin: [String: SizeTiers]

    public init(all: SizeTiers = .standard, perCoin: [String: SizeTiers] = [:]) {
        self.all = all; self.perCoin = perCoin
    }

    public func tiers(for coin: String?) -> SizeTiers {
        coin.flatMap { perCoin[$0] } ?? all
    }
}

/// How many of a window's orders reached each tier (an order counts in its own tier only).
public struct TierCounts: Sendable, Hashable {
    public var window: Window
    /// The coin the counts are of (its own tiers when it has some), nil for the whole market.
    public var coin: String?
    public var tiers: SizeTiers
    public var counts: [Int]

    public init(window: Window, coin: String?, tiers: SizeTiers, counts: [Int]) {
        self.window = window; self.coin = coin; self.tiers = tiers; self.counts = counts
    }
}
