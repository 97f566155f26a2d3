import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func usd(_ a: String, _ b: String) throws -> String {
    try #require(USD.product(try FixedDecimal.parse(a), try FixedDecimal.parse(b))).centsString
}

@Suite struct HTXFormatTests {
    /// Real frames (https://github.com/tardis-dev/tardis-node, tardis-node's
    /// huobi-dm, huobi-dm-swap and huobi-dm-linear-swap tests, 2020), decompressed.
    static let real = [
        #"{"op":"notify","topic":"public.BTC.liquidation_orders","ts":1593561769911,"data":[{"symbol":"BTC","contract_code":"BTC200703","direction":"sell","offset":"close","volume":1450,"price":9062.71,"created_at":1593561769833}]}"#,
        #"{"op":"notify","topic":"public.BTC.liquidation_orders","ts":1593561773080,"data":[{"symbol":"BTC","contract_code":"BTC200925","direction":"sell","offset":"close","volume":319,"price":9115.43,"created_at":1593561773025}]}"#,
        #"{"op":"notify","topic":"public.BTC.liquidation_orders","ts":1593593169204,"data":[{"symbol":"BTC","contract_code":"BTC200703","direction":"buy","offset":"close","volume":218,"price":9244.08,"created_at":1593593169156}]}"#,
        #"{"op":"notify","topic":"public.ETH-USD.liquidation_orders","ts":1593610492198,"data":[{"symbol":"ETH","contract_code":"ETH-USD","direction":"buy","offset":"close","volume":231,"price":229.95,"created_at":1593610492167}]}"#,
        #"{"op":"notify","topic":"public.BSV-USD.liquidation_orders","ts":1593585531616,"data":[{"symbol":"BSV","contract_code":"BSV-USD","direction":"sell","offset":"close","volume":3,"price":153.28,"created_at":1593585531562}]}"#,
        #"{"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1608226502344,"data":[{"symbol":"BTC","contract_code":"BTC-USDT","direction":"sell","offset":"close","volume":227,"price":23350.5,"created_at":1608226502284,"amount":0.227,"trade_turnover":5300.5635}]}"#,
    ]

    @Test func realFrames() throws {
        let out = decode(Self.real.joined(separator: "\n"))
        let ls = liquidations(out)
        #expect(ls.count == 5)
        #expect(ls.allSatisfy { $0.venue == .htx })
        #expect(ls.map(\.instrument) == ["BTC200703", "BTC200925", "BTC200703", "ETH-USD", "BTC-USDT"])
        // The futures codes have no separator: the coin comes from `symbol`.
        #expect(ls.map(\.coin) == ["BTC", "BTC", "BTC", "ETH", "BTC"])
        // `direction` is the closing order's side: sell closes a long.
        #expect(ls.map(\.side) == [.long, .long, .short, .short, .long])
        // Coin-margined: contracts × $100 (BTC) or $10 (ETH); USDT-margined: trade_turnover.
        #expect(ls.map(\.usd.centsString) == [try usd("1450", "100"), try usd("319", "100"), try usd("218", "100"),
                                              try usd("231", "10"), try usd("0.227", "23350.5")])
        #expect(ls.map(\.usd.centsString) == ["145000.00", "31900.00", "21800.00", "2310.00", "5300.56"])
        #expect(ls.map(\.time) == [1_593_561_769_833, 1_593_561_773_025, 1_593_593_169_156, 1_593_610_492_167, 1_608_226_502_284])
        #expect(ls[4].quantity == (try FixedDecimal.parse("0.227"))) // the coin amount, not contracts
        // BSV's contract size is not documented: refused, with the way out.
        #expect(out.rejections.map(\.reason) == [
            "unknown HTX coin-margined contract BSV-USD: contract size not known (pass --instruments with a swap_contract_info response)",
        ])
        #expect(out.rejections.first?.line == 5)
    }

    /// HTX's own examples: https://huobiapi.github.io/docs/usdt_swap/v1/en/ and
    /// https://huobiapi.github.io/docs/coin_margined_swap/v1/en/ ("Subscribe Liquidation Orders").
    static let docsLinear = #"{"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1580815422403,"data":[{"contract_code":"BTC-USDT","symbol":"BTC","direction":"sell","offset":"close","volume":624,"price":16701.4,"created_at":1606380004694,"amount":0.624,"trade_turnover":10421.6736}]}"#
    static let docsCoin = #"{"op":"notify","topic":"public.BTC-USD.liquidation_orders","ts":1603879731301,"data":[{"contract_code":"BTC-USD","symbol":"BTC","direction":"buy","offset":"close","volume":173,"price":17102.9,"created_at":1606381842485,"amount":1.011524361365616357}]}"#

    @Test func documentedExamples() throws {
        let out = decode(Self.docsLinear + "\n" + Self.docsCoin)
        #expect(out.rejections.isEmpty)
        let ls = liquidations(out)
        #expect(ls.count == 2)
        #expect(ls.map(\.side) == [.long, .short])
        #expect(ls.map(\.coin) == ["BTC", "BTC"])
        #expect(ls.map(\.usd.centsString) == [try usd("0.624", "16701.4"), try usd("173", "100")])
        #expect(ls.map(\.usd.centsString) == ["10421.67", "17300.00"])
        // The $100 face value agrees with HTX's own coin amount: amount × price = volume × $100
        // (amount cut to the 18 significant digits a FixedDecimal holds).
        #expect(try usd("1.01152436136561635", "17102.9") == "17300.00")
    }

    @Test func acksPingsAndRefusals() {
        let out = decode("""
            {"op":"sub","cid":"liqtop","topic":"public.*.liquidation_orders","ts":1606380004694,"err-code":0}
            {"op":"ping","ts":"1492420473058"}
            {"op":"sub","cid":"liqtop","topic":"public.*.liquidation_orders","ts":1606380004694,"err-code":2011,"err-msg":"invalid topic"}
            {"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1,"data":[{"contract_code":"BTC-USDT","symbol":"BTC","direction":"sell","offset":"open","volume":1,"price":1,"created_at":1606380004694,"amount":0.001,"trade_turnover":1}]}
            {"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1,"data":[{"contract_code":"BTC-USDT","symbol":"BTC","direction":"sell","offset":"close","volume":1,"price":1,"created_at":1606380004694,"amount":0.001}]}
            """)
        #expect(out.events.isEmpty)
        #expect(out.ignored == 2)
        #expect(out.rejections.map(\.reason) == [
            #"HTX error 2011: "invalid topic""#,
            #"HTX liquidation with offset "open": only closing orders have a known side"#,
            "HTX USDT-margined liquidation without trade_turnover: notional not known",
        ])
    }
}
