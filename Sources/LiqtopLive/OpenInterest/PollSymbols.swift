import LiqtopFeeds

/// The Binance USD-M symbols whose open interest is polled, changeable while the poller runs
/// (the coins on screen): each round reads the list as it is then.
public final class PollSymbols: Sendable {
    private let symbols: PthreadLock<[String]>

    /// `coins` as symbols (`BTC` → `BTCUSDT`, see `VenueConfig.linearSymbols`).
    public init(coins: [String]) { symbols = PthreadLock(Self.valid(coins)) }

    public func set(coins: [String]) {
        let new = Self.valid(coins)
        symbols.withLock { $0 = new }
    }

    public var current: [String] { symbols.withLock { $0 } }

    /// Binance symbols are upper-case letters and digits: anything else would need escaping in
    /// the query and names no symbol, so it is left out.
    static func valid(_ coins: [String]) -> [String] {
        VenueConfig.linearSymbols(coins).filter { s in s.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } }
    }
}
