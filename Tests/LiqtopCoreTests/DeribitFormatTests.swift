import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func trade(_ instrument: String, _ flag: String?, _ direction: String, amount: String, price: String) -> String {
    let liq = flag.map { #""liquidation":"\#($0)","# } ?? ""
    return #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.any.100ms","data":[{"trade_seq":1,"trade_id":"1","timestamp":1768340000000,"tick_direction":0,"price":\#(price),\#(liq)"instrument_name":"\#(instrument)","index_price":1,"mark_price":1,"direction":"\#(direction)","amount":\#(amount)}]}}"#
}

@Suite struct DeribitFormatTests {
    /// Real frames captured in tardis-node's tests (https://github.com/tardis-dev/tardis-node).
    static let real = [
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.BTC-PERPETUAL.raw","data":[{"trade_seq":40781986,"trade_id":"66460463","timestamp":1584058044032,"tick_direction":3,"price":4469.5,"liquidation":"T","instrument_name":"BTC-PERPETUAL","index_price":4805.41,"direction":"sell","amount":1120}]}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.BTC-PERPETUAL.raw","data":[{"trade_seq":40782080,"trade_id":"66460626","timestamp":1584058067675,"tick_direction":3,"price":4458.5,"liquidation":"M","instrument_name":"BTC-PERPETUAL","index_price":4793.6,"direction":"buy","amount":2500}]}}"#,
    ]

    @Test func realFrames() throws {
        let out = decode(Self.real.joined(separator: "\n"))
        #expect(out.rejections.isEmpty)
        let ls = liquidations(out)
        #expect(ls.count == 2)
        #expect(ls.allSatisfy { $0.venue == .deribit && $0.coin == "BTC" && $0.instrument == "BTC-PERPETUAL" })
        // T: the taker sold, so a long was closed. M: the maker sold to a buying taker: a long too.
        #expect(ls.map(\.side) == [.long, .long])
        // Perpetual amounts are USD.
        #expect(ls.map(\.usd) == [USD(try FixedDecimal.parse("1120")), USD(try FixedDecimal.parse("2500"))])
        #expect(ls.map(\.usd.centsString) == ["1120.00", "2500.00"])
        #expect(ls.map(\.time) == [1_584_058_044_032, 1_584_058_067_675])
    }

    @Test func bothSidesAndTheOtherDirections() throws {
        let out = decode([
            trade("ETH-PERPETUAL", "T", "buy", amount: "30", price: "3300.5"),  // taker short closed
            trade("ETH-PERPETUAL", "M", "sell", amount: "40", price: "3300.5"), // maker bought: short closed
            trade("BTC-PERPETUAL", "MT", "sell", amount: "100", price: "97000"), // both: one long, one short
        ].joined(separator: "\n"))
        #expect(out.rejections.isEmpty)
        let ls = liquidations(out)
        #expect(ls.map(\.side) == [.short, .short, .long, .short])
        #expect(ls.map(\.usd.centsString) == ["30.00", "40.00", "100.00", "100.00"])
        #expect(ls.map(\.coin) == ["ETH", "ETH", "BTC", "BTC"])
    }

    @Test func linearAmountsAreCoins() throws {
        let ls = liquidations(decode(trade("BTC_USDC-PERPETUAL", "T", "sell", amount: "0.5", price: "97000.3")))
        #expect(ls.count == 1)
        #expect(ls.first?.coin == "BTC")
        #expect(ls.first?.usd == USD.product(try FixedDecimal.parse("0.5"), try FixedDecimal.parse("97000.3")))
        #expect(ls.first?.usd.centsString == "48500.15")
    }

    /// Deribit's documented trade notifications carry no `liquidation` flag: not counted.
    /// https://docs.deribit.com/subscriptions/trades/tradeskindcurrencyinterval (option example)
    /// and trades.{instrument_name}.{interval} (BTC-PERPETUAL example).
    @Test func documentedTradesWithoutTheFlagAreIgnored() {
        let out = decode("""
            {"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.option.BTC.100ms","data":[{"trade_seq":2,"trade_id":"48079289","timestamp":1590484589306,"tick_direction":2,"price":0.0075,"mark_price":0.01062686,"iv":47.58,"instrument_name":"BTC-27MAY20-9000-C","index_price":8956.17,"direction":"sell","amount":3}]}}
            {"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.BTC-PERPETUAL.100ms","data":[{"trade_seq":35684502,"trade_id":"48079338","timestamp":1590484645991,"tick_direction":1,"price":8952.5,"instrument_name":"BTC-PERPETUAL","index_price":8948.33,"direction":"buy","amount":40}]}}
            {"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}
            {"jsonrpc":"2.0","id":2,"result":["trades.future.any.100ms"],"usIn":1,"usOut":2,"usDiff":1,"testnet":false}
            """)
        #expect(out.events.isEmpty)
        #expect(out.rejections.isEmpty)
        #expect(out.ignored == 4)
    }

    @Test func optionLiquidationsAndBadFlags() {
        let out = decode(trade("BTC-27MAY20-9000-C", "T", "sell", amount: "3", price: "0.0075") + "\n"
                         + trade("BTC-PERPETUAL", "X", "sell", amount: "3", price: "1") + "\n"
                         + #"{"jsonrpc":"2.0","id":2,"error":{"code":-32602,"message":"Invalid params"}}"#)
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == [
            #"unknown liquidation flag "X" in data.liquidation"#,
            "Deribit error -32602: Invalid params",
        ])
    }
}
