/// Maps an instrument name, as raw bytes from a line, to its id in an output's instrument
/// table without building or hashing strings on every line: a crash day repeats a few dozen
/// names a million times. Names are validated and normalized once, on a miss.
struct InstrumentCache {
    private struct Slot {
        var bytes: [UInt8]
        var venue: Venue
        var name: String
        var coin: String
        var id: UInt32
    }

    private static let slotCount = 64
    private var slots: [Slot?] = Array(repeating: nil, count: slotCount)

    /// The id of the instrument in `orders.instruments` (added when new), or nil when the name
    /// is not a valid instrument or has no recognizable coin.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, venue: Venue, in orders: inout OrderColumns) -> UInt32? {
        var h: UInt32 = 2_166_136_261 // FNV-1a
        for x in bytes { h = (h ^ UInt32(x)) &* 16_777_619 }
        let k = Int(h % UInt32(Self.slotCount))
        if let s = slots[k], s.venue == venue, s.bytes.elementsEqual(bytes) {
            // The id is only good for the table it came from: outputs change between batches.
            if s.id < orders.instruments.count, orders.instruments[s.id].venue == venue,
               orders.instruments[s.id].instrument == s.name { return s.id }
            let id = orders.instrumentID(venue: venue, instrument: s.name, coin: s.coin)
            slots[k]?.id = id
            return id
        }
        guard let name = try? LiquidationCheck.instrumentName(bytes), let coin = CoinNormalizer.coin(of: name) else { return nil }
        let id = orders.instrumentID(venue: venue, instrument: name, coin: coin)
        slots[k] = Slot(bytes: Array(bytes), venue: venue, name: name, coin: coin, id: id)
        return id
    }
}
