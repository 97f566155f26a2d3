/// Bybit v5 liquidation topics.
///
/// Bybit reports the side of the liquidated *position*, the opposite of Binance: `Buy` means a
/// long was liquidated, `Sell` a short. For `allLiquidation` Bybit's page
/// (bybit-exchange.github.io/docs/v5/websocket/public/all-liquidation) says "When you receive a
/// Buy update, this means that a long position has been liquidated" (re-checked 2026-12 through
/// rs_bybit's `AllLiquidationData` docs, which quote it, and NautilusTrader's parser); for the
/// deprecated `liquidation` topic Bybit's page (bybit-exchange.github.io/docs/v5/websocket/public/liquidation,
/// quoted by rs_bybit's `LiquidationData` docs on docs.rs and NautilusTrader's `parse_ws_liquidation`)
/// documents the same position-side convention, so both topics share one mapping.
enum BybitFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let topic = try VenueField.string(doc, root, "topic", "topic")
        if doc.hasPrefix(topic, "allLiquidation.") {
            // Every 500 ms: an array of entries; a bad entry must not cost the good ones.
            let data = try VenueField.array(doc, root, "data", "data")
            VenueField.eachLiquidation(doc, data, into: &out) { i throws(InputError) in try entry(doc, i, context: context) }
        } else {
            // Deprecated `liquidation.{symbol}`: one object per message.
            let data = try VenueField.object(doc, root, "data", "data")
            out.events.append(.liquidation(try legacy(doc, data, context: context)))
        }
    }

    /// `{"T":…,"s":"ROSEUSDT","S":"Sell","v":"20000","p":"0.04499"}`
    private static func entry(_ doc: JSONDoc, _ e: Int, context: DecodeContext) throws(InputError) -> Liquidation {
        guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
        let symbol = try VenueField.string(doc, e, "s", "data.s")
        let side = try positionSide(doc, try VenueField.string(doc, e, "S", "data.S"), "data.S")
        let time = try VenueField.time(doc, e, "T", "data.T")
        let size = try VenueField.decimal(doc, e, "v", "data.v")
        let price = try VenueField.decimal(doc, e, "p", "data.p")
        return try make(doc, symbol, side, time, size, price, context)
    }

    /// `{"updatedTime":…,"symbol":"BTCUSDT","side":"Sell","size":"0.003","price":"43511.70"}`
    private static func legacy(_ doc: JSONDoc, _ d: Int, context: DecodeContext) throws(InputError) -> Liquidation {
        let symbol = try VenueField.string(doc, d, "symbol", "data.symbol")
        let side = try positionSide(doc, try VenueField.string(doc, d, "side", "data.side"), "data.side")
        let time = try VenueField.time(doc, d, "updatedTime", "data.updatedTime")
        let size = try VenueField.decimal(doc, d, "size", "data.size")
        let price = try VenueField.decimal(doc, d, "price", "data.price")
        return try make(doc, symbol, side, time, size, price, context)
    }

    private static func positionSide(_ doc: JSONDoc, _ t: Int, _ name: StaticString) throws(InputError) -> Side {
        if doc.equals(t, "Buy") { return .long }
        if doc.equals(t, "Sell") { return .short }
        throw InputError("unknown side \(VenueField.quoted(doc, t)) in \(name)")
    }

    private static func make(_ doc: JSONDoc, _ symbolToken: Int, _ side: Side, _ time: Millis,
                             _ size: FixedDecimal, _ price: FixedDecimal, _ context: DecodeContext) throws(InputError) -> Liquidation {
        let symbol = doc.raw(symbolToken)
        return try LiquidationCheck.make(time: time, venue: .bybit, instrument: symbol, side: side,
                                         price: price, quantity: size, usd: usd(symbol, size: size, price: price), context: context)
    }

    /// The notional of an entry (shared with `BybitFastPath`).
    static func usd(_ symbol: UnsafeBufferPointer<UInt8>, size: FixedDecimal, price: FixedDecimal) -> USD? {
        // Inverse contracts are sized in USD already; linear ones in the base coin.
        isInverse(symbol) ? USD(size) : USD.product(size, price)
    }

    /// Inverse perpetuals end in `USD` (`BTCUSD`); inverse futures add a month code and a
    /// two-digit year (`BTCUSDH26`). Linear names end in USDT/USDC/PERP or carry a `-` date.
    static func isInverse(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        if s.contains(0x2D) { return false }
        if endsWithUSD(s, n) { return true }
        guard n >= 6, isDigit(s[n - 1]), isDigit(s[n - 2]), isMonthCode(s[n - 3]) else { return false }
        return endsWithUSD(s, n - 3)
    }

    private static func endsWithUSD(_ s: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        end >= 4 && s[end - 3] == 0x55 && s[end - 2] == 0x53 && s[end - 1] == 0x44
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Futures month codes F G H J K M N Q U V X Z.
    static func isMonthCode(_ b: UInt8) -> Bool {
        switch b {
        case 0x46, 0x47, 0x48, 0x4A, 0x4B, 0x4D, 0x4E, 0x51, 0x55, 0x56, 0x58, 0x5A: return true
        default: return false
        }
    }
}
