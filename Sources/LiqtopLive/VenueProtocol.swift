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

    /// Written where a message must carry the current Unix time in seconds (Gate's `time`):
    /// the connector puts the time in as it sends.
    public static let unixTime = "{unix-seconds}"

    /// `text` with `unixTime` replaced by the seconds of `now` (milliseconds).
    public static func stamped(_ text: String, now: Millis) -> String {
        guard text.contains(unixTime) else { return text }
        let seconds = now >= 0 ? now / 1000 : (now - 999) / 1000
        return text.replacing(unixTime, with: String(seconds))
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

    /// Text messages to send right after the upgrade (so again after every reconnect), in
    /// order: the liquidation subscriptions, then the leverage ones when `config.leverage`.
    public static func subscribeMessages(_ config: VenueConfig) -> [String] {
        liquidationMessages(config) + (config.leverage ? leverageMessages(config) : [])
    }

    static func liquidationMessages(_ config: VenueConfig) -> [String] {
        switch config.venue {
        case .binance:
            return [] // the stream is named in the URL path
        case .bybit:
            return bybitSubscribe(config.bybitSymbols.map { "allLiquidation.\($0)" })
        case .okx:
            return [#"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}"#]
        case .bitget:
            // One topic per product type covers all of its symbols (Bitget UTA docs, Liquidation Channel).
            return [#"{"op":"subscribe","args":[{"instType":"usdt-futures","topic":"liquidation"},{"instType":"coin-futures","topic":"liquidation"},{"instType":"usdc-futures","topic":"liquidation"}]}"#]
        case .gate:
            // `!all`: every contract (Gate futures WS docs, public liquidates order API).
            return [#"{"time":"# + Keepalive.unixTime + #","channel":"futures.public_liquidates","event":"subscribe","payload":["!all"]}"#]
        case .aster:
            return [] // the stream is named in the URL path, as on Binance
        case .htx:
            // `*`: every contract of the endpoint (HTX swap docs, liquidation_orders sub/unsub).
            return [#"{"op":"sub","cid":"liqtop","topic":"public.*.liquidation_orders"}"#]
        case .bitmex:
            return [#"{"op":"subscribe","args":["liquidation"]}"#]
        case .deribit:
            // Heartbeats first, so a quiet market still shows signs of life; then every future and
            // perpetual of every currency (`raw` needs authentication, `100ms` does not).
            return [
                #"{"jsonrpc":"2.0","id":1,"method":"public/set_heartbeat","params":{"interval":\#(deribitHeartbeatSeconds)}}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"public/subscribe","params":{"channels":["trades.future.any.100ms"]}}"#,
            ]
        case .hyperliquid:
            return [] // no liquidation feed: only the leverage subscriptions
        }
    }

    /// Bybit subscribe requests for `topics`, at most `bybitMaxArgs` each.
    static func bybitSubscribe(_ topics: [String]) -> [String] {
        chunks(topics, of: bybitMaxArgs).map { chunk in
            #"{"op":"subscribe","args":["# + chunk.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        }
    }

    static func chunks<T>(_ items: [T], of size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0 ..< min($0 + size, items.count)] }
    }

    /// OKX args per subscribe request. OKX caps a request at 64 KB of channels and a connection
    /// at 480 subscribe requests an hour (https://www.okx.com/docs-v5/en/#overview-websocket-overview):
    /// 100 args (about 5 KB) keep both far off while a reconnect storm resubscribes.
    public static let okxMaxArgs = 100

    /// The mark price, funding and open-interest subscriptions of a venue (none where liqtop
    /// reads no leverage stream yet). Sent after the liquidation ones on every connection.
    public static func leverageMessages(_ config: VenueConfig) -> [String] {
        switch config.venue {
        case .binance:
            // Mark price, index price, funding rate and next funding time of every USD-M symbol,
            // each second (Binance USD-M docs, "Mark Price Stream for All market": stream
            // `!markPrice@arr@1s`, an array of `markPriceUpdate`). It is a /market stream
            // (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Important-WebSocket-Change-Notice).
            // A SUBSCRIBE request rather than a combined-stream URL, so it works on whatever URL
            // `--binance-url` names (the stream path carries `!forceOrder@arr`). Binance answers
            // `{"result":null,"id":1}`, which decodes as ignored. Open interest has no stream:
            // `OpenInterestPoller` polls it.
            return [#"{"method":"SUBSCRIBE","params":["!markPrice@arr@1s"],"id":1}"#]
        case .bybit:
            // `tickers.{symbol}`: a snapshot, then deltas of the changed fields, with mark and
            // index price, funding rate and time, open interest and its value
            // (https://bybit-exchange.github.io/docs/v5/websocket/public/ticker); at most 10
            // args per request (`bybitMaxArgs`).
            return bybitSubscribe(PollSymbols.valid(config.leverageCoins).map { "tickers.\($0)" })
        case .okx:
            // One arg per channel and instrument (OKX v5 public channels "Mark price",
            // "Funding rate", "Open interest": https://www.okx.com/docs-v5/en/#public-data-websocket-mark-price-channel,
            // #public-data-websocket-funding-rate-channel, #public-data-websocket-open-interest-channel).
            let args = config.okxSwapInstruments.flatMap { inst in
                ["mark-price", "funding-rate", "open-interest"].map { #"{"channel":"\#($0)","instId":"\#(inst)"}"# }
            }
            return chunks(args, of: okxMaxArgs).map { #"{"op":"subscribe","args":["# + $0.joined(separator: ",") + "]}" }
        case .hyperliquid:
            // One subscription per coin (Hyperliquid docs, Websocket / Subscriptions:
            // `{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"<coin_symbol>"}}`),
            // each acknowledged by a `subscriptionResponse`.
            return config.hyperliquidCoins.map {
                #"{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"\#($0)"}}"#
            }
        case .bitget, .gate, .aster, .htx, .bitmex, .deribit:
            return []
        }
    }

    /// How the venue view should say a venue's leverage figures arrive, where that differs
    /// from a stream (nil): Binance's open interest is polled over REST (`OpenInterestPoller`).
    public static func leverageCaveat(_ venue: Venue) -> String? {
        venue == .binance ? "Binance open interest is polled over REST about once a minute (no stream): it lags the mark price." : nil
    }

    /// Headers for the upgrade request. Gate sends `size` as an integer, cut short, unless asked
    /// for decimals (its docs: "未携带 X-Gate-Size-Decimal: 1 请求头时，size 为整型").
    public static func upgradeHeaders(_ venue: Venue) -> [(name: String, value: String)] {
        venue == .gate ? [("X-Gate-Size-Decimal", "1")] : []
    }

    public static func keepalive(_ venue: Venue) -> Keepalive {
        switch venue {
        case .binance: .none
        case .bybit: .every(.seconds(20), text: #"{"op":"ping"}"#)
        case .okx: .whenIdle(.seconds(25), text: "ping")
        // Bitget drops a connection that sends no string "ping" for 30 s (older docs) or 2 min.
        case .bitget: .every(.seconds(20), text: "ping")
        // Gate's own demo sends `futures.ping` every 10 s; the server answers `futures.pong`.
        case .gate: .every(.seconds(10), text: #"{"time":"# + Keepalive.unixTime + #","channel":"futures.ping"}"#)
        // Aster pings us (answered by the library) but its quiet markets send nothing for long
        // stretches: a request it answers keeps our stall clock honest.
        case .aster: .whenIdle(.seconds(60), text: #"{"method":"LIST_SUBSCRIPTIONS","id":1}"#)
        // HTX pings us (`{"op":"ping","ts":…}`, answered by `reply`); Deribit sends heartbeats
        // once asked to (in the subscribe messages) and test requests, answered by `reply`.
        case .htx, .deribit: .none
        // BitMEX: "ping" after 5 s without a message, expect "pong" (BitMEX wsAPI, Heartbeats).
        case .bitmex: .whenIdle(.seconds(5), text: "ping")
        // Hyperliquid closes a connection it has sent nothing to for 60 s and answers
        // `{"method":"ping"}` with `{"channel":"pong"}` (its docs' "Timeouts and heartbeats" page,
        // whose text was not in reach: as the df-hyperliquid-core SDK quotes it, and as
        // Hyperliquid's own Python SDK does, pinging every 50 s). Half the limit leaves a pong
        // time to arrive.
        case .hyperliquid: .whenIdle(.seconds(30), text: #"{"method":"ping"}"#)
        }
    }

    public static let deribitHeartbeatSeconds = 30

    /// What to send back for a message the venue expects an answer to: HTX's ping, with its `ts`
    /// echoed (HTX swap docs, "Order Push Heartbeat": the client "should return" `{"op":"pong","ts":…}`
    /// or is disconnected after 5 missed pings), and Deribit's `test_request` heartbeat, answered by
    /// `public/test` (Deribit docs, `public/set_heartbeat`). Nil for anything else.
    public static func reply(_ venue: Venue, to text: String) -> String? {
        switch venue {
        case .htx:
            guard text.contains(#""op":"ping""#), let ts = HeartbeatText.value(of: "ts", in: text) else { return nil }
            return #"{"op":"pong","ts":"# + ts + "}"
        case .deribit:
            guard text.contains(#""test_request""#), text.contains(#""heartbeat""#) else { return nil }
            return #"{"jsonrpc":"2.0","id":3,"method":"public/test","params":{}}"#
        case .binance, .bybit, .okx, .bitmex, .bitget, .gate, .aster, .hyperliquid:
            return nil
        }
    }

    /// Whether the venue sends binary gzip frames (HTX: "All response data from WebSocket server
    /// are compressed into GZIP format").
    public static func gzipFrames(_ venue: Venue) -> Bool { venue == .htx }

    /// No data (frames, acks or pongs) for this long means the connection is dead. Binance sends
    /// nothing we can see on a quiet market (its pings are answered inside the library), so its
    /// limit is long; Bybit and OKX answer our keepalives, so a minute of silence is a dead line.
    /// Aster is Binance's layout with the same 10 min limit, in case it leaves our request unanswered.
    public static func stallLimit(_ venue: Venue) -> Swift.Duration {
        switch venue {
        case .binance, .aster: .seconds(600)
        case .bybit, .okx, .bitget, .gate, .bitmex, .hyperliquid: .seconds(60)
        // HTX pings every 5 s; Deribit heartbeats every 30 s.
        case .htx: .seconds(30)
        case .deribit: .seconds(Int64(deribitHeartbeatSeconds) * 3)
        }
    }

    /// Whether the venue acknowledges the subscription. Binance and Aster do not (the path names
    /// the stream), so the upgrade itself counts as "live" there; elsewhere the first ack or frame does.
    public static func acknowledges(_ venue: Venue) -> Bool { venue != .binance && venue != .aster }

    /// Venues close connections after 24 h; reconnect a little before, on our own terms.
    public static let maxConnectionAge: Swift.Duration = .seconds(23 * 3600 + 50 * 60)
}
