/// liqtop's own recording format: NDJSON, one event per line, tagged by `"type"`.
///
/// Times are integer milliseconds (ISO-8601 strings are accepted on input), decimals are JSON
/// strings so no reader ever routes money through binary floating point. Every line is
/// validated as strictly as a venue message: a recording is a file like any other.
public enum NativeFormat {
    public static let maxEtfFlowUSD = USD(dollars: 100_000_000_000)
    public static let maxNoteSource = 100
    public static let maxNoteText = 4000
    /// Interest rates in percent: anything outside is a broken cell, not a rate. FRED imports
    /// check the same range, so every rate liqtop accepts also replays from its own recording.
    public static let ratePercentRange = FixedDecimal(-100) ... FixedDecimal(100)

    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let type = try field(doc, root, "type")
        if doc.equals(type, "liquidation") {
            out.events.append(.liquidation(try liquidation(doc, root, context)))
        } else if doc.equals(type, "etf_flow") {
            out.events.append(.etfFlow(try etfFlow(doc, root, context)))
        } else if doc.equals(type, "note") {
            out.events.append(.note(try note(doc, root, context)))
        } else if doc.equals(type, "rate") {
            out.events.append(.rate(try rate(doc, root, context)))
        } else if doc.equals(type, "cut_odds") {
            out.events.append(.cutOdds(try cutOdds(doc, root)))
        } else if doc.equals(type, "daily_liquidations") {
            out.events.append(.dailyTotals(try dailyTotals(doc, root, context)))
        } else if doc.equals(type, "mark_price") {
            out.events.append(.markPrice(try markPrice(doc, root, context)))
        } else if doc.equals(type, "funding") {
            out.events.append(.funding(try funding(doc, root, context)))
        } else if doc.equals(type, "open_interest") {
            out.events.append(.openInterest(try openInterest(doc, root, context)))
        } else if doc.equals(type, "instrument") {
            // Not an event: it prices the lines after it (the decoder adds it to its book).
            out.learned.append(try instrument(doc, root, context))
        } else {
            throw InputError("unknown type \(printable(doc.string(type) ?? ""))")
        }
    }

    // MARK: - One decoder per line type

    private static func liquidation(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> Liquidation {
        let time = try time(doc, try field(doc, root, "time"))
        let venueText = try string(doc, try field(doc, root, "venue"), "venue")
        guard let venue = Venue(rawValue: venueText) else { throw InputError("unknown venue \(printable(venueText))") }
        // liqtop never writes one (no importer makes one), so such a line was made by hand.
        guard venue.publishesLiquidations else { throw InputError("venue \(venue.rawValue) publishes no liquidations") }
        let instrument = try field(doc, root, "instrument")
        guard doc.kind(instrument) == .string else { throw InputError("instrument must be a string") }
        let coin = try token(doc, try field(doc, root, "coin"), "coin", maxLength: CoinNormalizer.maxLength, underscore: false)
        let side = try side(doc, try field(doc, root, "side"))
        let price = try decimal(doc, root, "price")
        let quantity = try decimal(doc, root, "qty")
        let usd = USD(try decimal(doc, root, "usd"))
        var liq = try LiquidationCheck.make(time: time, venue: venue, instrument: doc.raw(instrument), side: side,
                                            price: price, quantity: quantity, usd: usd, context: context)
        // The recording already says which coin this was; keep it even if the normalizer has
        // since learned a different answer, so a replay shows what was seen.
        liq.coin = coin
        return liq
    }

    private static func etfFlow(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> EtfFlow {
        let day = try day(doc, try field(doc, root, "date"), "date")
        try context.checkTime(day.start)
        let assetText = try string(doc, try field(doc, root, "asset"), "asset")
        guard let asset = EtfAsset(rawValue: assetText) else { throw InputError("unknown ETF asset \(printable(assetText))") }
        let fund = try token(doc, try field(doc, root, "fund"), "fund", maxLength: 10, underscore: false)
        guard let usd = USD(try decimal(doc, root, "usd")) else { throw InputError("ETF flow usd out of range") }
        guard usd.micros.magnitude <= maxEtfFlowUSD.micros.magnitude else {
            throw InputError("ETF flow over $100B: implausible")
        }
        let coins = try optionalDecimal(doc, root, "coins")
        let price = try optionalDecimal(doc, root, "price")
        if let price, !price.isPositive { throw InputError("ETF reference price is zero or negative") }
        return EtfFlow(day: day, asset: asset, fund: fund, netUSD: usd, coins: coins, referencePrice: price)
    }

    private static func note(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> MacroNote {
        let time = try time(doc, try field(doc, root, "time"))
        try context.checkTime(time)
        let source = try string(doc, try field(doc, root, "source"), "source")
        let text = try string(doc, try field(doc, root, "text"), "text")
        guard (1 ... maxNoteSource).contains(source.count) else { throw InputError("note source must be 1...\(maxNoteSource) characters") }
        // Byte length bounds the character count from above, so most texts skip the count.
        guard !text.isEmpty, text.utf8.count <= maxNoteText || text.count <= maxNoteText else {
            throw InputError("note text must be 1...\(maxNoteText) characters")
        }
        return MacroNote(time: time, source: source, text: text)
    }

    private static func rate(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> RatePoint {
        let day = try day(doc, try field(doc, root, "date"), "date")
        // Rate series reach back decades, so only the future is refused.
        guard day.start <= context.now + DecodeContext.maxFutureSkew else { throw InputError("rate date in the future") }
        let series = try token(doc, try field(doc, root, "series"), "series", maxLength: 30, underscore: true)
        let value = try decimal(doc, root, "value")
        guard ratePercentRange.contains(value) else { throw InputError("rate outside \(rateRangeText) percent") }
        return RatePoint(day: day, series: series, value: value)
    }

    private static func cutOdds(_ doc: JSONDoc, _ root: Int) throws(InputError) -> CutOdds {
        // Meetings are usually in the future: no clock check here.
        let meeting = try day(doc, try field(doc, root, "meeting"), "meeting")
        let range = try field(doc, root, "range")
        guard doc.kind(range) == .string, isTargetRange(doc.raw(range)) else {
            throw InputError("range must look like 3.50-3.75")
        }
        let probability = try decimal(doc, root, "probability")
        guard probability.signum >= 0, probability <= FixedDecimal(100) else {
            throw InputError("probability outside 0...100")
        }
        return CutOdds(meeting: meeting, targetRange: String(decoding: doc.raw(range), as: UTF8.self),
                       probabilityPercent: probability)
    }

    private static func dailyTotals(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> DailyLiquidationTotals {
        let day = try day(doc, try field(doc, root, "date"), "date")
        try context.checkTime(day.start)
        guard let longs = USD(try decimal(doc, root, "long_usd")),
              let shorts = USD(try decimal(doc, root, "short_usd")) else { throw InputError("daily total out of range") }
        guard longs.micros >= 0, shorts.micros >= 0 else { throw InputError("daily total is negative") }
        return DailyLiquidationTotals(day: day, longUSD: longs, shortUSD: shorts)
    }

    /// `{"type":"instrument","venue":"okx","instrument":"CELO-USDT-SWAP","contract_value":"10",
    /// "unit":"coin","contract_type":"linear","as_of":1768348800000}`: what one contract was
    /// worth when the recording was made, so raw lines after it price as they did live.
    private static func instrument(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> InstrumentFacts {
        let venue = try field(doc, root, "venue")
        guard doc.kind(venue) == .string, InstrumentFacts.isVenueName(doc.raw(venue)) else {
            throw InputError("venue must be 1...20 of a-z 0-9")
        }
        let name = try field(doc, root, "instrument")
        guard doc.kind(name) == .string else { throw InputError("instrument must be a string") }
        let instrument = try LiquidationCheck.instrumentName(doc.raw(name))
        let value = try decimal(doc, root, "contract_value")
        guard value.isPositive else { throw InputError("contract_value must be positive") }
        let unitToken = try field(doc, root, "unit")
        let unit: InstrumentFacts.Unit
        if doc.equals(unitToken, "coin") { unit = .coin } else if doc.equals(unitToken, "usd") { unit = .usd } else {
            throw InputError("unit must be coin or usd")
        }
        let kindToken = try field(doc, root, "contract_type")
        let kind: InstrumentFacts.Kind
        if doc.equals(kindToken, "linear") { kind = .linear } else if doc.equals(kindToken, "inverse") { kind = .inverse } else {
            throw InputError("contract_type must be linear or inverse")
        }
        // A linear contract is an amount of coin, an inverse one an amount of USD: anything
        // else would be priced by a rule no venue states.
        guard (kind == .linear) == (unit == .coin) else { throw InputError("a \(kind.rawValue) contract cannot be valued in \(unit.rawValue)") }
        let asOf = try time(doc, try field(doc, root, "as_of"))
        try context.checkTime(asOf)
        return InstrumentFacts(venue: String(decoding: doc.raw(venue), as: UTF8.self), instrument: instrument,
                               contractValue: value, unit: unit, kind: kind, asOf: asOf)
    }

    // MARK: - Leverage lines (mark price, funding, open interest)

    /// `{"type":"mark_price","time":…,"venue":"binance","instrument":"BTCUSDT","coin":"BTC",
    /// "mark":"97000.5","index":"96990.1"}` (`index` optional).
    private static func markPrice(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> MarkPrice {
        let (time, venue, instrument, coin) = try leverageHead(doc, root, context)
        let mark = try decimalString(doc, root, "mark")
        let index = try optionalDecimalString(doc, root, "index")
        try LeverageCheck.checkPrices(mark: mark, index: index)
        return MarkPrice(time: time, venue: venue, instrument: instrument, coin: coin, mark: mark, index: index)
    }

    /// `{"type":"funding","time":…,"venue":"okx","instrument":"BTC-USDT-SWAP","coin":"BTC",
    /// "rate":"0.0001","interval_h":8,"next_funding_time":…}` (the last two optional).
    private static func funding(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> FundingRate {
        let (time, venue, instrument, coin) = try leverageHead(doc, root, context)
        let rate = try decimalString(doc, root, "rate")
        var hours: Int?
        if let t = doc.member(root, "interval_h") {
            guard doc.kind(t) == .number, let h = try? doc.integer(t), let small = Int(exactly: h) else {
                throw InputError("interval_h must be a whole number of hours")
            }
            hours = small
        }
        var next: Millis?
        if let t = doc.member(root, "next_funding_time") { next = try self.time(doc, t) }
        try LeverageCheck.checkFunding(time: time, rate: rate, intervalHours: hours, nextFundingTime: next)
        return FundingRate(time: time, venue: venue, instrument: instrument, coin: coin, rate: rate,
                           intervalHours: hours, nextFundingTime: next)
    }

    /// `{"type":"open_interest","time":…,"venue":"bybit","instrument":"BTCUSDT","coin":"BTC",
    /// "size":"52774.528","unit":"coin","usd":"1506861070.82"}` (`usd` optional).
    private static func openInterest(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> OpenInterest {
        let (time, venue, instrument, coin) = try leverageHead(doc, root, context)
        let size = try decimalString(doc, root, "size")
        let unitToken = try field(doc, root, "unit")
        guard let unitText = doc.kind(unitToken) == .string ? doc.string(unitToken) : nil,
              let unit = OpenInterestUnit(rawValue: unitText) else {
            throw InputError("unit must be one of \(OpenInterestUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var usd: USD?
        if doc.member(root, "usd") != nil {
            guard let v = USD(try decimalString(doc, root, "usd")) else { throw InputError("usd out of range") }
            usd = v
        }
        try LeverageCheck.checkOpenInterest(size: size, usd: usd)
        return OpenInterest(time: time, venue: venue, instrument: instrument, coin: coin, size: size, unit: unit, usd: usd)
    }

    /// The fields every leverage line starts with, checked as a liquidation's are.
    private static func leverageHead(_ doc: JSONDoc, _ root: Int, _ context: DecodeContext) throws(InputError) -> (Millis, Venue, String, String) {
        let time = try time(doc, try field(doc, root, "time"))
        try context.checkTime(time)
        let venueText = try string(doc, try field(doc, root, "venue"), "venue")
        guard let venue = Venue(rawValue: venueText) else { throw InputError("unknown venue \(printable(venueText))") }
        let name = try field(doc, root, "instrument")
        guard doc.kind(name) == .string else { throw InputError("instrument must be a string") }
        let instrument = try LiquidationCheck.instrumentName(doc.raw(name))
        // The recording's coin is kept (as for liquidations): a replay shows what was seen.
        let coin = try token(doc, try field(doc, root, "coin"), "coin", maxLength: CoinNormalizer.maxLength, underscore: false)
        return (time, venue, instrument, coin)
    }

    /// A decimal written as a JSON string, as the encoder writes every one: a bare number
    /// here is a hand edit that could have passed through binary floating point.
    private static func decimalString(_ doc: JSONDoc, _ root: Int, _ key: StaticString) throws(InputError) -> FixedDecimal {
        let t = try field(doc, root, key)
        guard doc.kind(t) == .string else { throw InputError("\(key) must be a decimal in a string") }
        return try decimal(doc, root, key)
    }

    private static func optionalDecimalString(_ doc: JSONDoc, _ root: Int, _ key: StaticString) throws(InputError) -> FixedDecimal? {
        guard doc.member(root, key) != nil else { return nil }
        return try decimalString(doc, root, key)
    }

    static let rateRangeText = "\(ratePercentRange.lowerBound)...\(ratePercentRange.upperBound)"

    // MARK: - Field helpers

    private static func field(_ doc: JSONDoc, _ root: Int, _ key: StaticString) throws(InputError) -> Int {
        guard let t = doc.member(root, key) else { throw InputError("missing \"\(key)\"") }
        return t
    }

    private static func string(_ doc: JSONDoc, _ t: Int, _ name: String) throws(InputError) -> String {
        guard doc.kind(t) == .string, let s = doc.string(t) else { throw InputError("\(name) must be a string") }
        return s
    }

    private static func decimal(_ doc: JSONDoc, _ root: Int, _ key: StaticString) throws(InputError) -> FixedDecimal {
        let t = try field(doc, root, key)
        do {
            return try doc.decimal(t)
        } catch {
            throw InputError("\(key): \(error.reason)")
        }
    }

    private static func optionalDecimal(_ doc: JSONDoc, _ root: Int, _ key: StaticString) throws(InputError) -> FixedDecimal? {
        guard let t = doc.member(root, key), doc.kind(t) != .null else { return nil }
        return try decimal(doc, root, key)
    }

    /// Integer milliseconds, or an ISO-8601 string for hand-written files.
    private static func time(_ doc: JSONDoc, _ t: Int) throws(InputError) -> Millis {
        switch doc.kind(t) {
        case .number:
            return try doc.integer(t)
        case .string:
            guard let s = doc.string(t), let ms = ISOTime.parse(s) else {
                throw InputError("time is neither epoch milliseconds nor ISO-8601")
            }
            return ms
        default:
            throw InputError("time must be a number or a string")
        }
    }

    private static func day(_ doc: JSONDoc, _ t: Int, _ name: String) throws(InputError) -> Day {
        guard doc.kind(t) == .string, let day = Day(iso: String(decoding: doc.raw(t), as: UTF8.self)) else {
            throw InputError("\(name) must be a date like 2026-01-14")
        }
        return day
    }

    private static func side(_ doc: JSONDoc, _ t: Int) throws(InputError) -> Side {
        if doc.equals(t, "long") { return .long }
        if doc.equals(t, "short") { return .short }
        throw InputError("side must be long or short")
    }

    /// An identifier of `[A-Z0-9]` (plus `_` when allowed), 1...maxLength bytes: coins, funds, series.
    private static func token(_ doc: JSONDoc, _ t: Int, _ name: String, maxLength: Int, underscore: Bool) throws(InputError) -> String {
        guard doc.kind(t) == .string else { throw InputError("\(name) must be a string") }
        let raw = doc.raw(t)
        let ok = !raw.isEmpty && raw.count <= maxLength && raw.allSatisfy { b in
            (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || (underscore && b == 0x5F)
        }
        guard ok else {
            throw InputError("\(name) must be 1...\(maxLength) of A-Z 0-9\(underscore ? " _" : "")")
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// `3.50-3.75`: two plain decimals joined by a hyphen.
    static func isTargetRange(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard raw.count >= 3, raw.count <= 20 else { return false }
        let parts = raw.split(separator: 0x2D, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, let last = part.last, first != 0x2E, last != 0x2E else { return false }
            return part.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E } && part.filter { $0 == 0x2E }.count <= 1
        }
    }

    /// Echoes untrusted text in an error only as harmless characters.
    private static func printable(_ s: String) -> String { SafeText.quoted(s) }
}

// MARK: - Encoding

extension NativeFormat {
    /// The `type` of `event`'s native line (also what `liqtop export --types` names).
    public static func typeName(of event: Event) -> String {
        switch event {
        case .liquidation: "liquidation"
        case .etfFlow: "etf_flow"
        case .note: "note"
        case .rate: "rate"
        case .cutOdds: "cut_odds"
        case .dailyTotals: "daily_liquidations"
        case .markPrice: "mark_price"
        case .funding: "funding"
        case .openInterest: "open_interest"
        }
    }

    /// Every native event type, in the order of `Event`'s cases.
    public static let eventTypes = ["liquidation", "etf_flow", "note", "rate", "cut_odds", "daily_liquidations", "mark_price", "funding", "open_interest"]

    /// One line of native NDJSON for `event`, without the trailing newline.
    public static func encode(_ event: Event) -> String {
        var w = LineWriter()
        w.key("type", typeName(of: event))
        switch event {
        case .liquidation(let l):
            w.key("time", raw: String(l.time))
            w.key("venue", l.venue.rawValue)
            w.key("instrument", l.instrument)
            w.key("coin", l.coin)
            w.key("side", l.side.rawValue)
            w.key("price", l.price.description)
            w.key("qty", l.quantity.description)
            w.key("usd", l.usd.exactString)
        case .etfFlow(let f):
            w.key("date", f.day.description)
            w.key("asset", f.asset.rawValue)
            w.key("fund", f.fund)
            w.key("usd", f.netUSD.exactString)
            if let coins = f.coins { w.key("coins", coins.description) }
            if let price = f.referencePrice { w.key("price", price.description) }
        case .note(let n):
            w.key("time", raw: String(n.time))
            w.key("source", n.source)
            w.key("text", n.text)
        case .rate(let r):
            w.key("date", r.day.description)
            w.key("series", r.series)
            w.key("value", r.value.description)
        case .cutOdds(let c):
            w.key("meeting", c.meeting.description)
            w.key("range", c.targetRange)
            w.key("probability", c.probabilityPercent.description)
        case .dailyTotals(let d):
            w.key("date", d.day.description)
            w.key("long_usd", d.longUSD.exactString)
            w.key("short_usd", d.shortUSD.exactString)
        case .markPrice(let m):
            w.key("time", raw: String(m.time))
            w.key("venue", m.venue.rawValue)
            w.key("instrument", m.instrument)
            w.key("coin", m.coin)
            w.key("mark", m.mark.description)
            if let index = m.index { w.key("index", index.description) }
        case .funding(let f):
            w.key("time", raw: String(f.time))
            w.key("venue", f.venue.rawValue)
            w.key("instrument", f.instrument)
            w.key("coin", f.coin)
            w.key("rate", f.rate.description)
            if let hours = f.intervalHours { w.key("interval_h", raw: String(hours)) }
            if let next = f.nextFundingTime { w.key("next_funding_time", raw: String(next)) }
        case .openInterest(let o):
            w.key("time", raw: String(o.time))
            w.key("venue", o.venue.rawValue)
            w.key("instrument", o.instrument)
            w.key("coin", o.coin)
            w.key("size", o.size.description)
            w.key("unit", o.unit.rawValue)
            if let usd = o.usd { w.key("usd", usd.exactString) }
        }
        return w.finish()
    }

    /// One native `instrument` line for `facts`, without the trailing newline.
    public static func encode(_ facts: InstrumentFacts) -> String {
        var w = LineWriter()
        w.key("type", "instrument")
        w.key("venue", facts.venue)
        w.key("instrument", facts.instrument)
        w.key("contract_value", facts.contractValue.description)
        w.key("unit", facts.unit.rawValue)
        w.key("contract_type", facts.kind.rawValue)
        w.key("as_of", raw: String(facts.asOf))
        return w.finish()
    }

    /// Builds one flat JSON object.
    struct LineWriter {
        private var out = "{"

        init() { out.reserveCapacity(192) }

        mutating func key(_ name: String, _ value: String) {
            separator(name)
            NativeFormat.appendQuoted(value, to: &out)
        }

        /// A value already in JSON form (an integer).
        mutating func key(_ name: String, raw value: String) {
            separator(name)
            out += value
        }

        private mutating func separator(_ name: String) {
            if out.utf8.count > 1 { out += "," }
            NativeFormat.appendQuoted(name, to: &out)
            out += ":"
        }

        consuming func finish() -> String { out + "}" }
    }

    /// Appends `s` as a JSON string: `"` and `\` escaped, and every scalar `SafeText` calls
    /// unsafe (C0, DEL, C1, bidi controls) as `\uXXXX`, so neither a recording nor `--json` ever
    /// carries a raw terminal escape or a reordering mark; other UTF-8 kept as is.
    /// The one JSON string escaper: the recorder, `--print` and `summary --json` use it.
    public static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        // Lead bytes of every unsafe scalar: C0, DEL, C1 (0xC2), U+061C (0xD8), U+200E–U+2069 (0xE2), U+FFF9–U+FFFB (0xEF).
        let needsEscape = s.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xEF }
        guard needsEscape else {
            out += s
            out += "\""
            return
        }
        let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x22 {
                out += "\\\""
            } else if v == 0x5C {
                out += "\\\\"
            } else if SafeText.isUnsafe(v) {
                out += "\\u"
                for shift in [12, 8, 4, 0] { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
