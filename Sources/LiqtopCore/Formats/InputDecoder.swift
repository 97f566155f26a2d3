/// Turns the lines of one source into events, rejections and ignore counts.
///
/// The format is detected per line for JSON (so a file may mix Binance, Bybit, OKX, Bitget,
/// Gate, HTX, BitMEX, Deribit, Hyperliquid and native lines, liquidations and the ticker streams alike) and once from the header for CSV tables
/// (Farside ETF flows, FRED rates, cut odds, notes), wherever a table's header appears.
/// Pure: no I/O, no clock; the caller feeds lines from a `LineSplitter`.
public struct InputDecoder {
    public let source: String
    public var context: DecodeContext

    enum Mode { case undetermined, json, table(TableDecoder) }
    // Internal, not private: the fast paths (InputDecoder+FastPaths.swift) read and set them.
    var mode = Mode.undetermined
    private var tape = JSONTape()
    private var results = LineResults()
    /// Put liquidations into `DecodeOutput.orders` (columns) instead of `events`.
    public var packsLiquidations = false
    /// Off only in tests that compare the fast paths with the general decoder.
    var usesFastPath = true
    var instruments = InstrumentCache()
    /// What a fast path read from the current line (reused).
    var fast = FastLine()
    /// The facts already listed in an output's `instruments`, so each is listed once.
    private var reported = InstrumentBook()
    /// Venues' ticker state that deltas merge into (Bybit `tickers`, BitMEX `instrument`): this
    /// source's alone. Boxed, copied on write: held inline, the larger decoder crashed on being
    /// destroyed in an async test (RecordedInstrumentsTests.everyDayFileAndTheRawFileStateTheFactsFirst).
    private var tickerBox = TickerState.Box()
    /// This decoder's own box (a copied decoder gets a copy of the state on its first write).
    private mutating func tickers() -> TickerState.Box {
        if !isKnownUniquelyReferenced(&tickerBox) { tickerBox = TickerState.Box(tickerBox.state) }
        return tickerBox
    }

    public init(source: String, context: DecodeContext) {
        self.source = source
        self.context = context
    }

    /// A decoder for the middle of a JSON-lines file (a parallel reader's later part): it reads
    /// every line as JSON, as the whole file's decoder would after its first line.
    public init(source: String, context: DecodeContext, continuingJSON: Bool) {
        self.init(source: source, context: context)
        if continuingJSON { mode = .json }
    }

    /// Decodes one line from a `LineSplitter`.
    public mutating func consume(_ line: LineSplitter.Line, into out: inout DecodeOutput) {
        switch line {
        case .tooLong(let number):
            out.lines += 1
            out.reject(Rejection(source: source, line: number, reason: "line longer than \(LineSplitter.defaultMaxLineBytes) bytes"))
        case .text(let bytes, let number):
            consume(bytes, lineNumber: number, into: &out)
        }
    }

    public mutating func consume(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, into out: inout DecodeOutput) {
        // A UTF-8 byte order mark (editors and spreadsheets write one at the start) is not data.
        let bytes = Self.hasByteOrderMark(line) ? UnsafeBufferPointer(rebasing: line[3...]) : line
        if Self.isBlank(bytes) {
            // A mark alone on a line is a line that says nothing: counted, ignored.
            if bytes.count != line.count { out.lines += 1; out.ignored += 1 }
            return
        }
        out.lines += 1
        if decodeFast(bytes, into: &out) { return }
        results.reset()
        decodeLine(bytes)
        for f in results.learned {
            context.instruments.add(f)
            out.statedInstruments.append(f)
        }
        for f in results.used { report(f, into: &out) }
        if packsLiquidations {
            for e in results.events {
                if case .liquidation(let l) = e { out.orders.append(l) } else { out.events.append(e) }
            }
        } else {
            out.events.append(contentsOf: results.events)
        }
        for e in results.errors {
            out.reject(Rejection(source: source, line: lineNumber, reason: e.reason))
        }
        if results.ignored && results.events.isEmpty && results.errors.isEmpty { out.ignored += 1 }
    }

    /// Lists `facts` in the output unless this decoder already did (with the same pricing).
    mutating func report(_ facts: InstrumentFacts, into out: inout DecodeOutput) {
        if let seen = reported.facts(venue: facts.venue, instrument: facts.instrument), seen.prices(like: facts) { return }
        reported.add(facts)
        out.instruments.append(facts)
    }

    /// `report` for a COIN-M line of the fast path, building the facts only when they are new.
    mutating func reportCoinM(_ symbol: UnsafeBufferPointer<UInt8>, into out: inout DecodeOutput) {
        if let seen = reported.facts(venue: BinanceFormat.venue, instrument: symbol) {
            if let current = context.instruments.facts(venue: BinanceFormat.venue, instrument: symbol) {
                if seen.prices(like: current) { return }
            } else if seen.unit == .usd, seen.kind == .inverse, seen.contractValue == BinanceFormat.coinMContractSize(symbol) {
                return // the bundled rule, as listed before
            }
        }
        if let facts = BinanceFormat.coinMFacts(symbol, book: context.instruments) { report(facts, into: &out) }
    }

    private mutating func decodeLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        let first = Self.firstNonSpace(bytes)
        switch mode {
        case .undetermined:
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                mode = .json
                decodeJSON(bytes)
            } else {
                detectTable(bytes)
            }
        case .json:
            // A known table's header starts that table, wherever it appears in the file.
            if first != UInt8(ascii: "{"), first != UInt8(ascii: "["), startsTable(bytes) { return }
            decodeJSON(bytes)
        case .table(var decoder):
            // A JSON line inside a table file is still read as JSON.
            if first == UInt8(ascii: "{") { decodeJSON(bytes); return }
            // Another table may follow (two downloads concatenated, ETF flows then rates).
            if startsTable(bytes) { return }
            do {
                let fields = try CSV.split(bytes)
                mode = .undetermined // release the copy so `decoder` is uniquely referenced
                decoder.decode(fields: fields, context: context, into: &results)
            } catch {
                results.errors.append(error)
            }
            mode = .table(decoder)
        }
    }

    /// Switches to the table whose header `bytes` is, if it is one.
    private mutating func startsTable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !Self.isBareControl(bytes), let fields = try? CSV.split(bytes),
              let table = TableDecoder.detect(headerFields: fields) else { return false }
        mode = .table(table)
        results.ignored = true
        return true
    }

    private mutating func detectTable(_ bytes: UnsafeBufferPointer<UInt8>) {
        if Self.isBareControl(bytes) { mode = .json; results.ignored = true; return }
        do {
            let fields = try CSV.split(bytes)
            if let decoder = TableDecoder.detect(headerFields: fields) {
                mode = .table(decoder)
                results.ignored = true // the header itself carries no data
            } else {
                results.errors.append(InputError("unrecognized format: neither JSON nor a known CSV header"))
            }
        } catch {
            results.errors.append(error)
        }
    }

    private mutating func decodeJSON(_ bytes: UnsafeBufferPointer<UInt8>, unwrapsFrames: Bool = true) {
        if Self.isBareControl(bytes) { results.ignored = true; return }
        do {
            try tape.parse(bytes)
            if unwrapsFrames, var frame = try tape.withDoc(bytes, { (doc) throws(InputError) -> String? in try Self.recordedFrame(doc) }) {
                // A raw recording's line: the venue's frame as received, read as that frame
                // (one level only: a frame is never itself unwrapped).
                frame.withUTF8 { decodeJSON($0, unwrapsFrames: false) }
                return
            }
            let ctx = context
            let box = tickers()
            try tape.withDoc(bytes) { (doc) throws(InputError) in
                try Self.route(doc, context: ctx, tickers: &box.state, into: &results)
            }
        } catch {
            results.errors.append(error)
        }
    }

    /// The frame of a `--record-raw` line, `{"source":"…","time":…,"frame":"<the venue's text>"}`, else nil.
    static func recordedFrame(_ doc: JSONDoc) throws(InputError) -> String? {
        let root = JSONDoc.root
        guard doc.kind(root) == .object, let frame = doc.member(root, "frame"), doc.kind(frame) == .string,
              doc.member(root, "source") != nil, doc.member(root, "type") == nil else { return nil }
        guard let text = doc.string(frame) else { throw InputError("recorded frame is not valid text") }
        return text
    }

    /// Picks the format of a JSON line from its shape.
    static func route(_ doc: JSONDoc, context: DecodeContext, tickers: inout TickerState,
                      into out: inout LineResults) throws(InputError) {
        var root = JSONDoc.root
        // Binance `!markPrice@arr`: a bare array of events, one per symbol.
        if BinanceLeverage.isEventArray(doc, root) {
            BinanceLeverage.markPriceArray(doc, root, context: context, into: &out)
            return
        }
        guard doc.kind(root) == .object else { throw InputError("not a JSON object") }
        if let type = doc.member(root, "type"), doc.kind(type) == .string, doc.member(root, "topic") == nil {
            try NativeFormat.decode(doc, root, context: context, into: &out)
            return
        }
        // Binance combined streams wrap each message: {"stream": "...", "data": {...}}.
        if doc.member(root, "stream") != nil, let data = doc.member(root, "data") {
            if doc.kind(data) == .object {
                root = data
            } else if BinanceLeverage.isEventArray(doc, data) {
                BinanceLeverage.markPriceArray(doc, data, context: context, into: &out)
                return
            }
        }
        if let e = doc.member(root, "e") {
            if doc.equals(e, "forceOrder") {
                try BinanceFormat.decode(doc, root, context: context, into: &out)
            } else if doc.equals(e, "markPriceUpdate") {
                try BinanceLeverage.markPrice(doc, root, context: context, into: &out)
            } else {
                out.ignored = true
            }
            return
        }
        if let topic = doc.member(root, "topic") {
            if doc.hasPrefix(topic, "allLiquidation.") || doc.hasPrefix(topic, "liquidation.") {
                try BybitFormat.decode(doc, root, context: context, into: &out)
            } else if doc.hasPrefix(topic, "tickers.") {
                try BybitTickers.decode(doc, root, state: &tickers.bybit, context: context, into: &out)
            } else if HTXFormat.isLiquidationTopic(doc, topic) {
                try HTXFormat.decode(doc, root, context: context, into: &out)
            } else {
                out.ignored = true
            }
            return
        }
        if let arg = doc.member(root, "arg"), let channel = doc.member(arg, "channel") {
            if doc.equals(channel, "liquidation-orders"), doc.member(root, "data") != nil {
                try OKXFormat.decode(doc, root, context: context, into: &out)
            } else if let leverage = OKXLeverage.channel(doc, channel), doc.member(root, "data") != nil {
                try OKXLeverage.decode(doc, root, leverage, context: context, into: &out)
            } else if doc.equals(channel, "ticker"), isBitgetFutures(doc, arg), doc.member(root, "data") != nil {
                try BitgetTicker.decode(doc, root, context: context, into: &out) // Bitget v2 names it `arg.channel` too
            } else {
                out.ignored = true // subscribe acks and other channels
            }
            return
        }
        // Bitget v3 names its channel `arg.topic` (OKX: `arg.channel`).
        if let arg = doc.member(root, "arg"), let topic = doc.member(arg, "topic") {
            if let reason = BitgetFormat.errorReason(doc, root) { throw InputError(reason) }
            if doc.equals(topic, "liquidation"), doc.member(root, "data") != nil {
                try BitgetFormat.decode(doc, root, context: context, into: &out)
            } else {
                out.ignored = true // subscribe acks and other topics
            }
            return
        }
        // Gate futures: `{"channel":"futures.…","event":…,"result":…}`.
        if let channel = doc.member(root, "channel"), doc.hasPrefix(channel, "futures.") {
            try GateFormat.decode(doc, root, channel, context: context, into: &out)
            return
        }
        // Hyperliquid: `{"channel":"activeAssetCtx","data":…}`, its acks, pongs and errors.
        if let channel = HyperliquidContext.channel(doc, root) {
            try HyperliquidContext.decode(doc, root, channel, context: context, into: &out)
            return
        }
        if let table = doc.member(root, "table") {
            if doc.equals(table, "liquidation") {
                try BitMEXFormat.decode(doc, root, context: context, into: &out)
            } else if doc.equals(table, "instrument") {
                try BitMEXInstrument.decode(doc, root, state: &tickers.bitmex, context: context, into: &out)
            } else {
                out.ignored = true
            }
            return
        }
        // Deribit JSON-RPC notifications: {"method":"subscription","params":{"channel":…,"data":…}}.
        if let method = doc.member(root, "method"), doc.equals(method, "subscription"),
           let params = doc.member(root, "params"), let channel = doc.member(params, "channel") {
            if doc.hasPrefix(channel, "trades.") {
                try DeribitFormat.decode(doc, params, context: context, into: &out)
            } else if doc.hasPrefix(channel, "ticker.") {
                try DeribitTicker.decode(doc, params, context: context, into: &out)
            } else {
                out.ignored = true
            }
            return
        }
        if BinanceLeverage.isOpenInterestBody(doc, root) {
            try BinanceLeverage.openInterest(doc, root, context: context, into: &out)
            return
        }
        if let reason = VenueErrorReply.reason(doc, root, venue: context.venue) { throw InputError(reason) }
        // Acks, pongs and other well-formed messages liqtop has no use for.
        out.ignored = true
    }

    /// Bitget v2's futures product types (`arg.instType`).
    static func isBitgetFutures(_ doc: JSONDoc, _ arg: Int) -> Bool {
        guard let t = doc.member(arg, "instType") else { return false }
        return doc.equals(t, "USDT-FUTURES") || doc.equals(t, "COIN-FUTURES") || doc.equals(t, "USDC-FUTURES")
    }

    static func hasByteOrderMark(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
    }

    static func isBlank(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        p.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    static func firstNonSpace(_ p: UnsafeBufferPointer<UInt8>) -> UInt8? {
        p.first { $0 != 0x20 && $0 != 0x09 }
    }

    /// Plain-text control messages, not data: OKX answers `ping` with a bare `pong`;
    /// Hyperliquid greets a new connection with a sentence (`HyperliquidContext.greeting`).
    static func isBareControl(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        isBarePong(p) || HyperliquidContext.isGreeting(p)
    }

    static func isBarePong(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        p.count == 4 && p[0] == 0x70 && p[1] == 0x6F && p[2] == 0x6E && p[3] == 0x67
    }
}

extension InputDecoder {
    /// Decodes a whole in-memory text (tests, the demo day, small files).
    public static func decodeAll(_ text: String, source: String, context: DecodeContext) -> DecodeOutput {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { decodeAll(UnsafeBufferPointer($0), source: source, context: context) }
    }

    public static func decodeAll(_ bytes: UnsafeBufferPointer<UInt8>, source: String, context: DecodeContext) -> DecodeOutput {
        var decoder = InputDecoder(source: source, context: context)
        var splitter = LineSplitter()
        var out = DecodeOutput()
        splitter.push(bytes) { decoder.consume($0, into: &out) }
        splitter.finish { decoder.consume($0, into: &out) }
        return out
    }
}
