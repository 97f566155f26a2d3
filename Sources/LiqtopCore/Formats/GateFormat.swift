/// Gate USDT perpetuals, `futures.public_liquidates` subscribed with `["!all"]`:
/// `{"channel":"futures.public_liquidates","event":"update","time":…,"time_ms":…,
///   "result":[{"price":"215.1","size":"-124.5","time":1541486601123,"contract":"BTC_USDT"}]}`
/// Other `futures.*` messages (the subscribe ack, `futures.pong`) are ignored; error replies
/// are rejected in Gate's words.
///
/// Side: the sign of `size`. Gate's futures WebSocket docs call it the "liquidate order
/// quantity" (https://www.gate.com/docs/developers/futures/ws/en/#public-liquidates-order-api),
/// and on the same page an order's size is "positive number to make a bid, and negative number
/// to ask". A forced sell closes a long, so a negative size is a long liquidated, a positive one
/// a short (third-party readers, e.g. `s < 0 ? 'Long' : 'Short'`, agree).
///
/// Units: `size` counts contracts (an integer, or a decimal string when the connection sends
/// `X-Gate-Size-Decimal: 1`, as ours does); coins = |size| × `quanto_multiplier` of the contract
/// (`GateContracts`), USD = coins × `price`. A contract without a known multiplier is refused.
///
/// Counting: since 2026-08-20 Gate aggregates per contract and push (1 s, or 20 orders): every
/// `result` entry is one order, and none is dropped any more (before, at most one order per
/// contract per second was sent and the rest lost). So every entry counts.
///
/// Time: `time_ms` where sent (2023 docs), else `time`, in milliseconds since 2026-08 but in
/// seconds in Gate's older example; a value below 10^11 (1973 in ms, year 5138 in s) is seconds.
enum GateFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, _ channel: Int, context: DecodeContext,
                       into out: inout LineResults) throws(InputError) {
        if let reason = errorReason(doc, root) { throw InputError(reason) }
        if doc.equals(channel, "futures.tickers"), let event = doc.member(root, "event"), doc.equals(event, "update") {
            try GateTicker.decode(doc, root, context: context, into: &out)
            return
        }
        guard doc.equals(channel, "futures.public_liquidates"),
              let event = doc.member(root, "event"), doc.equals(event, "update") else {
            out.ignored = true // acks, pongs, other channels
            return
        }
        let result = try VenueField.array(doc, root, "result", "result")
        // A bad entry must not cost the good ones.
        VenueField.eachLiquidation(doc, result, into: &out) { i throws(InputError) in try entry(doc, i, context: context) }
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, context: DecodeContext) throws(InputError) -> Liquidation {
        guard doc.kind(e) == .object else { throw InputError("result entry is not an object") }
        let contractToken = try VenueField.string(doc, e, "contract", "result.contract")
        let size = try VenueField.decimal(doc, e, "size", "result.size")
        let price = try VenueField.decimal(doc, e, "price", "result.price")
        let time = try entryTime(doc, e)
        guard size.signum != 0 else { throw InputError("quantity is zero or negative") }
        let side: Side = size.signum < 0 ? .long : .short
        let contract = doc.raw(contractToken)
        guard let multiplier = multiplier(contract, book: context.instruments) else {
            // Validated before it is echoed into the rejection log.
            let name = try LiquidationCheck.instrumentName(contract)
            throw InputError("unknown Gate contract \(name): quanto_multiplier not known (load Gate's contract list with --instruments FILE)")
        }
        guard let coins = coins(size, multiplier) else { throw InputError("notional out of range") }
        return try LiquidationCheck.make(time: time, venue: .gate, instrument: contract, side: side, price: price,
                                         quantity: coins, usd: USD.product(coins, price), context: context)
    }

    /// The venue's own list (`--instruments`, live fetches) first, then the bundled majors.
    static func multiplier(_ contract: UnsafeBufferPointer<UInt8>, book: InstrumentBook) -> FixedDecimal? {
        let listed = book.isEmpty ? nil : book.facts(venue: "gate", instrument: contract).flatMap { $0.unit == .coin ? $0.contractValue : nil }
        return listed ?? GateContracts.multiplier(contract)
    }

    /// |size| contracts in coins, or nil when it does not fit.
    static func coins(_ size: FixedDecimal, _ multiplier: FixedDecimal) -> FixedDecimal? {
        guard size.mantissa != .min, let contracts = FixedDecimal(mantissa: abs(size.mantissa), scale: Int(size.scale)) else { return nil }
        return FixedDecimal.exactProduct(contracts, multiplier)
    }

    /// Side, coins and notional of an entry when all are known (`GateFastPath`); nil where
    /// `entry` would throw.
    static func amounts(_ contract: UnsafeBufferPointer<UInt8>, size: FixedDecimal, price: FixedDecimal,
                        book: InstrumentBook) -> (Side, FixedDecimal, USD?)? {
        guard size.signum != 0, let m = multiplier(contract, book: book), let coins = coins(size, m) else { return nil }
        return (size.signum < 0 ? .long : .short, coins, USD.product(coins, price))
    }

    static let secondsBelow: Millis = 100_000_000_000

    private static func entryTime(_ doc: JSONDoc, _ e: Int) throws(InputError) -> Millis {
        if doc.member(e, "time_ms") != nil { return try VenueField.time(doc, e, "time_ms", "result.time_ms") }
        return millis(try VenueField.time(doc, e, "time", "result.time"))
    }

    /// `time` in milliseconds: Gate's older example sends seconds.
    static func millis(_ t: Millis) -> Millis { t >= 0 && t < secondsBelow ? t * 1000 : t }

    /// `{"channel":…,"event":"subscribe","error":{"code":2,"message":"…"},"result":null}`, or nil.
    static func errorReason(_ doc: JSONDoc, _ root: Int) -> String? {
        guard let error = doc.member(root, "error"), doc.kind(error) == .object else { return nil }
        return "Gate error \(VenueErrorReply.text(doc, doc.member(error, "code"))): "
            + VenueErrorReply.text(doc, doc.member(error, "message") ?? doc.member(error, "msg"))
    }
}
