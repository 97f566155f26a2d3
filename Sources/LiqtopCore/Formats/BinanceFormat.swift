/// Binance futures `forceOrder` events (USD-M `fstream` and COIN-M `dstream`).
///
/// `SELL` closes a long, so it means a long was liquidated; `BUY` a short (the community
/// convention: the order closes the position, so SELL closes a long). Binance throttles this stream to one snapshot per symbol per
/// second, so totals from it undercount. Aster (asterdex.com) sends this very format on its own
/// host (its futures API v3 docs, "All Market Liquidation Order Streams"); the connection tells
/// the two apart (`DecodeContext.forceOrderVenue`).
enum BinanceFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let o = try VenueField.object(doc, root, "o", "o")
        let symbolToken = try VenueField.string(doc, o, "s", "o.s")
        let sideToken = try VenueField.string(doc, o, "S", "o.S")
        let side: Side
        if doc.equals(sideToken, "SELL") { side = .long }
        else if doc.equals(sideToken, "BUY") { side = .short }
        else { throw InputError("unknown side \(VenueField.quoted(doc, sideToken)) in o.S") }

        // Trade time; the event time is the next best thing.
        let time: Millis
        if doc.member(o, "T") != nil { time = try VenueField.time(doc, o, "T", "o.T") }
        else if doc.member(root, "E") != nil { time = try VenueField.time(doc, root, "E", "E") }
        else { throw InputError("missing o.T") }

        let q = try VenueField.decimal(doc, o, "q", "o.q")
        let p = try VenueField.decimal(doc, o, "p", "o.p")
        // Average price and filled quantity are optional: older recordings lack them.
        let ap = try VenueField.optionalDecimal(doc, o, "ap", "o.ap") ?? .zero
        let z = try VenueField.optionalDecimal(doc, o, "z", "o.z") ?? .zero
        let symbol = doc.raw(symbolToken)
        let (price, quantity, usd) = amounts(symbol: symbol, quantity: q, price: p, averagePrice: ap, filled: z,
                                             coinM: coinMContractSize(symbol), book: context.instruments)
        if let facts = coinMFacts(symbol, book: context.instruments) { out.used.append(facts) }
        let liquidation = try LiquidationCheck.make(time: time, venue: context.forceOrderVenue, instrument: symbol, side: side,
                                                    price: price, quantity: quantity, usd: usd, context: context)
        out.events.append(.liquidation(liquidation))
    }

    /// The order's price, quantity and USD notional from its fields (shared with the fast path).
    /// `coinM` is `coinMContractSize(symbol)`, passed in so the fast path scans the symbol once.
    static func amounts(symbol: UnsafeBufferPointer<UInt8>, quantity q: FixedDecimal, price p: FixedDecimal,
                        averagePrice ap: FixedDecimal, filled z: FixedDecimal,
                        coinM: FixedDecimal?, book: InstrumentBook) -> (FixedDecimal, FixedDecimal, USD?) {
        if let contractUSD = coinM {
            // COIN-M: the quantity is a number of contracts, priced by the venue's own list
            // when one is loaded, else by the bundled rule.
            let price = ap.signum != 0 ? ap : p
            if !book.isEmpty, let facts = book.facts(venue: venue, instrument: symbol) {
                let (quantity, usd) = facts.amounts(contracts: q, price: price)
                return (price, quantity, usd)
            }
            return (price, q, USD.product(q, contractUSD))
        } else if ap.signum != 0 && z.signum != 0 {
            return (ap, z, USD.product(z, ap))
        } else {
            return (p, q, USD.product(q, p))
        }
    }

    static let venue = "binance"
    private static let btcContract = FixedDecimal(100)
    private static let altContract = FixedDecimal(10)
    /// When the bundled rule was written down (2026-11-25).
    static let bundledAsOf: Millis = 1_795_564_800_000

    /// USD per contract by the bundled rule when `symbol` is a COIN-M contract (`BTCUSD_PERP`,
    /// `ETHUSD_260327`: quote `USD` right before `_`), else `nil`. 100 USD for BTC, 10 USD for
    /// every other coin (Binance COIN-M contract specifications); the venue's exchangeInfo
    /// (`contractSize`), when loaded, comes first.
    static func coinMContractSize(_ symbol: UnsafeBufferPointer<UInt8>) -> FixedDecimal? {
        guard let us = symbol.firstIndex(of: 0x5F), us >= 3,
              symbol[us - 3] == 0x55, symbol[us - 2] == 0x53, symbol[us - 1] == 0x44 else { return nil } // "USD_"
        let isBTC = us == 6 && symbol[0] == 0x42 && symbol[1] == 0x54 && symbol[2] == 0x43
        return isBTC ? btcContract : altContract
    }

    /// The facts a COIN-M order of `symbol` is priced with (the book's, else the bundled
    /// rule's), for the recorder; nil for USD-M symbols and invalid names.
    static func coinMFacts(_ symbol: UnsafeBufferPointer<UInt8>, book: InstrumentBook) -> InstrumentFacts? {
        guard let size = coinMContractSize(symbol) else { return nil }
        if let facts = book.facts(venue: venue, instrument: symbol) { return facts }
        guard let name = try? LiquidationCheck.instrumentName(symbol) else { return nil }
        return InstrumentFacts(venue: venue, instrument: name, contractValue: size, unit: .usd, kind: .inverse, asOf: bundledAsOf)
    }
}

/// Field access shared by the venue parsers: each failure names the field, e.g. `missing o.S`.
enum VenueField {
    /// One liquidation (or one error) per entry of the array token `array`: a bad entry must not
    /// cost the good ones. An empty array carries nothing and is ignored.
    static func eachLiquidation(_ doc: JSONDoc, _ array: Int, into out: inout LineResults,
                                _ entry: (Int) throws(InputError) -> Liquidation) {
        var i = array + 1
        let end = Int(doc.tokens[array].next)
        if i == end { out.ignored = true; return }
        while i < end {
            do throws(InputError) {
                out.events.append(.liquidation(try entry(i)))
            } catch {
                out.errors.append(error)
            }
            i = Int(doc.tokens[i].next)
        }
    }

    static func required(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Int {
        guard let t = doc.member(obj, key) else { throw InputError("missing \(name)") }
        return t
    }

    static func object(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Int {
        try typed(doc, obj, key, name, .object, "an object")
    }

    static func array(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Int {
        try typed(doc, obj, key, name, .array, "an array")
    }

    static func string(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Int {
        try typed(doc, obj, key, name, .string, "a string")
    }

    private static func typed(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString,
                              _ kind: JSONTape.Kind, _ kindName: StaticString) throws(InputError) -> Int {
        let t = try required(doc, obj, key, name)
        guard doc.kind(t) == kind else { throw InputError("\(name) is not \(kindName)") }
        return t
    }

    static func decimal(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> FixedDecimal {
        let t = try required(doc, obj, key, name)
        do { return try doc.decimal(t) } catch { throw InputError("bad \(name): \(error.reason)") }
    }

    static func optionalDecimal(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> FixedDecimal? {
        guard doc.member(obj, key) != nil else { return nil }
        return try decimal(doc, obj, key, name)
    }

    /// Milliseconds, from a JSON number or a string of digits (OKX sends strings).
    static func time(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Millis {
        let t = try required(doc, obj, key, name)
        do { return try doc.integer(t) } catch { throw InputError("bad \(name): \(error.reason)") }
    }

    /// A short, printable rendering of an untrusted token for an error message: a hostile
    /// value must not smuggle terminal escapes or megabytes into the rejection log.
    static func quoted(_ doc: JSONDoc, _ t: Int, limit: Int = 20) -> String {
        guard doc.kind(t) == .string else { return "(not a string)" }
        return "\"" + printable(doc, t, limit: limit) + "\""
    }

    /// The token's raw text (a string's contents as written, escapes and all; a number's
    /// digits) under the one output policy, at most `limit` characters.
    static func printable(_ doc: JSONDoc, _ t: Int, limit: Int) -> String {
        SafeText.short(String(decoding: doc.raw(t), as: UTF8.self), limit: limit)
    }
}
