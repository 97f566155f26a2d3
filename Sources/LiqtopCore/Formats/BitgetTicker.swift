/// Bitget v2 futures `ticker` channel: `{"action":"snapshot","arg":{"instType":"USDT-FUTURES",
/// "channel":"ticker","instId":"BTCUSDT"},"data":[{"instId":"BTCUSDT","markPrice":"27000.0",
/// "indexPrice":"25702.4","fundingRate":"0.000010","nextFundingTime":"1695722400000",
/// "holdingAmount":"929.502",…,"ts":"1695715383021"}],"ts":1695715383039}`
/// (https://www.bitget.com/api-doc/contract/websocket/public/Tickers-Channel). Whole objects, no
/// deltas.
///
/// Units: `holdingAmount` is the open interest in the base coin ("Total holding amount" in base
/// coin; the captured STORJUSDT 8572031.1 and BTCUSDZ24 57.714 fit coins, not USD), so the size is
/// coins and the USD is left to the store. Funding: `fundingRate` per interval; delivery
/// contracts send `"fundingRate":"0"` with `"nextFundingTime":"0"`, which is no funding (a
/// perpetual's zero rate comes with its next funding time). The channel states no interval.
/// Time: the entry's `ts` (a string of ms), else the message's.
enum BitgetTicker {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let data = try VenueField.array(doc, root, "data", "data")
        for e in doc.elements(data) {
            do throws(InputError) {
                try entry(doc, e, root, context: context, into: &out)
            } catch {
                out.errors.append(error)
            }
        }
        out.ignored = true // counted only when nothing came of it
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, _ root: Int, context: DecodeContext,
                              into out: inout LineResults) throws(InputError) {
        guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
        let raw = doc.raw(try VenueField.string(doc, e, "instId", "data.instId"))
        let time = doc.member(e, "ts") != nil ? try VenueField.time(doc, e, "ts", "data.ts") : try VenueField.time(doc, root, "ts", "ts")
        var events: [Event] = []
        if let mark = try VenueField.nonEmptyDecimal(doc, e, "markPrice", "data.markPrice") {
            let index = try VenueField.nonEmptyDecimal(doc, e, "indexPrice", "data.indexPrice")
            events.append(.markPrice(try LeverageCheck.markPrice(time: time, venue: .bitget, instrument: raw, mark: mark,
                                                                 index: index, context: context)))
        }
        if let rate = try VenueField.nonEmptyDecimal(doc, e, "fundingRate", "data.fundingRate"),
           let next = try VenueField.nonEmptyDecimal(doc, e, "nextFundingTime", "data.nextFundingTime"), next.signum != 0 {
            guard next.scale == 0 else { throw InputError("bad data.nextFundingTime: expected an integer") }
            events.append(.funding(try LeverageCheck.funding(time: time, venue: .bitget, instrument: raw, rate: rate,
                                                             intervalHours: nil, nextFundingTime: next.mantissa, context: context)))
        }
        if let size = try VenueField.nonEmptyDecimal(doc, e, "holdingAmount", "data.holdingAmount") {
            events.append(.openInterest(try LeverageCheck.openInterest(time: time, venue: .bitget, instrument: raw, size: size,
                                                                       unit: .coin, usd: nil, context: context)))
        }
        out.events += events
    }
}
