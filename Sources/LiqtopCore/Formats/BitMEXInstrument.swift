/// BitMEX `instrument` table: mark price, funding and open interest per contract.
///
/// `partial` (on subscribing) and `insert` send whole objects, `update` only the fields that
/// changed, `{"table":"instrument","action":"update","data":[{"symbol":"ETHUSD","openInterest":58922153}]}`
/// (BitMEX WebSocket API, https://www.bitmex.com/app/wsAPI: "update" carries the keys and the
/// changed values), so each update is merged into the symbol's last known state
/// (`BitMEXInstrumentState`, per source) and a missing field is never read as zero; an update
/// before any partial is used for what it carries. An event comes out for what a message
/// touches: `markPrice`, `openInterest`, or `fundingRate`/`fundingTimestamp`/`fundingInterval`.
///
/// Units (BitMEX API explorer, model `Instrument`): `markPrice` is in the quote currency, so it
/// is a price only for contracts quoted in USD/USDT/USDC (`quoteCurrency`, else the name's
/// ending); ETHM19 is quoted in XBT and gives no mark price. `openInterest` counts contracts:
/// converted with the instrument book's facts (`--instruments` with `GET /api/v1/instrument`),
/// XBTUSD by its contract specification (1 USD each, as `BitMEXFormat`), else kept as contracts.
/// `fundingRate` per interval; `fundingTimestamp` the next funding; `fundingInterval` a time
/// after 2000-01-01 (`"2000-01-01T08:00:00.000Z"` is 8 h). Time: the entry's `timestamp`, else
/// `DecodeContext.receivedAt` (updates may carry none), refused without either. BitMEX writes
/// bitcoin as XBT: the coin is BTC.
enum BitMEXInstrument {
    static func decode(_ doc: JSONDoc, _ root: Int, state: inout BitMEXInstrumentState, context: DecodeContext,
                       into out: inout LineResults) throws(InputError) {
        let action = try VenueField.string(doc, root, "action", "action")
        let whole = doc.equals(action, "partial") || doc.equals(action, "insert")
        guard whole || doc.equals(action, "update") else { out.ignored = true; return } // delete
        let data = try VenueField.array(doc, root, "data", "data")
        for e in doc.elements(data) {
            do throws(InputError) {
                try entry(doc, e, whole: whole, state: &state, context: context, into: &out)
            } catch {
                out.errors.append(error)
            }
        }
        out.ignored = true // counted only when nothing came of it
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, whole: Bool, state: inout BitMEXInstrumentState,
                              context: DecodeContext, into out: inout LineResults) throws(InputError) {
        guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
        let raw = doc.raw(try VenueField.string(doc, e, "symbol", "data.symbol"))
        let name = try LiquidationCheck.instrumentName(raw)
        var s = whole ? BitMEXInstrumentState.Instrument() : state.instruments[name] ?? BitMEXInstrumentState.Instrument()
        if let q = doc.member(e, "quoteCurrency") { s.quote = doc.kind(q) == .string ? doc.string(q) : nil }
        if let r = doc.member(e, "rootSymbol") { s.root = doc.kind(r) == .string ? doc.string(r) : nil }
        let touchesMark = try merge(doc, e, "markPrice", "data.markPrice", into: &s.mark)
        let touchesOI = try merge(doc, e, "openInterest", "data.openInterest", into: &s.openInterest)
        var touchesFunding = try merge(doc, e, "fundingRate", "data.fundingRate", into: &s.fundingRate)
        if let t = doc.member(e, "fundingTimestamp") {
            touchesFunding = true
            s.nextFunding = doc.kind(t) == .null ? nil : try isoTime(doc, t, "data.fundingTimestamp")
        }
        if let t = doc.member(e, "fundingInterval") {
            touchesFunding = true
            s.intervalHours = nil
            if doc.kind(t) != .null {
                let span = try isoTime(doc, t, "data.fundingInterval") - Self.intervalEpoch
                s.intervalHours = LeverageCheck.intervalHours(from: 0, to: span)
            }
        }
        var events: [Event] = []
        if touchesMark || touchesOI || touchesFunding {
            let time: Millis
            if let t = doc.member(e, "timestamp"), doc.kind(t) != .null { time = try isoTime(doc, t, "data.timestamp") }
            else if let received = context.receivedAt { time = received }
            else { throw InputError("BitMEX instrument update has no timestamp: only a live connection (or liqtop's recording of one) can date it") }
            if touchesMark, let mark = s.mark, isQuotedInUSD(raw, s.quote) {
                var m = try LeverageCheck.markPrice(time: time, venue: .bitmex, instrument: raw, mark: mark, index: nil, context: context)
                m.coin = coin(name, s.root)
                events.append(.markPrice(m))
            }
            if touchesFunding, let rate = s.fundingRate {
                var f = try LeverageCheck.funding(time: time, venue: .bitmex, instrument: raw, rate: rate,
                                                  intervalHours: s.intervalHours, nextFundingTime: s.nextFunding, context: context)
                f.coin = coin(name, s.root)
                events.append(.funding(f))
            }
            if touchesOI, let contracts = s.openInterest {
                var size = contracts, unit = OpenInterestUnit.contracts, usd: USD?
                let facts = context.instruments.facts(venue: "bitmex", instrument: raw)
                    ?? (name == "XBTUSD" ? InstrumentFacts(venue: "bitmex", instrument: name, contractValue: FixedDecimal(1), unit: .usd, kind: .inverse, asOf: 0) : nil)
                if let facts {
                    guard let v = FixedDecimal.exactProduct(contracts, facts.contractValue) else { throw InputError("open interest out of range") }
                    size = v
                    unit = facts.unit == .usd ? .usd : .coin
                    if unit == .usd {
                        guard let u = USD(v) else { throw InputError("open interest out of range") }
                        usd = u
                    }
                }
                var o = try LeverageCheck.openInterest(time: time, venue: .bitmex, instrument: raw, size: size, unit: unit, usd: usd, context: context)
                o.coin = coin(name, s.root)
                events.append(.openInterest(o))
            }
        }
        try state.keep(s, for: name)
        out.events += events
    }

    /// `fundingInterval` is written as a time after this instant.
    static let intervalEpoch: Millis = 946_684_800_000 // 2000-01-01T00:00:00Z

    /// The contract's `rootSymbol` when sent (`ETHM19` is ETH), else the name without a futures
    /// month code and year; XBT is BTC.
    static func coin(_ name: String, _ root: String?) -> String {
        var c = root.flatMap { r in r.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) } && !r.isEmpty && r.count <= CoinNormalizer.maxLength ? r : nil }
        if c == nil {
            let u = Array(name.utf8)
            let n = u.count
            let dated = n >= 5 && (0x30 ... 0x39).contains(u[n - 1]) && (0x30 ... 0x39).contains(u[n - 2]) && BybitFormat.isMonthCode(u[n - 3])
            c = CoinNormalizer.coin(of: dated ? String(decoding: u[..<(n - 3)], as: UTF8.self) : name)
        }
        guard let coin = c ?? CoinNormalizer.coin(of: name) else { return name } // checked non-nil before
        return coin == "XBT" ? "BTC" : coin
    }

    private static func isQuotedInUSD(_ raw: UnsafeBufferPointer<UInt8>, _ quote: String?) -> Bool {
        if let quote { return quote == "USD" || quote == "USDT" || quote == "USDC" }
        let s = String(decoding: raw, as: UTF8.self)
        return s.hasSuffix("USD") || s.hasSuffix("USDT") || s.hasSuffix("USDC")
    }

    /// Merges a number field (absent: keep; null: no value) and says whether the entry carried it.
    private static func merge(_ doc: JSONDoc, _ e: Int, _ key: StaticString, _ name: StaticString,
                              into v: inout FixedDecimal?) throws(InputError) -> Bool {
        guard let t = doc.member(e, key) else { return false }
        v = doc.kind(t) == .null ? nil : try VenueField.decimal(doc, e, key, name)
        return true
    }

    private static func isoTime(_ doc: JSONDoc, _ t: Int, _ name: String) throws(InputError) -> Millis {
        guard doc.kind(t) == .string, let s = doc.string(t), let ms = ISOTime.parse(s) else {
            throw InputError("bad \(name): not an ISO-8601 time")
        }
        return ms
    }
}

/// The last known `instrument` row of every BitMEX symbol a source has sent.
public struct BitMEXInstrumentState: Sendable {
    struct Instrument: Sendable, Hashable {
        var quote: String?
        var root: String?
        var mark: FixedDecimal?
        var openInterest: FixedDecimal?
        var fundingRate: FixedDecimal?
        var nextFunding: Millis?
        var intervalHours: Int?
    }

    /// BitMEX lists a few hundred instruments; more symbols than this is a hostile source.
    public static let maxSymbols = 5_000

    var instruments: [String: Instrument] = [:]

    public init() {}

    mutating func keep(_ i: Instrument, for symbol: String) throws(InputError) {
        if instruments[symbol] == nil, instruments.count >= Self.maxSymbols {
            throw InputError("more than \(Self.maxSymbols) BitMEX instruments in one source")
        }
        instruments[symbol] = i
    }
}
