/// BitMEX `liquidation` table: `{"table":"liquidation","action":"insert","data":[{"orderID":…,
/// "symbol":"XBTUSD","side":"Buy","price":10106,"leavesQty":9214}]}`.
///
/// The table holds the liquidation orders currently in the book ("Active Liquidations", BitMEX
/// API explorer / swagger `Liquidation`: orderID, symbol, side, price, leavesQty). An order enters
/// with `insert`, shrinks with `update` and leaves with `delete`; only the `insert` is a new
/// liquidation, so it alone counts (an insert then a delete of one orderID is one order). The
/// `partial` sent on subscribing lists orders that entered before we connected — after a
/// reconnect, ones already counted — so it does not count either.
///
/// Side: `side` is the side of the liquidation order, which closes the position: `Sell` closes a
/// long, `Buy` a short (as Binance's forced orders; BitMEX's own web banner reads the same
/// column as the order's side, "XBTUSD Sell 68,000 @ 8829.5").
///
/// Time: the message carries none, so the event is dated by `DecodeContext.receivedAt` — the
/// receive time on a live connection. A line read from a file without it is refused rather than
/// dated by the clock reading the file; liqtop's own recording keeps the receive time.
///
/// Units: `leavesQty` is contracts. XBTUSD is inverse with 1 USD per contract (BitMEX's XBTUSD
/// contract specification: "Contract Size 1 USD"), so its notional is `leavesQty` USD. Every other
/// symbol needs its instrument's `multiplier`/`isInverse`/`isQuanto` (`GET /api/v1/instrument`)
/// and is refused until those are given.
enum BitMEXFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let action = try VenueField.string(doc, root, "action", "action")
        guard doc.equals(action, "insert") else { out.ignored = true; return } // partial, update, delete
        let data = try VenueField.array(doc, root, "data", "data")
        // A bad entry must not cost the good ones.
        VenueField.eachLiquidation(doc, data, into: &out) { i throws(InputError) in try entry(doc, i, context: context) }
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, context: DecodeContext) throws(InputError) -> Liquidation {
        guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
        _ = try VenueField.string(doc, e, "orderID", "data.orderID")
        let symbol = try VenueField.string(doc, e, "symbol", "data.symbol")
        let sideText = try VenueField.string(doc, e, "side", "data.side")
        let side: Side
        if doc.equals(sideText, "Sell") { side = .long }
        else if doc.equals(sideText, "Buy") { side = .short }
        else { throw InputError("unknown side \(VenueField.quoted(doc, sideText)) in data.side") }
        let raw = doc.raw(symbol)
        guard doc.equals(symbol, "XBTUSD") else {
            let name = try LiquidationCheck.instrumentName(raw)
            throw InputError("unknown BitMEX instrument \(name): contract multiplier not known (pass --instruments with a /api/v1/instrument response)")
        }
        guard let time = context.receivedAt else {
            throw InputError("BitMEX liquidation has no timestamp: only a live connection (or liqtop's recording of one) can date it")
        }
        let price = try VenueField.decimal(doc, e, "price", "data.price")
        let contracts = try VenueField.decimal(doc, e, "leavesQty", "data.leavesQty")
        var l = try LiquidationCheck.make(time: time, venue: .bitmex, instrument: raw, side: side,
                                          price: price, quantity: contracts, usd: USD(contracts), context: context)
        l.coin = "BTC" // BitMEX writes bitcoin as XBT
        return l
    }
}
