/// What a venue's fast path read from one line: its orders with their final amounts, ready for
/// the checks every liquidation passes (`InputDecoder.commitFast`). Reused line after line.
struct FastLine {
    struct Order {
        /// The instrument name, as a byte range of the line.
        var symbol: Range<Int>
        /// A name the coin is taken from instead of the instrument (HTX's `symbol`).
        var coinName: Range<Int>?
        var side: Side
        var time: Millis
        var price: FixedDecimal
        var quantity: FixedDecimal
        var usd: USD?
    }

    var venue = Venue.binance
    var orders: [Order] = []
    /// Each order's instrument id, filled in by the packing decoder.
    var ids: [UInt32] = []
    /// Contracts the orders were priced with (OKX), in the order the general decoder uses them.
    var facts: [InstrumentFacts] = []
    /// A well-formed message with nothing to count (a Deribit trade frame with no forced trade).
    var nothingToCount = false

    init() { orders.reserveCapacity(16) }

    mutating func reset(_ venue: Venue) {
        self.venue = venue
        orders.removeAll(keepingCapacity: true)
        if !facts.isEmpty { facts.removeAll(keepingCapacity: true) }
        nothingToCount = false
    }
}
