import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }

@Suite struct BitgetGateTickerTests {
    /// ../shared/samples/real/bitget_v2_futures_ticker__tardis-node.ndjson (tardis-dev/tardis-node,
    /// "map bitget-futures messages"): the subscribe ack, a USDT-FUTURES perpetual, a COIN-FUTURES delivery.
    static let bitgetReal = [
        #"{"event":"subscribe","arg":{"instType":"USDT-FUTURES","channel":"ticker","instId":"BTCUSDT"}}"#,
        #"{"action":"snapshot","arg":{"instType":"USDT-FUTURES","channel":"ticker","instId":"STORJUSDT"},"data":[{"instId":"STORJUSDT","lastPr":"0.4706","bidPr":"0.4705","askPr":"0.4708","bidSz":"1367.3","askSz":"2535.3","open24h":"0.4737","high24h":"0.4784","low24h":"0.463","change24h":"-0.01569","fundingRate":"0.0001","nextFundingTime":"1730361600000","markPrice":"0.4705","indexPrice":"0.47080586","holdingAmount":"8572031.1","baseVolume":"2878355.9","quoteVolume":"1355483.45089","openUtc":"0.4706","symbolType":"1","symbol":"STORJUSDT","deliveryPrice":"0","ts":"1730332823155"}],"ts":1730332823157}"#,
        #"{"action":"snapshot","arg":{"instType":"COIN-FUTURES","channel":"ticker","instId":"BTCUSDZ24"},"data":[{"instId":"BTCUSDZ24","lastPr":"73733.7","bidPr":"73737.6","askPr":"73742.1","bidSz":"0.246","askSz":"0.094","open24h":"73465.6","high24h":"74358.2","low24h":"72872.2","change24h":"-0.00612","fundingRate":"0","nextFundingTime":"0","markPrice":"73731.8","indexPrice":"72327.926666","holdingAmount":"57.714","baseVolume":"21.427","quoteVolume":"1579692.8012","openUtc":"73731.0","symbolType":"2","symbol":"BTCUSDZ24","ts":"1730332823217"}],"ts":1730332823221}"#,
    ]

    @Test func bitgetRealFrames() throws {
        let out = decode(Self.bitgetReal.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 1)
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_730_332_823_155, venue: .bitget, instrument: "STORJUSDT", coin: "STORJ", mark: try dec("0.4705"), index: try dec("0.47080586"))),
            .funding(FundingRate(time: 1_730_332_823_155, venue: .bitget, instrument: "STORJUSDT", coin: "STORJ", rate: try dec("0.0001"), nextFundingTime: 1_730_361_600_000)),
            .openInterest(OpenInterest(time: 1_730_332_823_155, venue: .bitget, instrument: "STORJUSDT", coin: "STORJ", size: try dec("8572031.1"), unit: .coin)),
            // The delivery contract's "fundingRate":"0" with "nextFundingTime":"0" is no funding.
            .markPrice(MarkPrice(time: 1_730_332_823_217, venue: .bitget, instrument: "BTCUSDZ24", coin: "BTC", mark: try dec("73731.8"), index: try dec("72327.926666"))),
            .openInterest(OpenInterest(time: 1_730_332_823_217, venue: .bitget, instrument: "BTCUSDZ24", coin: "BTC", size: try dec("57.714"), unit: .coin)),
        ])
    }

    /// Bitget's published push example (https://www.bitget.com/api-doc/contract/websocket/public/Tickers-Channel).
    @Test func bitgetDocumentedExample() throws {
        let line = #"{"action":"snapshot","arg":{"instType":"USDT-FUTURES","channel":"ticker","instId":"BTCUSDT"},"data":[{"instId":"BTCUSDT","lastPr":"27000.5","bidPr":"27000","askPr":"27000.5","bidSz":"2.71","askSz":"8.76","open24h":"27000.5","high24h":"30668.5","low24h":"26999.0","change24h":"-0.00002","fundingRate":"0.000010","nextFundingTime":"1695722400000","markPrice":"27000.0","indexPrice":"25702.4","holdingAmount":"929.502","baseVolume":"368.900","quoteVolume":"10152429.961","openUtc":"27000.5","symbolType":1,"symbol":"BTCUSDT","deliveryPrice":"0","ts":"1695715383021"}],"ts":1695715383039}"#
        let out = decode(line)
        #expect(out.rejections.isEmpty)
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_695_715_383_021, venue: .bitget, instrument: "BTCUSDT", coin: "BTC", mark: FixedDecimal(27000), index: try dec("25702.4"))),
            .funding(FundingRate(time: 1_695_715_383_021, venue: .bitget, instrument: "BTCUSDT", coin: "BTC", rate: try dec("0.00001"), nextFundingTime: 1_695_722_400_000)),
            .openInterest(OpenInterest(time: 1_695_715_383_021, venue: .bitget, instrument: "BTCUSDT", coin: "BTC", size: try dec("929.502"), unit: .coin)),
        ])
        // Spot tickers are not futures: ignored, as the v3 liquidation topic's neighbours are.
        let spot = decode(#"{"action":"snapshot","arg":{"instType":"SPOT","channel":"ticker","instId":"ETHUSDT"},"data":[{"instId":"ETHUSDT","lastPr":"2200.10","ts":"1695715383021"}],"ts":1695715383039}"#)
        #expect(spot.events.isEmpty && spot.rejections.isEmpty && spot.ignored == 1)
    }

    /// ../shared/samples/real/gate_futures_tickers__tardis-node.ndjson ("map gate-io-futures messages"):
    /// a 2020 list (ETC_USD twice), a subscribe ack, a 2021 list of lists, a 2022 single object, a 2023 list with time_ms.
    static let gateReal = [
        #"{"time":1593561606,"channel":"futures.tickers","event":"update","error":null,"result":[{"contract":"ETC_USD","last":"5.67","change_percentage":"-1.31","funding_rate":"0.0001","mark_price":"5.735","index_price":"5.734","total_size":"46366","volume_24h":"2713","quanto_base_rate":"0.0006277","volume_24h_usd":"14051","volume_24h_btc":"1","funding_rate_indicative":"0.0001","volume_24h_quote":"14051","volume_24h_settle":"1","volume_24h_base":"2478"},{"contract":"ETC_USD","last":"5.67","change_percentage":"-1.31","funding_rate":"0.0001","mark_price":"5.735","index_price":"5.734","total_size":"46366","volume_24h":"2713","quanto_base_rate":"0.00062772","volume_24h_usd":"14051","volume_24h_btc":"1","funding_rate_indicative":"0.0001","volume_24h_quote":"14051","volume_24h_settle":"1","volume_24h_base":"2478"}]}"#,
        #"{"time":1593561600,"channel":"futures.tickers","event":"subscribe","error":null,"result":{"status":"success"}}"#,
        #"{"time":1617952183,"channel":"futures.tickers","event":"update","error":null,"result":[[{"contract":"BSV_USDT","last":"244.9","change_percentage":"0.30","funding_rate":"0.000962","mark_price":"244.78","index_price":"244.75","total_size":"417015","volume_24h":"1327595","quanto_base_rate":"","funding_rate_indicative":"0.000216","volume_24h_quote":"3251280","volume_24h_settle":"3251280","volume_24h_base":"13275"}]]}"#,
        #"{"time":1647501206,"channel":"futures.tickers","event":"update","result":{"contract":"ETC_USD","last":"25.595","change_percentage":"0","total_size":"14","volume_24h":"0","volume_24h_base":"0","volume_24h_quote":"0","volume_24h_settle":"0","mark_price":"26.929","funding_rate":"0.0001","funding_rate_indicative":"0.0001","index_price":"26.9291","quanto_base_rate":"0.0006594","volume_24_usd":"0","volume_24_btc":"0"}}"#,
        #"{"time":1677629168,"time_ms":1677629168840,"channel":"futures.tickers","event":"update","result":[{"contract":"BTC_USDT","last":"23160.2","change_percentage":"-1.3224","total_size":"153482780","volume_24h":"155496714","volume_24h_base":"15549","volume_24h_quote":"360157621","volume_24h_settle":"360157621","mark_price":"23175.64","funding_rate":"0.0001","funding_rate_indicative":"0.0001","index_price":"23173.35","quanto_base_rate":"","low_24h":"23018.3","high_24h":"23589.2"}]}"#,
    ]

    @Test func gateRealFrames() throws {
        let out = decode(Self.gateReal.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 1) // the ack
        let ms = out.events.compactMap { if case .markPrice(let m) = $0 { m } else { nil } }
        #expect(ms.map(\.instrument) == ["ETC_USD", "ETC_USD", "BSV_USDT", "ETC_USD", "BTC_USDT"])
        #expect(ms.map(\.time) == [1_593_561_606_000, 1_593_561_606_000, 1_617_952_183_000, 1_647_501_206_000, 1_677_629_168_840])
        #expect(ms.last == MarkPrice(time: 1_677_629_168_840, venue: .gate, instrument: "BTC_USDT", coin: "BTC", mark: try dec("23175.64"), index: try dec("23173.35")))
        let fs = out.events.compactMap { if case .funding(let f) = $0 { f } else { nil } }
        #expect(fs.map(\.rate) == [try dec("0.0001"), try dec("0.0001"), try dec("0.000962"), try dec("0.0001"), try dec("0.0001")])
        #expect(fs.allSatisfy { $0.intervalHours == nil && $0.nextFundingTime == nil })
        // Contracts: coins where the multiplier is known (BTC_USDT 0.0001 BTC), else left as contracts.
        let ois = out.events.compactMap { if case .openInterest(let o) = $0 { o } else { nil } }
        #expect(ois.map(\.unit) == [.contracts, .contracts, .contracts, .contracts, .coin])
        #expect(ois.last == OpenInterest(time: 1_677_629_168_840, venue: .gate, instrument: "BTC_USDT", coin: "BTC", size: try dec("15348.278"), unit: .coin))
        #expect(ois.map(\.size).prefix(4) == [FixedDecimal(46366), FixedDecimal(46366), FixedDecimal(417_015), FixedDecimal(14)])
    }

    /// Gate's published example (https://www.gate.com/docs/developers/futures/ws/en/#tickers-api).
    @Test func gateDocumentedExample() throws {
        let line = #"{"time":1541659086,"time_ms":1541659086123,"channel":"futures.tickers","event":"update","result":[{"contract":"BTC_USD","last":"118.4","change_percentage":"0.77","funding_rate":"-0.000114","funding_rate_indicative":"0.01875","mark_price":"118.35","index_price":"118.36","total_size":"73648","volume_24h":"745487577","volume_24h_btc":"117","volume_24h_usd":"419950","quanto_base_rate":"","volume_24h_quote":"1665006","volume_24h_settle":"178","volume_24h_base":"5526","low_24h":"99.2","high_24h":"132.5"}]}"#
        let out = decode(line)
        #expect(out.rejections.isEmpty)
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_541_659_086_123, venue: .gate, instrument: "BTC_USD", coin: "BTC", mark: try dec("118.35"), index: try dec("118.36"))),
            .funding(FundingRate(time: 1_541_659_086_123, venue: .gate, instrument: "BTC_USD", coin: "BTC", rate: try dec("-0.000114"))),
            .openInterest(OpenInterest(time: 1_541_659_086_123, venue: .gate, instrument: "BTC_USD", coin: "BTC", size: FixedDecimal(73648), unit: .contracts)),
        ])
    }

    @Test func gateBadEntriesCostOnlyThemselves() {
        let line = #"{"time":1768000000,"channel":"futures.tickers","event":"update","result":[{"contract":"ETH_USDT","mark_price":"3300.5","funding_rate":"0.0001","total_size":"100"},{"contract":"SOL_USDT","mark_price":"-1"},7,{"mark_price":"1"}]}"#
        let out = decode(line)
        #expect(out.events.count == 3)
        #expect(out.rejections.map(\.reason) == ["mark price is zero or negative", "result entry is not an object", "missing result.contract"])
    }
}
