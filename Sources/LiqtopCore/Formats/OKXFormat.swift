/// OKX v5 `liquidation-orders`: `data` holds instruments, each with `details` (one per order).
///
/// OKX says the feed is partial and not time-ordered. `sz` counts contracts, so the notional
/// needs the contract value from `OKXContracts` (the instrument book of the context, then the
/// bundled table); unknown instruments are refused, not guessed, with how to fix it.
enum OKXFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let data = try VenueField.array(doc, root, "data", "data")
        let before = out.events.count + out.errors.count
        var i = data + 1
        let end = Int(doc.tokens[data].next)
        while i < end {
            do {
                try instrument(doc, i, context: context, into: &out)
            } catch {
                out.errors.append(error)
            }
            i = Int(doc.tokens[i].next)
        }
        if out.events.count + out.errors.count == before { out.ignored = true } // nothing in it
    }

    /// One instrument object: shared fields, then one event (or error) per `details` entry.
    private static func instrument(_ doc: JSONDoc, _ obj: Int, context: DecodeContext,
                                   into out: inout LineResults) throws(InputError) {
        guard doc.kind(obj) == .object else { throw InputError("data entry is not an object") }
        let instId = try VenueField.string(doc, obj, "instId", "data.instId")
        let details = try VenueField.array(doc, obj, "details", "data.details")
        let raw = doc.raw(instId)
        var i = details + 1
        let end = Int(doc.tokens[details].next)
        guard i < end else { return }
        let contract = OKXContracts.contract(raw, book: context.instruments)
        if let contract { out.used.append(contract) }
        while i < end {
            do throws(InputError) {
                guard let contract else {
                    // Validated before it is echoed into the rejection log.
                    let name = try LiquidationCheck.instrumentName(raw)
                    throw InputError("unknown OKX instrument \(name): contract value not known (\(OKXContracts.howToFix))")
                }
                out.events.append(.liquidation(try entry(doc, i, raw, contract, context: context)))
            } catch {
                out.errors.append(error)
            }
            i = Int(doc.tokens[i].next)
        }
    }

    /// `{"bkPx":"0.007831","posSide":"short","side":"buy","sz":"13","ts":"1692266434010",…}`
    private static func entry(_ doc: JSONDoc, _ d: Int, _ instId: UnsafeBufferPointer<UInt8>,
                              _ contract: InstrumentFacts, context: DecodeContext) throws(InputError) -> Liquidation {
        guard doc.kind(d) == .object else { throw InputError("details entry is not an object") }
        let posSide = try VenueField.string(doc, d, "posSide", "details.posSide")
        let side: Side
        if doc.equals(posSide, "long") { side = .long }
        else if doc.equals(posSide, "short") { side = .short }
        else if doc.equals(posSide, "net") {
            // One-way mode: the liquidation order sells to close a long, buys to close a short.
            let orderSide = try VenueField.string(doc, d, "side", "details.side")
            if doc.equals(orderSide, "sell") { side = .long }
            else if doc.equals(orderSide, "buy") { side = .short }
            else { throw InputError("unknown side \(VenueField.quoted(doc, orderSide)) in details.side") }
        } else {
            throw InputError("unknown side \(VenueField.quoted(doc, posSide)) in details.posSide")
        }
        let time = try VenueField.time(doc, d, "ts", "details.ts")
        let sz = try VenueField.decimal(doc, d, "sz", "details.sz")
        let bkPx = try VenueField.decimal(doc, d, "bkPx", "details.bkPx")
        // Linear contracts are a fixed amount of coin: the base quantity is kept, so that
        // quantity × price is the notional as for every other linear venue.
        let (quantity, usd) = contract.amounts(contracts: sz, price: bkPx)
        return try LiquidationCheck.make(time: time, venue: .okx, instrument: instId, side: side,
                                         price: bkPx, quantity: quantity, usd: usd, context: context)
    }
}
