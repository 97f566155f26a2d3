/// Deribit public trades (`trades.future.any.100ms`, or `trades.<instrument>.<interval>`), of which
/// only those flagged `liquidation` count: `{"jsonrpc":"2.0","method":"subscription","params":
/// {"channel":"trades.BTC-PERPETUAL.raw","data":[{"timestamp":…,"price":4469.5,"liquidation":"T",
/// "instrument_name":"BTC-PERPETUAL","direction":"sell","amount":1120,…}]}}`.
///
/// Side: Deribit documents `liquidation` as `"M"` when the maker side of the trade was under
/// liquidation, `"T"` when the taker side was, `"MT"` when both were (docs.deribit.com,
/// subscriptions/trades/tradeskindcurrencyinterval). `direction` is the taker's (Deribit's API
/// schema, `PublicTrade.direction`: "Trade direction of the taker"). A liquidated
/// taker that sells was long; a liquidated maker sold when the taker bought, so was long too:
///   T + sell → long, T + buy → short, M + buy → long, M + sell → short.
/// `MT` force-closed both parties, a long and a short, each for the whole `amount`: it counts as
/// two liquidations, one per side (both positions were closed, so both are in a venue's totals).
///
/// Units (same page): "For perpetual and inverse futures the amount is in USD units. For options
/// and linear futures it is the underlying base currency coin." So `BTC-PERPETUAL`, `ETH-…` and
/// dated inverse futures are `amount` USD; linear USDC/USDT instruments (`BTC_USDC-PERPETUAL`)
/// are `amount × price`. Option trades (names ending `-C`/`-P`) are not counted.
enum DeribitFormat {
    static func decode(_ doc: JSONDoc, _ params: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let data = try VenueField.array(doc, params, "data", "params.data")
        let before = out.events.count + out.errors.count
        var i = data + 1
        let end = Int(doc.tokens[data].next)
        while i < end {
            do {
                try trade(doc, i, context: context, into: &out)
            } catch {
                out.errors.append(error)
            }
            i = Int(doc.tokens[i].next)
        }
        if out.events.count + out.errors.count == before { out.ignored = true } // trades, none forced
    }

    private static func trade(_ doc: JSONDoc, _ t: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        guard doc.kind(t) == .object else { throw InputError("data entry is not an object") }
        guard let flag = doc.member(t, "liquidation") else { return }
        let instrument = try VenueField.string(doc, t, "instrument_name", "data.instrument_name")
        let raw = doc.raw(instrument)
        if isOption(raw) { return }
        let maker = doc.equals(flag, "M") || doc.equals(flag, "MT")
        let taker = doc.equals(flag, "T") || doc.equals(flag, "MT")
        guard maker || taker else { throw InputError("unknown liquidation flag \(VenueField.quoted(doc, flag)) in data.liquidation") }
        let direction = try VenueField.string(doc, t, "direction", "data.direction")
        let takerBought: Bool
        if doc.equals(direction, "buy") { takerBought = true }
        else if doc.equals(direction, "sell") { takerBought = false }
        else { throw InputError("unknown side \(VenueField.quoted(doc, direction)) in data.direction") }
        let time = try VenueField.time(doc, t, "timestamp", "data.timestamp")
        let amount = try VenueField.decimal(doc, t, "amount", "data.amount")
        let price = try VenueField.decimal(doc, t, "price", "data.price")
        let usd = isLinear(raw) ? USD.product(amount, price) : USD(amount)
        // The taker's own side was force-closed: a buying taker was short.
        if taker {
            out.events.append(.liquidation(try LiquidationCheck.make(
                time: time, venue: .deribit, instrument: raw, side: takerBought ? .short : .long,
                price: price, quantity: amount, usd: usd, context: context)))
        }
        // The maker took the other side of the trade.
        if maker {
            out.events.append(.liquidation(try LiquidationCheck.make(
                time: time, venue: .deribit, instrument: raw, side: takerBought ? .long : .short,
                price: price, quantity: amount, usd: usd, context: context)))
        }
    }

    /// Linear instruments name their settlement coin after an underscore: `BTC_USDC-PERPETUAL`.
    static func isLinear(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let u = s.firstIndex(of: 0x5F) else { return false }
        let dash = s.firstIndex(of: 0x2D) ?? s.count
        return u < dash
    }

    /// Options end in `-C` or `-P` (`BTC-27MAY20-9000-C`).
    static func isOption(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        return n >= 2 && s[n - 2] == 0x2D && (s[n - 1] == 0x43 || s[n - 1] == 0x50)
    }
}
