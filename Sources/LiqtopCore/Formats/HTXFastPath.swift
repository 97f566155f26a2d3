/// A single pass over an HTX `liquidation_orders` notification (decompressed) laid out exactly
/// as HTX sends it (as tardis-node captured it, https://github.com/tardis-dev/tardis-node):
/// `{"op":"notify","topic":"public.….liquidation_orders","ts":…,"data":[{"symbol":"BTC",
/// "contract_code":"BTC-USDT","direction":"sell","offset":"close","volume":227,"price":23350.5,
/// "created_at":…,"amount":0.227,"trade_turnover":5300.5635},…]}` (coin-margined entries end at
/// `created_at`), no whitespace, plain JSON numbers. Priced as `HTXFormat` prices; anything else
/// (an unknown coin-margined contract, exponents, other layouts) is false.
enum HTXFastPath {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into line: inout FastLine) -> Bool {
        line.reset(.htx)
        var c = FastCursor(b)
        guard c.literal(#"{"op":"notify","topic":"public."#), let topic = c.plainString(),
              endsWithLiquidationOrders(UnsafeBufferPointer(rebasing: b[topic])),
              c.literal(#","ts":"#), c.integer() != nil,
              c.literal(#","data":["#) else { return false }
        repeat {
            guard c.literal(#"{"symbol":""#), let symbol = c.plainString(),
                  c.literal(#","contract_code":""#), let code = c.plainString(),
                  c.literal(#","direction":""#) else { return false }
            // The closing order's side: `sell` closes a long.
            let side: Side
            if c.literal(#"sell""#) { side = .long } else if c.literal(#"buy""#) { side = .short } else { return false }
            guard c.literal(#","offset":"close","volume":"#), let volume = c.number(),
                  c.literal(#","price":"#), let price = c.number(),
                  c.literal(#","created_at":"#), let time = c.integer() else { return false }
            let raw = UnsafeBufferPointer(rebasing: b[code])
            let quantity: FixedDecimal
            let usd: USD?
            if HTXFormat.isLinear(raw) {
                guard c.literal(#","amount":"#), let amount = c.number(),
                      c.literal(#","trade_turnover":"#), let turnover = c.number() else { return false }
                quantity = amount
                usd = USD(turnover)
            } else {
                guard let face = HTXFormat.contractUSD(raw) else { return false }
                quantity = volume
                usd = USD.product(volume, face)
            }
            guard c.byte(0x7D) else { return false }
            line.orders.append(.init(symbol: code, coinName: symbol, side: side, time: time, price: price,
                                     quantity: quantity, usd: usd))
        } while c.byte(0x2C)
        return c.literal("]}") && c.atEnd
    }

    private static func endsWithLiquidationOrders(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let suffix: StaticString = ".liquidation_orders"
        let n = suffix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let p = suffix.utf8Start
        for k in 0 ..< n where s[s.count - n + k] != p[k] { return false }
        return true
    }
}
