/// A single pass over a Gate `futures.public_liquidates` update laid out as Gate's wire sends
/// its futures channels (the frames tardis-node captured, https://github.com/tardis-dev/tardis-node: `time`, `time_ms`, `channel`,
/// `event`, `result`) with the entries of Gate's docs:
/// `{"time":…,"time_ms":…,"channel":"futures.public_liquidates","event":"update","result":[{"price":"…",
/// "size":"-124.5","time":…,"contract":"BTC_USDT"},…]}`, no whitespace (the documented example,
/// spaced, takes the general decoder). Sizes as decimal strings or integers, priced as
/// `GateFormat.amounts` does; anything else is false.
enum GateFastPath {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, book: InstrumentBook, into line: inout FastLine) -> Bool {
        line.reset(.gate)
        var c = FastCursor(b)
        guard c.literal(#"{"time":"#), c.integer() != nil,
              c.literal(#","time_ms":"#), c.integer() != nil,
              c.literal(#","channel":"futures.public_liquidates","event":"update","result":["#) else { return false }
        repeat {
            guard c.literal(#"{"price":""#), let price = c.decimalString(),
                  c.literal(#","size":"#) else { return false }
            let size: FixedDecimal?
            if c.byte(0x22) {
                size = c.signedDecimalString()
            } else {
                let negative = c.byte(0x2D)
                size = c.integer().map { FixedDecimal(negative ? -$0 : $0) }
            }
            guard let size, c.literal(#","time":"#), let raw = c.integer(),
                  c.literal(#","contract":""#), let contract = c.plainString(),
                  c.byte(0x7D),
                  let (side, coins, usd) = GateFormat.amounts(UnsafeBufferPointer(rebasing: b[contract]), size: size,
                                                              price: price, book: book) else { return false }
            line.orders.append(.init(symbol: contract, side: side, time: GateFormat.millis(raw), price: price,
                                     quantity: coins, usd: usd))
        } while c.byte(0x2C)
        return c.literal("]}") && c.atEnd
    }
}
