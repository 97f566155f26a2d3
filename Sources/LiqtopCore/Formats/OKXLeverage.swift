/// OKX v5 public channels `mark-price`, `funding-rate` and `open-interest` (one instrument per
/// subscription; `data` holds whole objects, no deltas).
///
/// - `mark-price`: `{"instType":"MARGIN","instId":"BTC-USDT","markPx":"42310.6","ts":"1630049139746"}`
///   (https://www.okx.com/docs-v5/en/#public-data-websocket-mark-price-channel). No index price.
/// - `funding-rate`: `fundingRate` is the rate of the current period, settled at `fundingTime`
///   (so that is the event's next funding time); OKX states no interval (8 h now, changeable per
///   swap to 6/4/2/1 h), so it is inferred as `nextFundingTime − fundingTime` in whole hours
///   (https://www.okx.com/docs-v5/en/#public-data-websocket-funding-rate-channel, read from a copy).
///   An entry without `fundingRate` (a 2021 capture of a newly listed swap) carries no rate
///   and is rejected, so the gap shows in the counts rather than as a zero rate.
/// - `open-interest`: `oi` contracts, `oiCcy` coin, `oiUsd` USD
///   (https://www.okx.com/docs-v5/en/#public-data-websocket-open-interest-channel): the size is
///   `oiCcy` in coins and the USD OKX's own `oiUsd` when sent (2021 captures lack it; the store
///   then values the coins at the mark).
///
/// Options are ignored: an option's `markPx` is in the underlying coin, not its price, and its
/// open interest is not the futures leverage the panel shows. Time: each entry's `ts` (a string
/// of ms); an entry without one (2021 funding captures) is dated by `DecodeContext.receivedAt`,
/// and refused without it.
enum OKXLeverage {
    enum Channel { case markPrice, fundingRate, openInterest }

    static func channel(_ doc: JSONDoc, _ token: Int) -> Channel? {
        if doc.equals(token, "mark-price") { return .markPrice }
        if doc.equals(token, "funding-rate") { return .fundingRate }
        if doc.equals(token, "open-interest") { return .openInterest }
        return nil
    }

    static func decode(_ doc: JSONDoc, _ root: Int, _ channel: Channel, context: DecodeContext,
                       into out: inout LineResults) throws(InputError) {
        let data = try VenueField.array(doc, root, "data", "data")
        for e in doc.elements(data) {
            do throws(InputError) {
                guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
                if let type = doc.member(e, "instType"), doc.equals(type, "OPTION") { continue }
                out.events.append(try entry(doc, e, channel, context: context))
            } catch {
                out.errors.append(error)
            }
        }
        out.ignored = true // counted only when nothing came of it
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, _ channel: Channel, context: DecodeContext) throws(InputError) -> Event {
        let instId = doc.raw(try VenueField.string(doc, e, "instId", "data.instId"))
        switch channel {
        case .markPrice:
            let mark = try VenueField.decimal(doc, e, "markPx", "data.markPx")
            return .markPrice(try LeverageCheck.markPrice(time: try time(doc, e, context), venue: .okx, instrument: instId,
                                                          mark: mark, index: nil, context: context))
        case .fundingRate:
            guard let rate = try VenueField.nonEmptyDecimal(doc, e, "fundingRate", "data.fundingRate") else {
                throw InputError("OKX funding-rate entry has no fundingRate")
            }
            let settles = try optionalTime(doc, e, "fundingTime", "data.fundingTime")
            let following = try optionalTime(doc, e, "nextFundingTime", "data.nextFundingTime")
            var hours: Int?
            if let settles, let following { hours = LeverageCheck.intervalHours(from: settles, to: following) }
            return .funding(try LeverageCheck.funding(time: try time(doc, e, context), venue: .okx, instrument: instId, rate: rate,
                                                      intervalHours: hours, nextFundingTime: settles, context: context))
        case .openInterest:
            let coins = try VenueField.decimal(doc, e, "oiCcy", "data.oiCcy")
            var usd: USD?
            if let v = try VenueField.nonEmptyDecimal(doc, e, "oiUsd", "data.oiUsd") {
                guard let u = USD(v) else { throw InputError("bad data.oiUsd: out of range") }
                usd = u
            }
            return .openInterest(try LeverageCheck.openInterest(time: try time(doc, e, context), venue: .okx, instrument: instId,
                                                                size: coins, unit: .coin, usd: usd, context: context))
        }
    }

    private static func time(_ doc: JSONDoc, _ e: Int, _ context: DecodeContext) throws(InputError) -> Millis {
        if doc.member(e, "ts") != nil { return try VenueField.time(doc, e, "ts", "data.ts") }
        if let received = context.receivedAt { return received }
        throw InputError("OKX entry has no ts: only a live connection (or liqtop's recording of one) can date it")
    }

    /// A time in ms that may be absent or `""`.
    private static func optionalTime(_ doc: JSONDoc, _ e: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Millis? {
        guard let t = doc.member(e, key) else { return nil }
        if doc.kind(t) == .string, doc.raw(t).isEmpty { return nil }
        let ms = try VenueField.time(doc, e, key, name)
        return ms == 0 ? nil : ms
    }
}
