import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }

@Suite struct OKXLeverageTests {
    /// ../shared/samples/real/okx_v5_mark-price__tardis-node.ndjson (tardis-dev/tardis-node).
    static let realMarks = [
        #"{"arg":{"channel":"mark-price","instId":"FIL-USDT-220325"},"data":[{"instId":"FIL-USDT-220325","instType":"FUTURES","markPx":"36.232","ts":"1640131204676"}]}"#,
        #"{"arg":{"channel":"mark-price","instId":"FIL-USDT-220325"},"data":[{"instId":"FIL-USDT-220325","instType":"FUTURES","markPx":"36.662","ts":"1640140257676"}]}"#,
        #"{"arg":{"channel":"mark-price","instId":"WNCG-USDT-SWAP"},"data":[{"instId":"WNCG-USDT-SWAP","instType":"SWAP","markPx":"2.1729","ts":"1640131259180"}]}"#,
        #"{"arg":{"channel":"mark-price","instId":"ETH-USD-211231-9600-C"},"data":[{"instId":"ETH-USD-211231-9600-C","instType":"OPTION","markPx":"3.8005764218904408","ts":"1640183727000"}]}"#,
    ]
    /// okx_v5_funding-rate__tardis-node.ndjson: a 2026 X-Perp (full field set), 2021 WNCG (no
    /// `ts`), 2021 SOS (no `fundingRate`).
    static let realFunding = [
        #"{"arg":{"channel":"funding-rate","instId":"BTC-USD_UM_XPERP-310404"},"data":[{"formulaType":"withRate","fundingRate":"-0.0004270396398519","fundingTime":"1785888000000","impactValue":"10000.0000000000000000","instId":"BTC-USD_UM_XPERP-310404","instType":"FUTURES","interestRate":"0.0001000000000000","maxFundingRate":"0.00375","method":"current_period","minFundingRate":"-0.00375","nextFundingRate":"","nextFundingTime":"1785916800000","premium":"-0.0008949500017283","prevFundingTime":"1785859200000","settFundingRate":"-0.0001996513270201","settState":"settled","ts":"1785870855692"}]}"#,
        #"{"arg":{"channel":"funding-rate","instId":"WNCG-USDT-SWAP"},"data":[{"fundingRate":"0.00048105","fundingTime":"1640131200000","instId":"WNCG-USDT-SWAP","instType":"SWAP","nextFundingRate":"0.00114"}]}"#,
        #"{"arg":{"channel":"funding-rate","instId":"SOS-USDT-SWAP"},"data":[{"fundingTime":"1640851200000","instId":"SOS-USDT-SWAP","instType":"SWAP","nextFundingRate":"0.0003"}]}"#,
    ]
    /// okx_v5_open-interest__tardis-node.ndjson, 2021: future, swap, option; no `oiUsd` yet.
    static let realOpenInterest = [
        #"{"arg":{"channel":"open-interest","instId":"FIL-USDT-220325"},"data":[{"instId":"FIL-USDT-220325","instType":"FUTURES","oi":"236870","oiCcy":"23687","ts":"1640131202886"}]}"#,
        #"{"arg":{"channel":"open-interest","instId":"WNCG-USDT-SWAP"},"data":[{"instId":"WNCG-USDT-SWAP","instType":"SWAP","oi":"644195","oiCcy":"644195","ts":"1640131258756"}]}"#,
        #"{"arg":{"channel":"open-interest","instId":"ETH-USD-211231-9600-C"},"data":[{"instId":"ETH-USD-211231-9600-C","instType":"OPTION","oi":"36","oiCcy":"3.6","ts":"1640183217591"}]}"#,
    ]

    @Test func realMarkPriceFrames() throws {
        let out = decode(Self.realMarks.joined(separator: "\n"))
        #expect(out.rejections.isEmpty)
        #expect(out.ignored == 1) // the option: its markPx is in ETH, not the coin's price
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_640_131_204_676, venue: .okx, instrument: "FIL-USDT-220325", coin: "FIL", mark: try dec("36.232"))),
            .markPrice(MarkPrice(time: 1_640_140_257_676, venue: .okx, instrument: "FIL-USDT-220325", coin: "FIL", mark: try dec("36.662"))),
            .markPrice(MarkPrice(time: 1_640_131_259_180, venue: .okx, instrument: "WNCG-USDT-SWAP", coin: "WNCG", mark: try dec("2.1729"))),
        ])
    }

    @Test func realFundingFrames() throws {
        let received: Millis = 1_640_131_100_000
        let out = decode(Self.realFunding.joined(separator: "\n"), now: 1_785_900_000_000, receivedAt: received)
        #expect(out.events == [
            // 8 h: nextFundingTime − fundingTime; the rate is paid at fundingTime.
            .funding(FundingRate(time: 1_785_870_855_692, venue: .okx, instrument: "BTC-USD_UM_XPERP-310404", coin: "BTC",
                                 rate: try dec("-0.0004270396398519"), intervalHours: 8, nextFundingTime: 1_785_888_000_000)),
            // No `ts`: dated by its receive time; no nextFundingTime, so no interval.
            .funding(FundingRate(time: received, venue: .okx, instrument: "WNCG-USDT-SWAP", coin: "WNCG",
                                 rate: try dec("0.00048105"), intervalHours: nil, nextFundingTime: 1_640_131_200_000)),
        ])
        #expect(out.rejections.map(\.reason) == ["OKX funding-rate entry has no fundingRate"])
        #expect(out.rejections.map(\.line) == [3])
        // Read from a file without receive times, the undated entry is refused, not dated by the reader's clock.
        let file = decode(Self.realFunding[1])
        #expect(file.events.isEmpty)
        #expect(file.rejections.map(\.reason) == ["OKX entry has no ts: only a live connection (or liqtop's recording of one) can date it"])
    }

    @Test func realOpenInterestFrames() throws {
        let out = decode(Self.realOpenInterest.joined(separator: "\n"))
        #expect(out.rejections.isEmpty)
        #expect(out.ignored == 1)
        // oiCcy in coins (the future's `oi` is 10 contracts per coin); no oiUsd: the store values it.
        #expect(out.events == [
            .openInterest(OpenInterest(time: 1_640_131_202_886, venue: .okx, instrument: "FIL-USDT-220325", coin: "FIL",
                                       size: FixedDecimal(23687), unit: .coin)),
            .openInterest(OpenInterest(time: 1_640_131_258_756, venue: .okx, instrument: "WNCG-USDT-SWAP", coin: "WNCG",
                                       size: FixedDecimal(644_195), unit: .coin)),
        ])
    }

    /// OKX's published push examples (https://www.okx.com/docs-v5/en/#public-data-websocket-mark-price-channel,
    /// …-funding-rate-channel, …-open-interest-channel; read from copies of the docs).
    @Test func documentedExamples() throws {
        let lines = [
            #"{"arg":{"channel":"mark-price","instId":"BTC-USDT"},"data":[{"instType":"MARGIN","instId":"BTC-USDT","markPx":"42310.6","ts":"1630049139746"}]}"#,
            #"{"arg":{"channel":"funding-rate","instId":"BTC-USD-SWAP"},"data":[{"formulaType":"noRate","fundingRate":"0.0001875391284828","fundingTime":"1700726400000","impactValue":"","instId":"BTC-USD-SWAP","instType":"SWAP","interestRate":"","method":"current_period","maxFundingRate":"0.00375","minFundingRate":"-0.00375","nextFundingRate":"","nextFundingTime":"1700755200000","premium":"0.0001233824646391","settFundingRate":"0.0001699799259033","settState":"settled","ts":"1700724675402"}]}"#,
            #"{"arg":{"channel":"open-interest","instId":"LTC-USD-SWAP"},"data":[{"instId":"LTC-USD-SWAP","instType":"SWAP","oi":"5000","oiCcy":"555.55","oiUsd":"50000","ts":"1597026383085"}]}"#,
            #"{"event":"subscribe","arg":{"channel":"funding-rate","instId":"BTC-USD-SWAP"},"connId":"a4d3ae55"}"#,
        ]
        let out = decode(lines.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 1) // the subscribe ack
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_630_049_139_746, venue: .okx, instrument: "BTC-USDT", coin: "BTC", mark: try dec("42310.6"))),
            .funding(FundingRate(time: 1_700_724_675_402, venue: .okx, instrument: "BTC-USD-SWAP", coin: "BTC",
                                 rate: try dec("0.0001875391284828"), intervalHours: 8, nextFundingTime: 1_700_726_400_000)),
            .openInterest(OpenInterest(time: 1_597_026_383_085, venue: .okx, instrument: "LTC-USD-SWAP", coin: "LTC",
                                       size: try dec("555.55"), unit: .coin, usd: USD(dollars: 50000))),
        ])
    }

    @Test func badEntriesCostOnlyThemselves() throws {
        let line = #"{"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","oi":"1","oiCcy":"0.01","oiUsd":"970","ts":"1768000000000"},{"instId":"BTC-USDT-SWAP","instType":"SWAP","oi":"1","ts":"1768000000000"},{"instId":"BTC-USDT-SWAP","instType":"SWAP","oi":"1","oiCcy":"-1","ts":"1768000000000"},7]}"#
        let out = decode(line)
        #expect(out.events.count == 1)
        #expect(out.rejections.map(\.reason) == ["missing data.oiCcy", "open interest is negative", "data entry is not an object"])
        // A funding interval that is not whole hours (or is absurd) is left unknown.
        let odd = decode(#"{"arg":{"channel":"funding-rate","instId":"BTC-USDT-SWAP"},"data":[{"fundingRate":"0.0001","fundingTime":"1768003200000","nextFundingTime":"1768005000000","instId":"BTC-USDT-SWAP","ts":"1768000000000"}]}"#)
        guard case .funding(let f) = try #require(odd.events.first) else { Issue.record("not funding"); return }
        #expect(f.intervalHours == nil && f.nextFundingTime == 1_768_003_200_000)
    }
}
