import Testing
@testable import LiqtopCore

@Suite struct NativeFormatTests {
    static let context = DecodeContext(now: 1_768_435_199_999) // 2026-01-14T23:59:59.999Z

    static func decode(_ text: String) -> DecodeOutput {
        InputDecoder.decodeAll(text, source: "rec", context: context)
    }

    static func one(_ line: String) throws -> Event {
        let out = decode(line)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.events.count == 1)
        return try #require(out.events.first)
    }

    static func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }
    static func day(_ s: String) throws -> Day { try #require(Day(iso: s)) }

    static let liquidationLine = #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"0.014","usd":"1358.007"}"#
    static let etfLine = #"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"IBIT","usd":"648600000","coins":"6817.1","price":"95144.97"}"#

    @Test func decodesLiquidation() throws {
        let event = try Self.one(Self.liquidationLine)
        guard case .liquidation(let l) = event else { Issue.record("not a liquidation: \(event)"); return }
        #expect(l.time == 1_768_435_199_000)
        #expect(l.venue == .binance && l.instrument == "BTCUSDT" && l.coin == "BTC" && l.side == .short)
        #expect(l.price.description == "97000.5" && l.quantity.description == "0.014")
        #expect(l.usd == USD(micros: 1_358_007_000))
    }

    @Test func decodesEveryOtherType() throws {
        #expect(try Self.one(Self.etfLine) == .etfFlow(EtfFlow(
            day: try Self.day("2026-01-14"), asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 648_600_000),
            coins: try Self.dec("6817.1"), referencePrice: try Self.dec("95144.97"))))
        #expect(try Self.one(#"{"type":"etf_flow","date":"2026-01-13","asset":"ETH","fund":"ETHE","usd":"-107700000"}"#)
            == .etfFlow(EtfFlow(day: try Self.day("2026-01-13"), asset: .ETH, fund: "ETHE", netUSD: USD(dollars: -107_700_000))))
        #expect(try Self.one(#"{"type":"note","time":1768400000000,"source":"Philadelphia Fed","text":"Paulson spoke"}"#)
            == .note(MacroNote(time: 1_768_400_000_000, source: "Philadelphia Fed", text: "Paulson spoke")))
        #expect(try Self.one(#"{"type":"rate","date":"2026-01-13","series":"DFF","value":"3.64"}"#)
            == .rate(RatePoint(day: try Self.day("2026-01-13"), series: "DFF", value: try Self.dec("3.64"))))
        #expect(try Self.one(#"{"type":"cut_odds","meeting":"2026-01-28","range":"3.50-3.75","probability":"95.0"}"#)
            == .cutOdds(CutOdds(meeting: try Self.day("2026-01-28"), targetRange: "3.50-3.75",
                                probabilityPercent: FixedDecimal(95))))
        #expect(try Self.one(#"{"type":"daily_liquidations","date":"2025-10-10","long_usd":"16700000000","short_usd":"2500000000"}"#)
            == .dailyTotals(DailyLiquidationTotals(day: try Self.day("2025-10-10"), longUSD: USD(dollars: 16_700_000_000),
                                                   shortUSD: USD(dollars: 2_500_000_000))))
    }

    @Test func acceptsISOTimeAndKeepsRecordedCoin() throws {
        let line = #"{"type":"liquidation","time":"2026-01-14T12:00:00.250Z","venue":"okx","instrument":"BTC-USDT-SWAP","coin":"XBT","side":"long","price":"95000","qty":"0.01","usd":"950"}"#
        guard case .liquidation(let l) = try Self.one(line) else { Issue.record("not a liquidation"); return }
        #expect(l.time == 1_768_392_000_250)
        #expect(l.coin == "XBT") // the recording's answer, not the normalizer's
        #expect(l.venue == .okx && l.side == .long && l.usd == USD(dollars: 950))
        let note = #"{"type":"note","time":"2026-01-14 17:40","source":"Fed","text":"x"}"#
        #expect(try Self.one(note) == .note(MacroNote(time: 1_768_412_400_000, source: "Fed", text: "x")))
    }

    @Test func encodesTheDocumentedLines() throws {
        #expect(NativeFormat.encode(try Self.one(Self.liquidationLine)) == Self.liquidationLine)
        #expect(NativeFormat.encode(try Self.one(Self.etfLine)) == Self.etfLine)
        let odds = CutOdds(meeting: try Self.day("2026-03-18"), targetRange: "3.25-3.50", probabilityPercent: try Self.dec("25.2"))
        #expect(NativeFormat.encode(.cutOdds(odds)) == #"{"type":"cut_odds","meeting":"2026-03-18","range":"3.25-3.50","probability":"25.2"}"#)
        let totals = DailyLiquidationTotals(day: try Self.day("2025-10-11"), longUSD: USD(micros: 612_800_000_000_001),
                                            shortUSD: .zero)
        #expect(NativeFormat.encode(.dailyTotals(totals))
            == #"{"type":"daily_liquidations","date":"2025-10-11","long_usd":"612800000.000001","short_usd":"0"}"#)
    }

    @Test func escapesStrings() {
        let note = MacroNote(time: 1_768_400_000_000, source: "Desk \"A\"",
                             text: "say \"hi\"\\ then\nnext\tline\u{1B}[31m red\u{7F}\u{85}\u{0} é🚀")
        let line = NativeFormat.encode(.note(note))
        #expect(line == #"{"type":"note","time":1768400000000,"source":"Desk \"A\"","text":"say \"hi\"\\ then\u000anext\u0009line\u001b[31m red\u007f\u0085\u0000 é🚀"}"#)
        #expect(!line.utf8.contains { $0 < 0x20 })
    }

    @Test func everyKindRoundTrips() throws {
        let events: [Event] = [
            .liquidation(Liquidation(time: 1_768_435_199_000, venue: .bybit, instrument: "1000PEPEUSDT", coin: "PEPE",
                                     side: .long, price: try Self.dec("0.0060983"), quantity: FixedDecimal(164_000),
                                     usd: USD(micros: 1_000_121_200))),
            .liquidation(Liquidation(time: 1_768_000_000_001, venue: .okx, instrument: "ETH-USDT-SWAP", coin: "ETH",
                                     side: .short, price: try Self.dec("3303.84"), quantity: try Self.dec("0.1"),
                                     usd: USD(micros: 330_384_000))),
            .etfFlow(EtfFlow(day: try Self.day("2026-01-14"), asset: .SOL, fund: "BSOL", netUSD: USD(dollars: 4_120_000),
                             coins: try Self.dec("28408.23719231"), referencePrice: try Self.dec("145.03"))),
            .etfFlow(EtfFlow(day: try Self.day("2025-12-31"), asset: .BTC, fund: "GBTC", netUSD: USD(dollars: -69_100_000),
                             coins: nil, referencePrice: try Self.dec("87600"))),
            .etfFlow(EtfFlow(day: try Self.day("2025-12-31"), asset: .ETH, fund: "ETH", netUSD: .zero,
                             coins: .zero, referencePrice: nil)),
            .note(MacroNote(time: 1_768_412_400_000, source: "Philadelphia Fed",
                            text: "She said \"cuts\" \\ maybe\r\nlater\u{1B}[2J\u{0}\u{9F} — 🚀🇺🇸 naïve")),
            .rate(RatePoint(day: try Self.day("2025-12-10"), series: "DFEDTARU", value: FixedDecimal(4))),
            .rate(RatePoint(day: try Self.day("2020-04-01"), series: "DFF", value: try Self.dec("0.05"))),
            .rate(RatePoint(day: try Self.day("2026-01-13"), series: "MY_SERIES_1", value: try Self.dec("-0.5"))),
            .cutOdds(CutOdds(meeting: try Self.day("2026-03-18"), targetRange: "3.00-3.25", probabilityPercent: .zero)),
            .cutOdds(CutOdds(meeting: try Self.day("2026-01-28"), targetRange: "3.50-3.75", probabilityPercent: FixedDecimal(100))),
            .dailyTotals(DailyLiquidationTotals(day: try Self.day("2026-01-13"), longUSD: USD(micros: 138_400_000_123_456),
                                                shortUSD: USD(dollars: 483_100_000))),
        ]
        let text = events.map(NativeFormat.encode).joined(separator: "\n") + "\n"
        let out = Self.decode(text)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.lines == events.count)
        #expect(out.events == events)
    }

    @Test func limitsAreInclusive() throws {
        let longText = String(repeating: "🚀", count: 4000)
        let source = String(repeating: "s", count: 100)
        let note = Event.note(MacroNote(time: 1_768_400_000_000, source: source, text: longText))
        #expect(try Self.one(NativeFormat.encode(note)) == note)
        let big = #"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"ABCDEFGHIJ","usd":"-100000000000"}"#
        guard case .etfFlow(let f) = try Self.one(big) else { Issue.record("not a flow"); return }
        #expect(f.netUSD == USD(dollars: -100_000_000_000) && f.fund == "ABCDEFGHIJ")
        let coin = #"{"type":"liquidation","time":1768435199000,"venue":"bybit","instrument":"1000PEPEUSDT","coin":"ABCDEFGHIJ0123456789","side":"long","price":"0.006","qty":"1000","usd":"6"}"#
        guard case .liquidation(let l) = try Self.one(coin) else { Issue.record("not a liquidation"); return }
        #expect(l.coin == "ABCDEFGHIJ0123456789")
    }

    static let liq = #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"0.014","usd":"1358.007"}"#

    static func liq(_ from: String, _ to: String) -> String { liq.replacing(from, with: to) }

    @Test(arguments: [
        (#"{"type":"trade","x":1}"#, #"unknown type "trade""#),
        (#"{"type":"tr\u001bade"}"#, #"unknown type "trade""#),
        (liq(#""binance""#, #""kraken""#), "unknown venue"),
        (liq(#""short""#, #""buy""#), "side must be long or short"),
        (liq(#""coin":"BTC""#, #""coin":"btc""#), "coin must be"),
        (liq(#""coin":"BTC""#, #""coin":"ABCDEFGHIJ0123456789K""#), "coin must be"),
        (liq(#""coin":"BTC""#, #""coin":"""#), "coin must be"),
        (liq(#""BTCUSDT""#, #""BTC USDT""#), "instrument name"),
        (liq(#""97000.5""#, #""0""#), "price is zero"),
        (liq(#""0.014""#, #""-0.014""#), "quantity is zero"),
        (liq(#""1358.007""#, #""NaN""#), "usd:"),
        (liq(#""1358.007""#, #""20000000000""#), "over $10B"),
        (liq(#","price":"97000.5""#, ""), #"missing "price""#),
        (liq("1768435199000", "1768600000000"), "future"),
        (liq("1768435199000", "1768435199000.5"), "integer"),
        (liq("1768435199000", #""yesterday""#), "ISO-8601"),
        (#"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"ibit","usd":"1"}"#, "fund must be"),
        (#"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"ABCDEFGHIJK","usd":"1"}"#, "fund must be"),
        (#"{"type":"etf_flow","date":"2026-01-14","asset":"DOGE","fund":"X","usd":"1"}"#, "unknown ETF asset"),
        (#"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"X","usd":"100000000000.01"}"#, "over $100B"),
        (#"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"X","usd":"-100000000001"}"#, "over $100B"),
        (#"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"X","usd":"1","price":"0"}"#, "reference price"),
        (#"{"type":"etf_flow","date":"2026-02-30","asset":"BTC","fund":"X","usd":"1"}"#, "date must be"),
        (#"{"type":"note","time":1768400000000,"source":"","text":"x"}"#, "note source"),
        (#"{"type":"note","time":1768400000000,"source":"\#(String(repeating: "s", count: 101))","text":"x"}"#, "note source"),
        (#"{"type":"note","time":1768400000000,"source":"s","text":""}"#, "note text"),
        (#"{"type":"note","time":1768400000000,"source":"s","text":"\#(String(repeating: "é", count: 4001))"}"#, "note text"),
        (#"{"type":"note","time":1768400000000,"source":"s","text":7}"#, "text must be a string"),
        (#"{"type":"rate","date":"2026-01-13","series":"dff","value":"3.64"}"#, "series must be"),
        (#"{"type":"rate","date":"2026-01-13","series":"D-F","value":"3.64"}"#, "series must be"),
        (#"{"type":"rate","date":"2026-01-13","series":"DFF","value":"101"}"#, "rate outside"),
        (#"{"type":"rate","date":"2026-03-13","series":"DFF","value":"3"}"#, "future"),
        (#"{"type":"cut_odds","meeting":"2026-01-28","range":"3.50-3.75","probability":"100.1"}"#, "probability outside"),
        (#"{"type":"cut_odds","meeting":"2026-01-28","range":"3.50-3.75","probability":"-0.1"}"#, "probability outside"),
        (#"{"type":"cut_odds","meeting":"2026-01-28","range":"3.50/3.75","probability":"5"}"#, "range must"),
        (#"{"type":"cut_odds","meeting":"2026-01-28","range":"3.50-","probability":"5"}"#, "range must"),
        (#"{"type":"daily_liquidations","date":"2025-10-10","long_usd":"-1","short_usd":"0"}"#, "negative"),
        (#"{"type":"daily_liquidations","date":"2025-10-10","long_usd":"1"}"#, #"missing "short_usd""#),
    ])
    func rejects(_ line: String, _ reason: String) {
        let out = Self.decode(line)
        #expect(out.events.isEmpty)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.reason.contains(reason) == true, "\(out.rejections)")
    }
    // MARK: - Fuzz findings: whatever an importer accepts, a recording must replay

    /// Imports `text`, writes every event as native NDJSON and reads it back.
    static func importThenReplay(_ text: String) -> (imported: DecodeOutput, replayed: DecodeOutput) {
        let imported = decode(text)
        let recording = imported.events.map(NativeFormat.encode).joined(separator: "\n")
        return (imported, decode(recording))
    }

    static func bybit(_ symbol: String) -> String {
        #"{"topic":"allLiquidation.\#(symbol)","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"\#(symbol)","S":"Sell","v":"20000","p":"0.04499"}]}"#
    }

    @Test func fuzzFindingLongBybitCoinIsRejectedAtImport() {
        let (imported, replayed) = Self.importThenReplay(Self.bybit("ROSEUSDpppppppppppppppppppppppT"))
        #expect(imported.events.isEmpty)
        #expect(imported.rejections == [Rejection(source: "rec", line: 1,
                                                  reason: "cannot tell the coin of ROSEUSDpppppppppppppppppppppppT")])
        #expect(replayed.lines == 0 && replayed.events.isEmpty)
    }

    @Test func longestCoinImportsAndReplays() throws {
        let symbol = "ABCDEFGHIJ0123456789USDT" // coin of exactly CoinNormalizer.maxLength
        let (imported, replayed) = Self.importThenReplay(Self.bybit(symbol))
        #expect(imported.rejections.isEmpty && replayed.rejections.isEmpty, "\(imported.rejections) \(replayed.rejections)")
        guard case .liquidation(let l) = try #require(imported.events.first) else { Issue.record("not a liquidation"); return }
        #expect(l.coin == "ABCDEFGHIJ0123456789" && l.instrument == symbol && l.usd.centsString == "899.80")
        #expect(imported.events.count == 1 && replayed.events == imported.events)
    }

    @Test func fuzzFindingFredRate544IsRejectedAtImport() {
        let (imported, replayed) = Self.importThenReplay("DATE,DFF\n2026-01-13,544")
        #expect(imported.events.isEmpty)
        #expect(imported.rejections == [Rejection(source: "rec", line: 2, reason: "DFF: 544 is outside -100...100 percent")])
        #expect(replayed.lines == 0 && replayed.events.isEmpty)
    }

    @Test func extremeFredRatesImportAndReplay() throws {
        let (imported, replayed) = Self.importThenReplay("DATE,DFF\n2026-01-12,100\n2026-01-13,-100.0\n2026-01-14,19.1")
        #expect(imported.rejections.isEmpty && replayed.rejections.isEmpty, "\(imported.rejections) \(replayed.rejections)")
        #expect(imported.events == [
            .rate(RatePoint(day: try Self.day("2026-01-12"), series: "DFF", value: FixedDecimal(100))),
            .rate(RatePoint(day: try Self.day("2026-01-13"), series: "DFF", value: FixedDecimal(-100))),
            .rate(RatePoint(day: try Self.day("2026-01-14"), series: "DFF", value: try Self.dec("19.1"))),
        ])
        #expect(replayed.events == imported.events)
    }
}
