/// The venue fast paths' hook: a line in a venue's own layout is read in one pass, without the
/// general tokenizer (a crash day is millions of such lines). The first key of the line picks
/// the one venue whose layout it could be. False leaves the line to `decodeLine` (which words
/// any rejection), so both paths accept exactly the same lines with the same values
/// (BinanceFastPathTests, VenueFastPathTests).
extension InputDecoder {
    mutating func decodeFast(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout DecodeOutput) -> Bool {
        guard usesFastPath, bytes.count > 8, bytes[0] == 0x7B, bytes[1] == 0x22 else { return false }
        let book = context.instruments
        let scanned: Bool
        switch bytes[2] {
        case 0x65, 0x73: // "e", "stream"
            return decodeBinanceFast(bytes, into: &out)
        case 0x74: // "topic" (Bybit), "time" (Gate)
            scanned = bytes[3] == 0x6F ? BybitFastPath.scan(bytes, into: &fast) : GateFastPath.scan(bytes, book: book, into: &fast)
        case 0x61: // "arg" (OKX), "action" (Bitget)
            scanned = bytes[3] == 0x72 ? OKXFastPath.scan(bytes, book: book, into: &fast) : BitgetFastPath.scan(bytes, into: &fast)
        case 0x6F: // "op"
            scanned = HTXFastPath.scan(bytes, into: &fast)
        case 0x6A: // "jsonrpc"
            scanned = DeribitFastPath.scan(bytes, into: &fast)
        default:
            return false
        }
        return scanned && commitFast(bytes, into: &out)
    }

    /// The orders of `fast` through the checks every liquidation passes; all or none, so that a
    /// line with one bad entry is left whole to the general decoder, which words it.
    private mutating func commitFast(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout DecodeOutput) -> Bool {
        let venue = fast.venue
        if packsLiquidations {
            if fast.ids.count < fast.orders.count { fast.ids += repeatElement(0, count: fast.orders.count - fast.ids.count) }
            for k in fast.orders.indices {
                let o = fast.orders[k]
                let coinName = o.coinName.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
                guard let usd = LiquidationCheck.acceptedNotional(time: o.time, price: o.price, quantity: o.quantity, usd: o.usd, context: context),
                      let id = instruments.id(UnsafeBufferPointer(rebasing: bytes[o.symbol]), venue: venue, coinName: coinName,
                                              in: &out.orders) else { return false }
                fast.orders[k].usd = usd
                fast.ids[k] = id
            }
            for k in fast.orders.indices {
                let o = fast.orders[k]
                out.orders.append(time: o.time, usd: o.usd!, instrument: fast.ids[k], side: o.side, price: o.price, quantity: o.quantity)
            }
        } else {
            var events: [Event] = []
            events.reserveCapacity(fast.orders.count)
            for o in fast.orders {
                guard var l = try? LiquidationCheck.make(time: o.time, venue: venue, instrument: UnsafeBufferPointer(rebasing: bytes[o.symbol]),
                                                         side: o.side, price: o.price, quantity: o.quantity, usd: o.usd, context: context)
                else { return false }
                if let r = o.coinName {
                    guard let coin = InstrumentCache.coin(UnsafeBufferPointer(rebasing: bytes[r])) else { return false }
                    l.coin = coin
                }
                events.append(.liquidation(l))
            }
            out.events += events
        }
        for f in fast.facts { report(f, into: &out) }
        if fast.nothingToCount { out.ignored += 1 }
        if case .undetermined = mode { mode = .json }
        return true
    }

    /// The common case of a crash day, a Binance `forceOrder` line in Binance's own layout,
    /// without the general tokenizer. False leaves the line to `decodeLine` (which words any
    /// rejection), so both paths accept exactly the same lines with the same values.
    private mutating func decodeBinanceFast(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout DecodeOutput) -> Bool {
        guard let f = BinanceFastPath.scan(bytes) else { return false }
        let symbol = UnsafeBufferPointer(rebasing: bytes[f.symbol])
        let coinM = BinanceFormat.coinMContractSize(symbol)
        let (price, quantity, usd) = BinanceFormat.amounts(symbol: symbol, quantity: f.quantity, price: f.price,
                                                           averagePrice: f.averagePrice, filled: f.filled,
                                                           coinM: coinM, book: context.instruments)
        if coinM != nil { reportCoinM(symbol, into: &out) }
        if packsLiquidations {
            guard let usd = LiquidationCheck.acceptedNotional(time: f.time, price: price, quantity: quantity, usd: usd, context: context),
                  let id = instruments.id(symbol, venue: context.forceOrderVenue, in: &out.orders) else { return false }
            out.orders.append(time: f.time, usd: usd, instrument: id, side: f.side, price: price, quantity: quantity)
        } else {
            guard let l = try? LiquidationCheck.make(time: f.time, venue: context.forceOrderVenue, instrument: symbol, side: f.side,
                                                     price: price, quantity: quantity, usd: usd, context: context) else { return false }
            out.events.append(.liquidation(l))
        }
        if case .undetermined = mode { mode = .json }
        return true
    }

}
