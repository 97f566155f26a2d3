import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }

private func marks(_ out: DecodeOutput) -> [MarkPrice] { out.events.compactMap { if case .markPrice(let m) = $0 { m } else { nil } } }
private func fundings(_ out: DecodeOutput) -> [FundingRate] { out.events.compactMap { if case .funding(let f) = $0 { f } else { nil } } }
private func openInterests(_ out: DecodeOutput) -> [OpenInterest] { out.events.compactMap { if case .openInterest(let o) = $0 { o } else { nil } } }

@Suite struct BinanceLeverageTests {
    /// Real frames from ../shared/samples/real/ (tardis-dev/tardis-node test/mappers.test.ts):
    /// binance_um_markPrice__tardis-node.ndjson, binance_cm_markPrice__…, binance_cm_indexPrice__…,
    /// binance_um_ticker__… (the same frame twice, as in the source), binance_cm_ticker__….
    static let usdmMarks = [
        #"{"stream":"btcusdt@markPrice","data":{"e":"markPriceUpdate","E":1569888003001,"s":"BTCUSDT","p":"8291.34697815","r":"0.00010000","T":1569916800000}}"#,
        #"{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1597536008000,"s":"BTCUSDT","p":"11857.56000000","i":"11851.86949091","r":"0.00015640","T":1597564800000}}"#,
        #"{"stream":"btcbusd_210129@markPrice@1s","data":{"e":"markPriceUpdate","E":1609830121004,"s":"BTCBUSD_210129","p":"31799.27730000","P":"31235.82439517","i":"31307.03400000","r":"0.00000000","T":0}}"#,
    ]
    static let coinmMark = #"{"stream":"btcusd_200925@markPrice@1s","data":{"e":"markPriceUpdate","E":1592265602000,"s":"BTCUSD_200925","p":"9501.15723333","P":"9429.39675000"}}"#
    static let unused = [
        #"{"stream":"btcusd@indexPrice@1s","data":{"e":"indexPriceUpdate","E":1592265601001,"i":"BTCUSD","p":"9429.39675000"}}"#,
        #"{"stream":"btcusdt@ticker","data":{"e":"24hrTicker","E":1568693103467,"s":"BTCUSDT","p":"-88.17","P":"-0.855","w":"10223.98","c":"10223.74","Q":"2.097","o":"10311.91","h":"10329.38","l":"10080.70","v":"20248.900","q":"207024349.13","O":1568606704662,"C":1568693103463,"F":148927,"L":181349,"n":32423}}"#,
        #"{"stream":"btcusdt@ticker","data":{"e":"24hrTicker","E":1568693103467,"s":"BTCUSDT","p":"-88.17","P":"-0.855","w":"10223.98","c":"10223.74","Q":"2.097","o":"10311.91","h":"10329.38","l":"10080.70","v":"20248.900","q":"207024349.13","O":1568606704662,"C":1568693103463,"F":148927,"L":181349,"n":32423}}"#,
        #"{"stream":"btcusd_200925@ticker","data":{"e":"24hrTicker","E":1592265616654,"s":"BTCUSD_200925","ps":"BTCUSD","p":"72.9","P":"0.773","w":"9271.96027324","c":"9504.9","Q":"1","o":"9432.0","h":"9769.5","l":"8621.4","v":"1967607","q":"21221.04648872","O":1592179200000,"C":1592265616653,"F":100191,"L":173906,"n":73715}}"#,
    ]
    /// The real `/fapi/v1/openInterest` and `/dapi/v1/openInterest` bodies as tardis wraps them.
    static let usdmOpenInterest = #"{"stream":"btcusdt@openInterest","generated":true,"data":{"symbol":"BTCUSDT","openInterest":"26286.181"}}"#
    static let coinmOpenInterest = #"{"stream":"btcusd_200925@openInterest","generated":true,"data":{"symbol":"BTCUSD_200925","pair":"BTCUSD","openInterest":"15279","contractType":"CURRENT_QUARTER","time":1592265372706}}"#

    @Test func realUsdmMarkPriceFrames() throws {
        let out = decode(Self.usdmMarks.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 0)
        let m = marks(out), f = fundings(out)
        #expect(m.map(\.mark) == [try dec("8291.34697815"), try dec("11857.56"), try dec("31799.2773")])
        #expect(m.map(\.index) == [nil, try dec("11851.86949091"), try dec("31307.034")]) // the 2019 frame has no `i`
        #expect(m.map(\.time) == [1_569_888_003_001, 1_597_536_008_000, 1_609_830_121_004])
        #expect(m.map(\.coin) == ["BTC", "BTC", "BTC"] && m.allSatisfy { $0.venue == .binance })
        #expect(m.map(\.instrument) == ["BTCUSDT", "BTCUSDT", "BTCBUSD_210129"])
        // The quarterly's `"r":"0.00000000","T":0` is no funding; the perpetual's rates are.
        #expect(f.map(\.rate) == [try dec("0.0001"), try dec("0.0001564")])
        #expect(f.map(\.nextFundingTime) == [1_569_916_800_000, 1_597_564_800_000])
        #expect(f.map(\.time) == [1_569_888_003_001, 1_597_536_008_000])
        #expect(f.allSatisfy { $0.intervalHours == nil && $0.instrument == "BTCUSDT" && $0.venue == .binance })
        #expect(out.events.count == 5)
    }

    @Test func realCoinmMarkPriceHasNoFunding() throws {
        let out = decode(Self.coinmMark)
        #expect(out.rejections.isEmpty)
        #expect(out.events == [.markPrice(MarkPrice(time: 1_592_265_602_000, venue: .binance, instrument: "BTCUSD_200925",
                                                    coin: "BTC", mark: try dec("9501.15723333")))])
    }

    @Test func framesWithoutMarkFundingOrOpenInterestAreIgnored() {
        let out = decode(Self.unused.joined(separator: "\n"))
        #expect(out.rejections.isEmpty && out.events.isEmpty)
        #expect(out.ignored == Self.unused.count)
    }

    /// Binance's published examples: the USD-M Mark Price Stream
    /// (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Mark-Price-Stream)
    /// and COIN-M's, whose delivery contract shows `"r":""`, `"T":0`
    /// (https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-market-streams/Mark-Price-Stream).
    @Test func documentedExamples() throws {
        let usdm = #"{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}"#
        let coinm = #"{"e":"markPriceUpdate","E":1596095725000,"s":"BTCUSD_201225","p":"10934.62615417","P":"10962.17178236","i":"10933.62615417","r":"","T":0}"#
        let out = decode(usdm + "\n" + coinm)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_562_305_380_000, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                 mark: try dec("11794.15"), index: try dec("11784.62659091"))),
            .funding(FundingRate(time: 1_562_305_380_000, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                 rate: try dec("0.00038167"), nextFundingTime: 1_562_306_400_000)),
            .markPrice(MarkPrice(time: 1_596_095_725_000, venue: .binance, instrument: "BTCUSD_201225", coin: "BTC",
                                 mark: try dec("10934.62615417"), index: try dec("10933.62615417"))),
        ])
    }

    /// `<pair>@markPrice` / `!markPrice@arr`: an array of events, bare or in the combined-stream
    /// wrapper (Binance's COIN-M "Mark Price of All Symbols of a Pair" example,
    /// https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-market-streams/Mark-Price-of-All-Symbols-of-a-Pair).
    static let pairArray = #"[{"e":"markPriceUpdate","E":1596095725000,"s":"BTCUSD_201225","p":"10934.62615417","P":"10962.17178236","i":"10933.62615417","r":"","T":0},{"e":"markPriceUpdate","E":1596095725000,"s":"BTCUSD_PERP","p":"11012.31359011","P":"10962.17178236","i":"10933.62615417","r":"0.00000000","T":1596096000000}]"#

    @Test func arrayFramesBareAndWrapped() throws {
        for line in [Self.pairArray, #"{"stream":"btcusd@markPrice@1s","data":"# + Self.pairArray + "}"] {
            let out = decode(line)
            #expect(out.rejections.isEmpty, "\(out.rejections)")
            #expect(marks(out).map(\.instrument) == ["BTCUSD_201225", "BTCUSD_PERP"])
            // A perpetual's zero rate is a rate: it is sent with a next funding time.
            #expect(fundings(out) == [FundingRate(time: 1_596_095_725_000, venue: .binance, instrument: "BTCUSD_PERP", coin: "BTC",
                                                  rate: .zero, nextFundingTime: 1_596_096_000_000)])
        }
    }

    @Test func aBadArrayEntryCostsOnlyItself() throws {
        let line = #"{"stream":"!markPrice@arr@1s","data":[{"e":"markPriceUpdate","E":1768000000000,"s":"BTCUSDT","p":"97000.1","i":"96999","r":"0.0001","T":1768003200000},{"e":"markPriceUpdate","E":1768000000000,"s":"ETHUSDT","p":"0","r":"0.0001","T":1768003200000},{"e":"markPriceUpdate","E":1768000000000,"s":"SOLUSDT","p":"180.5","r":"0.9","T":1768003200000},{"e":"markPriceUpdate","E":1768000000000,"s":"XRPUSDT","p":"2.1","r":"-0.00002","T":1768003200000}]}"#
        let out = decode(line)
        #expect(out.rejections.map(\.reason) == ["mark price is zero or negative", "funding rate beyond ±0.25 per interval: implausible"])
        #expect(out.rejections.allSatisfy { $0.line == 1 })
        #expect(marks(out).map(\.instrument) == ["BTCUSDT", "XRPUSDT"])
        #expect(fundings(out).map(\.rate) == [try dec("0.0001"), try dec("-0.00002")])
        #expect(out.ignored == 0)
    }

    @Test func asterSendsTheSameFrames() {
        let out = InputDecoder.decodeAll(#"{"e":"markPriceUpdate","E":1768000000000,"s":"BTCUSDT","p":"97000.1","r":"0.0001","T":1768003200000}"#,
                                         source: "t", context: DecodeContext(now: fixtureNow, venue: .aster))
        #expect(marks(out).map(\.venue) == [.aster] && fundings(out).map(\.venue) == [.aster])
    }

    // MARK: - Open interest (REST)

    /// https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Open-Interest
    @Test func documentedOpenInterestBody() throws {
        let out = decode(#"{"openInterest":"10659.509","symbol":"BTCUSDT","time":1589437530011}"#)
        #expect(out.rejections.isEmpty)
        #expect(out.events == [.openInterest(OpenInterest(time: 1_589_437_530_011, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                                          size: try dec("10659.509"), unit: .coin))])
    }

    @Test func realUsdmBodyIsDatedByItsReceiveTime() throws {
        let received: Millis = 1_597_536_008_123
        let out = decode(Self.usdmOpenInterest, receivedAt: received)
        #expect(out.rejections.isEmpty)
        // Base coin; no USD figure in the body, so the store values it at the mark.
        #expect(openInterests(out) == [OpenInterest(time: received, venue: .binance, instrument: "BTCUSDT", coin: "BTC",
                                                    size: try dec("26286.181"), unit: .coin, usd: nil)])
        let undated = decode(Self.usdmOpenInterest)
        #expect(undated.events.isEmpty)
        #expect(undated.rejections.map(\.reason) == ["Binance open interest has no time: only a live poll (or liqtop's recording of one) can date it"])
    }

    @Test func realCoinmBodyCountsContractsUntilTheirSizeIsKnown() throws {
        let out = decode(Self.coinmOpenInterest)
        #expect(out.rejections.isEmpty)
        #expect(openInterests(out) == [OpenInterest(time: 1_592_265_372_706, venue: .binance, instrument: "BTCUSD_200925", coin: "BTC",
                                                    size: FixedDecimal(15279), unit: .contracts)])
        // With the venue's own contract size (100 USD for BTC) it is USD.
        let facts = InstrumentFacts(venue: "binance", instrument: "BTCUSD_200925", contractValue: FixedDecimal(100),
                                    unit: .usd, kind: .inverse, asOf: 1_592_000_000_000)
        let priced = decode(Self.coinmOpenInterest, instruments: InstrumentBook([facts]))
        #expect(priced.rejections.isEmpty)
        #expect(openInterests(priced) == [OpenInterest(time: 1_592_265_372_706, venue: .binance, instrument: "BTCUSD_200925", coin: "BTC",
                                                       size: FixedDecimal(1_527_900), unit: .usd, usd: USD(dollars: 1_527_900))])
        #expect(priced.instruments == [facts]) // listed for the recorder, as for a liquidation priced with it
    }

    @Test func badOpenInterestBodies() {
        let out = decode([
            #"{"openInterest":"-1","symbol":"BTCUSDT","time":1589437530011}"#,
            #"{"openInterest":"","symbol":"BTCUSDT","time":1589437530011}"#,
            #"{"openInterest":"1","symbol":"BTC USDT","time":1589437530011}"#,
            #"{"openInterest":"1","symbol":7,"time":1589437530011}"#,
        ].joined(separator: "\n"))
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == [
            "open interest is negative", "bad openInterest: empty number",
            "instrument name has characters outside [A-Za-z0-9._:/-]", "symbol is not a string",
        ])
    }
}
