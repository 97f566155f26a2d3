/// A saved response of a venue's public instrument-list endpoint, recognized by its shape, read
/// into instrument facts. Pure: the caller hands in the bytes and the time the list was fetched.
///
/// Every instrument without a usable contract value is skipped with a counted reason (options,
/// quanto contracts, a value in a currency that is neither the base coin nor USD …): a value
/// is read as the venue states it or not at all.
public struct InstrumentList: Sendable {
    /// `okx`, `binance`, `gate`, `htx`, `bitmex`.
    public var venue: String
    /// The endpoint whose shape this is, for messages: `OKX /api/v5/public/instruments`.
    public var endpoint: String
    public var facts: [InstrumentFacts] = []
    /// Instruments left out, by reason.
    public var skipped = ReasonCounts()

    public var skippedCount: Int { skipped.counts.values.reduce(0, +) }

    init(venue: String, endpoint: String) { self.venue = venue; self.endpoint = endpoint }

    mutating func skip(_ reason: String) { skipped.add(reason) }

    /// What a file that is none of the known responses is told.
    public static let knownShapes = "OKX /api/v5/public/instruments, Binance COIN-M /dapi/v1/exchangeInfo, Gate /api/v4/futures/usdt/contracts, HTX /linear-swap-api/v1/swap_contract_info or BitMEX /api/v1/instrument"

    /// Reads `bytes` (one JSON document; or JSON lines, e.g. BitMEX WebSocket `instrument`
    /// frames, each of which must be a list) fetched at `asOf`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, asOf: Millis) throws(InputError) -> InstrumentList {
        var tape = JSONTape()
        do {
            try tape.parse(bytes)
        } catch {
            // Not one document: maybe one list per line.
            return try parseLines(bytes, asOf: asOf, firstError: error)
        }
        return try tape.withDoc(bytes) { (doc) throws(InputError) in try parse(doc, asOf: asOf) }
    }

    public static func parse(_ text: String, asOf: Millis) throws(InputError) -> InstrumentList {
        var s = text
        return try s.withUTF8 { p in Result { () throws(InputError) in try parse(p, asOf: asOf) } }.get()
    }

    private static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>, asOf: Millis, firstError: InputError) throws(InputError) -> InstrumentList {
        var merged: InstrumentList?
        var tape = JSONTape()
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start ..< end])
            start = end + 1
            if InputDecoder.isBlank(line) { continue }
            guard (try? tape.parse(line)) != nil else { throw firstError }
            let list = try tape.withDoc(line) { (doc) throws(InputError) in try parse(doc, asOf: asOf) }
            if merged == nil { merged = list; continue }
            guard merged!.venue == list.venue else { throw InputError("lists of two venues in one file") }
            merged!.facts += list.facts
            merged!.skipped.merge(list.skipped)
        }
        guard let merged else { throw firstError }
        return merged
    }

    static func parse(_ doc: JSONDoc, asOf: Millis) throws(InputError) -> InstrumentList {
        let root = JSONDoc.root
        let items: Int
        let reader: (JSONDoc, Int, Millis, inout InstrumentList) -> Void
        var list: InstrumentList
        if doc.kind(root) == .array, let first = firstElement(doc, root) {
            if doc.member(first, "quanto_multiplier") != nil {
                list = InstrumentList(venue: "gate", endpoint: "Gate /api/v4/futures/usdt/contracts")
                reader = GateInstruments.read
            } else if doc.member(first, "symbol") != nil, doc.member(first, "isInverse") != nil {
                list = InstrumentList(venue: "bitmex", endpoint: "BitMEX /api/v1/instrument")
                reader = BitMEXInstruments.read
            } else {
                throw notAList
            }
            items = root
        } else if doc.kind(root) == .object {
            if let symbols = doc.member(root, "symbols"), let first = firstElement(doc, symbols),
               doc.member(first, "contractSize") != nil {
                list = InstrumentList(venue: "binance", endpoint: "Binance COIN-M /dapi/v1/exchangeInfo")
                reader = BinanceCoinMInstruments.read
                items = symbols
            } else if let table = doc.member(root, "table"), doc.equals(table, "instrument"),
                      let data = doc.member(root, "data"), doc.kind(data) == .array {
                // BitMEX WebSocket `instrument` frames carry the REST objects (sparse in updates).
                list = InstrumentList(venue: "bitmex", endpoint: "BitMEX /api/v1/instrument")
                reader = BitMEXInstruments.read
                items = data
            } else if let data = doc.member(root, "data"), let first = firstElement(doc, data) {
                if doc.member(first, "ctVal") != nil, doc.member(first, "instId") != nil {
                    list = InstrumentList(venue: "okx", endpoint: "OKX /api/v5/public/instruments")
                    reader = OKXInstruments.read
                } else if doc.member(first, "contract_size") != nil, doc.member(first, "contract_code") != nil {
                    list = InstrumentList(venue: "htx", endpoint: "HTX /linear-swap-api/v1/swap_contract_info")
                    reader = HTXInstruments.read
                } else {
                    throw notAList
                }
                items = data
            } else {
                throw notAList
            }
        } else {
            throw notAList
        }
        for item in doc.elements(items) {
            guard doc.kind(item) == .object else { list.skip("entry is not an object"); continue }
            reader(doc, item, asOf, &list)
        }
        return list
    }

    static var notAList: InputError { InputError("not a saved instrument list (expected \(knownShapes))") }

    private static func firstElement(_ doc: JSONDoc, _ arr: Int) -> Int? {
        guard doc.kind(arr) == .array, arr + 1 < Int(doc.tokens[arr].next) else { return nil }
        return arr + 1
    }

    // MARK: - Field helpers for the venue readers

    /// The instrument name at `key`, validated as every instrument is.
    static func name(_ doc: JSONDoc, _ obj: Int, _ key: StaticString) -> String? {
        guard let t = doc.member(obj, key), doc.kind(t) == .string else { return nil }
        return try? LiquidationCheck.instrumentName(doc.raw(t))
    }

    /// A positive decimal (string or number) at `key`, else nil.
    static func positive(_ doc: JSONDoc, _ obj: Int, _ key: StaticString) -> FixedDecimal? {
        guard let t = doc.member(obj, key), let d = try? doc.decimal(t), d.isPositive else { return nil }
        return d
    }

    /// A non-zero decimal (string or number) at `key`, else nil (BitMEX multipliers are signed).
    static func nonZero(_ doc: JSONDoc, _ obj: Int, _ key: StaticString) -> FixedDecimal? {
        guard let t = doc.member(obj, key), let d = try? doc.decimal(t), d.signum != 0 else { return nil }
        return d
    }

    static func string(_ doc: JSONDoc, _ obj: Int, _ key: StaticString) -> String? {
        guard let t = doc.member(obj, key), doc.kind(t) == .string else { return nil }
        return SafeText.short(doc.string(t) ?? "", limit: 20)
    }
}
