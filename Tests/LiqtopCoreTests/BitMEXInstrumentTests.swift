import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }
private func ois(_ out: DecodeOutput) -> [OpenInterest] { out.events.compactMap { if case .openInterest(let o) = $0 { o } else { nil } } }

@Suite struct BitMEXInstrumentTests {
    /// ../shared/samples/real/bitmex_instrument__tardis-node.ndjson (tardis-dev/tardis-node, "map bitmex
    /// messages"): an XBTUSD update before any partial, a partial of two futures quoted in XBT
    /// (funding fields null), a sparse update, one carrying only `openInterest` (and no timestamp).
    static let real = [
        #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","lastTickDirection":"ZeroMinusTick","timestamp":"2019-06-01T00:00:19.163Z"}]}"#,
        #"{"table":"instrument","action":"partial","filter":{},"data":[{"symbol":"ETHM19","rootSymbol":"ETH","state":"Open","typ":"FFCCSX","listing":"2019-03-15T08:00:00.000Z","front":"2019-05-31T12:00:00.000Z","expiry":"2019-06-28T12:00:00.000Z","settle":"2019-06-28T12:00:00.000Z","relistInterval":null,"inverseLeg":"","sellLeg":"","buyLeg":"","optionStrikePcnt":null,"optionStrikeRound":null,"optionStrikePrice":null,"optionMultiplier":null,"positionCurrency":"ETH","underlying":"ETH","quoteCurrency":"XBT","underlyingSymbol":"ETHXBT=","reference":"BMEX","referenceSymbol":".BETHXBT30M","calcInterval":null,"publishInterval":null,"publishTime":null,"maxOrderQty":100000000,"maxPrice":10,"lotSize":1,"tickSize":0.00001,"multiplier":100000000,"settlCurrency":"XBt","underlyingToPositionMultiplier":1,"underlyingToSettleMultiplier":null,"quoteToSettleMultiplier":100000000,"isQuanto":false,"isInverse":false,"initMargin":0.02,"maintMargin":0.01,"riskLimit":5000000000,"riskStep":5000000000,"limit":null,"capped":false,"taxed":true,"deleverage":true,"makerFee":-0.0005,"takerFee":0.0025,"settlementFee":0,"insuranceFee":0,"fundingBaseSymbol":"","fundingQuoteSymbol":"","fundingPremiumSymbol":"","fundingTimestamp":null,"fundingInterval":null,"fundingRate":null,"indicativeFundingRate":null,"rebalanceTimestamp":null,"rebalanceInterval":null,"openingTimestamp":"2019-05-31T23:00:00.000Z","closingTimestamp":"2019-06-01T00:00:00.000Z","sessionInterval":"2000-01-01T01:00:00.000Z","prevClosePrice":0.0311,"limitDownPrice":null,"limitUpPrice":null,"bankruptLimitDownPrice":null,"bankruptLimitUpPrice":null,"prevTotalVolume":4070606,"totalVolume":4075076,"volume":4470,"volume24h":70698,"prevTotalTurnover":12718107396000,"totalTurnover":12732141124000,"turnover":14033728000,"turnover24h":219620772000,"homeNotional24h":70698,"foreignNotional24h":2196.2077199999994,"prevPrice24h":0.03089,"vwap":0.03106464,"highPrice":0.03163,"lowPrice":0.03033,"lastPrice":0.03161,"lastPriceProtected":0.03161,"lastTickDirection":"ZeroPlusTick","lastChangePcnt":0.0233,"bidPrice":0.03162,"midPrice":0.031625,"askPrice":0.03163,"impactBidPrice":0.03162,"impactMidPrice":0.031625,"impactAskPrice":0.03163,"hasLiquidity":true,"openInterest":150499,"openValue":475877838000,"fairMethod":"ImpactMidPrice","fairBasisRate":0.13,"fairBasis":0.00031,"fairPrice":0.03162,"markMethod":"FairPrice","markPrice":0.03162,"indicativeTaxRate":0,"indicativeSettlePrice":0.03131,"optionUnderlyingPrice":null,"settledPrice":null,"timestamp":"2019-05-31T23:59:30.000Z"},{"symbol":"LTCM19","rootSymbol":"LTC","state":"Open","typ":"FFCCSX","listing":"2019-03-15T08:00:00.000Z","front":"2019-05-31T12:00:00.000Z","expiry":"2019-06-28T12:00:00.000Z","settle":"2019-06-28T12:00:00.000Z","relistInterval":null,"inverseLeg":"","sellLeg":"","buyLeg":"","optionStrikePcnt":null,"optionStrikeRound":null,"optionStrikePrice":null,"optionMultiplier":null,"positionCurrency":"LTC","underlying":"LTC","quoteCurrency":"XBT","underlyingSymbol":"LTCXBT=","reference":"BMEX","referenceSymbol":".BLTCXBT30M","calcInterval":null,"publishInterval":null,"publishTime":null,"maxOrderQty":100000000,"maxPrice":10,"lotSize":1,"tickSize":0.000005,"multiplier":100000000,"settlCurrency":"XBt","underlyingToPositionMultiplier":1,"underlyingToSettleMultiplier":null,"quoteToSettleMultiplier":100000000,"isQuanto":false,"isInverse":false,"initMargin":0.03,"maintMargin":0.015,"riskLimit":5000000000,"riskStep":5000000000,"limit":null,"capped":false,"taxed":true,"deleverage":true,"makerFee":-0.0005,"takerFee":0.0025,"settlementFee":0,"insuranceFee":0,"fundingBaseSymbol":"","fundingQuoteSymbol":"","fundingPremiumSymbol":"","fundingTimestamp":null,"fundingInterval":null,"fundingRate":null,"indicativeFundingRate":null,"rebalanceTimestamp":null,"rebalanceInterval":null,"openingTimestamp":"2019-05-31T23:00:00.000Z","closingTimestamp":"2019-06-01T00:00:00.000Z","sessionInterval":"2000-01-01T01:00:00.000Z","prevClosePrice":0.01313,"limitDownPrice":null,"limitUpPrice":null,"bankruptLimitDownPrice":null,"bankruptLimitUpPrice":null,"prevTotalVolume":14683085,"totalVolume":14706051,"volume":22966,"volume24h":193546,"prevTotalTurnover":20805359301000,"totalTurnover":20836292769500,"turnover":30933468500,"turnover24h":255133524000,"homeNotional24h":193546,"foreignNotional24h":2551.3352399999985,"prevPrice24h":0.01312,"vwap":0.01318207,"highPrice":0.01357,"lowPrice":0.0129,"lastPrice":0.01354,"lastPriceProtected":0.01354,"lastTickDirection":"ZeroMinusTick","lastChangePcnt":0.032,"bidPrice":0.013535,"midPrice":0.0135375,"askPrice":0.01354,"impactBidPrice":0.01353146,"impactMidPrice":0.013535,"impactAskPrice":0.01354,"hasLiquidity":true,"openInterest":204654,"openValue":276958258200,"fairMethod":"ImpactMidPrice","fairBasisRate":0.15,"fairBasis":0.000151,"fairPrice":0.013533,"markMethod":"FairPrice","markPrice":0.013533,"indicativeTaxRate":0,"indicativeSettlePrice":0.013382,"optionUnderlyingPrice":null,"settledPrice":null,"timestamp":"2019-05-31T23:59:55.000Z"}]}"#,
        #"{"table":"instrument","action":"update","data":[{"symbol":"ETHM19","lastPrice":267.75,"bidPrice":267.7,"midPrice":267.725,"askPrice":267.75,"impactBidPrice":267.62,"impactMidPrice":267.7,"impactAskPrice":267.76,"timestamp":"2019-05-31T23:59:58.022Z"}]}"#,
        #"{"table":"instrument","action":"update","data":[{"symbol":"ETHUSD","openInterest":58922153}]}"#,
    ]

    @Test func realFrames() throws {
        let received: Millis = 1_559_347_200_500
        let out = decode(Self.real.joined(separator: "\n"), receivedAt: received)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 2) // the updates touching none of mark, funding, open interest
        // Quoted in XBT: no mark price in USD; no funding on futures; contracts of unknown value.
        #expect(out.events == [
            .openInterest(OpenInterest(time: 1_559_347_170_000, venue: .bitmex, instrument: "ETHM19", coin: "ETH", size: FixedDecimal(150_499), unit: .contracts)),
            .openInterest(OpenInterest(time: 1_559_347_195_000, venue: .bitmex, instrument: "LTCM19", coin: "LTC", size: FixedDecimal(204_654), unit: .contracts)),
            .openInterest(OpenInterest(time: received, venue: .bitmex, instrument: "ETHUSD", coin: "ETH", size: FixedDecimal(58_922_153), unit: .contracts)),
        ])
        // From a file without receive times, the undated update is refused, not dated by the reader's clock.
        let file = decode(Self.real[3])
        #expect(file.events.isEmpty)
        #expect(file.rejections.map(\.reason) == ["BitMEX instrument update has no timestamp: only a live connection (or liqtop's recording of one) can date it"])
    }

    /// A partial shaped by BitMEX's `Instrument` model (https://www.bitmex.com/api/explorer/#/Instrument;
    /// values ours), then sparse updates: each keeps what it does not carry.
    @Test func sparseUpdatesMergeBySymbol() throws {
        let lines = [
            #"{"table":"instrument","action":"partial","data":[{"symbol":"XBTUSD","quoteCurrency":"USD","markPrice":97000.5,"fundingRate":0.0001,"fundingTimestamp":"2026-01-14T04:00:00.000Z","fundingInterval":"2000-01-01T08:00:00.000Z","openInterest":500000000,"timestamp":"2026-01-14T00:00:00.000Z"}]}"#,
            #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","markPrice":97100,"timestamp":"2026-01-14T00:00:01.000Z"}]}"#,
            #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","openInterest":500000100,"timestamp":"2026-01-14T00:00:02.000Z"}]}"#,
            #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","fundingRate":-0.0002,"timestamp":"2026-01-14T00:00:03.000Z"}]}"#,
            #"{"table":"instrument","action":"delete","data":[{"symbol":"XBTUSD"}]}"#,
        ]
        let out = decode(lines.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 1)
        let marks = out.events.compactMap { if case .markPrice(let m) = $0 { m } else { nil } }
        #expect(marks.map(\.mark) == [try dec("97000.5"), FixedDecimal(97100)])
        #expect(marks.allSatisfy { $0.coin == "BTC" && $0.venue == .bitmex })
        // XBTUSD: 1 USD per contract.
        #expect(ois(out).map(\.usd) == [USD(dollars: 500_000_000), USD(dollars: 500_000_100)])
        #expect(ois(out).allSatisfy { $0.unit == .usd })
        let fs = out.events.compactMap { if case .funding(let f) = $0 { f } else { nil } }
        #expect(fs.map(\.rate) == [try dec("0.0001"), try dec("-0.0002")])
        #expect(fs.map(\.intervalHours) == [8, 8])
        #expect(fs.map(\.nextFundingTime) == [1_768_363_200_000, 1_768_363_200_000])
    }

    @Test func contractsConvertWithTheInstrumentBook() throws {
        let facts = InstrumentFacts(venue: "bitmex", instrument: "SOLUSDT", contractValue: try dec("0.1"), unit: .coin, kind: .linear, asOf: 1_768_000_000_000)
        let line = #"{"table":"instrument","action":"update","data":[{"symbol":"SOLUSDT","openInterest":1234,"timestamp":"2026-01-14T00:00:00.000Z"}]}"#
        #expect(ois(decode(line, instruments: InstrumentBook([facts]))) == [OpenInterest(time: 1_768_348_800_000, venue: .bitmex, instrument: "SOLUSDT", coin: "SOL", size: try dec("123.4"), unit: .coin)])
        #expect(ois(decode(line)).map(\.unit) == [.contracts])
    }
}
