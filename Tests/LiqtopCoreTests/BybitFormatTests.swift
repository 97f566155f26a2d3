import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private let now: Millis = 1_768_348_800_000 // 2026-01-14

/// One `allLiquidation` entry shaped like Bybit's sample.
private func entry(_ s: String, _ side: String, _ v: String, _ p: String, t: Int64 = 1_739_502_302_929) -> String {
    #"{"T":\#(t),"s":"\#(s)","S":"\#(side)","v":"\#(v)","p":"\#(p)"}"#
}

private func message(_ topicSymbol: String, _ entries: [String]) -> String {
    #"{"topic":"allLiquidation.\#(topicSymbol)","type":"snapshot","ts":1739502303204,"data":[\#(entries.joined(separator: ","))]}"#
}

@Suite struct BybitFormatTests {
    static let sample = #"{"topic":"allLiquidation.ROSEUSDT","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"ROSEUSDT","S":"Sell","v":"20000","p":"0.04499"}]}"#
    static let legacySample = #"{"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1703485237953,"data":{"updatedTime":1703485237953,"symbol":"BTCUSDT","side":"Sell","size":"0.003","price":"43511.70"}}"#

    @Test func publishedSample() throws {
        let out = decode(Self.sample)
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.count == 1)
        let l = try #require(all.first)
        #expect(l.venue == .bybit)
        #expect(l.side == .short) // position side: Sell = a short was liquidated
        #expect(l.coin == "ROSE")
        #expect(l.instrument == "ROSEUSDT")
        #expect(l.time == 1_739_502_302_929)
        #expect(l.usd.centsString == "899.80") // 20000 × 0.04499
        #expect(l.quantity == FixedDecimal(20000))
        #expect(l.price == (try FixedDecimal.parse("0.04499")))
    }

    @Test func multiEntryKeepsGoodEntriesAroundABadOne() throws {
        let out = decode(message("BTCUSDT", [
            entry("BTCUSDT", "Buy", "0.5", "97000.10", t: 1_739_502_302_001),
            entry("BTCUSDT", "Hold", "1", "97000"),
            entry("ETHUSDT", "Sell", "2", "2700.55", t: 1_739_502_302_002),
        ]))
        let all = liquidations(out)
        #expect(all.count == 2)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.reason == #"unknown side "Hold" in data.S"#)
        #expect(out.rejections.first?.line == 1)
        #expect(out.ignored == 0)
        let btc = try #require(all.first), eth = try #require(all.last)
        #expect(btc.side == .long && btc.coin == "BTC" && btc.venue == .bybit && btc.instrument == "BTCUSDT")
        #expect(btc.time == 1_739_502_302_001)
        #expect(btc.usd.centsString == "48500.05")
        #expect(eth.side == .short && eth.coin == "ETH" && eth.instrument == "ETHUSDT")
        #expect(eth.time == 1_739_502_302_002)
        #expect(eth.usd.centsString == "5401.10")
    }

    @Test func badEntriesOfEveryKind() {
        let out = decode(message("BTCUSDT", [
            entry("BTCUSDT", "Buy", "0", "97000"),
            entry("BTCUSDT", "Buy", "1", "-5"),
            entry("BTC USDT", "Buy", "1", "5"),
            entry("BTCUSDT", "Buy", "1", "5", t: 1_000),
            entry("BTCUSDT", "Buy", "1", "5", t: now + 2 * Duration.day),
            #"{"T":1739502302929,"s":"BTCUSDT","v":"1","p":"5"}"#,
            #"{"T":"soon","s":"BTCUSDT","S":"Buy","v":"1","p":"5"}"#,
            "42",
            entry("BTCUSDT", "Sell", "1", "5"),
        ]))
        #expect(liquidations(out).count == 1)
        #expect(out.rejections.map(\.reason) == [
            "quantity is zero or negative",
            "price is zero or negative",
            "instrument name has characters outside [A-Za-z0-9._:/-]",
            "timestamp before 2009",
            "timestamp more than a day in the future",
            "missing data.S",
            "bad data.T: not a number",
            "data entry is not an object",
        ])
    }

    @Test func inverseSizesAreUSD() throws {
        let out = decode(message("BTCUSD", [
            entry("BTCUSD", "Buy", "5000", "97000.5"),
            entry("ETHUSD", "Sell", "310", "2700"),
            entry("BTCUSDH26", "Sell", "1200", "98000"),
        ]))
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.count == 3)
        #expect(all.map(\.coin) == ["BTC", "ETH", "BTC"])
        #expect(all.map(\.side) == [.long, .short, .short])
        #expect(all.map(\.usd.centsString) == ["5000.00", "310.00", "1200.00"])
        #expect(all.map(\.instrument) == ["BTCUSD", "ETHUSD", "BTCUSDH26"])
        #expect(all[0].price == (try FixedDecimal.parse("97000.5")))
        #expect(all[0].quantity == FixedDecimal(5000))
    }

    @Test func linearUSDCPerpAndFutures() throws {
        let all = liquidations(decode(message("BTCPERP", [
            entry("BTCPERP", "Buy", "0.1", "97000"),
            entry("BTC-26DEC25", "Sell", "0.2", "98000"),
        ])))
        #expect(all.map(\.coin) == ["BTC", "BTC"])
        #expect(all.map(\.usd.centsString) == ["9700.00", "19600.00"])
    }

    @Test func deprecatedLiquidationTopic() throws {
        let out = decode(Self.legacySample)
        #expect(out.rejections.isEmpty)
        let l = try #require(liquidations(out).first)
        #expect(l.venue == .bybit)
        #expect(l.side == .short) // Bybit: position side, Sell = short liquidated
        #expect(l.coin == "BTC")
        #expect(l.instrument == "BTCUSDT")
        #expect(l.time == 1_703_485_237_953)
        #expect(l.usd.centsString == "130.54") // 0.003 × 43511.70 = 130.5351
        let buy = #"{"topic":"liquidation.ETHUSD","type":"snapshot","ts":1703485237953,"data":{"updatedTime":1703485237953,"symbol":"ETHUSD","side":"Buy","size":"250","price":"2250.5"}}"#
        let m = try #require(liquidations(decode(buy)).first)
        #expect(m.side == .long && m.coin == "ETH" && m.usd.centsString == "250.00")
    }

    @Test func deprecatedTopicErrors() {
        let noSide = #"{"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1703485237953,"data":{"updatedTime":1703485237953,"symbol":"BTCUSDT","size":"0.003","price":"43511.70"}}"#
        #expect(decode(noSide).rejections.map(\.reason) == ["missing data.side"])
        let badSide = #"{"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1703485237953,"data":{"updatedTime":1703485237953,"symbol":"BTCUSDT","side":"Short","size":"0.003","price":"43511.70"}}"#
        #expect(decode(badSide).rejections.map(\.reason) == [#"unknown side "Short" in data.side"#])
        let arrayData = #"{"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1703485237953,"data":[]}"#
        #expect(decode(arrayData).rejections.map(\.reason) == ["data is not an object"])
        let objectData = #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1703485237953,"data":{}}"#
        #expect(decode(objectData).rejections.map(\.reason) == ["data is not an array"])
    }

    @Test func acksPongsAndOtherTopicsAreIgnored() {
        let text = [
            #"{"success":true,"ret_msg":"","conn_id":"2324d924-aa4d-45b0-a858-7b8be29ab52b","req_id":"","op":"subscribe"}"#,
            #"{"success":true,"ret_msg":"pong","conn_id":"0970e817-426e-429a-a679-ff7f55e0b16a","op":"ping"}"#,
            #"{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT"},"cs":1,"ts":1673853746003}"#,
            message("BTCUSDT", []),
            Self.sample,
        ].joined(separator: "\n")
        let out = decode(text)
        #expect(out.ignored == 4)
        #expect(out.events.count == 1)
        #expect(out.rejections.isEmpty)
    }
}
