/// A single pass over a Bybit v5 `allLiquidation` message laid out exactly as Bybit sends it:
/// `{"topic":"allLiquidation.…","type":"…","ts":…,"data":[{"T":…,"s":"…","S":"Buy","v":"…","p":"…"},…]}`,
/// no whitespace, every entry in that key order. Anything else (the deprecated `liquidation.`
/// topic, other layouts, escapes, exponents, an empty `data`) is false: the general decoder
/// reads the line and words any rejection. Values come out as `BybitFormat` computes them
/// (`FastPathTests` compare both paths on the captured frames and on mutants).
enum BybitFastPath {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into line: inout FastLine) -> Bool {
        line.reset(.bybit)
        var c = FastCursor(b)
        guard c.literal(#"{"topic":"allLiquidation."#), c.plainString() != nil,
              c.literal(#","type":""#), c.plainString() != nil,
              c.literal(#","ts":"#), c.integer() != nil,
              c.literal(#","data":["#) else { return false }
        repeat {
            guard c.literal(#"{"T":"#), let time = c.integer(),
                  c.literal(#","s":""#), let symbol = c.plainString(),
                  c.literal(#","S":""#) else { return false }
            // Bybit names the position's side: `Buy` is a long liquidated.
            let side: Side
            if c.literal(#"Buy""#) { side = .long } else if c.literal(#"Sell""#) { side = .short } else { return false }
            guard c.literal(#","v":""#), let size = c.decimalString(),
                  c.literal(#","p":""#), let price = c.decimalString(),
                  c.byte(0x7D) else { return false }
            let usd = BybitFormat.usd(UnsafeBufferPointer(rebasing: b[symbol]), size: size, price: price)
            line.orders.append(.init(symbol: symbol, side: side, time: time, price: price, quantity: size, usd: usd))
        } while c.byte(0x2C)
        return c.literal("]}") && c.atEnd
    }
}
