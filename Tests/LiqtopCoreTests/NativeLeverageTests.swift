import Testing
@testable import LiqtopCore

/// The native `mark_price`, `funding` and `open_interest` lines: what the recorder writes for
/// the venues' ticker frames, read back as strictly as a venue's message.
@Suite struct NativeLeverageTests {
    static func decode(_ text: String) -> DecodeOutput { NativeFormatTests.decode(text) }
    static func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }

    static let markLine = #"{"type":"mark_price","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","mark":"97000.5","index":"96990.1"}"#
    static let fundingLine = #"{"type":"funding","time":1768435199000,"venue":"okx","instrument":"BTC-USDT-SWAP","coin":"BTC","rate":"-0.0004270396398519","interval_h":8,"next_funding_time":1768464000000}"#
    static let oiLine = #"{"type":"open_interest","time":1768435199000,"venue":"bybit","instrument":"BTCUSDT","coin":"BTC","size":"52774.528","unit":"coin","usd":"1506861070.82"}"#

    @Test func decodesTheDocumentedLines() throws {
        #expect(try NativeFormatTests.one(Self.markLine) == .markPrice(MarkPrice(
            time: 1_768_435_199_000, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
            mark: try Self.dec("97000.5"), index: try Self.dec("96990.1"))))
        #expect(try NativeFormatTests.one(Self.fundingLine) == .funding(FundingRate(
            time: 1_768_435_199_000, venue: .okx, instrument: "BTC-USDT-SWAP", coin: "BTC",
            rate: try Self.dec("-0.0004270396398519"), intervalHours: 8, nextFundingTime: 1_768_464_000_000)))
        #expect(try NativeFormatTests.one(Self.oiLine) == .openInterest(OpenInterest(
            time: 1_768_435_199_000, venue: .bybit, instrument: "BTCUSDT", coin: "BTC",
            size: try Self.dec("52774.528"), unit: .coin, usd: USD(try Self.dec("1506861070.82")))))
        for line in [Self.markLine, Self.fundingLine, Self.oiLine] {
            #expect(NativeFormat.encode(try NativeFormatTests.one(line)) == line)
        }
    }

    @Test func everyLeverageKindRoundTrips() throws {
        let events: [Event] = [
            .markPrice(MarkPrice(time: 1_768_435_199_000, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                 mark: try Self.dec("97000.5"), index: try Self.dec("96990.12345678"))),
            .markPrice(MarkPrice(time: 1_768_000_000_001, venue: .okx, instrument: "FIL-USDT-220325", coin: "FIL",
                                 mark: try Self.dec("36.232"))),
            .funding(FundingRate(time: 1_768_435_199_000, venue: .bybit, instrument: "BTCUSDT", coin: "BTC",
                                 rate: try Self.dec("0.0001"), intervalHours: 8, nextFundingTime: 1_768_464_000_000)),
            .funding(FundingRate(time: 1_768_435_199_000, venue: .binance, instrument: "1000PEPEUSDT", coin: "PEPE",
                                 rate: try Self.dec("-0.25"))), // the bound, inclusive
            .funding(FundingRate(time: 1_768_435_199_000, venue: .okx, instrument: "SOL-USDT-SWAP", coin: "SOL",
                                 rate: .zero, intervalHours: 24, nextFundingTime: 1_768_435_199_000 + 7 * Duration.day)),
            .openInterest(OpenInterest(time: 1_768_435_199_000, venue: .bybit, instrument: "BTCUSD", coin: "BTC",
                                       size: FixedDecimal(449_736_676), unit: .usd, usd: USD(dollars: 449_736_676))),
            .openInterest(OpenInterest(time: 1_768_435_199_000, venue: .binance, instrument: "BTCUSD_200925", coin: "BTC",
                                       size: FixedDecimal(15279), unit: .contracts)),
            .openInterest(OpenInterest(time: 1_768_435_199_000, venue: .okx, instrument: "FIL-USDT-220325", coin: "FIL",
                                       size: .zero, unit: .coin, usd: USD(micros: 1))),
        ]
        let text = events.map(NativeFormat.encode).joined(separator: "\n") + "\n"
        let out = Self.decode(text)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.lines == events.count)
        #expect(out.events == events)
    }

    static func mark(_ from: String, _ to: String) -> String { markLine.replacing(from, with: to) }
    static func funding(_ from: String, _ to: String) -> String { fundingLine.replacing(from, with: to) }
    static func oi(_ from: String, _ to: String) -> String { oiLine.replacing(from, with: to) }

    @Test(arguments: [
        (mark(#""binance""#, #""kraken""#), "unknown venue"),
        (mark(#""coin":"BTC""#, #""coin":"btc""#), "coin must be"),
        (mark(#""BTCUSDT""#, #""BTC USDT""#), "instrument name"),
        (mark(#""97000.5""#, #""0""#), "mark price is zero"),
        (mark(#""97000.5""#, "97000.5"), "mark must be a decimal in a string"),
        (mark(#""96990.1""#, #""-1""#), "index price is zero"),
        (mark(#""96990.1""#, #""""#), "index: empty number"),
        (mark(#","mark":"97000.5""#, ""), #"missing "mark""#),
        (mark("1768435199000", "1768600000000"), "future"),
        (mark("1768435199000", "1200000000000"), "before 2009"),
        (funding(#""-0.0004270396398519""#, #""0.2500001""#), "funding rate beyond"),
        (funding(#""-0.0004270396398519""#, #""NaN""#), "rate:"),
        (funding(#""interval_h":8"#, #""interval_h":0"#), "funding interval outside"),
        (funding(#""interval_h":8"#, #""interval_h":25"#), "funding interval outside"),
        (funding(#""interval_h":8"#, #""interval_h":"8""#), "interval_h must be a whole number"),
        (funding(#""interval_h":8"#, #""interval_h":8.5"#), "interval_h must be a whole number"),
        (funding("1768464000000", "1769100000000"), "next funding time more than a week"),
        (funding(#","rate":"-0.0004270396398519""#, ""), #"missing "rate""#),
        (oi(#""52774.528""#, #""-1""#), "open interest is negative"),
        (oi(#""coin","usd""#, #""lots","usd""#), "unit must be one of coin, usd, contracts"),
        (oi(#""1506861070.82""#, #""1000000000000.01""#), "over $1T"),
        (oi(#""1506861070.82""#, #""-5""#), "usd is negative"),
        (oi(#""1506861070.82""#, "1506861070.82"), "usd must be a decimal in a string"),
    ])
    func rejects(_ line: String, _ reason: String) {
        let out = Self.decode(line)
        #expect(out.events.isEmpty)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.reason.contains(reason) == true, "\(out.rejections)")
    }

    /// Whatever a ticker importer accepts, liqtop's recording of it replays to the same events.
    @Test func everyImportedTickerFrameReplaysFromItsRecording() throws {
        let frames = BinanceLeverageTests.usdmMarks + [BinanceLeverageTests.coinmMark, BinanceLeverageTests.coinmOpenInterest,
                                                       BinanceLeverageTests.pairArray]
            + BybitTickerTests.real + OKXLeverageTests.realMarks + OKXLeverageTests.realOpenInterest
            + BitgetGateTickerTests.bitgetReal + BitgetGateTickerTests.gateReal + DeribitTickerTests.real + BitMEXInstrumentTests.real
        let context = DecodeContext(now: NativeFormatTests.context.now, receivedAt: 1_600_000_000_000)
        let imported = InputDecoder.decodeAll(frames.joined(separator: "\n"), source: "t", context: context)
        #expect(imported.rejections.isEmpty, "\(imported.rejections)")
        #expect(imported.events.count > 40)
        let recording = imported.events.map(NativeFormat.encode).joined(separator: "\n")
        let replayed = Self.decode(recording)
        #expect(replayed.rejections.isEmpty, "\(replayed.rejections)")
        #expect(replayed.events == imported.events)
    }
}
