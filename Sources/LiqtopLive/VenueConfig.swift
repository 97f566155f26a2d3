import LiqtopCore

/// Where and what to subscribe on one venue. The URL is overridable for testnets, mirrors,
/// the legacy Binance path, and loopback tests (`ws://` is accepted).
public struct VenueConfig: Sendable, Hashable {
    public var venue: Venue
    public var url: String
    /// Coins to subscribe where the venue needs one topic per symbol (Bybit). Binance's and
    /// Aster's `!forceOrder@arr`, OKX's `liquidation-orders` SWAP channel, Bitget's `liquidation`
    /// topic and Gate's `!all` already cover every market.
    /// A coin that already names a symbol (`1000PEPEUSDT`) is used as given.
    public var coins: [String]
    public var proxy: Proxy
    /// The source name when one venue needs two connections (HTX coin-margined swaps: `htx-coin`).
    public var label: String?
    /// Also subscribe mark price, funding and open interest (`VenueProtocol.leverageMessages`)
    /// next to the liquidations; off with `live --no-leverage`.
    public var leverage = false
    /// The coins whose leverage channels are subscribed where a venue needs one topic per
    /// instrument (Bybit `tickers.*`, OKX `mark-price`/`funding-rate`/`open-interest`, Hyperliquid
    /// `activeAssetCtx`).
    /// Binance's `!markPrice@arr@1s` covers every symbol at once.
    public var leverageCoins = VenueConfig.leverageCoins

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
    public static func bitget(url: String? = nil) -> VenueConfig { VenueConfig(venue: .bitget, url: url) }
    public static func gate(url: String? = nil) -> VenueConfig { VenueConfig(venue: .gate, url: url) }
    public static func aster(url: String? = nil) -> VenueConfig { VenueConfig(venue: .aster, url: url) }
    /// HTX USDT-margined swaps (`linear-swap-notification`).
    public static func htx(url: String? = nil) -> VenueConfig { VenueConfig(venue: .htx, url: url) }
    /// HTX coin-margined swaps: the same topic on another endpoint, as a second source.
    public static func htxCoinMargined(url: String? = nil) -> VenueConfig {
        var c = VenueConfig(venue: .htx, url: url ?? htxCoinMarginedURL)
        c.label = "htx-coin"
        return c
    }
    public static func bitmex(url: String? = nil) -> VenueConfig { VenueConfig(venue: .bitmex, url: url) }
    public static func deribit(url: String? = nil) -> VenueConfig { VenueConfig(venue: .deribit, url: url) }
    /// Hyperliquid: leverage only (`activeAssetCtx` per coin), so `leverage` is on.
    public static func hyperliquid(url: String? = nil) -> VenueConfig {
        var c = VenueConfig(venue: .hyperliquid, url: url)
        c.leverage = true
        return c
    }

    public static let htxCoinMarginedURL = "wss://api.hbdm.com/swap-notification"

    public static func defaultURL(_ venue: Venue) -> String {
        switch venue {
        // USD-M's routed /market path: since Binance split fstream into /public, /market and
        // /private, a connection without a routed path "only receives /public data", and mark
        // prices (subscribed beside the liquidations) are /market data that "will not deliver"
        // there, silently (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Important-WebSocket-Change-Notice;
        // https://developers.binance.com/docs/products/caas/market-data-streams).
        case .binance: "wss://fstream.binance.com/market/ws/!forceOrder@arr"
        case .bybit: "wss://stream.bybit.com/v5/public/linear"
        case .okx: "wss://ws.okx.com:8443/ws/v5/public"
        // Bitget v3 (UTA) public stream: the `liquidation` topic exists only there.
        case .bitget: "wss://ws.bitget.com/v3/ws/public"
        // Gate USDT-settled perpetuals; BTC-settled ones live on /v4/ws/btc.
        case .gate: "wss://fx-ws.gateio.ws/v4/ws/usdt"
        // Aster futures (asterdex api-docs, "Websocket Market Streams"): Binance's layout.
        case .aster: "wss://fstream.asterdex.com/ws/!forceOrder@arr"
        case .htx: "wss://api.hbdm.com/linear-swap-notification"
        case .bitmex: "wss://ws.bitmex.com/realtime"
        case .deribit: "wss://www.deribit.com/ws/api/v2"
        // Hyperliquid's API WebSocket (docs, Websocket: mainnet `wss://api.hyperliquid.xyz/ws`).
        case .hyperliquid: "wss://api.hyperliquid.xyz/ws"
        }
    }

    /// Why `url` can never reach a venue, in a few words, or nil when it might: `ws://` or
    /// `wss://` (lower case: WSClient takes any other scheme for plain TCP on port 80), a host,
    /// and a port, if given, in 1-65535. The split follows WSClient's (host up to `:`, `/`, `?`).
    public static func urlProblem(_ url: String) -> String? {
        guard !url.isEmpty else { return "is empty" }
        let rest: Substring
        if url.hasPrefix("wss://") { rest = url.dropFirst(6) } else if url.hasPrefix("ws://") { rest = url.dropFirst(5) } else {
            return "must start with ws:// or wss://"
        }
        let host = rest.prefix { !":/?".contains($0) }
        guard !host.isEmpty else { return "names no host" }
        guard !host.contains(where: { $0.isWhitespace || $0 == "@" || $0 == "#" }) else { return "has an invalid host" }
        let afterHost = rest.dropFirst(host.count)
        if afterHost.first == ":" {
            let port = afterHost.dropFirst().prefix { !"/?".contains($0) }
            guard port.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(port), (1 ... 65535).contains(n) else {
                return "port '\(port.prefix(12))' is not in 1-65535"
            }
        }
        return nil
    }

    /// The URL and what is wrong with it, for messages.
    public var urlProblem: String? {
        Self.urlProblem(url).map { "URL '\(url.prefix(80))' \($0)" }
    }

    /// The majors by open interest; the CLI's `--coins` replaces them.
    public static let defaultCoins = ["BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI", "LTC", "TRX"]

    /// The coins whose price, funding and open interest matter most in a squeeze: the ones
    /// subscribed (and, on Binance, polled) unless `--coins` names others.
    public static let leverageCoins = ["BTC", "ETH", "SOL", "XRP", "DOGE"]

    /// Source name for health, rejections and batches: the venue's name.
    public var name: String { label ?? venue.rawValue }

    /// Bybit linear symbols for `coins`, upper-cased, duplicates dropped, order kept.
    public var bybitSymbols: [String] { Self.linearSymbols(coins) }

    /// USDT-margined symbols as Bybit and Binance USD-M name them (`BTC` → `BTCUSDT`; a coin
    /// that already names a symbol is kept), upper-cased, duplicates dropped, order kept.
    public static func linearSymbols(_ coins: [String]) -> [String] {
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

    /// Hyperliquid coins for `leverageCoins`, as its `activeAssetCtx` subscription names them
    /// (`BTC`; `BTCUSDT` is read as BTC), upper-cased, duplicates and names with other
    /// characters than letters and digits dropped (they would break the request's JSON, and
    /// Hyperliquid's perps are named so).
    public var hyperliquidCoins: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for coin in leverageCoins {
            var c = coin.uppercased().filter { !$0.isWhitespace }
            if (c.hasSuffix("USDT") || c.hasSuffix("USDC")), c.count > 4 { c.removeLast(4) }
            guard !c.isEmpty, c.count <= CoinNormalizer.maxLength,
                  c.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else { continue }
            if seen.insert(c).inserted { out.append(c) }
        }
        return out
    }

    /// OKX USDT-margined perpetual swaps for `leverageCoins` (`BTC` → `BTC-USDT-SWAP`; an
    /// instrument id with a dash is kept, `BTCUSDT` is read as BTC), duplicates and ids with
    /// other characters than letters, digits and dashes dropped.
    public var okxSwapInstruments: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for coin in leverageCoins {
            var c = coin.uppercased().filter { !$0.isWhitespace }
            if c.isEmpty { continue }
            if !c.contains("-") {
                if c.hasSuffix("USDT"), c.count > 4 { c.removeLast(4) }
                c += "-USDT-SWAP"
            }
            // Only what an OKX id can hold: anything else would break the request's JSON.
            guard c.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else { continue }
            if seen.insert(c).inserted { out.append(c) }
        }
        return out
    }
}
