import LiqtopCore

/// A venue's public instrument-list endpoint, and the file its response is cached as.
public struct InstrumentEndpoint: Sendable, Hashable {
    public var venue: String
    /// The cache file name, e.g. `okx-swap.json`.
    public var cacheName: String
    public var url: String

    public init(venue: String, cacheName: String, url: String) {
        self.venue = venue; self.cacheName = cacheName; self.url = url
    }

    /// The lists liqtop's venues quote contracts by (see `InstrumentList` for each shape).
    public static let all: [InstrumentEndpoint] = [
        .init(venue: "okx", cacheName: "okx-swap.json", url: "https://www.okx.com/api/v5/public/instruments?instType=SWAP"),
        .init(venue: "okx", cacheName: "okx-futures.json", url: "https://www.okx.com/api/v5/public/instruments?instType=FUTURES"),
        .init(venue: "binance", cacheName: "binance-coinm.json", url: "https://dapi.binance.com/dapi/v1/exchangeInfo"),
        .init(venue: "gate", cacheName: "gate-usdt.json", url: "https://api.gateio.ws/api/v4/futures/usdt/contracts"),
        .init(venue: "htx", cacheName: "htx-linear-swap.json", url: "https://api.hbdm.com/linear-swap-api/v1/swap_contract_info"),
        .init(venue: "bitmex", cacheName: "bitmex.json", url: "https://www.bitmex.com/api/v1/instrument/active"),
    ]

    /// How often `live` fetches the lists again.
    public static let refreshInterval: Swift.Duration = .seconds(6 * 3600)
}

/// Where one endpoint's facts came from this time, for the venue drill-down.
public enum InstrumentSource: Sendable, Hashable, CustomStringConvertible {
    /// Fetched just now (at this time).
    case live(Millis)
    /// The endpoint failed (why); its cached response of this time was used.
    case cache(Millis, reason: String)
    /// No answer, no cache: the bundled snapshot of this day.
    case snapshot(Day, reason: String)
    /// Neither the endpoint, a cache nor a snapshot: only the in-code tables price this venue.
    case bundled(reason: String)

    public var description: String {
        switch self {
        case .live: return "live list"
        case .cache(let t, _): return "cache of \(Day(containing: t))"
        case .snapshot(let day, _): return "bundled snapshot of \(day)"
        case .bundled: return "bundled table"
        }
    }

    /// The venue drill-down's words: what priced the orders, as of when, and why not the live list.
    public var words: String {
        switch self {
        case .live(let t): return "live list of \(String(ISOTime.format(t).prefix(16).map { $0 == "T" ? " " : $0 })) UTC"
        case .cache(let t, let why): return "cache of \(Day(containing: t)) (list: \(SafeText.short(why, limit: 60)))"
        case .snapshot(let day, let why): return "bundled snapshot of \(day) (list: \(SafeText.short(why, limit: 60)))"
        case .bundled(let why): return "in-code table only (list: \(SafeText.short(why, limit: 60)))"
        }
    }
}
