/// One input line (or one entry of a multi-entry message) that was refused, and why.
public struct Rejection: Sendable, Hashable, CustomStringConvertible {
    /// The file name, `-` for stdin, or a venue's stream name.
    public var source: String
    /// 1-based line number within the source (0 when the whole source failed).
    public var line: Int
    public var reason: String

    public init(source: String, line: Int, reason: String) {
        self.source = source; self.line = line; self.reason = reason
    }

    /// `FILE:LINE: reason`, printable: the file name and the reason may carry hostile bytes.
    public var description: String { SafeText.clean("\(source):\(line): \(reason)") }
}

/// Everything decoded from a run of input: the events plus what was refused or ignored.
public struct DecodeOutput: Sendable {
    public var events: [Event] = []
    /// Liquidations, when the decoder packs them (`InputDecoder.packsLiquidations`: bulk file
    /// loads); otherwise they are in `events`.
    public var orders: OrderColumns
    /// The first `keptRejections` rejections, in input order; `reject(_:)` adds one.
    public private(set) var rejections: [Rejection] = []
    /// Rejections beyond `keptRejections`: counted (and by reason), not kept, so a corrupt
    /// gigabyte costs a counter rather than gigabytes.
    public private(set) var rejectionsNotKept = 0
    /// How many rejections of each kind (`ReasonCounts.kind`), kept and not.
    public private(set) var reasons = ReasonCounts()
    /// The instrument facts the orders here were priced with, in input order: each the first
    /// time its decoder priced with it (and again when its facts changed). The recorder writes
    /// them into the recording before the first order priced with them.
    public var instruments: [InstrumentFacts] = []
    /// The facts `instrument` lines here state, in input order (they price the lines after them).
    public var statedInstruments: [InstrumentFacts] = []
    /// Well-formed messages of kinds liqtop does not use (index prices, 24h tickers, subscribe acks, pongs).
    public var ignored = 0
    /// Non-blank lines decoded.
    public var lines = 0
    /// Every line read, blank ones included (what line numbers count), when known.
    public var physicalLines = 0
    /// Orders the whole input is expected to hold, when this is its first part: a store
    /// reserves room once instead of regrowing (and briefly doubling) its columns.
    public var expectedOrders: Int?

    public static let keptRejections = 1_000

    public init() { orders = OrderColumns() }
    public init(keepsOrderDetail: Bool) { orders = OrderColumns(keepsDetail: keepsOrderDetail) }

    /// Every rejection, kept or only counted.
    public var rejectedCount: Int { rejections.count + rejectionsNotKept }

    public mutating func reject(_ r: Rejection) {
        reasons.add(r.reason)
        if rejections.count < Self.keptRejections { rejections.append(r) } else { rejectionsNotKept += 1 }
    }

    /// Drops kept rejections (a watched table's bad row already reported at an earlier read).
    public mutating func removeRejections(where drop: (Rejection) -> Bool) {
        rejections.removeAll { r in
            guard drop(r) else { return false }
            reasons.add(r.reason, count: -1)
            return true
        }
    }

    /// Line numbers of a later part of a file are relative to the part: moved to the file's.
    public mutating func shiftRejectionLines(by offset: Int) {
        for i in rejections.indices { rejections[i].line += offset }
    }

    public mutating func append(_ other: DecodeOutput) {
        events += other.events
        orders.append(contentsOf: other.orders)
        instruments += other.instruments
        statedInstruments += other.statedInstruments
        let room = max(0, Self.keptRejections - rejections.count)
        rejections += other.rejections.prefix(room)
        rejectionsNotKept += other.rejectionsNotKept + max(0, other.rejections.count - room)
        reasons.merge(other.reasons)
        ignored += other.ignored
        lines += other.lines
    }
}

/// Rejections counted by kind: the reason with the values it quotes taken out, so
/// `bad value "x"` and `bad value "y"` are one kind. At most `maxKinds` kinds; the rest are counted together.
public struct ReasonCounts: Sendable, Hashable {
    public static let maxKinds = 50
    public static let otherKinds = "(other reasons)"
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    /// `reason` with every double-quoted part written as `"…"`.
    public static func kind(of reason: String) -> String {
        guard reason.contains("\"") else { return reason }
        var out = ""
        var inQuote = false
        for c in reason {
            if c == "\"" {
                out += inQuote ? "…\"" : "\""
                inQuote.toggle()
            } else if !inQuote {
                out.append(c)
            }
        }
        return inQuote ? out + "…\"" : out
    }

    /// The last reason added and the key it was counted under: bad input comes in runs of one reason.
    private var lastReason: String?
    private var lastKey: String?

    /// Counts `reason` (`count` may be negative: a rejection taken back).
    public mutating func add(_ reason: String, count: Int = 1) {
        let key: String
        if let lastKey, lastReason == reason {
            key = lastKey
        } else {
            let k = Self.kind(of: reason)
            key = counts[k] != nil || counts.count < Self.maxKinds ? k : Self.otherKinds
            lastReason = reason
            lastKey = key
        }
        let n = counts[key, default: 0] + count
        counts[key] = n > 0 ? n : nil
    }

    public static func == (a: ReasonCounts, b: ReasonCounts) -> Bool { a.counts == b.counts }
    public func hash(into h: inout Hasher) { h.combine(counts) }

    public mutating func merge(_ other: ReasonCounts) {
        for (k, n) in other.counts {
            if counts[k] != nil || counts.count < Self.maxKinds { counts[k, default: 0] += n } else { counts[Self.otherKinds, default: 0] += n }
        }
    }

    /// Most frequent first.
    public var sorted: [(kind: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
    }
}

/// Facts a pure parser needs from outside: "now", to refuse timestamps from the future, and
/// the venue of a live connection, and the venues' instrument facts, to price orders sized in contracts.
public struct DecodeContext: Sendable {
    /// Wall-clock time at decoding; events more than `maxFutureSkew` later are refused.
    public var now: Millis
    /// The venue a live connection reads, nil for files. Aster sends Binance's `forceOrder`
    /// byte for byte, so only the connection can tell whose order a line is.
    public var venue: Venue?
    /// When the line arrived, if the caller knows it (a live connection: the frame's receive
    /// time). Venues whose messages carry no timestamp (BitMEX) are dated by it, and refused
    /// without it rather than dated by whatever clock reads the file.
    public var receivedAt: Millis?
    /// Contract values from the venues' instrument lists (`--instruments`, live fetches) and
    /// from `instrument` lines read so far; consulted before the bundled tables.
    public var instruments: InstrumentBook

    public static let earliestValidTime: Millis = 1_230_768_000_000 // 2009-01-01: nothing traded before
    public static let maxFutureSkew: Millis = Duration.day

    public init(now: Millis, venue: Venue? = nil, receivedAt: Millis? = nil, instruments: InstrumentBook = InstrumentBook()) {
        self.now = now; self.venue = venue; self.receivedAt = receivedAt; self.instruments = instruments
    }

    /// Whose `forceOrder` a line is: Aster's on an Aster connection, else Binance's (a raw
    /// Aster capture read from a file counts as Binance; a native recording keeps the venue).
    public var forceOrderVenue: Venue { venue == .aster ? .aster : .binance }

    public func checkTime(_ t: Millis) throws(InputError) {
        if t < Self.earliestValidTime { throw InputError("timestamp before 2009") }
        if t > now + Self.maxFutureSkew { throw InputError("timestamp more than a day in the future") }
    }
}

/// What one line produced: events, per-entry errors, or an "ignored" mark. Reused across lines.
public struct LineResults {
    public var events: [Event] = []
    public var errors: [InputError] = []
    public var ignored = false
    /// Instrument facts this line's orders were priced with.
    public var used: [InstrumentFacts] = []
    /// Instrument facts this line states (a native `instrument` line): they price later lines.
    public var learned: [InstrumentFacts] = []

    public init() {}

    mutating func reset() {
        events.removeAll(keepingCapacity: true)
        errors.removeAll(keepingCapacity: true)
        ignored = false
        if !used.isEmpty { used.removeAll(keepingCapacity: true) }
        if !learned.isEmpty { learned.removeAll(keepingCapacity: true) }
    }
}
