/// One firing of a rule: what the alert strip, the list, `liqtop alerts` and a hook command show.
/// Every string is already cleaned (`SafeText`), so it can go to a screen, a line of JSON or an
/// environment variable as it is.
public struct Alert: Sendable, Hashable {
    /// The instant of the data the alert is about (the order's time, the crossing's instant).
    public var time: Millis
    /// The rule's text, as the user wrote it.
    public var rule: String
    public var kind: AlertRule.Kind
    public var side: Side?
    public var coin: String?
    public var venue: Venue?
    /// The figure that crossed: the order's, the sliding sum's, the window total's, the ETF day's
    /// net (signed), the open interest's drop; nil where no USD applies (funding).
    public var usd: USD?
    /// One human line, e.g. `BTC short $8.42M on Bybit at 97,350.5`.
    public var text: String

    public init(time: Millis, rule: String, kind: AlertRule.Kind, side: Side? = nil, coin: String? = nil,
                venue: Venue? = nil, usd: USD? = nil, text: String) {
        self.time = time; self.rule = SafeText.short(rule, limit: Self.maxField); self.kind = kind; self.side = side
        self.coin = coin.map { SafeText.short($0, limit: Self.maxField) }; self.venue = venue; self.usd = usd
        self.text = SafeText.short(text, limit: Self.maxText)
    }

    /// Bounds that keep one alert's JSON far below a pipe's buffer (a hook's stdin never blocks).
    static let maxField = 200
    static let maxText = 500

    /// `{"time":"2026-01-14T23:17:42.318Z","rule":"order >= 1M","side":"short","coin":"BTC","venue":"bybit","usd":8419993.5,"text":"…"}`:
    /// one line, keys in this order, null where a field does not apply; `usd` is the exact
    /// micro-dollar amount as a JSON number with at least one decimal.
    public var json: String {
        var out = "{\"time\":\"\(ISOTime.format(time))\",\"rule\":"
        NativeFormat.appendQuoted(rule, to: &out)
        out += ",\"side\":" + (side.map { "\"\($0.rawValue)\"" } ?? "null")
        out += ",\"coin\":"
        if let coin { NativeFormat.appendQuoted(coin, to: &out) } else { out += "null" }
        out += ",\"venue\":" + (venue.map { "\"\($0.rawValue)\"" } ?? "null")
        out += ",\"usd\":" + (usd.map(Self.exactNumber) ?? "null")
        out += ",\"text\":"
        NativeFormat.appendQuoted(text, to: &out)
        return out + "}"
    }

    /// `8420000.0`, `8419993.456789`: the exact fixed point, trailing zeros dropped, one kept.
    public static func exactNumber(_ usd: USD) -> String {
        let s = usd.exactString
        return s.contains(".") ? s : s + ".0"
    }

    /// `LIQTOP_ALERT_TIME` … `LIQTOP_ALERT_TEXT` for a hook command; a field that does not
    /// apply is the empty string (so a script can rely on every name being set).
    public var environment: [(name: String, value: String)] {
        [("LIQTOP_ALERT_TIME", ISOTime.format(time)), ("LIQTOP_ALERT_RULE", rule),
         ("LIQTOP_ALERT_SIDE", side?.rawValue ?? ""), ("LIQTOP_ALERT_COIN", coin ?? ""),
         ("LIQTOP_ALERT_VENUE", venue?.rawValue ?? ""), ("LIQTOP_ALERT_USD", usd.map(Self.exactNumber) ?? ""),
         ("LIQTOP_ALERT_TEXT", text)]
    }
}

extension Venue {
    /// The venue as people write it: `Bybit`, `OKX`, `BitMEX`.
    public var displayName: String {
        switch self {
        case .binance: "Binance"
        case .bybit: "Bybit"
        case .okx: "OKX"
        case .bitget: "Bitget"
        case .gate: "Gate"
        case .aster: "Aster"
        case .htx: "HTX"
        case .bitmex: "BitMEX"
        case .deribit: "Deribit"
        case .hyperliquid: "Hyperliquid"
        }
    }
}
