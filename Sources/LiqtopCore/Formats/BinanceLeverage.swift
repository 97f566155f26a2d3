/// Binance futures mark price, funding and open interest (USD-M `fstream`, COIN-M `dstream`).
///
/// `markPriceUpdate` (`<symbol>@markPrice[@1s]`, and `!markPrice@arr[@1s]`, an array of every
/// USD-M symbol): `{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000",
/// "i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}` — `p` mark, `i`
/// index, `r` funding rate, `T` next funding time (Binance's Mark Price Stream pages,
/// https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Mark-Price-Stream
/// and .../coin-margined-futures/websocket-market-streams/Mark-Price-Stream). Delivery contracts
/// have no funding: COIN-M documents `"r":""` and `"T":0`, a captured USD-M quarterly sends
/// `"r":"0.00000000"`, `"T":0`, a 2020 COIN-M frame neither; so a rate counts only with a
/// non-empty `r` and a non-zero `T`. The stream states no funding interval (that is
/// `GET /fapi/v1/fundingInfo`, 8 h unless listed): the interval is left unknown, not guessed.
/// Time: `E`, the event time.
///
/// Open interest has no stream: `GET /fapi/v1/openInterest` answers
/// `{"openInterest":"10659.509","symbol":"BTCUSDT","time":1589437530011}`
/// (https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Open-Interest),
/// `/dapi/v1/openInterest` adds `pair` and `contractType`. Units: USD-M `openInterest` is the base
/// coin (Binance's page states no unit; Amberdata's unit table, https://docs.amberdata.io/reference/futures-open-interest-information,
/// and the captured 26286.181 for BTCUSDT in 2020 agree); COIN-M counts contracts ("unit: cont",
/// https://developers.binance.me/docs/derivatives/coin-margined-futures/market-data/Open-Interest-Statistics),
/// converted with the instrument book's contract size when one is loaded, else kept as
/// `.contracts` (the store cannot value those; never a guessed size). A body without `time`
/// (some captures) is dated by `DecodeContext.receivedAt`, and refused without it.
enum BinanceLeverage {
    /// One `markPriceUpdate` object: a mark price, and a funding rate on perpetuals.
    static func markPrice(_ doc: JSONDoc, _ obj: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let symbol = try VenueField.string(doc, obj, "s", "s")
        let time = try VenueField.time(doc, obj, "E", "E")
        let mark = try VenueField.decimal(doc, obj, "p", "p")
        let index = try VenueField.nonEmptyDecimal(doc, obj, "i", "i")
        let venue = context.forceOrderVenue // Aster sends these frames byte for byte too
        let raw = doc.raw(symbol)
        let price = try LeverageCheck.markPrice(time: time, venue: venue, instrument: raw, mark: mark, index: index, context: context)
        var funding: FundingRate?
        if let rate = try VenueField.nonEmptyDecimal(doc, obj, "r", "r"), doc.member(obj, "T") != nil {
            let next = try VenueField.time(doc, obj, "T", "T")
            if next != 0 {
                funding = try LeverageCheck.funding(time: time, venue: venue, instrument: raw, rate: rate,
                                                    intervalHours: nil, nextFundingTime: next, context: context)
            }
        }
        out.events.append(.markPrice(price))
        if let funding { out.events.append(.funding(funding)) }
    }

    /// `!markPrice@arr`: one entry per symbol; a bad entry must not cost the good ones, and
    /// entries of other event types are not used.
    static func markPriceArray(_ doc: JSONDoc, _ array: Int, context: DecodeContext, into out: inout LineResults) {
        for e in doc.elements(array) {
            do throws(InputError) {
                guard doc.kind(e) == .object else { throw InputError("array entry is not an object") }
                guard let type = doc.member(e, "e"), doc.equals(type, "markPriceUpdate") else { continue }
                try markPrice(doc, e, context: context, into: &out)
            } catch {
                out.errors.append(error)
            }
        }
        out.ignored = true // counted only when nothing came of it
    }

    /// Whether a Binance array frame is one this decoder reads: its first entry is a Binance event.
    static func isEventArray(_ doc: JSONDoc, _ array: Int) -> Bool {
        guard doc.kind(array) == .array, doc.tokens[array].next > array + 1 else { return false }
        let first = array + 1
        return doc.kind(first) == .object && doc.member(first, "e") != nil
    }

    /// A `/fapi/v1/openInterest` or `/dapi/v1/openInterest` body.
    static func openInterest(_ doc: JSONDoc, _ obj: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let symbol = try VenueField.string(doc, obj, "symbol", "symbol")
        let amount = try VenueField.decimal(doc, obj, "openInterest", "openInterest")
        let time: Millis
        if doc.member(obj, "time") != nil {
            time = try VenueField.time(doc, obj, "time", "time")
        } else if let received = context.receivedAt {
            time = received
        } else {
            throw InputError("Binance open interest has no time: only a live poll (or liqtop's recording of one) can date it")
        }
        let raw = doc.raw(symbol)
        var size = amount, unit = OpenInterestUnit.coin, usd: USD?
        if BinanceFormat.coinMContractSize(raw) != nil {
            unit = .contracts
            if let facts = context.instruments.facts(venue: BinanceFormat.venue, instrument: raw) {
                guard let converted = FixedDecimal.exactProduct(amount, facts.contractValue) else {
                    throw InputError("open interest out of range")
                }
                size = converted
                if facts.unit == .usd {
                    unit = .usd
                    guard let v = USD(converted) else { throw InputError("open interest out of range") }
                    usd = v
                } else {
                    unit = .coin
                }
                out.used.append(facts)
            }
        }
        out.events.append(.openInterest(try LeverageCheck.openInterest(time: time, venue: context.forceOrderVenue, instrument: raw,
                                                                       size: size, unit: unit, usd: usd, context: context)))
    }

    /// Whether `obj` is an open-interest REST body (no event type; `symbol` and `openInterest`).
    static func isOpenInterestBody(_ doc: JSONDoc, _ obj: Int) -> Bool {
        doc.member(obj, "openInterest") != nil && doc.member(obj, "symbol") != nil && doc.member(obj, "e") == nil
    }
}
