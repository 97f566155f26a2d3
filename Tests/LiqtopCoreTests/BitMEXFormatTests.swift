import Testing
@testable import LiqtopCore

private let now: Millis = 1_768_348_800_000 // 2026-01-14
private let received: Millis = 1_768_348_790_123

private func decode(_ text: String, receivedAt: Millis? = received) -> DecodeOutput {
    InputDecoder.decodeAll(text, source: "t", context: DecodeContext(now: now, receivedAt: receivedAt))
}

private func liquidations(_ out: DecodeOutput) -> [Liquidation] {
    out.events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
}

@Suite struct BitMEXFormatTests {
    /// Real frames captured in tardis-node's tests (https://github.com/tardis-dev/tardis-node): an insert, then
    /// the delete of the same order.
    static let insert = #"{"table":"liquidation","action":"insert","data":[{"orderID":"dd9cea25-207c-0dab-15b5-b88da776f500","symbol":"XBTUSD","side":"Buy","price":10106,"leavesQty":9214}]}"#
    static let delete = #"{"table":"liquidation","action":"delete","data":[{"orderID":"dd9cea25-207c-0dab-15b5-b88da776f500","symbol":"XBTUSD"}]}"#

    @Test func insertThenDeleteCountsOnce() throws {
        let out = decode(Self.insert + "\n" + Self.delete)
        #expect(out.rejections.isEmpty)
        let ls = liquidations(out)
        #expect(ls.count == 1)
        let l = try #require(ls.first)
        #expect(l.venue == .bitmex)
        #expect(l.instrument == "XBTUSD")
        #expect(l.coin == "BTC") // BitMEX's XBT
        #expect(l.side == .short) // a Buy order closes a short
        #expect(l.usd == USD(try FixedDecimal.parse("9214"))) // 9214 contracts × 1 USD
        #expect(l.usd.centsString == "9214.00")
        #expect(l.price == FixedDecimal(10106))
        #expect(l.time == received) // no time in the message: the receive time
        #expect(out.ignored == 1) // the delete
    }

    @Test func updatesAndPartialsDoNotCount() {
        let out = decode("""
            {"table":"liquidation","action":"partial","keys":["orderID"],"data":[{"orderID":"a","symbol":"XBTUSD","side":"Sell","price":9000,"leavesQty":100}]}
            {"table":"liquidation","action":"update","data":[{"orderID":"a","leavesQty":50}]}
            {"info":"Welcome to the BitMEX Realtime API.","version":"2.0.0","timestamp":"2026-01-14T00:00:00.000Z"}
            {"success":true,"subscribe":"liquidation","request":{"op":"subscribe","args":["liquidation"]}}
            {"table":"liquidation","action":"insert","data":[{"orderID":"b","symbol":"XBTUSD","side":"Sell","price":9000.5,"leavesQty":100}]}
            """)
        let ls = liquidations(out)
        #expect(ls.map(\.side) == [.long]) // a Sell order closes a long
        #expect(ls.map(\.usd.centsString) == ["100.00"])
        #expect(out.ignored == 4)
        #expect(out.rejections.isEmpty)
    }

    @Test func withoutReceiveTimeItIsRefused() {
        let out = decode(Self.insert, receivedAt: nil)
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == [
            "BitMEX liquidation has no timestamp: only a live connection (or liqtop's recording of one) can date it",
        ])
    }

    /// The shape BitMEX's API explorer documents (`Liquidation`: orderID, symbol, side, price,
    /// leavesQty — swagger.json in github.com/BitMEX/api-connectors), as published in the
    /// bitmex-liquidation readme (pypi.org/project/bitmex-liquidation): a TRXZ19 order, whose
    /// multiplier is not built in.
    @Test func otherInstrumentsAreRefusedWithTheWayOut() {
        let out = decode(#"{"table":"liquidation","action":"insert","data":[{"orderID":"8b4a95db-815a-f93a-c9a2-ffbbabeddbac","symbol":"TRXZ19","side":"Buy","price":2.17e-06,"leavesQty":5000}]}"#)
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == [
            "unknown BitMEX instrument TRXZ19: contract multiplier not known (pass --instruments with a /api/v1/instrument response)",
        ])
    }

    @Test func errorReplies() {
        let out = decode(#"{"status":400,"error":"Unknown table: liquidations","meta":{},"request":{"op":"subscribe","args":["liquidations"]}}"#)
        #expect(out.rejections.map(\.reason) == ["BitMEX error 400: Unknown table: liquidations"])
    }
}
