/// A single pass over a Deribit trades notification laid out exactly as Deribit sends it
/// (as tardis-node captured it, https://github.com/tardis-dev/tardis-node):
/// `{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.…","data":[{"trade_seq":…,
/// "trade_id":"…","timestamp":…,"tick_direction":…,"price":…,("mark_price":…,)("liquidation":"T",)
/// "instrument_name":"…","index_price":…,"direction":"sell","amount":…},…]}}`, no whitespace,
/// plain JSON numbers. Only trades flagged `liquidation` count, as in `DeribitFormat` (`MT`:
/// two orders, the taker's first); a frame with none is a message with nothing to count. An
/// option, another layout, an exponent is false: the general decoder reads the line.
enum DeribitFastPath {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into line: inout FastLine) -> Bool {
        line.reset(.deribit)
        var c = FastCursor(b)
        guard c.literal(#"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades."#), c.plainString() != nil,
              c.literal(#","data":["#) else { return false }
        repeat {
            guard c.literal(#"{"trade_seq":"#), c.integer() != nil,
                  c.literal(#","trade_id":""#), c.plainString() != nil,
                  c.literal(#","timestamp":"#), let time = c.integer(),
                  c.literal(#","tick_direction":"#), c.integer() != nil,
                  c.literal(#","price":"#), let price = c.number() else { return false }
            if c.literal(#","mark_price":"#) { guard c.number() != nil else { return false } }
            var taker = false, maker = false
            if c.literal(#","liquidation":""#) {
                if c.literal(#"T""#) { taker = true }
                else if c.literal(#"M""#) { maker = true }
                else if c.literal(#"MT""#) { taker = true; maker = true }
                else { return false }
            }
            guard c.literal(#","instrument_name":""#), let instrument = c.plainString(),
                  c.literal(#","index_price":"#), c.number() != nil,
                  c.literal(#","direction":""#) else { return false }
            let takerBought: Bool
            if c.literal(#"buy""#) { takerBought = true } else if c.literal(#"sell""#) { takerBought = false } else { return false }
            guard c.literal(#","amount":"#), let amount = c.number(), c.byte(0x7D) else { return false }
            guard taker || maker else { continue }
            let raw = UnsafeBufferPointer(rebasing: b[instrument])
            if DeribitFormat.isOption(raw) { return false }
            let usd = DeribitFormat.isLinear(raw) ? USD.product(amount, price) : USD(amount)
            // The taker's own side was force-closed (a buying taker was short); the maker took the other side.
            if taker {
                line.orders.append(.init(symbol: instrument, side: takerBought ? .short : .long, time: time, price: price,
                                         quantity: amount, usd: usd))
            }
            if maker {
                line.orders.append(.init(symbol: instrument, side: takerBought ? .long : .short, time: time, price: price,
                                         quantity: amount, usd: usd))
            }
        } while c.byte(0x2C)
        guard c.literal("]}}"), c.atEnd else { return false }
        line.nothingToCount = line.orders.isEmpty
        return true
    }
}
