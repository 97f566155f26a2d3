/// Gate futures `futures.tickers`: `{"time":1677629168,"time_ms":1677629168840,"channel":"futures.tickers",
/// "event":"update","result":[{"contract":"BTC_USDT","mark_price":"23175.64","index_price":"23173.35",
/// "funding_rate":"0.0001","total_size":"153482780",…}]}` (Gate futures WebSocket v4, tickers channel,
/// https://www.gate.com/docs/developers/futures/ws/en/#tickers-api). Whole objects; `result` is a
/// list in Gate's example, but captures also show a list of lists (2021) and a single object (2022):
/// all three are read.
///
/// Units: `total_size` counts contracts (BTC_USDT's `volume_24h` / `volume_24h_base` = 10000, i.e.
/// 0.0001 BTC each): converted to coins with the contract's `quanto_multiplier` (the instrument
/// book, then `GateContracts`) when known, else kept as `.contracts`. Gate sends no USD figure,
/// so the store values the coins at the mark. Funding: `funding_rate` per interval (the interval
/// is per contract in Gate's contract list, not in this channel: left unknown) and no next
/// funding time. Time: the message's `time_ms`, else `time` (seconds in older frames).
enum GateTicker {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let time: Millis
        if doc.member(root, "time_ms") != nil { time = try VenueField.time(doc, root, "time_ms", "time_ms") }
        else { time = GateFormat.millis(try VenueField.time(doc, root, "time", "time")) }
        let result = try VenueField.required(doc, root, "result", "result")
        var entries: [Int] = []
        switch doc.kind(result) {
        case .object: entries = [result]
        case .array:
            for e in doc.elements(result) {
                if doc.kind(e) == .array { entries += doc.elements(e) } else { entries.append(e) }
            }
        default: throw InputError("result is neither an object nor an array")
        }
        for e in entries {
            do throws(InputError) {
                out.events += try entry(doc, e, time, context: context)
            } catch {
                out.errors.append(error)
            }
        }
        out.ignored = true // counted only when nothing came of it
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, _ time: Millis, context: DecodeContext) throws(InputError) -> [Event] {
        guard doc.kind(e) == .object else { throw InputError("result entry is not an object") }
        let contract = doc.raw(try VenueField.string(doc, e, "contract", "result.contract"))
        var events: [Event] = []
        if let mark = try VenueField.nonEmptyDecimal(doc, e, "mark_price", "result.mark_price") {
            let index = try VenueField.nonEmptyDecimal(doc, e, "index_price", "result.index_price")
            events.append(.markPrice(try LeverageCheck.markPrice(time: time, venue: .gate, instrument: contract, mark: mark,
                                                                 index: index, context: context)))
        }
        if let rate = try VenueField.nonEmptyDecimal(doc, e, "funding_rate", "result.funding_rate") {
            events.append(.funding(try LeverageCheck.funding(time: time, venue: .gate, instrument: contract, rate: rate,
                                                             intervalHours: nil, nextFundingTime: nil, context: context)))
        }
        if let contracts = try VenueField.nonEmptyDecimal(doc, e, "total_size", "result.total_size") {
            var size = contracts, unit = OpenInterestUnit.contracts
            if let m = GateFormat.multiplier(contract, book: context.instruments) {
                guard let coins = FixedDecimal.exactProduct(contracts, m) else { throw InputError("open interest out of range") }
                size = coins
                unit = .coin
            }
            events.append(.openInterest(try LeverageCheck.openInterest(time: time, venue: .gate, instrument: contract, size: size,
                                                                       unit: unit, usd: nil, context: context)))
        }
        return events
    }
}
