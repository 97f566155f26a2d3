import LiqtopCore

/// How a venue wants to be kept alive.
public enum Keepalive: Sendable, Hashable {
    /// Nothing to send (Binance pings us; the WebSocket library answers with pong).
    case none
    /// Send `text` on a fixed period, whatever else happens (Bybit: `{"op":"ping"}` every 20 s).
    case every(Swift.Duration, text: String)
    /// Send `text` once nothing has arrived for this long (OKX: `ping` before 30 s of silence).
    case whenIdle(Swift.Duration, text: String)

    public var interval: Swift.Duration? {
        switch self {
        case .none: nil
        case .every(let d, _), .whenIdle(let d, _): d
        }
    }

    /// The same keepalive on another period (tests shrink it).
    public func withInterval(_ d: Swift.Duration) -> Keepalive {
        switch self {
        case .none: .none
        case .every(_, let text): .every(d, text: text)
        case .whenIdle(_, let text): .whenIdle(d, text: text)
        }
    }
}

/// Each venue's wire rules: subscribe messages, keepalive, and how long silence may last.
public enum VenueProtocol {
    /// Bybit refuses subscribe requests with more than 10 args.
    public static let bybitMaxArgs = 10

    /// Text messages to send right after the upgrade, in order.
    public static func subscribeMessages(_ config: VenueConfig) -> [String] {
        switch config.venue {
        case .binance:
            return [] // the stream is named in the URL path
        case .bybit:
            let topics = config.bybitSymbols.map { "allLiquidation.\($0)" }
            return stride(from: 0, to: topics.count, by: bybitMaxArgs).map { start in
                let chunk = topics[start ..< min(start + bybitMaxArgs, topics.count)]
                return #"{"op":"subscribe","args":["# + chunk.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
            }
        case .okx:
            return [#"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}"#]
        }
    }

    public static func keepalive(_ venue: Venue) -> Keepalive {
        switch venue {
        case .binance: .none
        case .bybit: .every(.seconds(20), text: #"{"op":"ping"}"#)
        case .okx: .whenIdle(.seconds(25), text: "ping")
        }
    }

    /// No data (frames, acks or pongs) for this long means the connection is dead. Binance sends
    /// nothing we can see on a quiet market (its pings are answered inside the library), so its
    /// limit is long; Bybit and OKX answer our keepalives, so a minute of silence is a dead line.
    public static func stallLimit(_ venue: Venue) -> Swift.Duration {
        switch venue {
        case .binance: .seconds(600)
        case .bybit, .okx: .seconds(60)
        }
    }

    /// Whether the venue acknowledges the subscription. Binance does not, so the upgrade itself
    /// counts as "live" there; elsewhere the first ack or frame does.
    public static func acknowledges(_ venue: Venue) -> Bool { venue != .binance }

    /// Venues close connections after 24 h; reconnect a little before, on our own terms.
    public static let maxConnectionAge: Swift.Duration = .seconds(23 * 3600 + 50 * 60)
}
