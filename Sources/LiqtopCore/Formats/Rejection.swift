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
    public var rejections: [Rejection] = []
    /// Well-formed messages of kinds liqtop does not use (mark prices, subscribe acks, pongs).
    public var ignored = 0
    /// Non-blank lines decoded.
    public var lines = 0
    /// Every line read, blank ones included (what line numbers count), when known.
    public var physicalLines = 0
    /// Orders the whole input is expected to hold, when this is its first part: a store
    /// reserves room once instead of regrowing (and briefly doubling) its columns.
    public var expectedOrders: Int?

    public init() { orders = OrderColumns() }
    public init(keepsOrderDetail: Bool) { orders = OrderColumns(keepsDetail: keepsOrderDetail) }

    public mutating func append(_ other: DecodeOutput) {
        events += other.events
        orders.append(contentsOf: other.orders)
        rejections += other.rejections
        ignored += other.ignored
        lines += other.lines
    }
}

/// Facts a pure parser needs from outside: "now", to refuse timestamps from the future.
public struct DecodeContext: Sendable {
    /// Wall-clock time at decoding; events more than `maxFutureSkew` later are refused.
    public var now: Millis

    public static let earliestValidTime: Millis = 1_230_768_000_000 // 2009-01-01: nothing traded before
    public static let maxFutureSkew: Millis = Duration.day

    public init(now: Millis) { self.now = now }

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

    public init() {}

    mutating func reset() {
        events.removeAll(keepingCapacity: true)
        errors.removeAll(keepingCapacity: true)
        ignored = false
    }
}
