/// Long and short liquidation totals over some span.
public struct SideTotals: Sendable, Hashable {
    public var longUSD: USD = .zero
    public var shortUSD: USD = .zero
    public var longCount = 0
    public var shortCount = 0

    public init() {}
    public init(longUSD: USD, shortUSD: USD, longCount: Int, shortCount: Int) {
        self.longUSD = longUSD; self.shortUSD = shortUSD; self.longCount = longCount; self.shortCount = shortCount
    }

    public var totalUSD: USD { longUSD + shortUSD }
    public var count: Int { longCount + shortCount }
    public func usd(_ side: Side) -> USD { side == .long ? longUSD : shortUSD }

    /// Share of `side` in the USD total, in basis points (0...10_000), exact integer arithmetic.
    public func shareBasisPoints(_ side: Side) -> Int {
        let total = totalUSD.micros
        guard total > 0 else { return 0 }
        return Int(Int128(usd(side).micros) * 10_000 / Int128(total))
    }

    /// `side`'s share of the USD total as text, by the one rounding rule (`Percent`).
    public func sharePercent(_ side: Side, decimals: Int = 1) -> String {
        Percent.text(usd(side).micros, of: totalUSD.micros, decimals: decimals)
    }

    /// This total's share of `whole` (e.g. a venue's share of the window) as text.
    public func sharePercent(of whole: SideTotals, decimals: Int = 1) -> String {
        Percent.text(totalUSD.micros, of: whole.totalUSD.micros, decimals: decimals)
    }

    public static func + (a: SideTotals, b: SideTotals) -> SideTotals {
        SideTotals(longUSD: a.longUSD + b.longUSD, shortUSD: a.shortUSD + b.shortUSD,
                   longCount: a.longCount + b.longCount, shortCount: a.shortCount + b.shortCount)
    }
}

/// The rolling windows liqtop shows, each ending at the store clock.
public enum Window: String, Sendable, Hashable, CaseIterable, Comparable {
    case h1 = "1h", h4 = "4h", h12 = "12h", h24 = "24h"

    public var duration: Millis {
        switch self {
        case .h1: Duration.hour
        case .h4: 4 * Duration.hour
        case .h12: 12 * Duration.hour
        case .h24: Duration.day
        }
    }

    public static func < (a: Window, b: Window) -> Bool { a.duration < b.duration }
}
