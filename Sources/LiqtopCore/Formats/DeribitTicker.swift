/// Deribit `ticker.{instrument_name}.{interval}` notifications: `{"jsonrpc":"2.0","method":"subscription",
/// "params":{"channel":"ticker.BTC-PERPETUAL.raw","data":{"timestamp":…,"mark_price":10094.1,
/// "index_price":10091.15,"open_interest":66128281,"funding_8h":0.00016281,"current_funding":0.0,
/// "instrument_name":"BTC-PERPETUAL",…}}}` (https://docs.deribit.com/subscriptions/market-data/tickerinstrument_nameinterval).
/// Whole objects, numbers rather than strings (read exactly from their digits).
///
/// Only perpetuals and futures are read (`BTC-PERPETUAL`, `BTC_USDC-PERPETUAL`, `BTC-27DEC24`:
/// one `-`); options, spreads and combos (`BTC-5JUN20-9250-C`, `BTC-FS-30SEP22_PERP`,
/// `BTC-STRD-30SEP22-20000`) are ignored: their mark is a premium or a spread, not the coin's price.
///
/// Units: `open_interest` is "in USD units" for perpetual and inverse futures and "in the
/// underlying base currency coin" for options and linear futures (Deribit's field text, via
/// https://schemas.apis.io/schemas/deribit/open_interest/), so `BTC-PERPETUAL` is USD and
/// `BTC_USDC-PERPETUAL` coins. Funding: Deribit funds continuously; `funding_8h` is the rate over
/// the last 8 hours, read as an 8-hour interval (`current_funding` is the instant rate), and there
/// is no next funding time. Futures carry no funding. Time: `timestamp`.
enum DeribitTicker {
    static func decode(_ doc: JSONDoc, _ params: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let data = try VenueField.object(doc, params, "data", "params.data")
        let raw = doc.raw(try VenueField.string(doc, data, "instrument_name", "data.instrument_name"))
        guard raw.count(where: { $0 == 0x2D }) == 1 else { out.ignored = true; return }
        let time = try VenueField.time(doc, data, "timestamp", "data.timestamp")
        var events: [Event] = []
        if let mark = try number(doc, data, "mark_price", "data.mark_price") {
            let index = try number(doc, data, "index_price", "data.index_price")
            events.append(.markPrice(try LeverageCheck.markPrice(time: time, venue: .deribit, instrument: raw, mark: mark,
                                                                 index: index, context: context)))
        }
        if isPerpetual(raw), let rate = try number(doc, data, "funding_8h", "data.funding_8h") {
            events.append(.funding(try LeverageCheck.funding(time: time, venue: .deribit, instrument: raw, rate: rate,
                                                             intervalHours: 8, nextFundingTime: nil, context: context)))
        }
        if let oi = try number(doc, data, "open_interest", "data.open_interest") {
            let linear = DeribitFormat.isLinear(raw)
            var usd: USD?
            if !linear {
                guard let v = USD(oi) else { throw InputError("open interest out of range") }
                usd = v
            }
            events.append(.openInterest(try LeverageCheck.openInterest(time: time, venue: .deribit, instrument: raw, size: oi,
                                                                       unit: linear ? .coin : .usd, usd: usd, context: context)))
        }
        if events.isEmpty { out.ignored = true }
        out.events += events
    }

    static func isPerpetual(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let suffix: StaticString = "-PERPETUAL"
        let n = suffix.utf8CodeUnitCount
        guard s.count > n else { return false }
        let p = suffix.utf8Start
        for k in 0 ..< n where s[s.count - n + k] != p[k] { return false }
        return true
    }

    /// A number field that may be absent or `null` (nil then).
    private static func number(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> FixedDecimal? {
        guard let t = doc.member(obj, key), doc.kind(t) != .null else { return nil }
        return try VenueField.decimal(doc, obj, key, name)
    }
}
