import Testing
@testable import LiqtopCore

@Suite struct AlertRuleTests {
    func rule(_ s: String) throws -> AlertRule { try AlertRule(parsing: s) }

    func message(_ s: String) -> String {
        do { _ = try AlertRule(parsing: s); return "parsed" } catch { return error.message }
    }

    @Test func amountsAreExact() throws {
        #expect(AlertRule.amount("50000") == USD(dollars: 50_000))
        #expect(AlertRule.amount("250k") == USD(dollars: 250_000))
        #expect(AlertRule.amount("1M") == USD(dollars: 1_000_000))
        #expect(AlertRule.amount("1.5M") == USD(dollars: 1_500_000))
        #expect(AlertRule.amount("2B") == USD(dollars: 2_000_000_000))
        #expect(AlertRule.amount("$1.234567M") == USD(micros: 1_234_567_000_000))
        #expect(AlertRule.amount("0.1") == USD(micros: 100_000))
        for bad in ["", "M", "0", "0k", "-1M", "1e6", "1,000", "1.5X", "$", "1..5M", "inf", "nan"] {
            #expect(AlertRule.amount(bad) == nil, "\(bad)")
        }
    }

    @Test func goodRules() throws {
        let o = try rule("  order >= 1M  ")
        #expect(o.kind == .order && o.minimum == USD(dollars: 1_000_000) && o.text == "order >= 1M")
        #expect(o.coin == nil && o.venue == nil && o.side == nil)
        let q = try rule("ORDER>=1.5M coin btc venue Bybit side SHORT")
        #expect(q.minimum == USD(dollars: 1_500_000) && q.coin == "BTC" && q.venue == .bybit && q.side == .short)
        #expect(q.text == "ORDER>=1.5M coin btc venue Bybit side SHORT")
        let c = try rule("cascade >= 20M in 60s")
        #expect(c.kind == .cascade && c.minimum == USD(dollars: 20_000_000) && c.interval == 60_000)
        #expect(try rule("cascade >= 2.5M in 5m coin ETH venue okx").interval == 5 * Duration.minute)
        #expect(try rule("cascade >= 1B in 24h side long").interval == Duration.day)
        let h = try rule("highest-since 24h")
        #expect(h.kind == .highestSince && h.interval == Duration.day)
        #expect(try rule("highest-since 1h side short").side == .short)
        #expect(try rule("etf-flip").asset == nil)
        #expect(try rule("etf-flip asset sol").asset == .SOL)
        let f = try rule("funding-extreme")
        #expect(f.kind == .fundingExtreme && f.fraction == FixedDecimal(mantissa: 1, scale: 3)!)
        let g = try rule("funding-extreme >= 0.05% coin ETH venue hyperliquid")
        #expect(g.fraction == FixedDecimal(mantissa: 5, scale: 4)! && g.venue == .hyperliquid && g.coin == "ETH")
        let oi = try rule("oi-drop >= 3% in 1h coin BTC")
        #expect(oi.kind == .oiDrop && oi.fraction == FixedDecimal(mantissa: 3, scale: 2)! && oi.interval == Duration.hour && oi.coin == "BTC")
    }

    @Test func badRulesSayWhatIsAllowed() {
        #expect(message("") == "empty rule: e.g. 'order >= 1M', 'cascade >= 20M in 60s', 'highest-since 24h', 'etf-flip'")
        #expect(message("ordr >= 1M").hasPrefix("unknown rule \"ordr\": the rules are order, cascade, highest-since, etf-flip, funding-extreme, oi-drop"))
        #expect(message("order > 1M") == "order needs '>=' and an amount, not \">\" (e.g. 'order >= 1M')")
        #expect(message("order") == "order needs '>=' and an amount, nothing (e.g. 'order >= 1M')")
        #expect(message("order >=") == "order: '>=' needs an amount (e.g. 'order >= 1M')")
        #expect(message("order >= 1X") == "order: cannot read an amount \"1X\": use USD like 50000, 250k, 1.5M or 2B")
        #expect(message("order >= 0") == "order: cannot read an amount \"0\": use USD like 50000, 250k, 1.5M or 2B")
        #expect(message("order >= 1M coin") == "order: coin needs a value (coin COIN, venue VENUE, side long|short)")
        #expect(message("order >= 1M coin BTC coin ETH") == "order: coin given twice")
        #expect(message("order >= 1M venue nowhere").hasPrefix("order: unknown venue \"nowhere\": use one of binance, bybit, okx"))
        #expect(message("order >= 1M venue hyperliquid").hasPrefix("order: unknown venue \"hyperliquid\""))
        #expect(message("order >= 1M side up") == "order: side must be long or short, not \"up\"")
        #expect(message("order >= 1M in 60s") == "order: unexpected \"in\": after the rule come only coin COIN, venue VENUE, side long|short")
        #expect(message("cascade >= 20M") == "cascade needs 'in' and an interval (e.g. 'cascade >= 20M in 60s')")
        for d in ["0s", "25h", "1.5m", "60", "m", "60d"] {
            #expect(message("cascade >= 20M in \(d)") == "cascade: cannot read interval \"\(d)\": use whole seconds, minutes or hours up to 24h, like 60s, 5m or 1h")
        }
        #expect(message("highest-since") == "highest-since needs a window: 1h, 4h, 12h or 24h (e.g. 'highest-since 24h')")
        #expect(message("highest-since 2h") == "highest-since: unknown window \"2h\": use 1h, 4h, 12h or 24h")
        #expect(message("highest-since 24h coin BTC") == "highest-since: unexpected \"coin\": after the rule come only side long|short")
        #expect(message("etf-flip asset DOGE") == "etf-flip: unknown asset \"DOGE\": use BTC, ETH or SOL")
        #expect(message("etf-flip BTC") == "etf-flip: unexpected \"BTC\": after the rule come only asset BTC|ETH|SOL")
        #expect(message("funding-extreme >= 0.1") == "funding-extreme: cannot read a rate \"0.1\": use a positive percentage like 0.1% or 3%")
        #expect(message("oi-drop >= 3%") == "oi-drop needs 'in' and an interval (e.g. 'oi-drop >= 3% in 1h')")
        #expect(message("oi-drop >= 3% in 1h venue okx") == "oi-drop: unexpected \"venue\": after the rule come only coin COIN")
        // Echoed text is cleaned: no control byte from a config file reaches the terminal.
        #expect(!message("order >= 1M\u{1B}[31m").unicodeScalars.contains { $0.value < 0x20 })
    }
}

@Suite struct AlertValueTests {
    @Test func jsonMatchesTheIssue() {
        let a = Alert(time: 1_768_432_662_123, rule: "order >= 1M", kind: .order, side: .short, coin: "BTC", venue: .bybit,
                      usd: USD(dollars: 8_420_000), text: "BTC short $8.42M on Bybit at 97,350")
        #expect(a.json == #"{"time":"2026-01-14T23:17:42.123Z","rule":"order >= 1M","side":"short","coin":"BTC","venue":"bybit","usd":8420000.0,"text":"BTC short $8.42M on Bybit at 97,350"}"#)
        let b = Alert(time: 0, rule: "etf-flip", kind: .etfFlip, usd: USD(micros: -107_712_345), text: "x")
        #expect(b.json == #"{"time":"1970-01-01T00:00:00.000Z","rule":"etf-flip","side":null,"coin":null,"venue":null,"usd":-107.712345,"text":"x"}"#)
        #expect(Alert(time: 0, rule: "r", kind: .etfFlip, text: "").json.contains(#""usd":null"#))
    }

    @Test func noControlByteFromDataReachesOutput() {
        let hostile = "BTC\u{1B}]0;pwned\u{07}\n\u{202E}x\"\\"
        let a = Alert(time: 0, rule: "order >= 1M\u{1B}[2J", kind: .order, side: .long, coin: hostile, venue: .okx, usd: .zero, text: hostile)
        for s in [a.json] + a.environment.map(\.value) {
            #expect(!s.unicodeScalars.contains { SafeText.isUnsafe($0.value) }, "\(s)")
        }
        #expect(a.json.contains(#""coin":"BTC]0;pwned x\"\\""#))
        #expect(a.environment.map(\.name) == ["LIQTOP_ALERT_TIME", "LIQTOP_ALERT_RULE", "LIQTOP_ALERT_SIDE", "LIQTOP_ALERT_COIN",
                                             "LIQTOP_ALERT_VENUE", "LIQTOP_ALERT_USD", "LIQTOP_ALERT_TEXT"])
    }

    @Test func throttleLimitsEachRuleApart() {
        func a(_ rule: String, _ t: Millis) -> Alert { Alert(time: t, rule: rule, kind: .order, text: "") }
        var th = AlertThrottle()
        var admitted: [Bool] = []
        for (r, t) in [("x", 0), ("x", 29_999), ("y", 29_999), ("x", 30_000), ("x", 59_999), ("x", 10_000)] as [(String, Millis)] {
            admitted.append(th.admit(a(r, t)))
        }
        // The last one: a replay moved back, so the rule starts afresh.
        #expect(admitted == [true, false, true, true, false, true])
        var slow = AlertThrottle(interval: 5 * Duration.minute)
        admitted = [0, 299_999, 300_000].map { slow.admit(a("x", $0)) }
        #expect(admitted == [true, false, true])
    }
}
