import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private let now: Millis = 1_768_348_800_000 // 2026-01-14

/// A forceOrder line shaped exactly like Binance's published sample.
private func order(s: String = "BTCUSDT", side: String = "SELL", q: String = "0.014", p: String = "9910",
                   ap: String = "9910", z: String = "0.014", t: Int64 = 1_568_014_460_893) -> String {
    #"{"e":"forceOrder","E":\#(t),"o":{"s":"\#(s)","S":"\#(side)","o":"LIMIT","f":"IOC","q":"\#(q)","p":"\#(p)","ap":"\#(ap)","X":"FILLED","l":"\#(z)","z":"\#(z)","T":\#(t)}}"#
}

@Suite struct BinanceFormatTests {
    static let sample = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#

    @Test func publishedSample() throws {
        let out = decode(Self.sample)
        #expect(out.rejections.isEmpty)
        #expect(out.lines == 1)
        let l = try #require(liquidations(out).first)
        #expect(liquidations(out).count == 1)
        #expect(l.venue == .binance)
        #expect(l.side == .long)
        #expect(l.coin == "BTC")
        #expect(l.instrument == "BTCUSDT")
        #expect(l.time == 1_568_014_460_893)
        #expect(l.usd.centsString == "138.74")
        #expect(l.usd.micros == 138_740_000)
        #expect(l.price == (try FixedDecimal.parse("9910")))
        #expect(l.quantity == (try FixedDecimal.parse("0.014")))
    }

    @Test func combinedStreamWrapper() throws {
        let out = decode(#"{"stream":"btcusdt@forceOrder","data":"# + Self.sample + "}")
        #expect(out.rejections.isEmpty)
        let l = try #require(liquidations(out).first)
        #expect(l.side == .long && l.coin == "BTC" && l.venue == .binance && l.instrument == "BTCUSDT")
        #expect(l.usd.centsString == "138.74")
    }

    @Test func buyIsShortAndUsesFilledAveragePrice() throws {
        let out = decode(order(s: "ETHUSDT", side: "BUY", q: "1.6", p: "2400", ap: "2501.38", z: "1.5", t: 1_768_000_000_123))
        let l = try #require(liquidations(out).first)
        #expect(l.side == .short)
        #expect(l.coin == "ETH")
        #expect(l.time == 1_768_000_000_123)
        #expect(l.usd.centsString == "3752.07") // 1.5 × 2501.38, not 1.6 × 2400
        #expect(l.price == (try FixedDecimal.parse("2501.38")))
        #expect(l.quantity == (try FixedDecimal.parse("1.5")))
    }

    @Test func fallsBackToOrderQuantityAndPriceWhenFillsAreZero() throws {
        let l = try #require(liquidations(decode(order(s: "1000PEPEUSDT", q: "20000", p: "0.01005", ap: "0", z: "0"))).first)
        #expect(l.coin == "PEPE")
        #expect(l.usd.centsString == "201.00")
        #expect(l.price == (try FixedDecimal.parse("0.01005")))
        #expect(l.quantity == FixedDecimal(20000))
        // ap missing altogether: same fallback.
        let noAP = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"BUY","q":"0.5","p":"10000","T":1568014460893}}"#
        let m = try #require(liquidations(decode(noAP)).first)
        #expect(m.side == .short && m.usd.centsString == "5000.00")
    }

    @Test func coinMargined() throws {
        let btc = try #require(liquidations(decode(order(s: "BTCUSD_PERP", q: "3", p: "60000", ap: "60010.5", z: "3"))).first)
        #expect(btc.coin == "BTC" && btc.instrument == "BTCUSD_PERP" && btc.side == .long)
        #expect(btc.usd.centsString == "300.00") // 3 contracts × $100
        #expect(btc.quantity == FixedDecimal(3))
        #expect(btc.price == (try FixedDecimal.parse("60010.5")))
        let eth = try #require(liquidations(decode(order(s: "ETHUSD_260327", side: "BUY", q: "7", p: "3000", ap: "3001", z: "7"))).first)
        #expect(eth.coin == "ETH" && eth.side == .short)
        #expect(eth.usd.centsString == "70.00") // 7 contracts × $10
        // USDT dated futures are USD-M: base-asset quantity.
        let dated = try #require(liquidations(decode(order(s: "BTCUSDT_260327", q: "0.002", p: "95000", ap: "95000", z: "0.002"))).first)
        #expect(dated.coin == "BTC" && dated.usd.centsString == "190.00")
    }

    @Test func eventTimeWhenTradeTimeIsMissing() throws {
        let line = #"{"e":"forceOrder","E":1700000000000,"o":{"s":"SOLUSDT","S":"SELL","q":"10","p":"50","ap":"50","z":"10"}}"#
        let l = try #require(liquidations(decode(line)).first)
        #expect(l.time == 1_700_000_000_000)
        #expect(l.coin == "SOL" && l.usd.centsString == "500.00")
    }

    @Test func unknownSideIsRejected() {
        let out = decode(order(side: "HOLD"))
        #expect(out.events.isEmpty)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.reason == #"unknown side "HOLD" in o.S"#)
        #expect(decode(order(side: "sell")).rejections.count == 1) // case matters
    }

    @Test func missingAndIllTypedFields() {
        let noSide = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","q":"1","p":"1","T":1568014460893}}"#
        #expect(decode(noSide).rejections.map(\.reason) == ["missing o.S"])
        let noOrder = #"{"e":"forceOrder","E":1568014460893}"#
        #expect(decode(noOrder).rejections.map(\.reason) == ["missing o"])
        let badQty = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","q":"abc","p":"1","T":1568014460893}}"#
        #expect(decode(badQty).rejections.map(\.reason) == ["bad o.q: not a number"])
        let nanPrice = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","q":"1","p":"NaN","T":1568014460893}}"#
        #expect(decode(nanPrice).rejections.map(\.reason) == ["bad o.p: number is NaN or infinite"])
        let numericSymbol = #"{"e":"forceOrder","E":1568014460893,"o":{"s":7,"S":"SELL","q":"1","p":"1","T":1568014460893}}"#
        #expect(decode(numericSymbol).rejections.map(\.reason) == ["o.s is not a string"])
        let noTime = #"{"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","q":"1","p":"1"}}"#
        #expect(decode(noTime).rejections.map(\.reason) == ["missing o.T"])
    }

    @Test func zeroOrNegativeQuantityAndPrice() {
        #expect(decode(order(q: "0", ap: "0", z: "0")).rejections.map(\.reason) == ["quantity is zero or negative"])
        #expect(decode(order(q: "-1", p: "100", ap: "0", z: "0")).rejections.map(\.reason) == ["quantity is zero or negative"])
        #expect(decode(order(p: "-9910", ap: "0")).rejections.map(\.reason) == ["price is zero or negative"])
        #expect(decode(order(ap: "-9910")).rejections.map(\.reason) == ["price is zero or negative"])
    }

    @Test func badInstrumentCharacters() {
        let out = decode(order(s: "BTC USDT"))
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == ["instrument name has characters outside [A-Za-z0-9._:/-]"])
        #expect(decode(order(s: #"BTC\u001b[31mUSDT"#)).rejections.count == 1)
    }

    @Test func timestampsOutOfRange() {
        #expect(decode(order(t: 1_230_767_999_999)).rejections.map(\.reason) == ["timestamp before 2009"])
        #expect(decode(order(t: now + Duration.day + 1)).rejections.map(\.reason) == ["timestamp more than a day in the future"])
        #expect(liquidations(decode(order(t: now + Duration.day))).count == 1)
    }

    @Test func implausibleNotionalIsRejected() {
        #expect(decode(order(q: "200000", p: "60000", ap: "60000", z: "200000")).rejections.map(\.reason)
            == ["notional over $10B: implausible order"])
    }

    /// Once ignored; since issue 14 a mark price (and funding) beside the liquidation, never one.
    @Test func markPriceUpdateIsNotALiquidation() {
        let text = #"{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}"#
            + "\n" + #"{"stream":"btcusdt@markPrice","data":{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15"}}"#
            + "\n" + Self.sample
        let out = decode(text)
        #expect(out.ignored == 0)
        #expect(out.lines == 3)
        #expect(out.events.count == 4) // mark + funding, mark, the order
        #expect(liquidations(out).count == 1)
        #expect(out.rejections.isEmpty)
    }
}
