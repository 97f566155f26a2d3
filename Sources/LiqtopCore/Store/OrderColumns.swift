/// Liquidations stored as columns: 20 bytes an order (38 with price and quantity) instead of
/// the ~100 of a `Liquidation` value with its two strings, so a million-order crash day fits
/// in tens of megabytes and sums run over dense arrays.
public struct OrderColumns: Sendable {
    public private(set) var instruments = InstrumentTable()
    private(set) var times: [Millis] = []
    private(set) var usd: [Int64] = []
    /// `instrument id << 1`, plus 1 for a short.
    private(set) var tags: [UInt32] = []
    /// Price and quantity are kept only where orders are listed (the dashboard); `summary`
    /// never shows them and saves the memory.
    public let keepsDetail: Bool
    private var priceMantissas: [Int64] = []
    private var quantityMantissas: [Int64] = []
    /// `price scale << 8 | quantity scale`.
    private var scales: [UInt16] = []
    /// Without detail, the prices of orders of `notableUSD` and more still (the tape's and the
    /// largest orders' that `summary --json` names): few, keyed by content so no reordering or
    /// merge of the columns loses them.
    private var notablePrices: [NotableKey: FixedDecimal] = [:]
    struct NotableKey: Hashable, Sendable {
        var time: Millis, usd: Int64, short: Bool
        var venue: Venue, instrument: String
    }
    /// The tape's default threshold.
    public static let notableUSD = USD(dollars: 50_000)

    public init(keepsDetail: Bool = true) { self.keepsDetail = keepsDetail }

    public var count: Int { times.count }
    public var isEmpty: Bool { times.isEmpty }

    var capacity: Int { times.capacity }

    public mutating func reserveCapacity(_ n: Int) {
        times.reserveCapacity(n); usd.reserveCapacity(n); tags.reserveCapacity(n)
        if keepsDetail { priceMantissas.reserveCapacity(n); quantityMantissas.reserveCapacity(n); scales.reserveCapacity(n) }
    }

    public mutating func append(_ l: Liquidation) {
        let id = instruments.id(venue: l.venue, instrument: l.instrument, coin: l.coin)
        append(time: l.time, usd: l.usd, instrument: id, side: l.side, price: l.price, quantity: l.quantity)
    }

    /// Adds an order whose instrument is already in `instruments` (the decoders' fast path).
    mutating func append(time: Millis, usd amount: USD, instrument: UInt32, side: Side,
                         price: FixedDecimal, quantity: FixedDecimal) {
        times.append(time)
        usd.append(amount.micros)
        tags.append(instrument << 1 | (side == .short ? 1 : 0))
        if keepsDetail {
            priceMantissas.append(price.mantissa)
            quantityMantissas.append(quantity.mantissa)
            scales.append(UInt16(price.scale) << 8 | UInt16(quantity.scale))
        } else if amount >= Self.notableUSD {
            notablePrices[notableKey(times.count - 1)] = price
        }
    }

    private func notableKey(_ i: Int) -> NotableKey {
        let entry = instruments[instrument(i)]
        return NotableKey(time: times[i], usd: usd[i], short: isShort(i), venue: entry.venue, instrument: entry.instrument)
    }

    /// The id `instrument` has (or gets) in this columns' table.
    mutating func instrumentID(venue: Venue, instrument: String, coin: String) -> UInt32 {
        instruments.id(venue: venue, instrument: instrument, coin: coin)
    }

    @inline(__always) func isShort(_ i: Int) -> Bool { tags[i] & 1 == 1 }
    @inline(__always) func instrument(_ i: Int) -> UInt32 { tags[i] >> 1 }

    /// The price of the order at `i`, nil when not kept.
    func price(at i: Int) -> FixedDecimal? {
        if keepsDetail { return FixedDecimal(uncheckedMantissa: priceMantissas[i], scale: UInt8(scales[i] >> 8)) }
        return usd[i] >= Self.notableUSD.micros ? notablePrices[notableKey(i)] : nil
    }

    /// The order at `i` as a value; without detail its quantity reads as zero, and its price too
    /// unless it is a notable order's (zero is never a real price: such orders are rejected).
    public func liquidation(at i: Int) -> Liquidation {
        let entry = instruments[instrument(i)]
        let price = self.price(at: i) ?? .zero
        var quantity = FixedDecimal.zero
        if keepsDetail {
            quantity = FixedDecimal(uncheckedMantissa: quantityMantissas[i], scale: UInt8(scales[i] & 0xFF))
        }
        return Liquidation(time: times[i], venue: entry.venue, instrument: entry.instrument, coin: entry.coin,
                           side: isShort(i) ? .short : .long, price: price, quantity: quantity, usd: USD(micros: usd[i]))
    }

    /// Appends the orders of `other` at `indices` (all of them when nil), in that order.
    public mutating func append(contentsOf other: OrderColumns, indices: [Int]? = nil) {
        let remap = instruments.merge(other.instruments)
        let identity = remap.enumerated().allSatisfy { UInt32($0.offset) == $0.element }
        let detail = keepsDetail && other.keepsDetail
        if !keepsDetail {
            if !other.keepsDetail { notablePrices.merge(other.notablePrices) { a, _ in a } }
            else { for i in indices ?? Array(0 ..< other.count) where other.usd[i] >= Self.notableUSD.micros {
                notablePrices[other.notableKey(i)] = other.price(at: i)
            } }
        }
        func copy(_ i: Int) {
            times.append(other.times[i])
            usd.append(other.usd[i])
            let tag = other.tags[i]
            tags.append(identity ? tag : remap[Int(tag >> 1)] << 1 | (tag & 1))
            if keepsDetail {
                let known = detail ? nil : other.price(at: i)
                priceMantissas.append(detail ? other.priceMantissas[i] : known?.mantissa ?? 0)
                quantityMantissas.append(detail ? other.quantityMantissas[i] : 0)
                scales.append(detail ? other.scales[i] : UInt16(known?.scale ?? 0) << 8)
            }
        }
        if let indices {
            reserveCapacity(count + indices.count)
            for i in indices { copy(i) }
        } else if identity && detail == keepsDetail {
            // The bulk case (a file's parts joined in order): whole-array copies.
            times += other.times; usd += other.usd; tags += other.tags
            if keepsDetail { priceMantissas += other.priceMantissas; quantityMantissas += other.quantityMantissas; scales += other.scales }
        } else {
            reserveCapacity(count + other.count)
            for i in 0 ..< other.count { copy(i) }
        }
    }

    /// Drops the orders from position `k` on.
    mutating func removeSuffix(from k: Int) {
        guard k < count else { return }
        times.removeSubrange(k...); usd.removeSubrange(k...); tags.removeSubrange(k...)
        if keepsDetail { priceMantissas.removeSubrange(k...); quantityMantissas.removeSubrange(k...); scales.removeSubrange(k...) }
    }

    /// The orders from position `k` on, as their own columns (same instrument ids).
    func suffix(from k: Int) -> OrderColumns {
        var out = OrderColumns(keepsDetail: keepsDetail)
        out.instruments = instruments
        out.times = Array(times[k...]); out.usd = Array(usd[k...]); out.tags = Array(tags[k...])
        out.notablePrices = notablePrices
        if keepsDetail {
            out.priceMantissas = Array(priceMantissas[k...]); out.quantityMantissas = Array(quantityMantissas[k...])
            out.scales = Array(scales[k...])
        }
        return out
    }

    /// Keeps only the orders at `indices` (increasing).
    mutating func keepOnly(_ indices: [Int]) {
        var kept = OrderColumns(keepsDetail: keepsDetail)
        kept.instruments = instruments
        kept.append(contentsOf: self, indices: indices)
        self = kept
    }

    /// Positions sorted by time, stable (equal times keep arrival order); nil when already sorted.
    func timeOrder() -> [Int]? {
        var sorted = true
        for i in times.indices.dropFirst() where times[i] < times[i - 1] { sorted = false; break }
        if sorted { return nil }
        return times.indices.sorted { times[$0] < times[$1] || (times[$0] == times[$1] && $0 < $1) }
    }
}
