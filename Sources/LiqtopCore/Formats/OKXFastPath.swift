/// A single pass over an OKX v5 `liquidation-orders` message laid out exactly as OKX sends it:
/// `{"arg":{"channel":"liquidation-orders","instType":"…"},"data":[{"details":[{"bkLoss":"…",
/// "bkPx":"…","ccy":"…","posSide":"…","side":"…","sz":"…","ts":"…"},…],"instFamily":"…",
/// "instId":"…","instType":"…","uly":"…"},…]}`, no whitespace. The contract comes from
/// `OKXContracts` as in `OKXFormat`; an unknown instrument, an empty list, another layout is
/// false, and the general decoder words the line.
enum OKXFastPath {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, book: InstrumentBook, into line: inout FastLine) -> Bool {
        line.reset(.okx)
        var c = FastCursor(b)
        guard c.literal(#"{"arg":{"channel":"liquidation-orders","instType":""#), c.plainString() != nil,
              c.literal(#"},"data":["#) else { return false }
        repeat {
            // `instId` follows the details: read them first, price them once it is known.
            let first = line.orders.count
            guard c.literal(#"{"details":["#) else { return false }
            repeat {
                guard c.literal(#"{"bkLoss":""#), c.plainString() != nil,
                      c.literal(#","bkPx":""#), let price = c.decimalString(),
                      c.literal(#","ccy":""#), c.plainString() != nil,
                      c.literal(#","posSide":""#) else { return false }
                let side: Side
                if c.literal(#"long""#) {
                    side = .long
                    guard c.literal(#","side":""#), c.plainString() != nil else { return false }
                } else if c.literal(#"short""#) {
                    side = .short
                    guard c.literal(#","side":""#), c.plainString() != nil else { return false }
                } else if c.literal(#"net","side":""#) {
                    // One-way mode: the liquidation order sells to close a long.
                    if c.literal(#"sell""#) { side = .long } else if c.literal(#"buy""#) { side = .short } else { return false }
                } else {
                    return false
                }
                guard c.literal(#","sz":""#), let sz = c.decimalString(),
                      c.literal(#","ts":""#), let time = c.integerString(),
                      c.byte(0x7D) else { return false }
                // The contract size, as the quantity until the contract is known.
                line.orders.append(.init(symbol: 0 ..< 0, side: side, time: time, price: price, quantity: sz, usd: nil))
            } while c.byte(0x2C)
            guard line.orders.count > first,
                  c.literal(#"],"instFamily":""#), c.plainString() != nil,
                  c.literal(#","instId":""#), let instId = c.plainString(),
                  c.literal(#","instType":""#), c.plainString() != nil,
                  c.literal(#","uly":""#), c.plainString() != nil,
                  c.byte(0x7D),
                  let contract = OKXContracts.contract(UnsafeBufferPointer(rebasing: b[instId]), book: book) else { return false }
            line.facts.append(contract)
            for k in first ..< line.orders.count {
                let (quantity, usd) = contract.amounts(contracts: line.orders[k].quantity, price: line.orders[k].price)
                line.orders[k].symbol = instId
                line.orders[k].quantity = quantity
                line.orders[k].usd = usd
            }
        } while c.byte(0x2C)
        return c.literal("]}") && c.atEnd
    }
}
