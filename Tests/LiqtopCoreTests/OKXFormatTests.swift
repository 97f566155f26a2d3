import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private let now: Millis = 1_768_348_800_000 // 2026-01-14

private func detail(_ posSide: String, _ side: String, sz: String, bkPx: String, ts: String = "1739502302929") -> String {
    #"{"bkLoss":"0","bkPx":"\#(bkPx)","ccy":"","posSide":"\#(posSide)","side":"\#(side)","sz":"\#(sz)","ts":"\#(ts)"}"#
}

private func instrument(_ instId: String, _ details: [String]) -> String {
    let family = instId.split(separator: "-").prefix(2).joined(separator: "-")
    return #"{"details":[\#(details.joined(separator: ","))],"instFamily":"\#(family)","instId":"\#(instId)","instType":"SWAP","uly":"\#(family)"}"#
}

private func message(_ instruments: [String]) -> String {
    #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[\#(instruments.joined(separator: ","))]}"#
}

@Suite struct OKXFormatTests {
    static let sample = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.007831","ccy":"","posSide":"short","side":"buy","sz":"13","ts":"1692266434010"}],"instFamily":"IOST-USDT","instId":"IOST-USDT-SWAP","instType":"SWAP","uly":"IOST-USDT"}]}"#

    @Test func publishedSampleIsAnUnknownInstrument() {
        let out = decode(Self.sample)
        #expect(out.events.isEmpty)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.reason == "unknown OKX instrument IOST-USDT-SWAP: contract value not known (load the venue's instrument list with --instruments FILE)")
        #expect(out.ignored == 0)
    }

    @Test func linearSwap() throws {
        let out = decode(message([instrument("BTC-USDT-SWAP", [detail("long", "sell", sz: "25", bkPx: "97000.4")])]))
        #expect(out.rejections.isEmpty)
        let l = try #require(liquidations(out).first)
        #expect(liquidations(out).count == 1)
        #expect(l.venue == .okx)
        #expect(l.side == .long)
        #expect(l.coin == "BTC")
        #expect(l.instrument == "BTC-USDT-SWAP")
        #expect(l.time == 1_739_502_302_929)
        #expect(l.usd.centsString == "24250.10") // 25 × 0.01 BTC × 97000.4
        #expect(l.quantity == (try FixedDecimal.parse("0.25"))) // 25 contracts × 0.01 BTC, in coins
        #expect(l.price == (try FixedDecimal.parse("97000.4")))
    }

    @Test func inverseSwap() throws {
        let l = try #require(liquidations(decode(message([instrument("BTC-USD-SWAP", [detail("short", "buy", sz: "12", bkPx: "97000.5")])]))).first)
        #expect(l.side == .short && l.coin == "BTC" && l.instrument == "BTC-USD-SWAP" && l.venue == .okx)
        #expect(l.usd.centsString == "1200.00") // 12 × $100, whatever the price
        #expect(l.time == 1_739_502_302_929)
    }

    @Test func netPositionSideUsesOrderSide() throws {
        let out = decode(message([
            instrument("ETH-USDT-SWAP", [detail("net", "sell", sz: "3", bkPx: "2700.5", ts: "1739502302001")]),
            instrument("ETH-USD-SWAP", [detail("net", "buy", sz: "4", bkPx: "2699", ts: "1739502302002")]),
        ]))
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.count == 2)
        #expect(all.map(\.side) == [.long, .short])
        #expect(all.map(\.coin) == ["ETH", "ETH"])
        #expect(all.map(\.usd.centsString) == ["810.15", "40.00"]) // 3 × 0.1 × 2700.5; 4 × $10
        #expect(all.map(\.time) == [1_739_502_302_001, 1_739_502_302_002])
    }

    @Test func severalDetailsAndInstrumentsWithOneUnknown() throws {
        let out = decode(message([
            instrument("SOL-USDT-SWAP", [detail("long", "sell", sz: "40", bkPx: "180.25"), detail("short", "buy", sz: "2", bkPx: "181")]),
            instrument("IOST-USDT-SWAP", [detail("short", "buy", sz: "13", bkPx: "0.007831")]),
            instrument("BTC-USDT-SWAP", [detail("short", "buy", sz: "1", bkPx: "100000")]),
        ]))
        let all = liquidations(out)
        #expect(all.map(\.coin) == ["SOL", "SOL", "BTC"])
        #expect(all.map(\.side) == [.long, .short, .short])
        #expect(all.map(\.usd.centsString) == ["7210.00", "362.00", "1000.00"])
        #expect(out.rejections.map(\.reason) == ["unknown OKX instrument IOST-USDT-SWAP: contract value not known (load the venue's instrument list with --instruments FILE)"])
    }

    @Test func badDetails() {
        let out = decode(message([instrument("BTC-USDT-SWAP", [
            detail("both", "buy", sz: "1", bkPx: "1"),
            detail("net", "hold", sz: "1", bkPx: "1"),
            detail("long", "sell", sz: "0", bkPx: "97000"),
            detail("long", "sell", sz: "1", bkPx: "-97000"),
            detail("long", "sell", sz: "1", bkPx: "97000", ts: "abc"),
            detail("long", "sell", sz: "1", bkPx: "97000", ts: "1000"),
            detail("long", "sell", sz: "1", bkPx: "97000", ts: String(now + 2 * Duration.day)),
            #"{"bkPx":"97000","posSide":"long","side":"sell","ts":"1739502302929"}"#,
            detail("long", "sell", sz: "1", bkPx: "97000"),
        ])]))
        #expect(liquidations(out).count == 1)
        #expect(out.rejections.map(\.reason) == [
            #"unknown side "both" in details.posSide"#,
            #"unknown side "hold" in details.side"#,
            "quantity is zero or negative",
            "price is zero or negative",
            "bad details.ts: not a number",
            "timestamp before 2009",
            "timestamp more than a day in the future",
            "missing details.sz",
        ])
    }

    @Test func badInstruments() {
        let out = decode(message([
            instrument("BTC USDT SWAP", [detail("long", "sell", sz: "1", bkPx: "1")]),
            #"{"details":[],"instType":"SWAP"}"#,
            #"{"instId":"BTC-USDT-SWAP"}"#,
        ]))
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == [
            "instrument name has characters outside [A-Za-z0-9._:/-]",
            "missing data.instId",
            "missing data.details",
        ])
        let notArray = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":{}}"#
        #expect(decode(notArray).rejections.map(\.reason) == ["data is not an array"])
    }

    @Test func acksAndPongsAreIgnored() {
        let text = [
            #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}"#,
            "pong",
            #"{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","last":"9999.99"}]}"#,
            message([]),
            message([instrument("BTC-USD-SWAP", [detail("long", "sell", sz: "1", bkPx: "97000")])]),
        ].joined(separator: "\n")
        let out = decode(text)
        #expect(out.ignored == 4)
        #expect(out.events.count == 1)
        #expect(out.rejections.isEmpty)
    }
}
