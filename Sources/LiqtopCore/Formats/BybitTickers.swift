/// Bybit v5 `tickers.{symbol}` (linear and inverse): mark and index price, open interest, funding.
///
/// Bybit sends a `snapshot`, then `delta`s that carry only changed fields: "If a response param
/// is not found in the message, then its value has not changed"
/// (https://bybit-exchange.github.io/docs/v5/websocket/public/ticker). So each delta is merged
/// into the last known state of its symbol (`BybitTickerState`, kept by the source's decoder)
/// and a missing field is never read as zero. `""` means "no value" (inverse futures send
/// `"fundingRate":""`, `"nextFundingTime":""`): no funding event then.
///
/// A delta before any snapshot of its symbol (a capture cut mid-stream, the later part of a
/// file read in parallel) is used for the fields it carries: the rest stays unknown, not zero.
/// Dropping it would lose a whole capture, since Bybit sends a snapshot only on subscribing.
///
/// An event comes out for what a message touches: a mark price when it carries `markPrice` or
/// `indexPrice`, open interest when `openInterest` or `openInterestValue`, funding when
/// `fundingRate`, `nextFundingTime` or `fundingIntervalHour`, each with the merged values.
/// A message touching none (spot tickers, bid/ask-only deltas) is ignored. Options
/// (`BTC-6JAN23-17500-C`) are ignored: an option's mark is not the coin's price.
///
/// Units (https://bybit-exchange.github.io/docs/v5/market/open-interest: "BTCUSD(inverse) is USD,
/// BTCUSDT(linear) is BTC"): linear `openInterest` is the base coin and `openInterestValue` USD;
/// inverse `openInterest` is USD and `openInterestValue` coin (the captured BTCUSD: 449736676 and
/// 15747.08), so inverse OI is its `openInterest` in USD. Since 2026-06 Bybit documents
/// `openInterest` as counting both sides (adding `singleOpenInterest`); liqtop keeps the figure
/// as sent, like every other venue's. Funding: `fundingRate` per interval,
/// `nextFundingTime` a string of ms, `fundingIntervalHour` where sent (a string of hours).
/// Time: the message's `ts`.
enum BybitTickers {
    static func decode(_ doc: JSONDoc, _ root: Int, state: inout BybitTickerState, context: DecodeContext,
                       into out: inout LineResults) throws(InputError) {
        let type = try VenueField.string(doc, root, "type", "type")
        let snapshot: Bool
        if doc.equals(type, "snapshot") { snapshot = true } else if doc.equals(type, "delta") { snapshot = false } else {
            throw InputError("unknown ticker type \(VenueField.quoted(doc, type))")
        }
        let data = try VenueField.object(doc, root, "data", "data")
        let symbolToken = try VenueField.string(doc, data, "symbol", "data.symbol")
        let raw = doc.raw(symbolToken)
        let fields = try Fields(doc, data)
        guard fields.touchesMark || fields.touchesOpenInterest || fields.touchesFunding, !isOption(raw) else {
            out.ignored = true
            return
        }
        let time = try VenueField.time(doc, root, "ts", "ts")
        try context.checkTime(time)
        let name = try LiquidationCheck.instrumentName(raw)
        guard CoinNormalizer.coin(of: name) != nil else { throw InputError("cannot tell the coin of \(name)") }
        var ticker = snapshot ? BybitTickerState.Ticker() : state.tickers[name] ?? BybitTickerState.Ticker()
        fields.apply(to: &ticker)
        // Built before the state is kept, so a rejected message leaves the state as it was.
        var events: [Event] = []
        if fields.touchesMark, let mark = ticker.mark {
            events.append(.markPrice(try LeverageCheck.markPrice(time: time, venue: .bybit, instrument: raw, mark: mark,
                                                                 index: ticker.index, context: context)))
        }
        if fields.touchesOpenInterest, let oi = ticker.openInterest {
            let inverse = BybitFormat.isInverse(raw)
            let usd: USD?
            if inverse {
                guard let v = USD(oi) else { throw InputError("open interest out of range") }
                usd = v
            } else {
                usd = try ticker.openInterestValue.map { (v) throws(InputError) -> USD in
                    guard let u = USD(v) else { throw InputError("open interest value out of range") }
                    return u
                }
            }
            events.append(.openInterest(try LeverageCheck.openInterest(time: time, venue: .bybit, instrument: raw, size: oi,
                                                                       unit: inverse ? .usd : .coin, usd: usd, context: context)))
        }
        if fields.touchesFunding, let rate = ticker.fundingRate {
            events.append(.funding(try LeverageCheck.funding(time: time, venue: .bybit, instrument: raw, rate: rate,
                                                             intervalHours: ticker.intervalHours,
                                                             nextFundingTime: ticker.nextFundingTime, context: context)))
        }
        try state.keep(ticker, for: name)
        if events.isEmpty { out.ignored = true }
        out.events += events
    }

    /// Option symbols end in `-C`/`-P`, or carry it before a settle coin (`-C-USDT`).
    static func isOption(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 1 < s.count {
            if s[i] == 0x2D, s[i + 1] == 0x43 || s[i + 1] == 0x50, i + 2 == s.count || s[i + 2] == 0x2D { return true }
            i += 1
        }
        return false
    }

    /// The leverage fields of one message: each absent (keep the last value), empty (no value)
    /// or a value; all parsed before anything is merged.
    struct Fields {
        enum Change<T> { case absent, cleared, set(T) }
        var mark = Change<FixedDecimal>.absent, index = Change<FixedDecimal>.absent
        var openInterest = Change<FixedDecimal>.absent, openInterestValue = Change<FixedDecimal>.absent
        var fundingRate = Change<FixedDecimal>.absent, nextFundingTime = Change<Millis>.absent
        var intervalHours = Change<Int>.absent

        init(_ doc: JSONDoc, _ data: Int) throws(InputError) {
            mark = try Self.decimal(doc, data, "markPrice", "data.markPrice")
            index = try Self.decimal(doc, data, "indexPrice", "data.indexPrice")
            openInterest = try Self.decimal(doc, data, "openInterest", "data.openInterest")
            openInterestValue = try Self.decimal(doc, data, "openInterestValue", "data.openInterestValue")
            fundingRate = try Self.decimal(doc, data, "fundingRate", "data.fundingRate")
            switch try Self.decimal(doc, data, "nextFundingTime", "data.nextFundingTime") {
            case .absent: nextFundingTime = .absent
            case .cleared: nextFundingTime = .cleared
            case .set(let d):
                guard d.scale == 0 else { throw InputError("bad data.nextFundingTime: expected an integer") }
                nextFundingTime = d.mantissa == 0 ? .cleared : .set(d.mantissa)
            }
            switch try Self.decimal(doc, data, "fundingIntervalHour", "data.fundingIntervalHour") {
            case .absent: intervalHours = .absent
            case .cleared: intervalHours = .cleared
            case .set(let d):
                guard d.scale == 0, let h = Int(exactly: d.mantissa) else { throw InputError("bad data.fundingIntervalHour: expected whole hours") }
                intervalHours = .set(h)
            }
        }

        var touchesMark: Bool { !Self.isAbsent(mark) || !Self.isAbsent(index) }
        var touchesOpenInterest: Bool { !Self.isAbsent(openInterest) || !Self.isAbsent(openInterestValue) }
        var touchesFunding: Bool { !Self.isAbsent(fundingRate) || !Self.isAbsent(nextFundingTime) || !Self.isAbsent(intervalHours) }

        func apply(to t: inout BybitTickerState.Ticker) {
            Self.merge(mark, into: &t.mark)
            Self.merge(index, into: &t.index)
            Self.merge(openInterest, into: &t.openInterest)
            Self.merge(openInterestValue, into: &t.openInterestValue)
            Self.merge(fundingRate, into: &t.fundingRate)
            Self.merge(nextFundingTime, into: &t.nextFundingTime)
            Self.merge(intervalHours, into: &t.intervalHours)
        }

        private static func merge<T>(_ c: Change<T>, into v: inout T?) {
            switch c {
            case .absent: break
            case .cleared: v = nil
            case .set(let x): v = x
            }
        }

        private static func isAbsent<T>(_ c: Change<T>) -> Bool {
            if case .absent = c { return true }
            return false
        }

        private static func decimal(_ doc: JSONDoc, _ obj: Int, _ key: StaticString, _ name: StaticString) throws(InputError) -> Change<FixedDecimal> {
            guard let t = doc.member(obj, key) else { return .absent }
            if doc.kind(t) == .string, doc.raw(t).isEmpty { return .cleared }
            return .set(try VenueField.decimal(doc, obj, key, name))
        }
    }
}

/// The last known ticker of every Bybit symbol a source has sent: what a delta is merged into.
/// One per source (the `InputDecoder`), never shared: two connections' deltas must not mix.
public struct BybitTickerState: Sendable {
    struct Ticker: Sendable, Hashable {
        var mark: FixedDecimal?
        var index: FixedDecimal?
        var openInterest: FixedDecimal?
        var openInterestValue: FixedDecimal?
        var fundingRate: FixedDecimal?
        var nextFundingTime: Millis?
        var intervalHours: Int?
    }

    /// Bybit lists about a thousand linear and inverse contracts; a source naming more symbols
    /// than this is hostile, and must not grow the state without bound.
    public static let maxSymbols = 5_000

    var tickers: [String: Ticker] = [:]

    public init() {}

    mutating func keep(_ t: Ticker, for symbol: String) throws(InputError) {
        if tickers[symbol] == nil, tickers.count >= Self.maxSymbols {
            throw InputError("more than \(Self.maxSymbols) Bybit ticker symbols in one source")
        }
        tickers[symbol] = t
    }
}

/// The per-source state of the ticker decoders whose venues send deltas.
public struct TickerState: Sendable {
    var bybit = BybitTickerState()
    var bitmex = BitMEXInstrumentState()

    public init() {}

    /// A decoder's state behind one reference (see `InputDecoder.tickers`).
    final class Box {
        var state: TickerState
        init(_ state: TickerState = TickerState()) { self.state = state }
    }
}
