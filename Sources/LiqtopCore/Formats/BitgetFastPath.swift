/// A single pass over a Bitget v3 `liquidation` push laid out exactly as Bitget sends it
/// (the frame tardis-node captured, https://github.com/tardis-dev/tardis-node):
/// `{"action":"…","arg":{"instType":"…","topic":"liquidation"},"data":[{"symbol":"…","side":"buy",
/// "price":"…","amount":"…","ts":"…"},…],"ts":…}`, no whitespace. Values as `BitgetFormat`
/// computes them; anything else is false and left to the general decoder.
enum BitgetFastPath {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into line: inout FastLine) -> Bool {
        line.reset(.bitget)
        var c = FastCursor(b)
        guard c.literal(#"{"action":""#), c.plainString() != nil,
              c.literal(#","arg":{"instType":""#), c.plainString() != nil,
              c.literal(#","topic":"liquidation"},"data":["#) else { return false }
        repeat {
            guard c.literal(#"{"symbol":""#), let symbol = c.plainString(),
                  c.literal(#","side":""#) else { return false }
            // The position's side: `buy` is a long liquidated.
            let side: Side
            if c.literal(#"buy""#) { side = .long } else if c.literal(#"sell""#) { side = .short } else { return false }
            guard c.literal(#","price":""#), let price = c.decimalString(),
                  c.literal(#","amount":""#), let amount = c.decimalString(),
                  c.literal(#","ts":""#), let time = c.integerString(),
                  c.byte(0x7D) else { return false }
            line.orders.append(.init(symbol: symbol, side: side, time: time, price: price, quantity: amount, usd: USD(amount)))
        } while c.byte(0x2C)
        return c.literal(#"],"ts":"#) && c.integer() != nil && c.byte(0x7D) && c.atEnd
    }
}
