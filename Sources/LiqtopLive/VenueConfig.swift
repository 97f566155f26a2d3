import LiqtopCore

/// Where and what to subscribe on one venue. The URL is overridable for testnets, mirrors,
/// Binance's announced 2026 URL move, and loopback tests (`ws://` is accepted).
public struct VenueConfig: Sendable, Hashable {
    public var venue: Venue
    public var url: String
    /// Coins to subscribe where the venue needs one topic per symbol (Bybit). Binance's
    /// `!forceOrder@arr` and OKX's `liquidation-orders` SWAP channel already cover every market.
    /// A coin that already names a symbol (`1000PEPEUSDT`) is used as given.
    public var coins: [String]
    public var proxy: Proxy

    /// How to reach the venue: directly, through `https_proxy`/`http_proxy` (honouring
    /// `no_proxy`), or through a given HTTP CONNECT or SOCKS proxy.
    public enum Proxy: Sendable, Hashable {
        case none
        case environment
        case http(host: String, port: Int)
        case socks(host: String, port: Int)
    }

    public init(venue: Venue, url: String? = nil, coins: [String] = VenueConfig.defaultCoins,
                proxy: Proxy = .environment) {
        self.venue = venue
        self.url = url ?? Self.defaultURL(venue)
        self.coins = coins
        self.proxy = proxy
    }

    public static func binance(url: String? = nil) -> VenueConfig { VenueConfig(venue: .binance, url: url) }
    public static func bybit(url: String? = nil, coins: [String] = defaultCoins) -> VenueConfig {
        VenueConfig(venue: .bybit, url: url, coins: coins)
    }
    public static func okx(url: String? = nil) -> VenueConfig { VenueConfig(venue: .okx, url: url) }

    public static func defaultURL(_ venue: Venue) -> String {
        switch venue {
        case .binance: "wss://fstream.binance.com/ws/!forceOrder@arr"
        case .bybit: "wss://stream.bybit.com/v5/public/linear"
        case .okx: "wss://ws.okx.com:8443/ws/v5/public"
        }
    }

    /// The majors by open interest; the CLI's `--coins` replaces them.
    public static let defaultCoins = ["BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI", "LTC", "TRX"]

    /// Source name for health, rejections and batches: the venue's name.
    public var name: String { venue.rawValue }

    /// Bybit linear symbols for `coins`, upper-cased, duplicates dropped, order kept.
    public var bybitSymbols: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for coin in coins {
            let c = coin.uppercased().filter { !$0.isWhitespace }
            if c.isEmpty { continue }
            let symbol = c.hasSuffix("USDT") || c.hasSuffix("USDC") ? c : c + "USDT"
            if seen.insert(symbol).inserted { out.append(symbol) }
        }
        return out
    }
}
