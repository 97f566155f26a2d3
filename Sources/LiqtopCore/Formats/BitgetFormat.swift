/// Bitget v3 (UTA) public `liquidation` topic, one subscription per product type
/// (`usdt-futures`, `coin-futures`, `usdc-futures`) for every symbol:
/// `{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},
///   "data":[{"symbol":"APEUSDT","side":"buy","price":"0.1649","amount":"13.70319","ts":"1777358886549"}],…}`
///
/// Side: the *position* side. Bitget's push parameters say "side — Position side: `buy` Long
/// position liquidation, `sell` Short position liquidation"
/// (https://www.bitget.com/api-doc/uta/websocket/public/Liquidation-Channel, read from a copy of
/// the page); tardis-node's mapper reads it the same way ("Bitget side is position side"). So
/// `buy` is a long liquidated, the opposite of Binance's order side.
///
/// Units: "amount — Liquidation amount, Unit: quote coin" (same page). The captured frames agree:
/// 13.70319 = 83.1 APE × 0.1649 and 143.330431857868 = 286.5 IP × 0.500280739469, a round base
/// size times the price, so `amount` is already the notional (USDT, USDC, or USD for coin-M).
/// It is kept as the order's quantity too: dividing by the price would not be exact.
///
/// Coverage: Bitget's page (2026) says each push carries, per symbol and second, only the largest
/// long and the largest short liquidation; an earlier version of it said every liquidation,
/// batched every 20 s. Either way totals may undercount.
enum BitgetFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let data = try VenueField.array(doc, root, "data", "data")
        // A bad entry must not cost the good ones.
        VenueField.eachLiquidation(doc, data, into: &out) { i throws(InputError) in try entry(doc, i, context: context) }
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, context: DecodeContext) throws(InputError) -> Liquidation {
        guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
        let symbol = try VenueField.string(doc, e, "symbol", "data.symbol")
        let sideToken = try VenueField.string(doc, e, "side", "data.side")
        let side: Side
        if doc.equals(sideToken, "buy") { side = .long }
        else if doc.equals(sideToken, "sell") { side = .short }
        else { throw InputError("unknown side \(VenueField.quoted(doc, sideToken)) in data.side") }
        let time = try VenueField.time(doc, e, "ts", "data.ts")
        let price = try VenueField.decimal(doc, e, "price", "data.price")
        let amount = try VenueField.decimal(doc, e, "amount", "data.amount")
        return try LiquidationCheck.make(time: time, venue: .bitget, instrument: doc.raw(symbol), side: side,
                                         price: price, quantity: amount, usd: USD(amount), context: context)
    }

    /// A reply to a request (`{"event":"error","code":"30001","msg":"…"}`), or nil.
    static func errorReason(_ doc: JSONDoc, _ root: Int) -> String? {
        guard let event = doc.member(root, "event"), doc.equals(event, "error") else { return nil }
        return "Bitget error \(VenueErrorReply.text(doc, doc.member(root, "code"))): \(VenueErrorReply.text(doc, doc.member(root, "msg")))"
    }
}
